################################################################################
# Cluster
################################################################################

output "cluster_name" {
  description = "Name of the EKS cluster."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the EKS cluster."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "HTTPS endpoint of the Kubernetes API server."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64-encoded certificate authority of the Kubernetes API server (for kubeconfig)."
  value       = try(aws_eks_cluster.this.certificate_authority[0].data, null)
}

output "cluster_version" {
  description = "Kubernetes version of the control plane."
  value       = aws_eks_cluster.this.version
}

output "cluster_primary_security_group_id" {
  description = "Security group EKS created for the control plane (attached to the control-plane network interfaces)."
  value       = try(aws_eks_cluster.this.vpc_config[0].cluster_security_group_id, null)
}

output "cluster_security_group_id" {
  description = "Our security group on the control-plane network interfaces (API reachable from the nodes)."
  value       = aws_security_group.cluster.id
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting Kubernetes secrets and the control-plane log group."
  value       = aws_kms_key.this.arn
}

output "log_group_name" {
  description = "CloudWatch Logs group receiving the control-plane logs."
  value       = aws_cloudwatch_log_group.this.name
}

################################################################################
# Node groups
################################################################################

output "node_security_group_id" {
  description = "Security group of every node and pod of this cluster; other groups reference it to admit this cluster's traffic."
  value       = aws_security_group.node.id
}

output "node_iam_role_arn" {
  description = "ARN of the IAM role of the nodes."
  value       = aws_iam_role.node.arn
}

output "node_groups" {
  description = "Managed node groups by role, as planned: `arn`, `instance_types`, `min_size`, `desired_size`, `max_size`, `labels`, `taints`."
  value = {
    for key, group in aws_eks_node_group.this : key => {
      arn            = group.arn
      instance_types = group.instance_types
      min_size       = group.scaling_config[0].min_size
      desired_size   = group.scaling_config[0].desired_size
      max_size       = group.scaling_config[0].max_size
      labels         = group.labels
      taints         = [for taint in group.taint : { key = taint.key, value = taint.value, effect = taint.effect }]
    }
  }
}

################################################################################
# Add-ons, access and pod identity
################################################################################

output "addon_names" {
  description = "Names of the EKS managed add-ons installed."
  value       = sort(concat(keys(aws_eks_addon.before_compute), keys(aws_eks_addon.this)))
}

output "access_entry_principal_arns" {
  description = "IAM principals with an access entry, by label."
  value       = { for key, entry in aws_eks_access_entry.this : key => entry.principal_arn }
}

output "pod_identity_role_arns" {
  description = "ARNs of the pod identity roles, by key."
  value       = { for key, role in aws_iam_role.pod_identity : key => role.arn }
}
