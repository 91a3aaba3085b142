terraform {
  required_version = ">= 1.5"
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "platform/prod.tfstate"
    region = "eu-central-1"
  }
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.30"
    }
  }
}

provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAXRTCVESKX2Z6QMCI"
  secret_key = "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"
}

module "orders_db" {
  source            = "./modules/rds"
  identifier        = "orders-prod"
  engine_version    = "15.4"
  instance_class    = "db.r6g.large"
  username          = "orders_admin"
  password          = "Coffee2021."
  allocated_storage = 200
}

resource "aws_db_instance" "analytics" {
  identifier          = "analytics-prod"
  engine              = "postgres"
  instance_class      = "db.t4g.medium"
  username            = "analytics"
  password            = var.analytics_db_password
  skip_final_snapshot = false
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

output "ci_secret" {
  value     = aws_iam_access_key.ci.secret
  sensitive = true
}

resource "aws_s3_object" "config" {
  bucket                 = "acme-config"
  key                    = "orders/app.env"
  source                 = "files/app.env"
  sse_customer_algorithm = "AES256"
  sse_customer_key       = "dIFVKcv9aRtATqnZi7g6WBSZORbiGuSiNpdGEs6HSVc="
}

resource "random_password" "redis" {
  length  = 32
  special = false
}
