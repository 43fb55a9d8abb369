# The whole AWS side of one performance run, in one state so `terraform destroy` removes all of it:
#   one VPC -> hub EKS cluster (Mojaloop, Kafka, DFSPs, monitoring) + load EKS cluster (k6)
#           -> MySQL and Redis reachable only from the hub's nodes
#           -> the hub's ingress gateway reachable only from the load cluster's nodes (security.tf).

data "aws_partition" "current" {}

data "aws_caller_identity" "current" {}

locals {
  name              = "mlperf-${var.run_id}"
  hub_cluster_name  = "${local.name}-hub"
  load_cluster_name = "${local.name}-load"
  partition         = data.aws_partition.current.partition
  account_id        = data.aws_caller_identity.current.account_id

  tags = merge(
    {
      Owner     = var.owner
      RunId     = var.run_id
      ExpiresAt = var.expires_at
      Project   = "mlperf"
      ManagedBy = "terraform"
    },
    var.profile == null ? {} : { Profile = var.profile },
  )

  # Subnet plan of the /16 (third octet): hub 0-95, load 96-119, data 128-130, public 136-138.
  # The VPC CNI gives every pod a VPC address, so the node tiers get the room.
  zone_indexes        = range(3)
  hub_subnet_cidrs    = [for i in local.zone_indexes : cidrsubnet(var.vpc_cidr, 3, i)]       # 3 x /19
  load_subnet_cidrs   = [for i in local.zone_indexes : cidrsubnet(var.vpc_cidr, 5, 12 + i)]  # 3 x /21
  data_subnet_cidrs   = [for i in local.zone_indexes : cidrsubnet(var.vpc_cidr, 8, 128 + i)] # 3 x /24
  public_subnet_cidrs = [for i in local.zone_indexes : cidrsubnet(var.vpc_cidr, 8, 136 + i)] # 3 x /24

  # Every node carries mlperf/role=<key>, the label the Helm values select on.
  hub_node_groups  = { for role, group in var.hub_node_groups : role => merge(group, { labels = merge(group.labels, { "mlperf/role" = role }) }) }
  load_node_groups = { for role, group in var.load_node_groups : role => merge(group, { labels = merge(group.labels, { "mlperf/role" = role }) }) }

  # Pods that opt in may raise their listen backlog (REFERENCE §1: somaxconn 16384 on load and DFSP
  # nodes). ip_local_port_range is a safe sysctl already; pods set both in their securityContext.
  allowed_unsafe_sysctls = ["net.core.somaxconn"]

  kubernetes_taint_effects = {
    NO_SCHEDULE        = "NoSchedule"
    NO_EXECUTE         = "NoExecute"
    PREFER_NO_SCHEDULE = "PreferNoSchedule"
  }

  # The load cluster has only tainted nodes, so CoreDNS must tolerate their taints to run at all.
  load_coredns_tolerations = flatten([
    for group in values(var.load_node_groups) : [
      for taint in group.taints : {
        key      = taint.key
        operator = "Equal"
        value    = taint.value
        effect   = local.kubernetes_taint_effects[taint.effect]
      }
    ]
  ])

  base_addons = {
    vpc-cni                = { before_compute = true }
    kube-proxy             = { before_compute = true }
    eks-pod-identity-agent = { before_compute = true }
  }

  hub_addons = merge(local.base_addons, {
    coredns            = {}
    aws-ebs-csi-driver = {} # Kafka and Prometheus volumes
  })

  load_addons = merge(local.base_addons, {
    coredns = { configuration_values = jsonencode({ tolerations = local.load_coredns_tolerations }) }
  })

  pipeline_access = {
    pipeline = { principal_arn = var.pipeline_role_arn }
  }
}

################################################################################
# Network: one VPC, one subnet tier per cluster
################################################################################

module "network" {
  source = "../../modules/network"

  name         = local.name
  vpc_cidr     = var.vpc_cidr
  nat_gateways = var.nat_gateways

  public_subnet_cidrs = local.public_subnet_cidrs
  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }

  private_subnet_groups = {
    hub = {
      cidrs = local.hub_subnet_cidrs
      tags = {
        "kubernetes.io/role/internal-elb"                 = "1"
        "kubernetes.io/cluster/${local.hub_cluster_name}" = "shared"
      }
    }
    load = {
      cidrs = local.load_subnet_cidrs
      tags = {
        "kubernetes.io/role/internal-elb"                  = "1"
        "kubernetes.io/cluster/${local.load_cluster_name}" = "shared"
      }
    }
    data = {
      cidrs            = local.data_subnet_cidrs
      enable_nat_route = false
    }
  }

  tags = local.tags
}

################################################################################
# Clusters
################################################################################

module "hub_cluster" {
  source = "../../modules/eks-cluster"

  name                  = local.hub_cluster_name
  kubernetes_version    = var.kubernetes_version
  vpc_id                = module.network.vpc_id
  vpc_cidr_block        = module.network.vpc_cidr_block
  subnet_ids            = module.network.private_subnet_ids["hub"]
  public_endpoint_cidrs = var.cluster_endpoint_public_access_cidrs

  node_groups                         = local.hub_node_groups
  node_kubelet_allowed_unsafe_sysctls = local.allowed_unsafe_sysctls

  addons         = local.hub_addons
  access_entries = local.pipeline_access

  pod_identity_roles = {
    ebs-csi = {
      namespace       = "kube-system"
      service_account = "ebs-csi-controller-sa"
      policy_arns     = ["arn:${local.partition}:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"]
    }
    lb-controller = {
      namespace       = "kube-system"
      service_account = "aws-load-balancer-controller"
      inline_policy   = local.lb_controller_policy
    }
  }

  tags = local.tags
}

module "load_cluster" {
  source = "../../modules/eks-cluster"

  name                  = local.load_cluster_name
  kubernetes_version    = var.kubernetes_version
  vpc_id                = module.network.vpc_id
  vpc_cidr_block        = module.network.vpc_cidr_block
  subnet_ids            = module.network.private_subnet_ids["load"]
  public_endpoint_cidrs = var.cluster_endpoint_public_access_cidrs

  node_groups                         = local.load_node_groups
  node_kubelet_allowed_unsafe_sysctls = local.allowed_unsafe_sysctls

  addons         = local.load_addons
  access_entries = local.pipeline_access

  tags = local.tags
}

################################################################################
# Data: MySQL and Redis for the hub
################################################################################

module "data" {
  source = "../../modules/data"

  name       = local.name
  vpc_id     = module.network.vpc_id
  subnet_ids = module.network.private_subnet_ids["data"]

  allowed_security_group_ids = {
    hub-nodes = module.hub_cluster.node_security_group_id
  }

  db_instance_class       = var.database.instance_class
  db_allocated_storage_gb = var.database.allocated_storage_gb
  db_multi_az             = var.database.multi_az
  db_require_tls          = var.database.require_tls

  cache_node_type = var.cache.node_type
  cache_replicas  = var.cache.replicas

  tags = local.tags
}
