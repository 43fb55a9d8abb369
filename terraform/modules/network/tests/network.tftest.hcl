# Plans and "applies" the network module against a mocked AWS provider.

mock_provider "aws" {
  source = "../../testing/aws"
}

variables {
  name                = "mlperf-test"
  vpc_cidr            = "10.40.0.0/16"
  public_subnet_cidrs = ["10.40.136.0/24", "10.40.137.0/24", "10.40.138.0/24"]
  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
  private_subnet_groups = {
    nodes = {
      cidrs = ["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"]
      tags  = { "kubernetes.io/role/internal-elb" = "1" }
    }
    data = {
      cidrs            = ["10.40.128.0/24", "10.40.129.0/24", "10.40.130.0/24"]
      enable_nat_route = false
    }
  }
  tags = {
    Owner     = "mlperf-team"
    RunId     = "test-1"
    ExpiresAt = "2099-01-01T00:00:00Z"
  }
}

run "single_nat_three_zones" {
  assert {
    condition     = output.availability_zones == tolist(["eu-west-1a", "eu-west-1b", "eu-west-1c"])
    error_message = "The network must span the first three zones of the region."
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && alltrue([for s in aws_subnet.public : s.map_public_ip_on_launch == false])
    error_message = "Expected three public subnets that do not hand out public IPs."
  }

  assert {
    condition     = alltrue([for s in aws_subnet.public : s.tags["kubernetes.io/role/elb"] == "1"])
    error_message = "Public subnets must carry the kubernetes.io/role/elb tag."
  }

  assert {
    condition     = alltrue([for i in range(3) : aws_subnet.private["nodes-${i}"].tags["kubernetes.io/role/internal-elb"] == "1"])
    error_message = "Node subnets must carry the kubernetes.io/role/internal-elb tag."
  }

  assert {
    condition     = [for i in range(3) : aws_subnet.private["nodes-${i}"].availability_zone] == ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
    error_message = "Each tier must have one subnet per zone, in zone order."
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_eip.nat) == 1
    error_message = "nat_gateways = single must create exactly one NAT gateway."
  }

  assert {
    condition     = alltrue([for r in aws_route.private_nat : r.nat_gateway_id == aws_nat_gateway.this[0].id && r.destination_cidr_block == "0.0.0.0/0"])
    error_message = "Every zone's private route table must default-route through the single NAT gateway."
  }

  assert {
    condition     = alltrue([for i in range(3) : aws_route_table_association.private["data-${i}"].route_table_id == aws_route_table.isolated[0].id])
    error_message = "Data subnets must use the isolated route table."
  }

  assert {
    condition     = alltrue([for r in aws_route.private_nat : r.route_table_id != aws_route_table.isolated[0].id]) && aws_route.public_internet.route_table_id == aws_route_table.public.id
    error_message = "The isolated route table must have no route out of the VPC."
  }

  assert {
    condition     = alltrue([for i in range(3) : aws_route_table_association.private["nodes-${i}"].route_table_id == aws_route_table.private[i].id])
    error_message = "Node subnets must use their zone's NAT route table."
  }

  assert {
    condition     = length(aws_vpc_endpoint.s3) == 1 && aws_vpc_endpoint.s3[0].service_name == "com.amazonaws.eu-west-1.s3" && length(aws_vpc_endpoint.s3[0].route_table_ids) == 4
    error_message = "The S3 gateway endpoint must serve all three private route tables and the isolated one."
  }

  assert {
    condition     = aws_default_security_group.this.vpc_id == aws_vpc.this.id && length(aws_default_security_group.this.ingress) == 0 && length(aws_default_security_group.this.egress) == 0
    error_message = "The VPC's default security group must be adopted with no rules."
  }

  # Every taggable resource of the module. Add new ones here.
  assert {
    condition = alltrue([
      for tags in concat(
        [aws_vpc.this.tags, aws_default_security_group.this.tags, aws_internet_gateway.this.tags, aws_route_table.public.tags],
        [for r in aws_subnet.public : r.tags],
        [for r in aws_subnet.private : r.tags],
        [for r in aws_eip.nat : r.tags],
        [for r in aws_nat_gateway.this : r.tags],
        [for r in aws_route_table.private : r.tags],
        [for r in aws_route_table.isolated : r.tags],
        [for r in aws_vpc_endpoint.s3 : r.tags],
      ) : tags["Owner"] == "mlperf-team" && tags["RunId"] == "test-1" && tags["ExpiresAt"] == "2099-01-01T00:00:00Z"
    ])
    error_message = "Every taggable resource must carry Owner, RunId and ExpiresAt."
  }
}

run "nat_per_zone" {
  variables {
    nat_gateways = "one-per-az"
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 3 && [for n in aws_nat_gateway.this : n.subnet_id] == aws_subnet.public[*].id
    error_message = "one-per-az must put one NAT gateway in each zone's public subnet."
  }

  assert {
    condition     = alltrue([for i in range(3) : aws_route.private_nat[i].nat_gateway_id == aws_nat_gateway.this[i].id])
    error_message = "With one-per-az each zone must route through its own NAT gateway."
  }
}

run "explicit_zones_and_no_endpoint" {
  command = plan

  variables {
    availability_zones         = ["eu-west-1c", "eu-west-1a", "eu-west-1b"]
    enable_s3_gateway_endpoint = false
  }

  assert {
    condition     = aws_subnet.public[0].availability_zone == "eu-west-1c"
    error_message = "Explicit availability_zones must be used in the given order."
  }

  assert {
    condition     = length(aws_vpc_endpoint.s3) == 0
    error_message = "enable_s3_gateway_endpoint = false must not create the endpoint."
  }
}

run "isolated_tiers_only_need_no_nat" {
  command = plan

  variables {
    private_subnet_groups = {
      data = { cidrs = ["10.40.128.0/24", "10.40.129.0/24", "10.40.130.0/24"], enable_nat_route = false }
    }
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 0 && length(aws_route_table.private) == 0 && length(aws_route_table.isolated) == 1
    error_message = "Without a NAT-routed tier there must be no NAT gateway and only the isolated route table."
  }
}

run "nat_tiers_only_need_no_isolated_table" {
  command = plan

  variables {
    private_subnet_groups = {
      nodes = { cidrs = ["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"] }
    }
  }

  assert {
    condition     = length(aws_route_table.isolated) == 0 && length(aws_route_table.private) == 3 && output.isolated_route_table_id == null
    error_message = "Without an isolated tier there must be no isolated route table."
  }
}

run "rejects_unknown_nat_layout" {
  command = plan

  variables {
    nat_gateways = "none"
  }

  expect_failures = [var.nat_gateways]
}

run "rejects_subnet_count_not_matching_zones" {
  command = plan

  variables {
    public_subnet_cidrs = ["10.40.136.0/24", "10.40.137.0/24"]
  }

  expect_failures = [aws_vpc.this]
}

run "rejects_bad_tier_name" {
  command = plan

  variables {
    private_subnet_groups = {
      "Nodes_1" = { cidrs = ["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"] }
    }
  }

  expect_failures = [var.private_subnet_groups]
}
