# Plans and "applies" the data module against a mocked AWS provider.

mock_provider "aws" {
  source = "../../testing/aws"
}

variables {
  name       = "mlperf-test"
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  allowed_security_group_ids = {
    hub-nodes = "sg-0000000000000000a"
  }
  tags = {
    Owner     = "mlperf-team"
    RunId     = "test-1"
    ExpiresAt = "2099-01-01T00:00:00Z"
  }
}

run "private_and_encrypted" {
  assert {
    condition     = aws_db_instance.this[0].publicly_accessible == false && aws_db_subnet_group.this[0].subnet_ids == toset(var.subnet_ids)
    error_message = "MySQL must not be publicly accessible and must sit in the given isolated subnets."
  }

  assert {
    condition = (
      aws_db_instance.this[0].storage_encrypted &&
      aws_db_instance.this[0].kms_key_id == aws_kms_key.this.arn &&
      aws_db_instance.this[0].performance_insights_kms_key_id == aws_kms_key.this.arn &&
      aws_db_instance.this[0].master_user_secret_kms_key_id == aws_kms_key.this.arn &&
      aws_kms_key.this.enable_key_rotation
    )
    error_message = "MySQL storage, Performance Insights and the master secret must be encrypted with the module's rotating key."
  }

  assert {
    condition = (
      tostring(aws_elasticache_replication_group.this[0].at_rest_encryption_enabled) == "true" &&
      aws_elasticache_replication_group.this[0].kms_key_id == aws_kms_key.this.arn &&
      aws_elasticache_replication_group.this[0].transit_encryption_enabled == true &&
      aws_elasticache_subnet_group.this[0].subnet_ids == toset(var.subnet_ids)
    )
    error_message = "Redis must be encrypted at rest with the module's key, offer TLS, and sit in the isolated subnets."
  }

  assert {
    condition = (
      aws_db_instance.this[0].engine == "mysql" && aws_db_instance.this[0].engine_version == "8.0" &&
      aws_db_parameter_group.this[0].family == "mysql8.0" &&
      aws_db_instance.this[0].parameter_group_name == aws_db_parameter_group.this[0].name &&
      aws_db_instance.this[0].manage_master_user_password == true &&
      aws_db_instance.this[0].deletion_protection == false && aws_db_instance.this[0].skip_final_snapshot
    )
    error_message = "MySQL 8.0 with the tuned parameter group, an RDS-managed password, and nothing blocking teardown."
  }

  assert {
    condition = (
      { for p in aws_db_parameter_group.this[0].parameter : p.name => p.value } == {
        innodb_io_capacity         = "2000"
        innodb_io_capacity_max     = "6000"
        innodb_print_all_deadlocks = "1"
        log_output                 = "FILE"
        long_query_time            = "0.5"
        require_secure_transport   = "1"
        slow_query_log             = "1"
      }
    )
    error_message = "The parameter group must hold the ledger tuning and require TLS."
  }

  assert {
    condition     = aws_db_instance.this[0].multi_az && aws_db_instance.this[0].monitoring_interval == 15 && aws_db_instance.this[0].monitoring_role_arn == aws_iam_role.db_monitoring[0].arn
    error_message = "Defaults: Multi-AZ and 15 s Enhanced Monitoring."
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_log_group.db)) == toset(aws_db_instance.this[0].enabled_cloudwatch_logs_exports) && alltrue([for g in aws_cloudwatch_log_group.db : g.kms_key_id == aws_kms_key.this.arn])
    error_message = "Every exported MySQL log must go to an encrypted log group Terraform owns (so teardown removes it)."
  }

  assert {
    condition     = aws_elasticache_replication_group.this[0].num_cache_clusters == 1 && aws_elasticache_replication_group.this[0].automatic_failover_enabled == false
    error_message = "Default cache: a single node without failover."
  }

  # Every taggable resource of the module. Add new ones here.
  assert {
    condition = alltrue([
      for tags in concat(
        [aws_kms_key.this.tags],
        [for r in aws_security_group.db : r.tags],
        [for r in aws_vpc_security_group_ingress_rule.db : r.tags],
        [for r in aws_db_subnet_group.this : r.tags],
        [for r in aws_db_parameter_group.this : r.tags],
        [for r in aws_iam_role.db_monitoring : r.tags],
        [for r in aws_cloudwatch_log_group.db : r.tags],
        [for r in aws_db_instance.this : r.tags],
        [for r in aws_security_group.cache : r.tags],
        [for r in aws_vpc_security_group_ingress_rule.cache : r.tags],
        [for r in aws_elasticache_subnet_group.this : r.tags],
        [for r in aws_elasticache_replication_group.this : r.tags],
      ) : tags["Owner"] == "mlperf-team" && tags["RunId"] == "test-1" && tags["ExpiresAt"] == "2099-01-01T00:00:00Z"
    ])
    error_message = "Every taggable resource must carry Owner, RunId and ExpiresAt."
  }
}

run "reachable_only_from_the_allowed_groups" {
  variables {
    allowed_security_group_ids = {
      hub-nodes = "sg-0000000000000000a"
      bastion   = "sg-0000000000000000b"
    }
  }

  assert {
    condition = (
      { for k, r in aws_vpc_security_group_ingress_rule.db : k => "${r.ip_protocol}/${r.from_port}-${r.to_port} from ${r.referenced_security_group_id}${r.cidr_ipv4 == null ? "" : " and ${r.cidr_ipv4}"}" } ==
      {
        bastion   = "tcp/3306-3306 from sg-0000000000000000b"
        hub-nodes = "tcp/3306-3306 from sg-0000000000000000a"
      }
    )
    error_message = "MySQL must admit TCP 3306 from the allowed security groups and nothing else."
  }

  assert {
    condition = (
      { for k, r in aws_vpc_security_group_ingress_rule.cache : k => "${r.ip_protocol}/${r.from_port}-${r.to_port} from ${r.referenced_security_group_id}${r.cidr_ipv4 == null ? "" : " and ${r.cidr_ipv4}"}" } ==
      {
        bastion   = "tcp/6379-6379 from sg-0000000000000000b"
        hub-nodes = "tcp/6379-6379 from sg-0000000000000000a"
      }
    )
    error_message = "Redis must admit TCP 6379 from the allowed security groups and nothing else."
  }

  assert {
    condition = (
      alltrue([for r in aws_vpc_security_group_ingress_rule.db : r.security_group_id == aws_security_group.db[0].id]) &&
      alltrue([for r in aws_vpc_security_group_ingress_rule.cache : r.security_group_id == aws_security_group.cache[0].id]) &&
      aws_db_instance.this[0].vpc_security_group_ids == toset([aws_security_group.db[0].id]) &&
      aws_elasticache_replication_group.this[0].security_group_ids == toset([aws_security_group.cache[0].id])
    )
    error_message = "The database and the cache must carry only their own security group."
  }
}

run "sized_for_load" {
  variables {
    db_instance_class       = "db.m7i.2xlarge"
    db_allocated_storage_gb = 400
    cache_node_type         = "cache.m7g.large"
    cache_replicas          = 1
    db_require_tls          = false
  }

  assert {
    condition     = aws_db_instance.this[0].instance_class == "db.m7i.2xlarge" && aws_db_instance.this[0].allocated_storage == 400 && aws_db_instance.this[0].storage_type == "gp3"
    error_message = "Database sizing must follow the inputs."
  }

  assert {
    condition = (
      aws_elasticache_replication_group.this[0].num_cache_clusters == 2 &&
      aws_elasticache_replication_group.this[0].automatic_failover_enabled &&
      aws_elasticache_replication_group.this[0].multi_az_enabled
    )
    error_message = "One replica means two nodes with automatic failover across zones."
  }

  assert {
    condition     = { for p in aws_db_parameter_group.this[0].parameter : p.name => p.value }["require_secure_transport"] == "0"
    error_message = "db_require_tls = false must turn require_secure_transport off."
  }
}

run "tls_survives_a_parameter_override" {
  command = plan

  variables {
    db_parameters = {
      max_connections          = "3000"
      require_secure_transport = "0"
    }
  }

  assert {
    condition = (
      { for p in aws_db_parameter_group.this[0].parameter : p.name => p.value } ==
      { max_connections = "3000", require_secure_transport = "1" }
    )
    error_message = "db_parameters replaces the tuning but cannot switch TLS off; only db_require_tls can."
  }
}

run "database_only" {
  variables {
    create_cache = false
  }

  assert {
    condition     = length(aws_elasticache_replication_group.this) == 0 && length(aws_security_group.cache) == 0 && output.cache_primary_endpoint_address == null
    error_message = "create_cache = false must create no cache resources and output null."
  }
}

run "rejects_micro_database" {
  command = plan

  variables {
    db_instance_class = "db.t4g.micro"
  }

  expect_failures = [var.db_instance_class]
}

run "rejects_too_many_replicas" {
  command = plan

  variables {
    cache_replicas = 6
  }

  expect_failures = [var.cache_replicas]
}

run "rejects_no_allowed_groups" {
  command = plan

  variables {
    allowed_security_group_ids = {}
  }

  expect_failures = [var.allowed_security_group_ids]
}
