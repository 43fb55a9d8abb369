# Read by the later phases (platform, deploy, load infra, teardown) from `terraform output -json`.

################################################################################
# Run
################################################################################

output "region" {
  description = "AWS region of the stack."
  value       = var.region
}

output "resource_tags" {
  description = "Tags every resource carries (Owner, RunId, ExpiresAt, Profile, Project, ManagedBy). Give them to Kubernetes-created AWS resources too: the Load Balancer Controller's defaultTags and the EBS StorageClass tagSpecification."
  value       = local.tags
}

################################################################################
# Network
################################################################################

output "vpc_id" {
  description = "ID of the shared VPC (the Load Balancer Controller needs it with IMDS hop limit 1)."
  value       = module.network.vpc_id
}

output "nat_public_ips" {
  description = "Egress IPv4 addresses of both clusters."
  value       = module.network.nat_public_ips
}

output "hub_ingress_security_group_id" {
  description = "Security group for the hub ingress gateway's NLB (annotation service.beta.kubernetes.io/aws-load-balancer-security-groups on the gateway Service)."
  value       = aws_security_group.hub_ingress.id
}

output "hub_prometheus_security_group_id" {
  description = "Security group for the hub Prometheus NLB (annotation service.beta.kubernetes.io/aws-load-balancer-security-groups on monitoring-kube-prometheus-prometheus)."
  value       = aws_security_group.hub_prometheus.id
}

################################################################################
# Clusters
################################################################################

output "hub_cluster_name" {
  description = "Name of the hub EKS cluster."
  value       = module.hub_cluster.cluster_name
}

output "hub_cluster_endpoint" {
  description = "Kubernetes API endpoint of the hub cluster."
  value       = module.hub_cluster.cluster_endpoint
}

output "hub_cluster_certificate_authority_data" {
  description = "Base64 certificate authority of the hub cluster's API."
  value       = module.hub_cluster.cluster_certificate_authority_data
}

output "hub_node_security_group_id" {
  description = "Security group of the hub's nodes and pods."
  value       = module.hub_cluster.node_security_group_id
}

output "hub_node_groups" {
  description = "Hub node groups by role: instance types, sizes, labels, taints."
  value       = module.hub_cluster.node_groups
}

output "hub_node_group_names" {
  description = "Names of the hub's managed node groups (the role keys)."
  value       = sort(keys(module.hub_cluster.node_groups))
}

output "hub_pod_identity_role_arns" {
  description = "Pod identity roles of the hub (ebs-csi, lb-controller)."
  value       = module.hub_cluster.pod_identity_role_arns
}

output "load_cluster_name" {
  description = "Name of the load EKS cluster."
  value       = module.load_cluster.cluster_name
}

output "load_cluster_endpoint" {
  description = "Kubernetes API endpoint of the load cluster."
  value       = module.load_cluster.cluster_endpoint
}

output "load_cluster_certificate_authority_data" {
  description = "Base64 certificate authority of the load cluster's API."
  value       = module.load_cluster.cluster_certificate_authority_data
}

output "load_node_security_group_id" {
  description = "Security group of the load cluster's nodes and pods (the only source the hub ingress and Prometheus load balancers admit)."
  value       = module.load_cluster.node_security_group_id
}

output "load_node_groups" {
  description = "Load node groups by role: instance types, sizes, labels, taints."
  value       = module.load_cluster.node_groups
}

output "load_node_group_names" {
  description = "Names of the load cluster's managed node groups (the role keys)."
  value       = sort(keys(module.load_cluster.node_groups))
}

################################################################################
# Data
################################################################################

output "db_endpoint" {
  description = "`host:port` of the MySQL instance (read by the provision action, actions/core/src/terraform/outputs.ts)."
  value       = module.data.db_instance_endpoint
}

output "db_instance_address" {
  description = "Private DNS name of the MySQL instance."
  value       = module.data.db_instance_address
}

output "db_instance_port" {
  description = "MySQL port."
  value       = module.data.db_instance_port
}

output "db_instance_class" {
  description = "RDS instance class in use."
  value       = module.data.db_instance_class
}

output "db_instance_multi_az" {
  description = "Whether MySQL has a synchronous standby."
  value       = module.data.db_instance_multi_az
}

output "db_require_tls" {
  description = "Whether MySQL refuses unencrypted connections (`database.require_tls`, the parameter group's `require_secure_transport`)."
  value       = module.data.db_require_tls
}

output "db_master_user_secret_arn" {
  description = "Secrets Manager secret with the MySQL master credentials (the deploy phase reads it; the value never appears in outputs)."
  value       = module.data.db_master_user_secret_arn
}

output "cache_endpoint" {
  description = "Host of the Redis primary (read by the provision action, actions/core/src/terraform/outputs.ts)."
  value       = module.data.cache_primary_endpoint_address
}

output "cache_primary_endpoint_address" {
  description = "Private DNS name of the Redis primary."
  value       = module.data.cache_primary_endpoint_address
}

output "cache_port" {
  description = "Redis port."
  value       = module.data.cache_port
}

output "cache_node_type" {
  description = "ElastiCache node type in use."
  value       = module.data.cache_node_type
}

output "cache_num_nodes" {
  description = "Redis nodes (primary plus replicas)."
  value       = module.data.cache_num_nodes
}
