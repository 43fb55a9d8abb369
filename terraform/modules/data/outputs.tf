################################################################################
# Common
################################################################################

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the database, its backups, Performance Insights, the master secret and the cache."
  value       = aws_kms_key.this.arn
}

################################################################################
# MySQL
################################################################################

output "db_instance_identifier" {
  description = "RDS instance identifier, or null without a database."
  value       = try(aws_db_instance.this[0].identifier, null)
}

output "db_instance_address" {
  description = "Private DNS name of the MySQL instance, or null without a database."
  value       = try(aws_db_instance.this[0].address, null)
}

output "db_instance_endpoint" {
  description = "`address:port` of the MySQL instance, or null without a database."
  value       = try(aws_db_instance.this[0].endpoint, null)
}

output "db_instance_port" {
  description = "MySQL port, or null without a database."
  value       = try(aws_db_instance.this[0].port, null)
}

output "db_instance_class" {
  description = "RDS instance class, or null without a database."
  value       = try(aws_db_instance.this[0].instance_class, null)
}

output "db_instance_multi_az" {
  description = "Whether the database has a synchronous standby in another availability zone, or null without a database."
  value       = try(aws_db_instance.this[0].multi_az, null)
}

output "db_master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the master user name and password (managed by RDS), or null."
  value       = try(aws_db_instance.this[0].master_user_secret[0].secret_arn, null)
}

output "db_security_group_id" {
  description = "Security group of the database, or null without a database."
  value       = try(aws_security_group.db[0].id, null)
}

output "db_parameter_group_name" {
  description = "Name of the MySQL parameter group, or null without a database."
  value       = try(aws_db_parameter_group.this[0].name, null)
}

output "db_require_tls" {
  description = "Whether MySQL refuses unencrypted connections (`require_secure_transport` in the parameter group), or null without a database."
  value       = try([for p in aws_db_parameter_group.this[0].parameter : p.value == "1" if p.name == "require_secure_transport"][0], null)
}

################################################################################
# Redis
################################################################################

output "cache_primary_endpoint_address" {
  description = "Private DNS name of the Redis primary, or null without a cache."
  value       = try(aws_elasticache_replication_group.this[0].primary_endpoint_address, null)
}

output "cache_reader_endpoint_address" {
  description = "Private DNS name balancing over the Redis replicas, or null without a cache."
  value       = try(aws_elasticache_replication_group.this[0].reader_endpoint_address, null)
}

output "cache_port" {
  description = "Redis port, or null without a cache."
  value       = try(aws_elasticache_replication_group.this[0].port, null)
}

output "cache_node_type" {
  description = "ElastiCache node type, or null without a cache."
  value       = try(aws_elasticache_replication_group.this[0].node_type, null)
}

output "cache_num_nodes" {
  description = "Redis nodes (primary plus replicas), or null without a cache."
  value       = try(aws_elasticache_replication_group.this[0].num_cache_clusters, null)
}

output "cache_security_group_id" {
  description = "Security group of the cache, or null without a cache."
  value       = try(aws_security_group.cache[0].id, null)
}
