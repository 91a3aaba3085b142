environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "Daisy-1721"
datadog_api_key       = "c26f2dfdb7788ea8f7771c9ef056787f"
cloudflare_api_token  = "KyTcKkq34bEXZrdw8XhiSDMxuxHCJCj6TA92ONxV"
github_token          = "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"
instance_count        = 6
