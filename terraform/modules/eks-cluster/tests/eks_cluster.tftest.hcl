# Plans and "applies" the eks-cluster module against a mocked AWS provider.

mock_provider "aws" {
  source = "../../testing/aws"
}

variables {
  name           = "mlperf-test-hub"
  vpc_id         = "vpc-0123456789abcdef0"
  vpc_cidr_block = "10.40.0.0/16"
  subnet_ids     = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  node_groups = {
    system = {
      instance_type = "m7i.xlarge"
      min_size      = 2
      desired_size  = 2
      max_size      = 3
      labels        = { "mlperf/role" = "system" }
    }
    kafka = {
      instance_type = "m7i.2xlarge"
      min_size      = 3
      desired_size  = 3
      max_size      = 3
      labels        = { "mlperf/role" = "kafka" }
      taints        = [{ key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" }]
      disk_size_gb  = 100
    }
  }
  node_kubelet_allowed_unsafe_sysctls = ["net.core.somaxconn"]
  access_entries = {
    pipeline = { principal_arn = "arn:aws:iam::123456789012:role/mlperf-pipeline" }
  }
  pod_identity_roles = {
    ebs-csi = {
      namespace       = "kube-system"
      service_account = "ebs-csi-controller-sa"
      policy_arns     = ["arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]
    }
    custom = {
      namespace       = "tools"
      service_account = "reader"
      inline_policy   = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::bucket/*\"}]}"
    }
  }
  tags = {
    Owner     = "mlperf-team"
    RunId     = "test-1"
    ExpiresAt = "2099-01-01T00:00:00Z"
  }
}

run "cluster_and_node_groups" {
  assert {
    condition     = aws_eks_cluster.this.name == "mlperf-test-hub" && aws_eks_cluster.this.version == "1.33"
    error_message = "Cluster name or version is wrong."
  }

  assert {
    condition = (
      aws_eks_cluster.this.access_config[0].authentication_mode == "API" &&
      aws_eks_cluster.this.access_config[0].bootstrap_cluster_creator_admin_permissions == false
    )
    error_message = "Access must go through access entries only, with no implicit creator admin."
  }

  assert {
    condition = (
      aws_eks_cluster.this.encryption_config[0].resources == toset(["secrets"]) &&
      aws_eks_cluster.this.encryption_config[0].provider[0].key_arn == aws_kms_key.this.arn &&
      aws_kms_key.this.enable_key_rotation
    )
    error_message = "Kubernetes secrets must be envelope-encrypted with the module's rotating KMS key."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.kms_key_id == aws_kms_key.this.arn && aws_cloudwatch_log_group.this.name == "/aws/eks/mlperf-test-hub/cluster"
    error_message = "The control-plane log group must be encrypted with the cluster key."
  }

  assert {
    condition     = toset(aws_eks_cluster.this.enabled_cluster_log_types) == toset(["api", "audit", "authenticator", "controllerManager", "scheduler"])
    error_message = "All control-plane log types must be enabled by default."
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_private_access && aws_eks_cluster.this.upgrade_policy[0].support_type == "STANDARD"
    error_message = "The private endpoint must be on and the cluster must stay in standard support."
  }

  assert {
    condition = (
      aws_eks_node_group.this["kafka"].instance_types == tolist(["m7i.2xlarge"]) &&
      aws_eks_node_group.this["kafka"].scaling_config[0].min_size == 3 &&
      aws_eks_node_group.this["kafka"].scaling_config[0].desired_size == 3 &&
      aws_eks_node_group.this["kafka"].scaling_config[0].max_size == 3
    )
    error_message = "The kafka node group must have the requested instance type and sizes."
  }

  assert {
    condition = (
      aws_eks_node_group.this["kafka"].labels["mlperf/role"] == "kafka" &&
      [for t in aws_eks_node_group.this["kafka"].taint : "${t.key}=${t.value}:${t.effect}"] == ["mlperf/role=kafka:NO_SCHEDULE"]
    )
    error_message = "The kafka node group must carry its role label and NoSchedule taint."
  }

  assert {
    condition     = length(aws_eks_node_group.this["system"].taint) == 0 && aws_eks_node_group.this["system"].scaling_config[0].max_size == 3
    error_message = "The system node group must be untainted."
  }

  assert {
    condition     = output.node_groups["kafka"].taints[0].effect == "NO_SCHEDULE" && output.node_groups["system"].instance_types == tolist(["m7i.xlarge"])
    error_message = "The node_groups output must reflect the planned node groups."
  }

  assert {
    condition = alltrue([
      for lt in aws_launch_template.node :
      lt.metadata_options[0].http_tokens == "required" &&
      lt.metadata_options[0].http_put_response_hop_limit == 1 &&
      lt.block_device_mappings[0].ebs[0].encrypted == "true" &&
      lt.block_device_mappings[0].ebs[0].volume_type == "gp3" &&
      lt.vpc_security_group_ids == toset([aws_security_group.node.id])
    ])
    error_message = "Every node must use IMDSv2 with hop limit 1, an encrypted gp3 root volume and only the node security group."
  }

  assert {
    condition     = aws_launch_template.node["kafka"].block_device_mappings[0].ebs[0].volume_size == 100 && aws_launch_template.node["system"].block_device_mappings[0].ebs[0].volume_size == 50
    error_message = "Root volume size must follow disk_size_gb (default 50)."
  }

  assert {
    condition = (
      yamldecode(regex("Content-Type: application/node.eks.aws\n\n((?s).*)\n--MLPERF--", base64decode(aws_launch_template.node["kafka"].user_data))[0]).kind == "NodeConfig" &&
      yamldecode(regex("Content-Type: application/node.eks.aws\n\n((?s).*)\n--MLPERF--", base64decode(aws_launch_template.node["kafka"].user_data))[0]).spec.kubelet.config.allowedUnsafeSysctls == ["net.core.somaxconn"]
    )
    error_message = "The user data must be a MIME NodeConfig allowing the requested sysctls."
  }

  assert {
    condition = alltrue(flatten([
      for lt in aws_launch_template.node : [
        for spec in lt.tag_specifications : spec.tags["ExpiresAt"] == "2099-01-01T00:00:00Z" && spec.tags["RunId"] == "test-1"
      ]
    ])) && length(aws_launch_template.node["kafka"].tag_specifications) == 3
    error_message = "Instances, volumes and network interfaces launched by node groups must carry the run's tags."
  }

  assert {
    condition     = sort(keys(aws_eks_addon.before_compute)) == sort(["eks-pod-identity-agent", "kube-proxy", "vpc-cni"]) && sort(keys(aws_eks_addon.this)) == sort(["coredns"])
    error_message = "Networking and the pod identity agent must be installed before the nodes, CoreDNS after."
  }

  assert {
    condition = (
      aws_eks_access_entry.this["pipeline"].principal_arn == "arn:aws:iam::123456789012:role/mlperf-pipeline" &&
      aws_eks_access_policy_association.this["pipeline"].policy_arn == "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy" &&
      aws_eks_access_policy_association.this["pipeline"].access_scope[0].type == "cluster"
    )
    error_message = "The pipeline role must get a cluster-wide admin access entry."
  }

  assert {
    condition = (
      jsondecode(aws_iam_role.pod_identity["ebs-csi"].assume_role_policy).Statement[0].Principal.Service == "pods.eks.amazonaws.com" &&
      jsondecode(aws_iam_role.pod_identity["ebs-csi"].assume_role_policy).Statement[0].Condition.ArnEquals["aws:SourceArn"] == "arn:aws:eks:eu-west-1:123456789012:cluster/mlperf-test-hub" &&
      aws_eks_pod_identity_association.this["ebs-csi"].service_account == "ebs-csi-controller-sa" &&
      aws_eks_pod_identity_association.this["ebs-csi"].role_arn == aws_iam_role.pod_identity["ebs-csi"].arn &&
      aws_iam_role_policy_attachment.pod_identity["ebs-csi-0"].policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy" &&
      sort(keys(aws_iam_role_policy.pod_identity)) == sort(["custom"])
    )
    error_message = "Pod identity roles must trust only EKS Pod Identity for this cluster and carry their policies."
  }

  assert {
    condition = alltrue([
      for statement in jsondecode(aws_kms_key.this.policy).Statement :
      statement.Principal != "*" && try(statement.Principal.AWS, "") != "*"
    ])
    error_message = "The KMS key policy must not grant access to everyone."
  }
}

run "security_groups_allow_only_the_design" {
  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.cluster_from_nodes.referenced_security_group_id == aws_security_group.node.id &&
      aws_vpc_security_group_ingress_rule.cluster_from_nodes.from_port == 443 &&
      aws_vpc_security_group_ingress_rule.cluster_from_nodes.to_port == 443 &&
      aws_vpc_security_group_ingress_rule.cluster_from_nodes.cidr_ipv4 == null
    )
    error_message = "The API must be reachable on 443 from the node security group only."
  }

  assert {
    condition = (
      aws_vpc_security_group_ingress_rule.node_from_nodes.referenced_security_group_id == aws_security_group.node.id &&
      aws_vpc_security_group_ingress_rule.node_from_nodes.ip_protocol == "-1"
    )
    error_message = "Nodes must accept all traffic from their own security group (pod-to-pod)."
  }

  assert {
    condition = (
      toset([for r in aws_vpc_security_group_ingress_rule.node_from_control_plane : r.from_port]) == toset([443, 4443, 9443, 10250, 10251, 15017]) &&
      alltrue([for r in aws_vpc_security_group_ingress_rule.node_from_control_plane : r.referenced_security_group_id == aws_security_group.cluster.id && r.from_port == r.to_port && r.ip_protocol == "tcp" && r.cidr_ipv4 == null])
    )
    error_message = "The control plane may reach the nodes only on the kubelet and webhook ports."
  }

  assert {
    condition = (
      aws_vpc_security_group_egress_rule.node_https.cidr_ipv4 == "0.0.0.0/0" &&
      aws_vpc_security_group_egress_rule.node_https.from_port == 443 &&
      aws_vpc_security_group_egress_rule.node_https.to_port == 443 &&
      aws_vpc_security_group_egress_rule.node_vpc.cidr_ipv4 == "10.40.0.0/16"
    )
    error_message = "Node egress must be HTTPS to anywhere plus anything inside the VPC, nothing else."
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].security_group_ids == toset([aws_security_group.cluster.id])
    error_message = "The control plane must carry the module's cluster security group."
  }

  # Every taggable resource of the module. Add new ones here.
  assert {
    condition = alltrue([
      for tags in concat(
        [
          aws_kms_key.this.tags, aws_cloudwatch_log_group.this.tags, aws_iam_role.cluster.tags, aws_iam_role.node.tags,
          aws_security_group.cluster.tags, aws_security_group.node.tags, aws_eks_cluster.this.tags,
          aws_vpc_security_group_ingress_rule.cluster_from_nodes.tags, aws_vpc_security_group_ingress_rule.node_from_nodes.tags,
          aws_vpc_security_group_egress_rule.node_https.tags, aws_vpc_security_group_egress_rule.node_vpc.tags,
        ],
        [for r in aws_vpc_security_group_ingress_rule.node_from_control_plane : r.tags],
        [for r in aws_launch_template.node : r.tags],
        [for r in aws_eks_node_group.this : r.tags],
        [for r in aws_eks_addon.before_compute : r.tags],
        [for r in aws_eks_addon.this : r.tags],
        [for r in aws_eks_access_entry.this : r.tags],
        [for r in aws_iam_role.pod_identity : r.tags],
        [for r in aws_eks_pod_identity_association.this : r.tags],
      ) : tags["Owner"] == "mlperf-team" && tags["RunId"] == "test-1" && tags["ExpiresAt"] == "2099-01-01T00:00:00Z"
    ])
    error_message = "Every taggable resource must carry Owner, RunId and ExpiresAt."
  }
}

run "no_sysctls_means_no_user_data" {
  command = plan

  variables {
    node_kubelet_allowed_unsafe_sysctls = []
    enable_public_endpoint              = false
  }

  assert {
    condition     = alltrue([for lt in aws_launch_template.node : lt.user_data == null])
    error_message = "Without sysctls the launch templates must leave user data to EKS."
  }

  assert {
    condition     = aws_eks_cluster.this.vpc_config[0].endpoint_public_access == false
    error_message = "enable_public_endpoint = false must turn the public endpoint off."
  }
}

run "rejects_bad_taint_effect" {
  command = plan

  variables {
    node_groups = {
      kafka = {
        instance_type = "m7i.2xlarge"
        min_size      = 1
        desired_size  = 1
        max_size      = 1
        taints        = [{ key = "mlperf/role", value = "kafka", effect = "NoSchedule" }]
      }
    }
  }

  expect_failures = [var.node_groups]
}

run "rejects_min_above_max" {
  command = plan

  variables {
    node_groups = {
      kafka = { instance_type = "m7i.2xlarge", min_size = 4, desired_size = 4, max_size = 3 }
    }
  }

  expect_failures = [var.node_groups]
}

run "rejects_session_arn_as_access_entry" {
  command = plan

  variables {
    access_entries = {
      pipeline = { principal_arn = "arn:aws:sts::123456789012:assumed-role/mlperf-pipeline/run-1" }
    }
  }

  expect_failures = [var.access_entries]
}

run "rejects_long_cluster_name" {
  command = plan

  variables {
    name = "mlperf-this-name-is-far-too-long-for-iam"
  }

  expect_failures = [var.name]
}
