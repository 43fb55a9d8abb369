# The hub's ingress gateway is exposed through an internal Network Load Balancer that the AWS Load
# Balancer Controller creates for the gateway's Service. Terraform owns every rule around it:
#   load cluster nodes --443--> [hub_ingress SG on the NLB] --gateway ports--> hub node SG (gateway pods)
# The Service must carry the annotations
#   service.beta.kubernetes.io/aws-load-balancer-security-groups: <hub_ingress_security_group_id>
#   service.beta.kubernetes.io/aws-load-balancer-manage-backend-security-group-rules: "false"
#   service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: ip
# so the controller adds no rules of its own. DFSP pods on the hub reach the gateway in-cluster.

resource "aws_security_group" "hub_ingress" {
  # checkov:skip=CKV2_AWS_5: attached to the ingress gateway's NLB by the AWS Load Balancer Controller (Service annotation), not by Terraform
  name        = "${local.hub_cluster_name}-ingress"
  description = "Hub ingress gateway load balancer: HTTPS from the load cluster's nodes only"
  vpc_id      = module.network.vpc_id

  tags = merge(local.tags, { Name = "${local.hub_cluster_name}-ingress" })
}

resource "aws_vpc_security_group_ingress_rule" "hub_ingress_from_load_nodes" {
  security_group_id            = aws_security_group.hub_ingress.id
  description                  = "HTTPS (mTLS) from the load cluster's k6 runners"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
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
  for_each = var.ingress_gateway_target_ports

  security_group_id            = module.hub_cluster.node_security_group_id
  description                  = "Ingress gateway pods (${each.key}) from the NLB"
  ip_protocol                  = "tcp"
  from_port                    = each.value
  to_port                      = each.value
  referenced_security_group_id = aws_security_group.hub_ingress.id

  tags = local.tags
}
