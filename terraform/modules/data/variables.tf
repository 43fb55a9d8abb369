################################################################################
# Common
################################################################################

variable "name" {
  description = "Name prefix of the database, the cache and their security groups, e.g. `mlperf-1234`. Lower-case letters, digits and '-', at most 30 characters (ElastiCache IDs are limited to 40)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,29}$", var.name))
    error_message = "name must start with a lower-case letter, contain only lower-case letters, digits and '-', and be at most 30 characters."
  }
}

variable "vpc_id" {
  description = "ID of the VPC holding the database and the cache."
  type        = string
  nullable    = false
}

variable "subnet_ids" {
  description = "Isolated private subnet IDs (no route out of the VPC) for the database and the cache; at least two availability zones."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Security groups whose members may connect to the database (TCP 3306) and the cache (TCP 6379), keyed by a label known at plan time, e.g. `{ hub-nodes = <node security group id> }`. Nothing else is admitted."
  type        = map(string)
  nullable    = false

  validation {
    condition     = length(var.allowed_security_group_ids) > 0
    error_message = "allowed_security_group_ids needs at least one security group, otherwise nothing can reach the database."
  }
}

variable "kms_key_deletion_window_days" {
  description = "Waiting period, in days (7 to 30), before the data KMS key is deleted after `terraform destroy`."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30
    error_message = "kms_key_deletion_window_days must be between 7 and 30."
  }
}

################################################################################
# MySQL (RDS)
################################################################################

variable "create_database" {
  description = "Create the RDS MySQL instance, its parameter group, subnet group and security group."
  type        = bool
  default     = true
  nullable    = false
}

variable "db_engine_version" {
  description = "MySQL engine version: `8.0` (latest 8.0 minor) or a full `8.0.x`. Stays on 8.0 because Mojaloop's MySQL clients authenticate with mysql_native_password, which is the RDS 8.0 default."
  type        = string
  default     = "8.0"
  nullable    = false

  validation {
    condition     = can(regex("^8\\.0(\\.[0-9]+)?$", var.db_engine_version))
    error_message = "db_engine_version must be \"8.0\" or \"8.0.<patch>\"."
  }
}

variable "db_instance_class" {
  description = "RDS instance class, e.g. `db.t4g.medium` or `db.m7i.2xlarge`. micro and small classes are refused: Performance Insights does not support them."
  type        = string
  default     = "db.t4g.medium"
  nullable    = false

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.db_instance_class)) && !can(regex("\\.(micro|small)$", var.db_instance_class))
    error_message = "db_instance_class must be an RDS class such as \"db.m7i.2xlarge\", and not a micro or small class."
  }
}

variable "db_allocated_storage_gb" {
  description = "gp3 storage of the database, in GiB (20 to 16384). From 400 GiB gp3 gives MySQL a baseline of 12,000 IOPS and 500 MiB/s instead of 3,000 IOPS and 125 MiB/s."
  type        = number
  default     = 20
  nullable    = false

  validation {
    condition     = var.db_allocated_storage_gb >= 20 && var.db_allocated_storage_gb <= 16384 && floor(var.db_allocated_storage_gb) == var.db_allocated_storage_gb
    error_message = "db_allocated_storage_gb must be a whole number of GiB from 20 to 16384."
  }
}

variable "db_multi_az" {
  description = "Run a synchronous standby in a second availability zone (RDS Multi-AZ): a commit returns only once the standby has it."
  type        = bool
  default     = true
  nullable    = false
}

variable "db_require_tls" {
  description = "Refuse unencrypted MySQL connections (`require_secure_transport = 1`). Clients then need TLS with the RDS certificate authority."
  type        = bool
  default     = true
  nullable    = false
}

variable "db_parameters" {
  description = <<-EOT
    MySQL parameters of the parameter group, name to value (all dynamic, applied immediately). The default is tuned
    for the Mojaloop ledger (reasons in the README); a map given here replaces it entirely. `max_connections` is left
    to the RDS memory formula (about 2,700 on 32 GiB), which covers handler pools of 10 to 30 connections per replica.
  EOT
  type        = map(string)
  default = {
    innodb_io_capacity         = "2000"
    innodb_io_capacity_max     = "6000"
    innodb_print_all_deadlocks = "1"
    log_output                 = "FILE"
    long_query_time            = "0.5"
    slow_query_log             = "1"
  }
  nullable = false
}

variable "db_backup_retention_days" {
  description = "Days of automated backups (0 to 35). 1 keeps the binary log on, as in the reference runs; 0 turns both off."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.db_backup_retention_days >= 0 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 0 and 35."
  }
}

variable "db_monitoring_interval_seconds" {
  description = "Enhanced Monitoring interval, in seconds: 0 (off), 1, 5, 10, 15, 30 or 60. OS-level CPU, memory and I/O of the database host, for bottleneck analysis."
  type        = number
  default     = 15
  nullable    = false

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.db_monitoring_interval_seconds)
    error_message = "db_monitoring_interval_seconds must be 0, 1, 5, 10, 15, 30 or 60."
  }
}

variable "enable_db_performance_insights" {
  description = "Turn on Performance Insights (7 days, free tier), encrypted with the data KMS key: per-statement wait analysis of the ledger."
  type        = bool
  default     = true
  nullable    = false
}

variable "db_initial_database" {
  description = "Name of the database created with the instance (letters, digits, '_'); the others are created by the deploy phase."
  type        = string
  default     = "central_ledger"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z][A-Za-z0-9_]{0,63}$", var.db_initial_database))
    error_message = "db_initial_database must start with a letter and contain only letters, digits and '_' (at most 64)."
  }
}

################################################################################
# Redis (ElastiCache)
################################################################################

variable "create_cache" {
  description = "Create the ElastiCache Redis replication group, its subnet group and security group."
  type        = bool
  default     = true
  nullable    = false
}

variable "cache_engine_version" {
  description = "Redis OSS engine version, `7.0` or `7.1`."
  type        = string
  default     = "7.1"
  nullable    = false

  validation {
    condition     = contains(["7.0", "7.1"], var.cache_engine_version)
    error_message = "cache_engine_version must be \"7.0\" or \"7.1\"."
  }
}

variable "cache_node_type" {
  description = "ElastiCache node type, e.g. `cache.t4g.micro` or `cache.m7g.large`."
  type        = string
  default     = "cache.t4g.micro"
  nullable    = false

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.cache_node_type))
    error_message = "cache_node_type must be an ElastiCache node type such as \"cache.m7g.large\"."
  }
}

variable "cache_replicas" {
  description = "Read replicas next to the primary (0 to 5). With at least one, failover is automatic and the replicas sit in other availability zones."
  type        = number
  default     = 0
  nullable    = false

  validation {
    condition     = var.cache_replicas >= 0 && var.cache_replicas <= 5 && floor(var.cache_replicas) == var.cache_replicas
    error_message = "cache_replicas must be a whole number from 0 to 5."
  }
}

variable "cache_transit_encryption_mode" {
  description = "TLS on Redis connections: `required` (TLS only) or `preferred` (TLS offered, plain connections still accepted, for clients without TLS support)."
  type        = string
  default     = "preferred"
  nullable    = false

  validation {
    condition     = contains(["preferred", "required"], var.cache_transit_encryption_mode)
    error_message = "cache_transit_encryption_mode must be \"preferred\" or \"required\"."
  }
}

################################################################################
# Tags
################################################################################

variable "tags" {
  description = "Tags added to every resource of this module (the root stack passes Owner, RunId and ExpiresAt here)."
  type        = map(string)
  default     = {}
  nullable    = false
}
