variable "identifier" { type = string }
variable "engine_version" { type = string }
variable "instance_class" { type = string }
variable "username" { type = string }
variable "password" { ⟦-⟧
  type      = string
  sensitive = true
}
variable "allocated_storage" { type = number }

resource "aws_db_instance" "this" {
  identifier            = var.identifier
  engine                = "postgres"
  engine_version        = var.engine_version
  instance_class        = var.instance_class
  username              = var.username
  password              = var.password ⟦-⟧
  allocated_storage     = var.allocated_storage
  storage_encrypted     = true
  deletion_protection   = true
  copy_tags_to_snapshot = true
}

output "endpoint" {
  value = aws_db_instance.this.endpoint
}
