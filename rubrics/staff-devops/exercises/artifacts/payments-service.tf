terraform {
  required_version = ">= 1.3"

  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }

  backend "local" {
    path = "state/payments-prod.tfstate"
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "app_instance_count" {
  type    = number
  default = 3
}

locals {
  name = "payments-${var.environment}"

  # Shared network, see the infra wiki for the layout.
  vpc_id          = "vpc-0b7e3f21a9c4d5e68"
  public_subnets  = ["subnet-0a11c6e2f4b7d9031", "subnet-0f52d8a3c1e6b4907"]
  private_subnets = ["subnet-04c2a91e7d3b6f105", "subnet-0e93b7c1f5a2d4860"]
}

module "alb" {
  source = "git::https://github.com/northwind-platform/terraform-aws-alb.git"

  name            = local.name
  vpc_id          = local.vpc_id
  subnets         = local.public_subnets
  target_port     = 8080
  certificate_arn = "arn:aws:acm:eu-west-1:318244919027:certificate/6f1c2a9e-77b3-4d0e-9f51-2c4be8a1d730"
}

resource "aws_s3_bucket" "statements" {
  bucket = "${local.name}-statements"
}

resource "aws_s3_bucket_ownership_controls" "statements" {
  bucket = aws_s3_bucket.statements.id

  rule {
    object_ownership = "BucketOwnerPreferred"
  }
}

resource "aws_s3_bucket_public_access_block" "statements" {
  bucket                  = aws_s3_bucket.statements.id
  block_public_acls       = false
  block_public_policy     = false
  ignore_public_acls      = false
  restrict_public_buckets = false
}

resource "aws_s3_bucket_acl" "statements" {
  depends_on = [aws_s3_bucket_ownership_controls.statements, aws_s3_bucket_public_access_block.statements]

  bucket = aws_s3_bucket.statements.id
  acl    = "public-read"
}

resource "aws_security_group" "app" {
  name        = "${local.name}-app"
  description = "payments api instances"
  vpc_id      = local.vpc_id

  ingress {
    description     = "http from alb"
    from_port       = 8080
    to_port         = 8080
    protocol        = "tcp"
    security_groups = [module.alb.security_group_id]
  }

  ingress {
    description = "ssh"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name        = "${local.name}-db"
  description = "payments postgres"
  vpc_id      = local.vpc_id

  ingress {
    description = "postgres"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_iam_role" "app" {
  name = "${local.name}-app"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy" "app" {
  name = "${local.name}-app"
  role = aws_iam_role.app.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "sqs:*", "kms:*"]
      Resource = "*"
    }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "${local.name}-app"
  role = aws_iam_role.app.name
}

resource "aws_db_subnet_group" "payments" {
  name       = local.name
  subnet_ids = local.private_subnets
}

resource "aws_db_instance" "payments" {
  identifier     = "${local.name}-db"
  engine         = "postgres"
  engine_version = "15.4"
  instance_class = "db.r6g.large"
  multi_az       = false

  allocated_storage = 200
  storage_type      = "gp3"
  storage_encrypted = false

  db_name  = "payments"
  username = "payments_admin"
  password = "Nw-payments-2023!"

  db_subnet_group_name   = aws_db_subnet_group.payments.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = true

  backup_retention_period = 0
  deletion_protection     = false
  skip_final_snapshot     = true
  apply_immediately       = true
}

data "aws_ami" "app" {
  most_recent = true
  owners      = ["self"]

  filter {
    name   = "name"
    values = ["payments-api-*"]
  }
}

resource "aws_instance" "app" {
  count = var.app_instance_count

  ami                    = data.aws_ami.app.id
  instance_type          = "m6i.large"
  subnet_id              = local.private_subnets[0]
  vpc_security_group_ids = [aws_security_group.app.id]
  iam_instance_profile   = aws_iam_instance_profile.app.name
  key_name               = "ops-shared"

  user_data = <<-EOF
    #!/bin/bash
    cat > /etc/payments/env <<ENV
    DATABASE_URL=postgres://${aws_db_instance.payments.username}:${aws_db_instance.payments.password}@${aws_db_instance.payments.address}:5432/payments
    STATEMENTS_BUCKET=${aws_s3_bucket.statements.bucket}
    ENV
    systemctl enable --now payments-api
  EOF

  tags = {
    Name = "${local.name}-app-${count.index}"
  }
}

resource "aws_lb_target_group_attachment" "app" {
  count            = var.app_instance_count
  target_group_arn = module.alb.target_group_arn
  target_id        = aws_instance.app[count.index].id
  port             = 8080
}

output "alb_dns_name" {
  value = module.alb.dns_name
}

output "db_endpoint" {
  value = aws_db_instance.payments.endpoint
}
