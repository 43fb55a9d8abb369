# Profile aws-1000tps, planned and "applied" against a mocked AWS provider.
#
# The profile values below are a copy of profiles/aws-1000tps.tfvars (the gate runs a plain
# `terraform test`, which cannot load a var file per test file). The first run proves the copy, the
# tfvars file and the run profile profiles/aws-1000tps.yaml agree, so changing one alone fails here.

mock_provider "aws" {
  source = "../../testing/aws"
}

variables {
  run_id            = "r1000tps"
  owner             = "mlperf-team"
  expires_at        = "2099-01-01T12:00:00+02:00"
  region            = "eu-west-1"
  pipeline_role_arn = "arn:aws:iam::123456789012:role/mlperf-pipeline"

  # --- copy of profiles/aws-1000tps.tfvars ---
  profile      = "aws-1000tps"
  nat_gateways = "one-per-az"
  hub_node_groups = {
    dfsps = {
      instance_type = "c7i.4xlarge"
      min_size      = 7
      desired_size  = 7
      max_size      = 8
      taints        = [{ key = "mlperf/role", value = "dfsps", effect = "NO_SCHEDULE" }]
    }
    hub-services = {
      instance_type = "m7i.2xlarge"
      min_size      = 10
      desired_size  = 10
      max_size      = 12
    }
    kafka = {
      instance_type = "m7i.2xlarge"
      min_size      = 3
      desired_size  = 3
      max_size      = 3
      taints        = [{ key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" }]
    }
    monitoring = {
      instance_type = "m7i.2xlarge"
      min_size      = 2
      desired_size  = 2
      max_size      = 2
    }
  }
  load_node_groups = {
    load-runners = {
      instance_type = "m7i.2xlarge"
      min_size      = 2
      desired_size  = 2
      max_size      = 2
      taints        = [{ key = "mlperf/role", value = "load-runners", effect = "NO_SCHEDULE" }]
    }
  }
  database = {
    instance_class       = "db.m6i.2xlarge"
    allocated_storage_gb = 400
    multi_az             = true
    require_tls          = false
  }
  cache = {
    node_type = "cache.m7g.large"
    replicas  = 1
  }
  # --- end of copy ---
}

run "values_match_profile_tfvars_and_run_profile" {
  command = plan

  module {
    source = "./tests/tfvars-canonical"
  }

  variables {
    tfvars_path      = "profiles/aws-1000tps.tfvars"
    run_profile_path = "../../../profiles/aws-1000tps.yaml"
  }

  assert {
    condition     = output.matches
    error_message = "profiles/aws-1000tps.tfvars and this test's values differ (or the file left canonical form).\n  test: ${output.expected}\n  file: ${output.actual}"
  }

  assert {
    condition     = output.run_profile_matches
    error_message = "The run profile profiles/aws-1000tps.yaml sizes the stack differently from this test (and the tfvars).\n  test: ${output.run_profile_expected}\n  yaml: ${output.run_profile_actual}"
  }
}

run "aws_1000tps" {
  assert {
    condition     = output.hub_cluster_name == "mlperf-r1000tps-hub" && output.load_cluster_name == "mlperf-r1000tps-load"
    error_message = "The stack must create two clusters, hub and load."
  }

  assert {
    condition = {
      for role, group in output.hub_node_groups : role => "${join(",", group.instance_types)} ${group.min_size}/${group.desired_size}/${group.max_size}"
      } == {
      dfsps        = "c7i.4xlarge 7/7/8"
      hub-services = "m7i.2xlarge 10/10/12"
      kafka        = "m7i.2xlarge 3/3/3"
      monitoring   = "m7i.2xlarge 2/2/2"
    }
    error_message = "Hub node groups (instance type min/desired/max) differ from the aws-1000tps design."
  }

  assert {
    condition = {
      for role, group in output.load_node_groups : role => "${join(",", group.instance_types)} ${group.min_size}/${group.desired_size}/${group.max_size}"
    } == { load-runners = "m7i.2xlarge 2/2/2" }
    error_message = "Load node groups differ from the aws-1000tps design."
  }

  assert {
    condition = alltrue(concat(
      [for role, group in output.hub_node_groups : group.labels["mlperf/role"] == role],
      [for role, group in output.load_node_groups : group.labels["mlperf/role"] == role],
    ))
    error_message = "Every node group must carry the label mlperf/role=<role>."
  }

  assert {
    condition = {
      for role, group in merge(output.hub_node_groups, output.load_node_groups) : role => join(",", [for t in group.taints : "${t.key}=${t.value}:${t.effect}"])
      } == {
      dfsps        = "mlperf/role=dfsps:NO_SCHEDULE"
      hub-services = ""
      kafka        = "mlperf/role=kafka:NO_SCHEDULE"
      load-runners = "mlperf/role=load-runners:NO_SCHEDULE"
      monitoring   = ""
    }
    error_message = "kafka, dfsps and load-runners must be tainted mlperf/role=<role>:NoSchedule; hub-services and monitoring untainted."
  }

  assert {
    condition     = output.db_instance_class == "db.m6i.2xlarge" && output.db_instance_multi_az == true
    error_message = "aws-1000tps uses a Multi-AZ db.m6i.2xlarge (the reference's semi-synchronous pair)."
  }

  assert {
    condition     = output.db_require_tls == false
    error_message = "database.require_tls = false must reach the parameter group: Mojaloop 17.0.4's services have no MySQL TLS setting."
  }

  assert {
    condition     = output.cache_node_type == "cache.m7g.large" && output.cache_num_nodes == 2
    error_message = "aws-1000tps uses a cache.m7g.large primary with one replica."
  }

  assert {
    condition     = length(output.nat_public_ips) == 3
    error_message = "aws-1000tps uses one NAT gateway per availability zone."
  }

  assert {
    condition = (
      { for k, r in aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes : k => "${r.referenced_security_group_id}:${r.from_port}-${r.to_port}:${r.cidr_ipv4 == null}" } ==
      {
        http  = "${output.load_node_security_group_id}:80-80:true"
        https = "${output.load_node_security_group_id}:443-443:true"
      }
    )
    error_message = "The hub ingress security group must admit TCP 80 and 443 from the load cluster's node security group only."
  }

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.referenced_security_group_id == output.load_node_security_group_id &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.from_port == 9090 &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.to_port == 9090 &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.cidr_ipv4 == null &&
      aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.referenced_security_group_id == output.hub_node_security_group_id &&
      aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.referenced_security_group_id == output.hub_prometheus_security_group_id
    )
    error_message = "The Prometheus load balancer must admit TCP 9090 from the load cluster's nodes only and forward to the hub nodes on 9090."
  }

  assert {
    condition     = local.tags.ExpiresAt == "2099-01-01T12:00:00+02:00" && local.tags.RunId == "r1000tps" && local.tags.Profile == "aws-1000tps"
    error_message = "The stack's tags must carry the run's expiry, id and profile."
  }
}
