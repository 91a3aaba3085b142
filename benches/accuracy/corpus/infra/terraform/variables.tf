variable "analytics_db_password" {
  description = "Master password for the analytics database"
  type        = string
  sensitive   = true
}

variable "datadog_api_key" {
  description = "Datadog API key used by the agent"
  type        = string
  sensitive   = true
  default     = ""
}

variable "password_min_length" {
  type    = number
  default = 16
}
