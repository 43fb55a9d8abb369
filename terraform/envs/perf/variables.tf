# These names are the contract with the TypeScript side, which writes the profile tfvars and passes
# run_id, owner, expires_at, region and pipeline_role_arn with -var. Change them only together.

################################################################################
# Run identity and tags
################################################################################

variable "run_id" {
  description = "Identifier of the pipeline run, e.g. `r12345678901` (`r` + GITHUB_RUN_ID, as the provision action makes it). A lower-case letter, then up to 19 lower-case letters, digits or '-'; it names every resource (`mlperf-<run_id>-...`) and is the RunId tag the janitor and teardown sweep by."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,19}$", var.run_id))
    error_message = "run_id must be a lower-case letter followed by up to 19 lower-case letters, digits or '-', e.g. r12345678901."
  }
}

variable "owner" {
  description = "Who is responsible for the run's resources (GitHub actor or team); becomes the Owner tag. 1 to 256 characters allowed in AWS tag values (letters, digits, spaces and _ . : / = + - @)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[\\p{L}\\p{Z}\\p{N}_.:/=+@-]{1,256}$", var.owner))
    error_message = "owner must be 1 to 256 characters of letters, digits, spaces and _ . : / = + - @."
  }
}

variable "expires_at" {
  description = "When the janitor may destroy this stack, as an RFC 3339 timestamp, e.g. `2025-01-31T18:00:00Z`; becomes the ExpiresAt tag. Not required to be in the future: the janitor must still be able to destroy an expired stack with the same variables."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$", var.expires_at)) && can(formatdate("YYYY", var.expires_at))
    error_message = "expires_at must be an RFC 3339 timestamp such as 2025-01-31T18:00:00Z."
  }
}

variable "profile" {
  description = "Name of the run profile the sizing comes from, e.g. `aws-smoke` or `aws-1000tps`; recorded in the Profile tag when set. Optional: the provision action's generated variables file does not carry it."
  type        = string
  default     = null

  validation {
    condition     = var.profile == null || can(regex("^aws-[a-z0-9-]{1,40}$", var.profile))
    error_message = "profile must look like aws-<name>, e.g. aws-smoke or aws-1000tps."
  }
}

################################################################################
# Account and access
################################################################################

variable "region" {
  description = "AWS region of the whole stack, e.g. `eu-west-1`."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region name such as eu-west-1."
  }
}

variable "pipeline_role_arn" {
  description = "ARN of the IAM role the pipeline assumes through OIDC; it gets cluster-admin access entries on both clusters (the session ARN will not do, give the role)."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/.+$", var.pipeline_role_arn))
    error_message = "pipeline_role_arn must be an IAM role ARN, arn:<partition>:iam::<12-digit account>:role/<name>."
  }
}

variable "cluster_endpoint_public_access_cidrs" {
  description = "IPv4 CIDR blocks that may reach the public Kubernetes API endpoints. GitHub-hosted runners have no fixed addresses, hence the open default; every request still needs an IAM principal with an access entry."
  type        = list(string)
  default     = ["0.0.0.0/0"]
  nullable    = false

  validation {
    condition     = length(var.cluster_endpoint_public_access_cidrs) > 0 && alltrue([for cidr in var.cluster_endpoint_public_access_cidrs : can(cidrhost(cidr, 0))])
    error_message = "cluster_endpoint_public_access_cidrs must be a non-empty list of IPv4 CIDR blocks."
  }
}

################################################################################
# Network
################################################################################

variable "vpc_cidr" {
  description = "IPv4 /16 of the shared VPC. Carved into hub (3 x /19), load (3 x /21), data (3 x /24) and public (3 x /24) subnets."
  type        = string
  default     = "10.40.0.0/16"
  nullable    = false

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && endswith(var.vpc_cidr, "/16")
    error_message = "vpc_cidr must be an IPv4 /16 block such as 10.40.0.0/16."
  }
}

variable "nat_gateways" {
  description = "NAT layout: `single` (one gateway, cheapest) or `one-per-az` (no cross-zone egress, survives a zone outage)."
  type        = string
  nullable    = false

  validation {
    condition     = contains(["single", "one-per-az"], var.nat_gateways)
    error_message = "nat_gateways must be \"single\" or \"one-per-az\"."
  }
}

variable "ingress_gateway_listener_ports" {
  description = "Ports of the hub ingress gateway's Service (its NLB listeners) that the load cluster's nodes may reach: HTTPS for DFSP mTLS (FSPIOP) and HTTP for the k6 runners' calls to the DFSP SDKs' outbound APIs (/sim/<fspId>/outbound). The status port is not among them: only the NLB's health checks use it."
  type        = map(number)
  default = {
    http  = 80
    https = 443
  }
  nullable = false

  validation {
    condition     = alltrue([for port in values(var.ingress_gateway_listener_ports) : port >= 1 && port <= 65535 && floor(port) == port])
    error_message = "ingress_gateway_listener_ports values must be TCP port numbers (1 to 65535)."
  }
}

variable "ingress_gateway_target_ports" {
  description = "Ports of the hub's ingress gateway pods that its load balancer (IP targets) forwards to: the HTTP and HTTPS listeners and the status port used for health checks. Only the ingress security group reaches them."
  type        = map(number)
  default = {
    http   = 80
    https  = 443
    status = 15021
  }
  nullable = false

  validation {
    condition     = alltrue([for port in values(var.ingress_gateway_target_ports) : port >= 1 && port <= 65535 && floor(port) == port])
    error_message = "ingress_gateway_target_ports values must be TCP port numbers (1 to 65535)."
  }
}

variable "prometheus_port" {
  description = "Port of the hub Prometheus Service (its NLB listener) and of the Prometheus pods behind it (kube-prometheus-stack's default 9090 for both). The load cluster's k6 runners push remote write to it; only the Prometheus load balancer's security group reaches the pods on it."
  type        = number
  default     = 9090
  nullable    = false

  validation {
    condition     = var.prometheus_port >= 1 && var.prometheus_port <= 65535 && floor(var.prometheus_port) == var.prometheus_port
    error_message = "prometheus_port must be a TCP port number (1 to 65535)."
  }
}

################################################################################
# Clusters
################################################################################

variable "kubernetes_version" {
  description = "Kubernetes minor version of both clusters, `1.<minor>`."
  type        = string
  default     = "1.33"
  nullable    = false

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like \"1.33\"."
  }
}

variable "hub_node_groups" {
  description = <<-EOT
    Node groups of the hub cluster, keyed by role; the keys must be exactly hub-services, kafka, dfsps and monitoring.
    Each: `instance_type`, node counts `min_size` <= `desired_size` <= `max_size`, extra Kubernetes `labels`
    (`mlperf/role=<key>` is always added) and `taints` (`effect`: NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE).
  EOT
  type = map(object({
    instance_type = string
    min_size      = number
    desired_size  = number
    max_size      = number
    labels        = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = string
      effect = string
    })), [])
  }))
  nullable = false

  validation {
    condition     = sort(keys(var.hub_node_groups)) == sort(["hub-services", "kafka", "dfsps", "monitoring"])
    error_message = "hub_node_groups must have exactly the roles hub-services, kafka, dfsps and monitoring."
  }

  validation {
    condition     = alltrue([for ng in values(var.hub_node_groups) : ng.min_size >= 0 && ng.max_size >= 1 && ng.min_size <= ng.desired_size && ng.desired_size <= ng.max_size])
    error_message = "hub_node_groups: every group needs 0 <= min_size <= desired_size <= max_size and max_size >= 1."
  }

  validation {
    condition     = alltrue(flatten([for ng in values(var.hub_node_groups) : [for t in ng.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)]]))
    error_message = "hub_node_groups: taint effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }

  validation {
    condition     = alltrue([for role, ng in var.hub_node_groups : lookup(ng.labels, "mlperf/role", role) == role])
    error_message = "hub_node_groups: the label mlperf/role, when given, must equal the group's key."
  }
}

variable "load_node_groups" {
  description = "Node groups of the load cluster, keyed by role; the only key is load-runners. Same fields as `hub_node_groups`."
  type = map(object({
    instance_type = string
    min_size      = number
    desired_size  = number
    max_size      = number
    labels        = optional(map(string), {})
    taints = optional(list(object({
      key    = string
      value  = string
      effect = string
    })), [])
  }))
  nullable = false

  validation {
    condition     = sort(keys(var.load_node_groups)) == sort(["load-runners"])
    error_message = "load_node_groups must have exactly the role load-runners."
  }

  validation {
    condition     = alltrue([for ng in values(var.load_node_groups) : ng.min_size >= 0 && ng.max_size >= 1 && ng.min_size <= ng.desired_size && ng.desired_size <= ng.max_size])
    error_message = "load_node_groups: every group needs 0 <= min_size <= desired_size <= max_size and max_size >= 1."
  }

  validation {
    condition     = alltrue(flatten([for ng in values(var.load_node_groups) : [for t in ng.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], t.effect)]]))
    error_message = "load_node_groups: taint effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }

  validation {
    condition     = alltrue([for role, ng in var.load_node_groups : lookup(ng.labels, "mlperf/role", role) == role])
    error_message = "load_node_groups: the label mlperf/role, when given, must equal the group's key."
  }
}

################################################################################
# Data
################################################################################

variable "database" {
  description = "MySQL 8.0 on RDS: `instance_class` (e.g. db.m7i.2xlarge; not micro/small), `allocated_storage_gb` (gp3, 20 to 16384 GiB), `multi_az` (synchronous standby in a second zone) and `require_tls` (refuse unencrypted connections: `require_secure_transport`; the pipeline passes false because the Mojaloop 17.0.4 services have no MySQL TLS setting)."
  type = object({
    instance_class       = string
    allocated_storage_gb = number
    multi_az             = bool
    require_tls          = bool
  })
  nullable = false

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.database.instance_class)) && !can(regex("\\.(micro|small)$", var.database.instance_class))
    error_message = "database.instance_class must be an RDS class such as db.m7i.2xlarge, and not a micro or small class."
  }

  validation {
    condition     = var.database.allocated_storage_gb >= 20 && var.database.allocated_storage_gb <= 16384
    error_message = "database.allocated_storage_gb must be between 20 and 16384."
  }
}

variable "cache" {
  description = "Redis on ElastiCache: `node_type` (e.g. cache.m7g.large) and `replicas` (0 to 5 read replicas; 1 or more adds automatic failover)."
  type = object({
    node_type = string
    replicas  = number
  })
  nullable = false

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.cache.node_type))
    error_message = "cache.node_type must be an ElastiCache node type such as cache.m7g.large."
  }

  validation {
    condition     = var.cache.replicas >= 0 && var.cache.replicas <= 5 && floor(var.cache.replicas) == var.cache.replicas
    error_message = "cache.replicas must be a whole number from 0 to 5."
  }
}
