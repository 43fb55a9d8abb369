# Two hub Services are exposed to the load cluster through internal Network Load Balancers that the
# AWS Load Balancer Controller creates: the Istio ingress gateway and Prometheus. Terraform owns every
# rule around them (the controller's IAM policy has no EC2 write actions):
#   load cluster nodes --80/443--> [hub_ingress SG on the gateway NLB] --gateway ports--> hub node SG
#   load cluster nodes --9090----> [hub_prometheus SG on the Prometheus NLB] --9090-----> hub node SG
# Port 443 carries DFSP mTLS (FSPIOP), port 80 the k6 runners' calls to the DFSP SDKs' outbound APIs
# (/sim/<fspId>/outbound), 9090 the runners' Prometheus remote write.
# Each Service must carry the annotations (the platform phase sets them)
#   service.beta.kubernetes.io/aws-load-balancer-security-groups: <its security group id output>
#   service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules: "false"
#   service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
# and no loadBalancerSourceRanges, so the controller adds no rules of its own (it would be refused).
# DFSP pods on the hub reach the gateway in-cluster.

resource "aws_security_group" "hub_ingress" {
  # checkov:skip=CKV2_AWS_5: attached to the ingress gateway's NLB by the AWS Load Balancer Controller (Service annotation), not by Terraform
  name        = "${local.hub_cluster_name}-ingress"
  description = "Hub ingress gateway load balancer: HTTP and HTTPS from the load cluster's nodes only"
  vpc_id      = module.network.vpc_id

  tags = merge(local.tags, { Name = "${local.hub_cluster_name}-ingress" })
}

# Was a single HTTPS rule before HTTP joined; keeps a re-applied stack from replacing it.
moved {
  from = aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes
  to   = aws_vpc_security_group_ingress_rule.hub_ingress_from_load_nodes["https"]
}

resource "aws_vpc_security_group_ingress_rule" "hub_ingress_from_load_nodes" {
  # checkov:skip=CKV_AWS_260: the source is the load cluster's node security group, never an address range (tests assert no CIDR); port 80 is the k6 runners' plain HTTP to the DFSP SDKs
  for_each = var.ingress_gateway_listener_ports

  security_group_id            = aws_security_group.hub_ingress.id
  description                  = "Gateway listener ${each.key} from the load cluster's k6 runners"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = module.load_cluster.node_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "hub_ingress_to_gateway" {
  for_each = var.ingress_gateway_target_ports

  security_group_id            = aws_security_group.hub_ingress.id
  description                  = "NLB to the ingress gateway pods (${each.key})"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = module.hub_cluster.node_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "hub_nodes_from_ingress" {
  # checkov:skip=CKV_AWS_260: the source is the hub_ingress security group (the NLB), never an address range (tests assert it)
  for_each = var.ingress_gateway_target_ports

  security_group_id            = module.hub_cluster.node_security_group_id
  description                  = "Ingress gateway pods (${each.key}) from the NLB"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.hub_ingress.id

  tags = local.tags
}

resource "aws_security_group" "hub_prometheus" {
  # checkov:skip=CKV2_AWS_5: attached to Prometheus's NLB by the AWS Load Balancer Controller (Service annotation), not by Terraform
  name        = "${local.hub_cluster_name}-prometheus"
  description = "Hub Prometheus load balancer: remote write from the load cluster's nodes only"
  vpc_id      = module.network.vpc_id

  tags = merge(local.tags, { Name = "${local.hub_cluster_name}-prometheus" })
}

resource "aws_vpc_security_group_ingress_rule" "hub_prometheus_from_load_nodes" {
  security_group_id            = aws_security_group.hub_prometheus.id
  description                  = "Prometheus remote write from the load cluster's k6 runners"
  ip_protocol                  = "tcp"
  from_port                    = var.prometheus_port
  to_port                      = var.prometheus_port
  referenced_security_group_id = module.load_cluster.node_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_egress_rule" "hub_prometheus_to_pods" {
  security_group_id            = aws_security_group.hub_prometheus.id
  description                  = "NLB to the Prometheus pods (traffic and health checks)"
  ip_protocol                  = "tcp"
  from_port                    = var.prometheus_port
  to_port                      = var.prometheus_port
  referenced_security_group_id = module.hub_cluster.node_security_group_id

  tags = local.tags
}

resource "aws_vpc_security_group_ingress_rule" "hub_nodes_from_prometheus_lb" {
  security_group_id            = module.hub_cluster.node_security_group_id
  description                  = "Prometheus pods from their NLB"
  ip_protocol                  = "tcp"
  from_port                    = var.prometheus_port
  to_port                      = var.prometheus_port
  referenced_security_group_id = aws_security_group.hub_prometheus.id

  tags = local.tags
}
