# Add-ons, access entries and pod identity.

################################################################################
# Add-ons
################################################################################

# Networking, kube-proxy and the pod identity agent must exist before the first node joins.
resource "aws_eks_addon" "before_compute" {
  for_each = { for name, addon in var.addons : name => addon if addon.before_compute }

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.addon_version
  configuration_values        = each.value.configuration_values
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags
}

# Add-ons with Deployments (CoreDNS, the EBS CSI controller) need nodes, and their pod identity
# association must exist before their pods start.
resource "aws_eks_addon" "this" {
  for_each = { for name, addon in var.addons : name => addon if !addon.before_compute }

  cluster_name                = aws_eks_cluster.this.name
  addon_name                  = each.key
  addon_version               = each.value.addon_version
  configuration_values        = each.value.configuration_values
  resolve_conflicts_on_create = "OVERWRITE"
  resolve_conflicts_on_update = "OVERWRITE"

  tags = var.tags

  depends_on = [
    aws_eks_node_group.this,
    aws_eks_pod_identity_association.this,
  ]
}

################################################################################
# Access entries
################################################################################

resource "aws_eks_access_entry" "this" {
  for_each = var.access_entries

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = each.value.principal_arn
  type          = "STANDARD"

  tags = var.tags
}

resource "aws_eks_access_policy_association" "this" {
  for_each = var.access_entries

  cluster_name  = aws_eks_cluster.this.name
  principal_arn = aws_eks_access_entry.this[each.key].principal_arn
  policy_arn    = "arn:${local.partition}:eks::aws:cluster-access-policy/${each.value.access_policy}"

  access_scope {
    type = "cluster"
  }
}

################################################################################
# Pod identity
################################################################################

locals {
  pod_identity_policy_attachments = merge([
    for key, role in var.pod_identity_roles : {
      for index, arn in role.policy_arns : "${key}-${index}" => { role = key, policy_arn = arn }
    }
  ]...)
}

resource "aws_iam_role" "pod_identity" {
  for_each = var.pod_identity_roles

  name        = "${var.name}-${each.key}"
  description = "EKS ${var.name} pod identity for ${each.value.namespace}/${each.value.service_account}"

  # Only the EKS Pod Identity service, acting for this cluster in this account, may assume the role.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "pods.eks.${local.dns_suffix}" }
      Action    = ["sts:AssumeRole", "sts:TagSession"]
      Condition = {
        StringEquals = { "aws:SourceAccount" = local.account_id }
        ArnEquals    = { "aws:SourceArn" = local.cluster_arn }
      }
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "pod_identity" {
  for_each = local.pod_identity_policy_attachments

  role       = aws_iam_role.pod_identity[each.value.role].name
  policy_arn = each.value.policy_arn
}

resource "aws_iam_role_policy" "pod_identity" {
  for_each = { for key, role in var.pod_identity_roles : key => role if role.inline_policy != null }

  name   = each.key
  role   = aws_iam_role.pod_identity[each.key].id
  policy = each.value.inline_policy
}

resource "aws_eks_pod_identity_association" "this" {
  for_each = var.pod_identity_roles

  cluster_name    = aws_eks_cluster.this.name
  namespace       = each.value.namespace
  service_account = each.value.service_account
  role_arn        = aws_iam_role.pod_identity[each.key].arn

  tags = var.tags
}
