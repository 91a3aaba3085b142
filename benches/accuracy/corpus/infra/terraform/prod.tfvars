environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "bananashadow95"
datadog_api_key       = "be9ac8a8534fa386b05f342f1e70354e"
cloudflare_api_token  = "gFoGC4wXzkeMoSF9YajkVpHc4owSksJeLVLEfF6g"
github_token          = "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"
instance_count        = 6
