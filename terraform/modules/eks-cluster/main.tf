# An EKS control plane with:
#   - secrets envelope-encrypted and control-plane logs encrypted with one customer-managed KMS key;
#   - authentication through access entries only (no aws-auth config map, no implicit creator admin);
#   - its own security groups, so the rules between control plane and nodes are explicit and testable.
# Node groups are in node_groups.tf; add-ons, access entries and pod identity in access.tf.

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

locals {
  partition      = data.aws_partition.current.partition
  dns_suffix     = data.aws_partition.current.dns_suffix
  account_id     = data.aws_caller_identity.current.account_id
  region         = data.aws_region.current.name
  log_group_name = "/aws/eks/${var.name}/cluster"
  cluster_arn    = "arn:${local.partition}:eks:${local.region}:${local.account_id}:cluster/${var.name}"
}

################################################################################
# Encryption key (Kubernetes secrets, control-plane log group)
################################################################################

resource "aws_kms_key" "this" {
  description             = "EKS ${var.name}: Kubernetes secrets and control-plane logs"
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
        Sid       = "CloudWatchLogsEncryptsTheClusterLogGroup"
        Effect    = "Allow"
        Principal = { Service = "logs.${local.region}.${local.dns_suffix}" }
        Action    = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
        Resource  = "*"
        Condition = {
          ArnEquals = {
            "kms:EncryptionContext:aws:logs:arn" = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
          }
        }
      },
    ]
  })

  tags = merge(var.tags, { Name = "${var.name}-eks" })
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}-eks"
  target_key_id = aws_kms_key.this.key_id
}

################################################################################
# Control-plane logs
################################################################################

# Created before the cluster so EKS does not create it with unlimited retention.
resource "aws_cloudwatch_log_group" "this" {
  # checkov:skip=CKV_AWS_338: the stack lives for one run and teardown deletes the group; a year of retention cannot outlive it
  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.this.arn

  tags = var.tags
}

################################################################################
# Cluster IAM role
################################################################################

resource "aws_iam_role" "cluster" {
  name        = "${var.name}-cluster"
  description = "EKS control plane of ${var.name}"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "eks.${local.dns_suffix}" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "cluster" {
  role       = aws_iam_role.cluster.name
  policy_arn = "arn:${local.partition}:iam::aws:policy/AmazonEKSClusterPolicy"
}

# Envelope encryption of secrets: the control plane uses the key through its role.
resource "aws_iam_role_policy" "cluster_encryption" {
  name = "secrets-encryption"
  role = aws_iam_role.cluster.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey"]
      Resource = aws_kms_key.this.arn
    }]
  })
}

################################################################################
# Security groups
################################################################################

# Added to the control-plane network interfaces next to the one EKS creates itself.
resource "aws_security_group" "cluster" {
  name        = "${var.name}-control-plane"
  description = "EKS ${var.name} control plane: Kubernetes API reachable from the cluster's nodes"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-control-plane" })
}

resource "aws_vpc_security_group_ingress_rule" "cluster_from_nodes" {
  security_group_id            = aws_security_group.cluster.id
  description                  = "Nodes and pods call the Kubernetes API"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = aws_security_group.node.id

  tags = var.tags
}

# Every node (and, with the VPC CNI, every pod) carries this group.
resource "aws_security_group" "node" {
  name        = "${var.name}-node"
  description = "EKS ${var.name} nodes and pods: node-to-node traffic, control plane to kubelet and webhooks"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-node" })
}

resource "aws_vpc_security_group_ingress_rule" "node_from_nodes" {
  security_group_id            = aws_security_group.node.id
  description                  = "Pod-to-pod and node-to-node traffic inside the cluster"
  ip_protocol                  = "-1"
  referenced_security_group_id = aws_security_group.node.id

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "node_from_control_plane" {
  for_each = var.control_plane_to_node_ports

  security_group_id            = aws_security_group.node.id
  description                  = "Control plane to ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.cluster.id

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "node_https" {
  security_group_id = aws_security_group.node.id
  description       = "HTTPS out through NAT: container registries and AWS APIs"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "node_vpc" {
  security_group_id = aws_security_group.node.id
  description       = "Anything inside the VPC (DNS, API, databases, the other cluster); the receiving security group decides"
  ip_protocol       = "-1"
  cidr_ipv4         = var.vpc_cidr_block

  tags = var.tags
}

################################################################################
# Cluster
################################################################################

resource "aws_eks_cluster" "this" {
  # checkov:skip=CKV_AWS_39: GitHub-hosted runners have no fixed address and drive the cluster from outside the VPC; access needs an IAM access entry
  # checkov:skip=CKV_AWS_38: same reason; public_endpoint_cidrs narrows the endpoint when runners have known egress addresses
  name                          = var.name
  version                       = var.kubernetes_version
  role_arn                      = aws_iam_role.cluster.arn
  enabled_cluster_log_types     = var.enabled_log_types
  bootstrap_self_managed_addons = false

  access_config {
    authentication_mode                         = "API"
    bootstrap_cluster_creator_admin_permissions = false
  }

  vpc_config {
    subnet_ids              = var.subnet_ids
    security_group_ids      = [aws_security_group.cluster.id]
    endpoint_private_access = true
    endpoint_public_access  = var.enable_public_endpoint
    public_access_cidrs     = var.enable_public_endpoint ? var.public_endpoint_cidrs : null
  }

  encryption_config {
    resources = ["secrets"]

    provider {
      key_arn = aws_kms_key.this.arn
    }
  }

  upgrade_policy {
    support_type = "STANDARD"
  }

  tags = var.tags

  depends_on = [
    aws_iam_role_policy_attachment.cluster,
    aws_iam_role_policy.cluster_encryption,
    aws_cloudwatch_log_group.this,
  ]
}
