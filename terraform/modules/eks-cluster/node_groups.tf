# Managed node groups, one per role. Each gets its own launch template so that every node has:
#   - only the node security group (no SSH, no public address),
#   - IMDSv2 with a hop limit of 1 (pods cannot borrow the node role; they use pod identity),
#   - an encrypted gp3 root volume,
#   - the run's tags on the instance, its volumes and its network interfaces (for cost and the janitor).

locals {
  # AL2023 nodes read kubelet settings from a NodeConfig document; EKS merges its own document
  # (cluster endpoint, certificate) with this one, which is why the user data is MIME multi-part.
  node_config = yamlencode({
    apiVersion = "node.eks.aws/v1alpha1"
    kind       = "NodeConfig"
    spec = {
      kubelet = {
        config = {
          allowedUnsafeSysctls = var.node_kubelet_allowed_unsafe_sysctls
        }
      }
    }
  })

  node_user_data = length(var.node_kubelet_allowed_unsafe_sysctls) == 0 ? null : base64encode(join("\n", [
    "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=\"MLPERF\"",
    "",
    "--MLPERF",
    "Content-Type: application/node.eks.aws",
    "",
    local.node_config,
    "--MLPERF--",
    "",
  ]))

  node_policy_arns = {
    worker = "arn:${local.partition}:iam::aws:policy/AmazonEKSWorkerNodePolicy"
    cni    = "arn:${local.partition}:iam::aws:policy/AmazonEKS_CNI_Policy"
    ecr    = "arn:${local.partition}:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly"
  }
}

################################################################################
# Node IAM role
################################################################################

resource "aws_iam_role" "node" {
  name        = "${var.name}-node"
  description = "EC2 nodes of EKS ${var.name}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.${local.dns_suffix}" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "node" {
  for_each = local.node_policy_arns

  role       = aws_iam_role.node.name
  policy_arn = each.value
}

################################################################################
# Launch templates
################################################################################

resource "aws_launch_template" "node" {
  for_each = var.node_groups

  name_prefix            = "${var.name}-${each.key}-"
  description            = "EKS ${var.name} node group ${each.key}"
  update_default_version = true
  ebs_optimized          = true
  vpc_security_group_ids = [aws_security_group.node.id]
  user_data              = local.node_user_data

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size           = each.value.disk_size_gb
      volume_type           = "gp3"
      encrypted             = true
      delete_on_termination = true
    }
  }

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
    instance_metadata_tags      = "disabled"
  }

  dynamic "tag_specifications" {
    for_each = ["instance", "volume", "network-interface"]

    content {
      resource_type = tag_specifications.value
      tags          = merge(var.tags, { Name = "${var.name}-${each.key}" })
    }
  }

  tags = var.tags
}

################################################################################
# Node groups
################################################################################

resource "aws_eks_node_group" "this" {
  for_each = var.node_groups

  cluster_name    = aws_eks_cluster.this.name
  node_group_name = each.key
  node_role_arn   = aws_iam_role.node.arn
  subnet_ids      = var.subnet_ids
  ami_type        = var.node_ami_type
  capacity_type   = "ON_DEMAND"
  instance_types  = [each.value.instance_type]
  labels          = each.value.labels

  scaling_config {
    min_size     = each.value.min_size
    desired_size = each.value.desired_size
    max_size     = each.value.max_size
  }

  update_config {
    max_unavailable_percentage = 33
  }

  launch_template {
    id      = aws_launch_template.node[each.key].id
    version = aws_launch_template.node[each.key].latest_version
  }

  dynamic "taint" {
    for_each = each.value.taints

    content {
      key    = taint.value.key
      value  = taint.value.value
      effect = taint.value.effect
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-${each.key}" })

  depends_on = [
    aws_iam_role_policy_attachment.node,
    aws_eks_addon.before_compute,
  ]
}
