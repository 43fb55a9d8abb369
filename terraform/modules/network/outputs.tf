################################################################################
# VPC
################################################################################

output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "availability_zones" {
  description = "Availability zones in use, in subnet order."
  value       = local.azs
}

################################################################################
# Subnets
################################################################################

output "public_subnet_ids" {
  description = "IDs of the public subnets, one per availability zone, in zone order."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "IDs of the private subnets: a map from tier name to a list with one subnet per availability zone, in zone order."
  value = {
    for tier, group in var.private_subnet_groups : tier => [
      for index in range(length(group.cidrs)) : aws_subnet.private["${tier}-${index}"].id
    ]
  }
}

output "private_subnet_cidrs" {
  description = "IPv4 CIDR blocks of the private subnets: a map from tier name to a list in zone order."
  value       = { for tier, group in var.private_subnet_groups : tier => group.cidrs }
}

################################################################################
# Routing
################################################################################

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways (one, or one per zone)."
  value       = aws_nat_gateway.this[*].id
}

output "nat_public_ips" {
  description = "Public IPv4 addresses of the NAT gateways: the egress addresses of every private subnet."
  value       = aws_eip.nat[*].public_ip
}

output "private_route_table_ids" {
  description = "IDs of the per-zone route tables of the NAT-routed private tiers."
  value       = aws_route_table.private[*].id
}

output "isolated_route_table_id" {
  description = "ID of the route table shared by the isolated private tiers, or null when there are none."
  value       = try(aws_route_table.isolated[0].id, null)
}
