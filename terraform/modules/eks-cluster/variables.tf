################################################################################
# Cluster
################################################################################

variable "name" {
  description = "Name of the EKS cluster; also the prefix of its IAM roles, security groups and launch templates. Lower-case letters, digits and '-', at most 32 characters."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,31}$", var.name))
    error_message = "name must start with a lower-case letter, contain only lower-case letters, digits and '-', and be at most 32 characters."
  }
}

variable "kubernetes_version" {
  description = "Kubernetes minor version of the control plane and the node groups, `1.<minor>`, e.g. `1.33`. Pick one in EKS standard support: extended support costs six times as much per cluster hour."
  type        = string
  default     = "1.33"
  nullable    = false

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must look like \"1.33\" (major.minor, no patch)."
  }
}

variable "vpc_id" {
  description = "ID of the VPC the cluster and its nodes live in."
  type        = string
  nullable    = false
}

variable "vpc_cidr_block" {
  description = "IPv4 CIDR of the VPC; nodes may open connections to anything inside it (the receiving side's security group decides)."
  type        = string
  nullable    = false

  validation {
    condition     = can(cidrhost(var.vpc_cidr_block, 0))
    error_message = "vpc_cidr_block must be an IPv4 CIDR block."
  }
}

variable "subnet_ids" {
  description = "Private subnet IDs for the control-plane network interfaces and the nodes; at least two, in different availability zones (EKS requires two)."
  type        = list(string)
  nullable    = false

  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "subnet_ids needs at least two subnets in different availability zones."
  }
}

variable "enable_public_endpoint" {
  description = "Expose the Kubernetes API on a public endpoint (restricted to `public_endpoint_cidrs`). The private endpoint is always on. GitHub-hosted runners reach the API through the public one."
  type        = bool
  default     = true
  nullable    = false
}

variable "public_endpoint_cidrs" {
  description = "IPv4 CIDR blocks allowed to reach the public API endpoint. Requests still need an IAM principal with an access entry."
  type        = list(string)
  default     = ["0.0.0.0/0"]
  nullable    = false

  validation {
    condition     = length(var.public_endpoint_cidrs) > 0 && alltrue([for cidr in var.public_endpoint_cidrs : can(cidrhost(cidr, 0))])
    error_message = "public_endpoint_cidrs must be a non-empty list of IPv4 CIDR blocks."
  }
}

variable "enabled_log_types" {
  description = "Control-plane log types sent to CloudWatch Logs. Allowed: api, audit, authenticator, controllerManager, scheduler."
  type        = list(string)
  default     = ["api", "audit", "authenticator", "controllerManager", "scheduler"]
  nullable    = false

  validation {
    condition     = alltrue([for t in var.enabled_log_types : contains(["api", "audit", "authenticator", "controllerManager", "scheduler"], t)])
    error_message = "enabled_log_types may only contain api, audit, authenticator, controllerManager and scheduler."
  }
}

variable "log_retention_days" {
  description = "Retention of the control-plane log group, in days. One of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

variable "kms_key_deletion_window_days" {
  description = "Waiting period, in days (7 to 30), before the cluster's KMS key is deleted after `terraform destroy`."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = var.kms_key_deletion_window_days >= 7 && var.kms_key_deletion_window_days <= 30
    error_message = "kms_key_deletion_window_days must be between 7 and 30."
  }
}

################################################################################
# Node groups
################################################################################

variable "node_groups" {
  description = <<-EOT
    Managed node groups, keyed by role name (lower-case letters, digits, '-'; it becomes the node group name).
    Each: `instance_type` (one EC2 type, e.g. `m7i.2xlarge`), `min_size` <= `desired_size` <= `max_size` (node counts),
    Kubernetes `labels`, `taints` (`effect` is NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE) and `disk_size_gb`
    (root volume, gp3, encrypted; 20 to 1000 GiB, default 50).
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
    disk_size_gb = optional(number, 50)
  }))
  nullable = false

  validation {
    condition     = length(var.node_groups) > 0
    error_message = "node_groups needs at least one node group."
  }

  validation {
    condition     = alltrue([for key in keys(var.node_groups) : can(regex("^[a-z][a-z0-9-]{0,38}$", key))])
    error_message = "node_groups keys must be lower-case role names (letters, digits, '-'), at most 39 characters."
  }

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : can(regex("^[a-z][a-z0-9-]*\\.[a-z0-9]+$", ng.instance_type))])
    error_message = "node_groups[*].instance_type must be an EC2 instance type such as \"m7i.2xlarge\"."
  }

  validation {
    condition = alltrue([
      for ng in values(var.node_groups) :
      ng.min_size >= 0 && ng.max_size >= 1 && ng.min_size <= ng.desired_size && ng.desired_size <= ng.max_size
    ])
    error_message = "node_groups[*] sizes must satisfy 0 <= min_size <= desired_size <= max_size and max_size >= 1."
  }

  validation {
    condition = alltrue(flatten([
      for ng in values(var.node_groups) : [
        for taint in ng.taints : contains(["NO_SCHEDULE", "NO_EXECUTE", "PREFER_NO_SCHEDULE"], taint.effect)
      ]
    ]))
    error_message = "node_groups[*].taints[*].effect must be NO_SCHEDULE, NO_EXECUTE or PREFER_NO_SCHEDULE."
  }

  validation {
    condition     = alltrue([for ng in values(var.node_groups) : ng.disk_size_gb >= 20 && ng.disk_size_gb <= 1000])
    error_message = "node_groups[*].disk_size_gb must be between 20 and 1000 (GiB)."
  }
}

variable "node_ami_type" {
  description = "EKS-optimised AMI family of every node group: AL2023_x86_64_STANDARD (Intel/AMD instance types) or AL2023_ARM_64_STANDARD (Graviton)."
  type        = string
  default     = "AL2023_x86_64_STANDARD"
  nullable    = false

  validation {
    condition     = contains(["AL2023_x86_64_STANDARD", "AL2023_ARM_64_STANDARD"], var.node_ami_type)
    error_message = "node_ami_type must be AL2023_x86_64_STANDARD or AL2023_ARM_64_STANDARD."
  }
}

variable "node_kubelet_allowed_unsafe_sysctls" {
  description = "Namespaced sysctls the kubelet lets pods set although Kubernetes calls them unsafe, e.g. `net.core.somaxconn` for load generators. Empty leaves the node user data untouched."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for s in var.node_kubelet_allowed_unsafe_sysctls : can(regex("^[a-z0-9_.*]+$", s))])
    error_message = "node_kubelet_allowed_unsafe_sysctls entries must be sysctl names such as net.core.somaxconn."
  }
}

variable "control_plane_to_node_ports" {
  description = "TCP ports the control plane may open on nodes and pods, keyed by what listens there: the kubelet and the admission webhooks / aggregated APIs the platform installs. Nothing else from the control plane reaches the nodes."
  type        = map(number)
  default = {
    kubelet                  = 10250
    webhook-https            = 443
    metrics-server           = 10251
    metrics-server-chart     = 4443
    lb-controller-webhook    = 9443
    istiod-injection-webhook = 15017
  }
  nullable = false

  validation {
    condition     = alltrue([for port in values(var.control_plane_to_node_ports) : port >= 1 && port <= 65535 && floor(port) == port])
    error_message = "control_plane_to_node_ports values must be TCP port numbers (1 to 65535)."
  }
}

################################################################################
# Add-ons
################################################################################

variable "addons" {
  description = <<-EOT
    EKS managed add-ons, keyed by add-on name. `addon_version` null takes the default for the cluster version;
    `configuration_values` is the add-on's JSON configuration; `before_compute` = true installs the add-on before the
    node groups (networking and the pod identity agent must be there when the first node joins).
  EOT
  type = map(object({
    addon_version        = optional(string)
    configuration_values = optional(string)
    before_compute       = optional(bool, false)
  }))
  default = {
    vpc-cni                = { before_compute = true }
    kube-proxy             = { before_compute = true }
    eks-pod-identity-agent = { before_compute = true }
    coredns                = {}
  }
  nullable = false
}

################################################################################
# Access
################################################################################

variable "access_entries" {
  description = "IAM principals given Kubernetes access through EKS access entries, keyed by a label. `access_policy` names an EKS access policy (e.g. AmazonEKSClusterAdminPolicy, AmazonEKSAdminPolicy, AmazonEKSViewPolicy) granted cluster-wide."
  type = map(object({
    principal_arn = string
    access_policy = optional(string, "AmazonEKSClusterAdminPolicy")
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for entry in values(var.access_entries) : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(role|user)/.+$", entry.principal_arn))])
    error_message = "access_entries[*].principal_arn must be an IAM role or user ARN (arn:<partition>:iam::<account>:role/<name>)."
  }

  validation {
    condition     = alltrue([for entry in values(var.access_entries) : can(regex("^AmazonEKS[A-Za-z]+Policy$", entry.access_policy))])
    error_message = "access_entries[*].access_policy must be an EKS access policy name such as AmazonEKSClusterAdminPolicy."
  }
}

################################################################################
# Pod identity
################################################################################

variable "pod_identity_roles" {
  description = <<-EOT
    IAM roles handed to Kubernetes service accounts through EKS Pod Identity, keyed by a short name (lower-case, at most
    24 characters; the role is called `<cluster name>-<key>`). Each names the `namespace` and `service_account`, managed
    `policy_arns` to attach and an optional `inline_policy` (JSON).
  EOT
  type = map(object({
    namespace       = string
    service_account = string
    policy_arns     = optional(list(string), [])
    inline_policy   = optional(string)
  }))
  default  = {}
  nullable = false

  validation {
    condition     = alltrue([for key in keys(var.pod_identity_roles) : can(regex("^[a-z][a-z0-9-]{0,23}$", key))])
    error_message = "pod_identity_roles keys must be lower-case names (letters, digits, '-') of at most 24 characters."
  }
}

################################################################################
# Tags
################################################################################

variable "tags" {
  description = "Tags added to every resource of this module, and to the EC2 instances, volumes and network interfaces of the node groups (the root stack passes Owner, RunId and ExpiresAt here)."
  type        = map(string)
  default     = {}
  nullable    = false
}
