################################################################################
# VPC
################################################################################

variable "name" {
  description = "Name prefix for every resource of this network, e.g. `mlperf-1234`. Lower-case letters, digits and '-', 1 to 40 characters."
  type        = string
  nullable    = false

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,39}$", var.name))
    error_message = "name must start with a lower-case letter and contain only lower-case letters, digits and '-', at most 40 characters."
  }
}

variable "vpc_cidr" {
  description = "IPv4 CIDR block of the VPC. Prefix length /16 to /20; the subnet CIDRs below must lie inside it."
  type        = string
  default     = "10.40.0.0/16"
  nullable    = false

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 20, false)
    error_message = "vpc_cidr must be an IPv4 CIDR block with a prefix length between /16 and /20."
  }
}

variable "availability_zones" {
  description = "Availability zone names to spread the subnets over, in order. Empty (the default) picks the first `availability_zone_count` zones of the region that need no opt-in, sorted by name."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "availability_zone_count" {
  description = "How many availability zones to use when `availability_zones` is empty. 2 to 4; every subnet list must have exactly this many entries."
  type        = number
  default     = 3
  nullable    = false

  validation {
    condition     = var.availability_zone_count >= 2 && var.availability_zone_count <= 4 && floor(var.availability_zone_count) == var.availability_zone_count
    error_message = "availability_zone_count must be a whole number from 2 to 4."
  }
}

################################################################################
# Subnets
################################################################################

variable "public_subnet_cidrs" {
  description = "One IPv4 CIDR per availability zone for the public subnets (NAT gateways and internet-facing load balancers). Instances launched there get no public IP by default."
  type        = list(string)
  nullable    = false

  validation {
    condition     = alltrue([for cidr in var.public_subnet_cidrs : can(cidrhost(cidr, 0))])
    error_message = "public_subnet_cidrs must contain only IPv4 CIDR blocks."
  }
}

variable "public_subnet_tags" {
  description = "Extra tags for the public subnets, e.g. `{ \"kubernetes.io/role/elb\" = \"1\" }` so load balancer controllers find them."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "private_subnet_groups" {
  description = <<-EOT
    Private subnet tiers, keyed by a short tier name (lower-case letters, digits, '-'), e.g. `hub`, `load`, `data`.
    Each tier has one IPv4 CIDR per availability zone (`cidrs`), extra `tags` (e.g. `kubernetes.io/role/internal-elb`)
    and `enable_nat_route`: true routes 0.0.0.0/0 through the NAT gateway(s); false makes the tier isolated
    (no route out of the VPC at all), which is what database subnets want.
  EOT
  type = map(object({
    cidrs            = list(string)
    tags             = optional(map(string), {})
    enable_nat_route = optional(bool, true)
  }))
  nullable = false

  validation {
    condition     = alltrue([for tier in keys(var.private_subnet_groups) : can(regex("^[a-z][a-z0-9-]{0,15}$", tier))])
    error_message = "private_subnet_groups keys must be lower-case tier names of at most 16 characters (letters, digits, '-')."
  }

  validation {
    condition     = alltrue(flatten([for tier in values(var.private_subnet_groups) : [for cidr in tier.cidrs : can(cidrhost(cidr, 0))]]))
    error_message = "private_subnet_groups[*].cidrs must contain only IPv4 CIDR blocks."
  }
}

################################################################################
# Routing
################################################################################

variable "nat_gateways" {
  description = "NAT gateway layout: `single` (one NAT gateway in the first zone; cheapest, one zone is a single point of failure for egress) or `one-per-az` (one per zone; each zone's private subnets use their own)."
  type        = string
  default     = "single"
  nullable    = false

  validation {
    condition     = contains(["single", "one-per-az"], var.nat_gateways)
    error_message = "nat_gateways must be \"single\" or \"one-per-az\"."
  }
}

variable "enable_s3_gateway_endpoint" {
  description = "Add a free S3 gateway endpoint to every private route table, so container image layers from ECR (stored in S3) do not pass through the NAT gateway(s)."
  type        = bool
  default     = true
  nullable    = false
}

################################################################################
# Tags
################################################################################

variable "tags" {
  description = "Tags added to every resource of this module (the root stack passes Owner, RunId and ExpiresAt here)."
  type        = map(string)
  default     = {}
  nullable    = false
}
