# Same names and shapes as the root stack's profile variables (without their validation: the
# root's own tests cover that).

variable "tfvars_path" {
  description = "Path of the profile tfvars file, relative to the directory terraform test runs in."
  type        = string
  nullable    = false
}

variable "run_profile_path" {
  description = "Path of the run profile YAML (profiles/<name>.yaml at the repository root), relative to the directory terraform test runs in."
  type        = string
  nullable    = false
}

variable "profile" {
  description = "Profile name the tests use."
  type        = string
  nullable    = false
}

variable "nat_gateways" {
  description = "NAT layout the tests use."
  type        = string
  nullable    = false
}

variable "hub_node_groups" {
  description = "Hub node groups the tests use."
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
}

variable "load_node_groups" {
  description = "Load node groups the tests use."
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
}

variable "database" {
  description = "Database sizing the tests use."
  type = object({
    instance_class       = string
    allocated_storage_gb = number
    multi_az             = bool
    require_tls          = bool
  })
  nullable = false
}

variable "cache" {
  description = "Cache sizing the tests use."
  type = object({
    node_type = string
    replicas  = number
  })
  nullable = false
}
