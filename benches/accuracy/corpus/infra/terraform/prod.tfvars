environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "baseball"
datadog_api_key       = "980b85b88c8d5d42392c8f4c966429de"
cloudflare_api_token  = "kdkztrNwPumBaRjLmLGII8jjKuh7unByGv7rWrnb"
github_token          = "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"
instance_count        = 6
