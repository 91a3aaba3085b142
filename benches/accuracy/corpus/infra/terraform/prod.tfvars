environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "Baseball.245"
datadog_api_key       = "6dbf9ced138c1de8ba2ac48cfec6e988"
cloudflare_api_token  = "S9Nj2Z0Ap2Av1Qs9Wi9dezmgSzUnWmeCfZpNzIV7"
github_token          = "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"
instance_count        = 6
