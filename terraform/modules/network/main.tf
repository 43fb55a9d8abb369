# One VPC spread over N availability zones:
#   public subnets   -> internet gateway; hold the NAT gateway(s) and internet-facing load balancers
#   private tiers    -> one subnet per zone per tier; routed through NAT, or isolated (no way out)
# The default security group is emptied so nothing can use it by accident.

data "aws_availability_zones" "available" {
  # checkov:skip=CKV_AWS_394: the first N zones sorted by name are used; zones AWS adds later sort after them, so the choice does not move
  count = length(var.availability_zones) == 0 ? 1 : 0

  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

data "aws_region" "current" {}

locals {
  discovered_zones = try(sort(data.aws_availability_zones.available[0].names), [])
  azs = (
    length(var.availability_zones) > 0
    ? var.availability_zones
    : slice(local.discovered_zones, 0, min(var.availability_zone_count, length(local.discovered_zones)))
  )
  az_count = length(local.azs)

  # "hub-0" => { tier = "hub", index = 0, ... }: keys are known at plan time, so for_each is stable.
  private_subnets = merge([
    for tier, group in var.private_subnet_groups : {
      for index, cidr in group.cidrs : "${tier}-${index}" => {
        tier             = tier
        index            = index
        cidr             = cidr
        tags             = group.tags
        enable_nat_route = group.enable_nat_route
      }
    }
  ]...)

  any_nat_tier      = anytrue([for group in values(var.private_subnet_groups) : group.enable_nat_route])
  any_isolated_tier = anytrue([for group in values(var.private_subnet_groups) : !group.enable_nat_route])
  nat_gateway_count = local.any_nat_tier ? (var.nat_gateways == "single" ? 1 : local.az_count) : 0
}

################################################################################
# VPC
################################################################################

resource "aws_vpc" "this" {
  # checkov:skip=CKV2_AWS_11: the VPC lives for one run and teardown would delete its flow logs with it; reachability is asserted by tests and the connectivity probe instead
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    precondition {
      condition     = local.az_count >= 2 && local.az_count == (length(var.availability_zones) > 0 ? length(var.availability_zones) : var.availability_zone_count)
      error_message = "Needed ${var.availability_zone_count} availability zones but the region offers ${length(local.discovered_zones)} without opt-in (${join(", ", local.discovered_zones)}); set availability_zones explicitly."
    }
    precondition {
      condition     = length(var.public_subnet_cidrs) == local.az_count
      error_message = "public_subnet_cidrs has ${length(var.public_subnet_cidrs)} entries; it needs one per availability zone (${local.az_count})."
    }
    precondition {
      condition     = alltrue([for group in values(var.private_subnet_groups) : length(group.cidrs) == local.az_count])
      error_message = "Every private_subnet_groups tier needs exactly one CIDR per availability zone (${local.az_count})."
    }
  }
}

# Adopting the default security group with no rules blocks all traffic through it.
resource "aws_default_security_group" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-default-deny-all" })
}

################################################################################
# Public subnets and internet access
################################################################################

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = var.name })
}

resource "aws_subnet" "public" {
  count = local.az_count

  vpc_id                  = aws_vpc.this.id
  availability_zone       = local.azs[count.index]
  cidr_block              = var.public_subnet_cidrs[count.index]
  map_public_ip_on_launch = false

  tags = merge(var.tags, var.public_subnet_tags, {
    Name = "${var.name}-public-${local.azs[count.index]}"
    Tier = "public"
  })
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-public" })
}

resource "aws_route" "public_internet" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count = local.az_count

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_eip" "nat" {
  count = local.nat_gateway_count

  domain = "vpc"

  tags = merge(var.tags, { Name = "${var.name}-nat-${local.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

resource "aws_nat_gateway" "this" {
  count = local.nat_gateway_count

  allocation_id = aws_eip.nat[count.index].id
  subnet_id     = aws_subnet.public[count.index].id

  tags = merge(var.tags, { Name = "${var.name}-${local.azs[count.index]}" })

  depends_on = [aws_internet_gateway.this]
}

################################################################################
# Private subnets
################################################################################

resource "aws_subnet" "private" {
  for_each = local.private_subnets

  vpc_id                  = aws_vpc.this.id
  availability_zone       = local.azs[each.value.index]
  cidr_block              = each.value.cidr
  map_public_ip_on_launch = false

  tags = merge(var.tags, each.value.tags, {
    Name = "${var.name}-${each.value.tier}-${local.azs[each.value.index]}"
    Tier = each.value.tier
  })
}

# One route table per zone for tiers that reach the internet through NAT, so that with
# `one-per-az` each zone keeps its egress inside the zone.
resource "aws_route_table" "private" {
  count = local.any_nat_tier ? local.az_count : 0

  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-private-${local.azs[count.index]}" })
}

resource "aws_route" "private_nat" {
  count = local.any_nat_tier ? local.az_count : 0

  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  nat_gateway_id         = aws_nat_gateway.this[var.nat_gateways == "single" ? 0 : count.index].id
}

# Isolated tiers share one route table with only the local VPC route.
resource "aws_route_table" "isolated" {
  count = local.any_isolated_tier ? 1 : 0

  vpc_id = aws_vpc.this.id

  tags = merge(var.tags, { Name = "${var.name}-isolated" })
}

resource "aws_route_table_association" "private" {
  for_each = local.private_subnets

  subnet_id      = aws_subnet.private[each.key].id
  route_table_id = each.value.enable_nat_route ? aws_route_table.private[each.value.index].id : aws_route_table.isolated[0].id
}

################################################################################
# VPC endpoints
################################################################################

resource "aws_vpc_endpoint" "s3" {
  count = var.enable_s3_gateway_endpoint && (local.any_nat_tier || local.any_isolated_tier) ? 1 : 0

  vpc_id            = aws_vpc.this.id
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
  route_table_ids   = concat(aws_route_table.private[*].id, aws_route_table.isolated[*].id)

  tags = merge(var.tags, { Name = "${var.name}-s3" })
}
