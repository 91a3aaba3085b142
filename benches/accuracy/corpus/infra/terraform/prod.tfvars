environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "Baseball2024!"
datadog_api_key       = "f5b8ce40f98123dd0767dbbf8c2a0437"
cloudflare_api_token  = "CaFg4AHXLCMx4850k3P1YhVriKYyEXvnMdDr8w32"
github_token          = "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"
instance_count        = 6
