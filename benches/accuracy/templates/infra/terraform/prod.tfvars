environment           = "prod"
region                = "eu-central-1"
analytics_db_password = "«pw»" ⟦+password⟧
datadog_api_key       = "«hex:32»" ⟦+token⟧
cloudflare_api_token  = "«alnum:40»" ⟦+token⟧
github_token          = "«ghpat»" ⟦+provider⟧
instance_count        = 6
