# The root stack refuses bad run configurations at plan time, naming the variable.
# Base values are a valid aws-smoke run; each run breaks one thing.

mock_provider "aws" {
  source = "../../testing/aws"
}

# Shaped like the variables file the provision action writes (actions/core/src/terraform/
# variables.ts): explicit role labels, explicit empty taints, no profile.
variables {
  run_id            = "val-1"
  owner             = "mlperf-team"
  expires_at        = "2099-01-01T06:00:00Z"
  region            = "eu-west-1"
  pipeline_role_arn = "arn:aws:iam::123456789012:role/mlperf-pipeline"
  nat_gateways      = "single"
  hub_node_groups = {
    hub-services = { instance_type = "m7i.xlarge", min_size = 3, desired_size = 3, max_size = 4, labels = { "mlperf/role" = "hub-services" }, taints = [] }
    kafka        = { instance_type = "m7i.xlarge", min_size = 1, desired_size = 1, max_size = 1, labels = { "mlperf/role" = "kafka" }, taints = [{ key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" }] }
    dfsps        = { instance_type = "c7i.2xlarge", min_size = 2, desired_size = 2, max_size = 2, labels = { "mlperf/role" = "dfsps" }, taints = [{ key = "mlperf/role", value = "dfsps", effect = "NO_SCHEDULE" }] }
    monitoring   = { instance_type = "m7i.xlarge", min_size = 1, desired_size = 1, max_size = 1, labels = { "mlperf/role" = "monitoring" }, taints = [] }
  }
  load_node_groups = {
    load-runners = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1, labels = { "mlperf/role" = "load-runners" }, taints = [{ key = "mlperf/role", value = "load-runners", effect = "NO_SCHEDULE" }] }
  }
  database = { instance_class = "db.m6i.large", allocated_storage_gb = 20, multi_az = false, require_tls = false }
  cache    = { node_type = "cache.t4g.small", replicas = 0 }
}

run "accepts_the_provision_actions_variables_even_when_expired" {
  command = plan

  variables {
    expires_at = "2020-01-01T00:00:00Z"
  }

  assert {
    condition     = local.tags.ExpiresAt == "2020-01-01T00:00:00Z"
    error_message = "A past expires_at must still plan (teardown of an expired stack uses the same variables)."
  }

  assert {
    condition     = !contains(keys(local.tags), "Profile") && local.tags.RunId == "val-1"
    error_message = "Without a profile variable the stack must plan and simply omit the Profile tag."
  }

  assert {
    condition     = jsonencode(local.hub_node_groups["kafka"].labels) == jsonencode({ "mlperf/role" = "kafka" })
    error_message = "An explicit role label equal to the key must be accepted as is."
  }
}

run "passes_require_tls_to_the_parameter_group" {
  command = plan

  variables {
    database = { instance_class = "db.m6i.large", allocated_storage_gb = 20, multi_az = false, require_tls = true }
  }

  assert {
    condition     = output.db_require_tls == true
    error_message = "database.require_tls = true must make the parameter group require TLS (require_secure_transport = 1)."
  }
}

run "rejects_kubernetes_style_taint_effect" {
  command = plan

  variables {
    hub_node_groups = {
      dfsps        = { instance_type = "c7i.2xlarge", min_size = 1, desired_size = 1, max_size = 1, taints = [{ key = "mlperf/role", value = "dfsps", effect = "NoSchedule" }] }
      hub-services = { instance_type = "m7i.xlarge", min_size = 2, desired_size = 2, max_size = 2 }
      kafka        = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
      monitoring   = { instance_type = "m7i.xlarge", min_size = 1, desired_size = 1, max_size = 1 }
    }
  }

  expect_failures = [var.hub_node_groups]
}

run "rejects_min_size_above_max_size" {
  command = plan

  variables {
    load_node_groups = {
      load-runners = { instance_type = "m7i.large", min_size = 3, desired_size = 3, max_size = 2 }
    }
  }

  expect_failures = [var.load_node_groups]
}

run "rejects_desired_size_below_min_size" {
  command = plan

  variables {
    hub_node_groups = {
      dfsps        = { instance_type = "c7i.2xlarge", min_size = 1, desired_size = 1, max_size = 1 }
      hub-services = { instance_type = "m7i.xlarge", min_size = 2, desired_size = 1, max_size = 2 }
      kafka        = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
      monitoring   = { instance_type = "m7i.xlarge", min_size = 1, desired_size = 1, max_size = 1 }
    }
  }

  expect_failures = [var.hub_node_groups]
}

run "rejects_missing_hub_role" {
  command = plan

  variables {
    hub_node_groups = {
      dfsps        = { instance_type = "c7i.2xlarge", min_size = 1, desired_size = 1, max_size = 1 }
      hub-services = { instance_type = "m7i.xlarge", min_size = 2, desired_size = 2, max_size = 2 }
      kafka        = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
    }
  }

  expect_failures = [var.hub_node_groups]
}

run "rejects_unknown_load_role" {
  command = plan

  variables {
    load_node_groups = {
      load-runners = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
      extra        = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
    }
  }

  expect_failures = [var.load_node_groups]
}

run "rejects_role_label_that_contradicts_the_key" {
  command = plan

  variables {
    hub_node_groups = {
      dfsps        = { instance_type = "c7i.2xlarge", min_size = 1, desired_size = 1, max_size = 1, labels = { "mlperf/role" = "kafka" } }
      hub-services = { instance_type = "m7i.xlarge", min_size = 2, desired_size = 2, max_size = 2 }
      kafka        = { instance_type = "m7i.large", min_size = 1, desired_size = 1, max_size = 1 }
      monitoring   = { instance_type = "m7i.xlarge", min_size = 1, desired_size = 1, max_size = 1 }
    }
  }

  expect_failures = [var.hub_node_groups]
}

# One run for the scalar inputs: every variable listed in expect_failures must fail its own
# validation, so each is still checked individually (one plan instead of seven).
run "rejects_bad_scalar_inputs" {
  command = plan

  variables {
    expires_at        = "2099-01-01 06:00"
    run_id            = "42-run"
    pipeline_role_arn = "arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/run-1"
    nat_gateways      = "none"
    database          = { instance_class = "db.t4g.micro", allocated_storage_gb = 20, multi_az = false, require_tls = false }
    cache             = { node_type = "cache.t4g.micro", replicas = 6 }
    vpc_cidr          = "10.40.0.0/20"
    # The load balancers' ports: a port out of range or a fraction.
    ingress_gateway_listener_ports = { http = 0, https = 443 }
    ingress_gateway_target_ports   = { http = 80, https = 443.5, status = 15021 }
    prometheus_port                = 65536
  }

  expect_failures = [
    var.expires_at,
    var.run_id,
    var.pipeline_role_arn,
    var.nat_gateways,
    var.database,
    var.cache,
    var.vpc_cidr,
    var.ingress_gateway_listener_ports,
    var.ingress_gateway_target_ports,
    var.prometheus_port,
  ]
}

run "rejects_expires_at_with_impossible_date" {
  command = plan

  variables {
    expires_at = "2099-02-30T06:00:00Z"
  }

  expect_failures = [var.expires_at]
}
