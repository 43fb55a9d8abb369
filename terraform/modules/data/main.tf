# The hub's stateful services, both private and encrypted at rest with one customer-managed key:
#   - MySQL 8.0 on RDS with a parameter group tuned for the ledger;
#   - Redis OSS on ElastiCache (one shard, optional replicas).
# They sit in isolated subnets (no route out of the VPC), are never publicly accessible, and their
# security groups admit only the groups in `allowed_security_group_ids` on the service port.

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  partition     = data.aws_partition.current.partition
  dns_suffix    = data.aws_partition.current.dns_suffix
  account_id    = data.aws_caller_identity.current.account_id
  region        = data.aws_region.current.name
  db_identifier = "${var.name}-mysql"


  # Log groups RDS would otherwise create on its own (and teardown would leave behind).
  db_log_exports = ["error", "slowquery"]
}

################################################################################
# Encryption key (database storage, backups, Performance Insights, master secret, cache)
################################################################################

resource "aws_kms_key" "this" {
  description             = "${var.name}: MySQL and Redis data at rest"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "AccountIamPoliciesGovernUse"
        Effect    = "Allow"
        Principal = { AWS = "arn:${local.partition}:iam::${local.account_id}:root" }
        Action    = "kms:*"
        Resource  = "*"
      },
      {
        Sid       = "CloudWatchLogsEncryptsTheDatabaseLogGroups"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.${local.dns_suffix}" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnLike = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:/aws/rds/instance/${local.db_identifier}/*"
          }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${var.name}-data" })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-data"
  target_key_id = aws_kms_key.this.key_id
}

################################################################################
# MySQL: network
################################################################################

resource "aws_security_group" "db" {
  count = var.create_database ? 1 : 0

  name        = local.db_identifier
  description = "RDS MySQL ${local.db_identifier}: TCP 3306 from the allowed security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = local.db_identifier })
}

resource "aws_vpc_security_group_ingress_rule" "db" {
  for_each = var.create_database ? var.allowed_security_group_ids : {}

  security_group_id            = aws_security_group.db[0].id
  description                  = "MySQL from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 3306
  to_port                      = 3306
  referenced_security_group_id = each.value

  tags = var.tags
}

resource "aws_db_subnet_group" "this" {
  count = var.create_database ? 1 : 0

  name        = local.db_identifier
  description = "Isolated subnets of ${local.db_identifier}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

################################################################################
# MySQL: parameters, monitoring, logs
################################################################################

resource "aws_db_parameter_group" "this" {
  count = var.create_database ? 1 : 0

  name_prefix = "${local.db_identifier}-"
  description = "MySQL 8.0 tuned for the Mojaloop ledger"
  family      = "mysql8.0"

  # Kept out of db_parameters so no override can silently drop it.
  parameter {
    name         = "require_secure_transport"
    value        = var.db_require_tls ? "1" : "0"
    apply_method = "immediate"
  }

  dynamic "parameter" {
    for_each = { for name, value in var.db_parameters : name => value if name != "require_secure_transport" }

    content {
      name         = parameter.key
      value        = parameter.value
      apply_method = "immediate"
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_iam_role" "db_monitoring" {
  count = var.create_database && var.db_monitoring_interval_seconds > 0 ? 1 : 0

  name        = "${local.db_identifier}-monitoring"
  description = "RDS Enhanced Monitoring of ${local.db_identifier}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "db_monitoring" {
  count = length(aws_iam_role.db_monitoring)

  role       = aws_iam_role.db_monitoring[0].name
  policy_arn = "arn:${local.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

resource "aws_cloudwatch_log_group" "db" {
  # checkov:skip=CKV_AWS_338: the stack lives for one run and teardown deletes the group; a year of retention cannot outlive it
  for_each = var.create_database ? toset(local.db_log_exports) : toset([])

  name              = "/aws/rds/instance/${local.db_identifier}/${each.key}"
  retention_in_days = 7
  kms_key_id        = aws_kms_key.this.arn

  tags = var.tags
}

################################################################################
# MySQL: instance
################################################################################

resource "aws_db_instance" "this" {
  # checkov:skip=CKV_AWS_293: the instance must disappear with the run's `terraform destroy`; deletion protection would block teardown
  # checkov:skip=CKV2_AWS_69: TLS to MySQL is the variable db_require_tls (default on); the perf stack turns it off because the Mojaloop 17.0.4 services have no MySQL TLS setting (helm/README.md)
  count = var.create_database ? 1 : 0

  identifier     = local.db_identifier
  engine         = "mysql"
  engine_version = var.db_engine_version
  instance_class = var.db_instance_class
  multi_az       = var.db_multi_az

  allocated_storage = var.db_allocated_storage_gb
  storage_type      = "gp3"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.this.arn

  db_name                             = var.db_initial_database
  username                            = "mlperf_admin"
  manage_master_user_password         = true
  master_user_secret_kms_key_id       = aws_kms_key.this.arn
  iam_database_authentication_enabled = true

  db_subnet_group_name   = aws_db_subnet_group.this[0].name
  vpc_security_group_ids = [aws_security_group.db[0].id]
  publicly_accessible    = false
  port                   = 3306
  ca_cert_identifier     = "rds-ca-rsa2048-g1"

  parameter_group_name            = aws_db_parameter_group.this[0].name
  enabled_cloudwatch_logs_exports = local.db_log_exports
  monitoring_interval             = var.db_monitoring_interval_seconds
  monitoring_role_arn             = try(aws_iam_role.db_monitoring[0].arn, null)

  performance_insights_enabled          = var.enable_db_performance_insights
  performance_insights_kms_key_id       = var.enable_db_performance_insights ? aws_kms_key.this.arn : null
  performance_insights_retention_period = var.enable_db_performance_insights ? 7 : null

  backup_retention_period    = var.db_backup_retention_days
  copy_tags_to_snapshot      = true
  skip_final_snapshot        = true
  delete_automated_backups   = true
  deletion_protection        = false
  auto_minor_version_upgrade = true
  apply_immediately          = true

  tags = merge(var.tags, { Name = local.db_identifier })

  depends_on = [
    aws_cloudwatch_log_group.db,
    aws_iam_role_policy_attachment.db_monitoring,
  ]
}

################################################################################
# Redis: network
################################################################################

resource "aws_security_group" "cache" {
  count = var.create_cache ? 1 : 0

  name        = "${var.name}-redis"
  description = "ElastiCache Redis ${var.name}-redis: TCP 6379 from the allowed security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-redis" })
}

resource "aws_vpc_security_group_ingress_rule" "cache" {
  for_each = var.create_cache ? var.allowed_security_group_ids : {}

  security_group_id            = aws_security_group.cache[0].id
  description                  = "Redis from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = each.value

  tags = var.tags
}

resource "aws_elasticache_subnet_group" "this" {
  count = var.create_cache ? 1 : 0

  name        = "${var.name}-redis"
  description = "Isolated subnets of ${var.name}-redis"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

################################################################################
# Redis: replication group
################################################################################

resource "aws_elasticache_replication_group" "this" {
  # checkov:skip=CKV_AWS_31: no AUTH token: only the hub node security group reaches it, from isolated subnets; Mojaloop's Redis clients would all need the secret
  # checkov:skip=CKV2_AWS_50: automatic failover needs a replica; the profile decides (aws-1000tps has one, aws-smoke none)
  count = var.create_cache ? 1 : 0

  replication_group_id = "${var.name}-redis"
  description          = "Redis cache of ${var.name}"
  engine               = "redis"
  engine_version       = var.cache_engine_version
  node_type            = var.cache_node_type
  port                 = 6379
  parameter_group_name = "default.redis7"

  num_cache_clusters         = 1 + var.cache_replicas
  automatic_failover_enabled = var.cache_replicas > 0
  multi_az_enabled           = var.cache_replicas > 0

  subnet_group_name  = aws_elasticache_subnet_group.this[0].name
  security_group_ids = [aws_security_group.cache[0].id]

  at_rest_encryption_enabled = true
  kms_key_id                 = aws_kms_key.this.arn
  transit_encryption_enabled = true
  transit_encryption_mode    = var.cache_transit_encryption_mode

  snapshot_retention_limit   = 0
  auto_minor_version_upgrade = true
  apply_immediately          = true

  tags = merge(var.tags, { Name = "${var.name}-redis" })
}
