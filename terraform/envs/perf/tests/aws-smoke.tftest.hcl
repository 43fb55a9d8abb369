# Profile aws-smoke, planned and "applied" against a mocked AWS provider.
#
# The profile values below are a copy of profiles/aws-smoke.tfvars (the gate runs a plain
# `terraform test`, which cannot load a var file per test file). The first run proves the copy, the
# tfvars file and the run profile profiles/aws-smoke.yaml agree, so changing one alone fails here.

mock_provider "aws" {
  source = "../../testing/aws"
}

variables {
  run_id            = "smoke-1"
  owner             = "mlperf-team"
  expires_at        = "2099-01-01T06:00:00Z"
  region            = "eu-west-1"
  pipeline_role_arn = "arn:aws:iam::123456789012:role/mlperf-pipeline"

  # --- copy of profiles/aws-smoke.tfvars ---
  profile      = "aws-smoke"
  nat_gateways = "single"
  hub_node_groups = {
    dfsps = {
      instance_type = "c7i.2xlarge"
      min_size      = 2
      desired_size  = 2
      max_size      = 2
      taints        = [{ key = "mlperf/role", value = "dfsps", effect = "NO_SCHEDULE" }]
    }
    hub-services = {
      instance_type = "m7i.xlarge"
      min_size      = 3
      desired_size  = 3
      max_size      = 4
    }
    kafka = {
      instance_type = "m7i.xlarge"
      min_size      = 1
      desired_size  = 1
      max_size      = 1
      taints        = [{ key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" }]
    }
    monitoring = {
      instance_type = "m7i.xlarge"
      min_size      = 1
      desired_size  = 1
      max_size      = 1
    }
  }
  load_node_groups = {
    load-runners = {
      instance_type = "m7i.large"
      min_size      = 1
      desired_size  = 1
      max_size      = 1
      taints        = [{ key = "mlperf/role", value = "load-runners", effect = "NO_SCHEDULE" }]
    }
  }
  database = {
    instance_class       = "db.m6i.large"
    allocated_storage_gb = 20
    multi_az             = false
    require_tls          = false
  }
  cache = {
    node_type = "cache.t4g.small"
    replicas  = 0
  }
  # --- end of copy ---
}

run "values_match_profile_tfvars_and_run_profile" {
  command = plan

  module {
    source = "./tests/tfvars-canonical"
  }

  variables {
    tfvars_path      = "profiles/aws-smoke.tfvars"
    run_profile_path = "../../../profiles/aws-smoke.yaml"
  }

  assert {
    condition     = output.matches
    error_message = "profiles/aws-smoke.tfvars and this test's values differ (or the file left canonical form).\n  test: ${output.expected}\n  file: ${output.actual}"
  }

  assert {
    condition     = output.run_profile_matches
    error_message = "The run profile profiles/aws-smoke.yaml sizes the stack differently from this test (and the tfvars).\n  test: ${output.run_profile_expected}\n  yaml: ${output.run_profile_actual}"
  }
}

run "aws_smoke" {
  assert {
    condition     = output.hub_cluster_name == "mlperf-smoke-1-hub" && output.load_cluster_name == "mlperf-smoke-1-load"
    error_message = "The stack must create two clusters, hub and load."
  }

  assert {
    condition = {
      for role, group in output.hub_node_groups : role => "${join(",", group.instance_types)} ${group.min_size}/${group.desired_size}/${group.max_size}"
      } == {
      dfsps        = "c7i.2xlarge 2/2/2"
      hub-services = "m7i.xlarge 3/3/4"
      kafka        = "m7i.xlarge 1/1/1"
      monitoring   = "m7i.xlarge 1/1/1"
    }
    error_message = "Hub node groups (instance type min/desired/max) differ from the aws-smoke design."
  }

  assert {
    condition = {
      for role, group in output.load_node_groups : role => "${join(",", group.instance_types)} ${group.min_size}/${group.desired_size}/${group.max_size}"
    } == { load-runners = "m7i.large 1/1/1" }
    error_message = "Load node groups differ from the aws-smoke design."
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
    condition     = jsondecode(local.load_addons["coredns"].configuration_values).tolerations == [{ key = "mlperf/role", operator = "Equal", value = "load-runners", effect = "NoSchedule" }]
    error_message = "CoreDNS on the load cluster must tolerate the load-runners taint (it has no other nodes)."
  }

  assert {
    condition     = output.db_instance_class == "db.m6i.large" && output.db_instance_multi_az == false
    error_message = "aws-smoke uses a single-AZ db.m6i.large."
  }

  assert {
    condition     = output.cache_node_type == "cache.t4g.small" && output.cache_num_nodes == 1
    error_message = "aws-smoke uses one cache.t4g.small node."
  }

  assert {
    condition     = length(output.nat_public_ips) == 1
    error_message = "aws-smoke uses a single NAT gateway."
  }

  # The names actions/core/src/terraform/outputs.ts reads after apply.
  assert {
    condition = alltrue([
      for value in [
        output.hub_cluster_name, output.hub_cluster_endpoint, output.hub_cluster_certificate_authority_data,
        output.load_cluster_name, output.load_cluster_endpoint, output.load_cluster_certificate_authority_data,
        output.vpc_id, output.db_endpoint, output.cache_endpoint,
        output.hub_ingress_security_group_id, output.hub_prometheus_security_group_id,
      ] : value != null && value != ""
    ])
    error_message = "Every output the provision action reads must be set."
  }

  assert {
    condition     = join(",", output.hub_node_group_names) == "dfsps,hub-services,kafka,monitoring" && join(",", output.load_node_group_names) == "load-runners"
    error_message = "The node group name outputs must list the roles."
  }

  # --- only the load cluster reaches the hub's ingress: HTTPS (DFSP mTLS) and HTTP (k6 to the SDKs) ---
  assert {
    condition = (
      { for k, r in aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes : k => "${r.security_group_id}<-${r.referenced_security_group_id}:${r.ip_protocol}/${r.from_port}-${r.to_port}" } ==
      {
        http  = "${aws_security_group.hub_ingress.id}<-${output.load_node_security_group_id}:tcp/80-80"
        https = "${aws_security_group.hub_ingress.id}<-${output.load_node_security_group_id}:tcp/443-443"
      }
    )
    error_message = "The hub ingress security group must admit TCP 80 and 443 from the load cluster's node security group only."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes : r.cidr_ipv4 == null && r.cidr_ipv6 == null && r.prefix_list_id == null])
    error_message = "The hub ingress security group must not admit any address range, only the load nodes' security group."
  }

  assert {
    condition     = output.hub_ingress_security_group_id == aws_security_group.hub_ingress.id && output.hub_prometheus_security_group_id == aws_security_group.hub_prometheus.id && output.hub_ingress_security_group_id != output.hub_prometheus_security_group_id
    error_message = "The two load balancers' security groups must be published, one each."
  }

  assert {
    condition     = output.load_node_security_group_id != output.hub_node_security_group_id
    error_message = "Hub and load nodes must have distinct security groups."
  }

  assert {
    condition = (
      { for k, r in aws_vpc_security_group_ingress_rule.hub_nodes_from_ingress : k => "${r.security_group_id}<-${r.referenced_security_group_id}:${r.from_port}-${r.to_port}" } ==
      {
        http   = "${output.hub_node_security_group_id}<-${aws_security_group.hub_ingress.id}:80-80"
        https  = "${output.hub_node_security_group_id}<-${aws_security_group.hub_ingress.id}:443-443"
        status = "${output.hub_node_security_group_id}<-${aws_security_group.hub_ingress.id}:15021-15021"
      }
    )
    error_message = "Hub nodes must admit the ingress load balancer on the gateway's HTTP, HTTPS and status ports only."
  }

  assert {
    condition = (
      { for k, r in aws_vpc_security_group_egress_rule.hub_ingress_to_gateway : k => "${r.security_group_id}->${r.referenced_security_group_id}:${r.from_port}-${r.to_port}" } ==
      {
        http   = "${aws_security_group.hub_ingress.id}->${output.hub_node_security_group_id}:80-80"
        https  = "${aws_security_group.hub_ingress.id}->${output.hub_node_security_group_id}:443-443"
        status = "${aws_security_group.hub_ingress.id}->${output.hub_node_security_group_id}:15021-15021"
      }
    )
    error_message = "The ingress load balancer may only forward to the hub nodes' gateway ports."
  }

  # --- only the load cluster reaches Prometheus (remote write), through its own load balancer ---
  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.security_group_id == aws_security_group.hub_prometheus.id &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.referenced_security_group_id == output.load_node_security_group_id &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.ip_protocol == "tcp" &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.from_port == 9090 &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.to_port == 9090 &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.cidr_ipv4 == null &&
      aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.cidr_ipv6 == null
    )
    error_message = "The Prometheus load balancer's security group must admit TCP 9090 from the load cluster's node security group only."
  }

  assert {
    condition = (
      "${aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.security_group_id}->${aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.referenced_security_group_id}:${aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.ip_protocol}/${aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.from_port}-${aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.to_port}" ==
      "${aws_security_group.hub_prometheus.id}->${output.hub_node_security_group_id}:tcp/9090-9090" &&
      "${aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.security_group_id}<-${aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.referenced_security_group_id}:${aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.ip_protocol}/${aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.from_port}-${aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.to_port}" ==
      "${output.hub_node_security_group_id}<-${aws_security_group.hub_prometheus.id}:tcp/9090-9090"
    )
    error_message = "The Prometheus load balancer may only forward to the hub nodes on 9090, and the hub nodes admit it there."
  }

  assert {
    condition = alltrue([
      for s in jsondecode(local.lb_controller_policy).Statement :
      s.Resource != "*" || alltrue([for a in flatten([s.Action]) : can(regex("^(ec2|elasticloadbalancing):(Describe|Get)", a)) || (a == "iam:CreateServiceLinkedRole" && try(s.Condition.StringEquals["iam:AWSServiceName"], "") == "elasticloadbalancing.amazonaws.com")])
    ])
    error_message = "The Load Balancer Controller may act on any resource (*) only for read-only calls and the ELB service-linked role."
  }

  assert {
    condition     = !strcontains(local.lb_controller_policy, "ec2:AuthorizeSecurityGroup") && !strcontains(local.lb_controller_policy, "ec2:CreateSecurityGroup")
    error_message = "Security group rules belong to Terraform: the Load Balancer Controller must not be able to change them."
  }

  # --- everything is tagged for the janitor ---
  assert {
    condition     = local.tags.Owner == "mlperf-team" && local.tags.RunId == "smoke-1" && local.tags.ExpiresAt == "2099-01-01T06:00:00Z" && local.tags.Profile == "aws-smoke"
    error_message = "The stack's tags must carry owner, run id, expiry and profile."
  }

  assert {
    condition     = output.resource_tags == local.tags
    error_message = "The tags must be published for Kubernetes-created resources."
  }

  # Resources of the root itself; the modules' own tests check theirs, and every module call gets
  # tags = local.tags (default_tags on the provider repeats them for anything else).
  assert {
    condition = alltrue([
      for tags in concat(
        [aws_security_group.hub_ingress.tags, aws_security_group.hub_prometheus.tags],
        [for r in aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes : r.tags],
        [for r in aws_vpc_security_group_egress_rule.hub_ingress_to_gateway : r.tags],
        [
          aws_vpc_security_group_ingress_rule.hub_prometheus_from_load_nodes.tags,
          aws_vpc_security_group_egress_rule.hub_prometheus_to_pods.tags,
          aws_vpc_security_group_ingress_rule.hub_nodes_from_prometheus_lb.tags,
        ],
        [for r in aws_vpc_security_group_ingress_rule.hub_nodes_from_ingress : r.tags],
      ) : tags["ExpiresAt"] == "2099-01-01T06:00:00Z" && tags["RunId"] == "smoke-1" && tags["Owner"] == "mlperf-team"
    ])
    error_message = "Every taggable resource of the root must carry Owner, RunId and ExpiresAt."
  }
}
