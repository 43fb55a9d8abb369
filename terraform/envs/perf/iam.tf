# Policy of the AWS Load Balancer Controller on the hub (pod identity role `lb-controller`).
# Scope: Network Load Balancers only. TLS ends at the Istio gateway (mTLS needs the client
# certificate), so no ACM, WAF or Shield; security group rules are Terraform's (security.tf), so no
# EC2 write actions. Load balancers and target groups it creates or changes must carry the
# controller's cluster tag.

locals {
  elb_arn_prefix = "arn:${local.partition}:elasticloadbalancing:${var.region}:${local.account_id}"
  cluster_tag    = "elbv2.k8s.aws/cluster"

  lb_controller_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "DiscoverNetworkAndLoadBalancers"
        Effect = "Allow"
        Action = [
          "ec2:DescribeAccountAttributes",
          "ec2:DescribeAddresses",
          "ec2:DescribeAvailabilityZones",
          "ec2:DescribeCoipPools",
          "ec2:DescribeInstances",
          "ec2:DescribeInternetGateways",
          "ec2:DescribeIpamPools",
          "ec2:DescribeNetworkInterfaces",
          "ec2:DescribeRouteTables",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeTags",
          "ec2:DescribeVpcPeeringConnections",
          "ec2:DescribeVpcs",
          "ec2:GetCoipPoolUsage",
          "ec2:GetSecurityGroupsForVpc",
          "elasticloadbalancing:DescribeCapacityReservation",
          "elasticloadbalancing:DescribeListenerAttributes",
          "elasticloadbalancing:DescribeListenerCertificates",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancerAttributes",
          "elasticloadbalancing:DescribeLoadBalancers",
          "elasticloadbalancing:DescribeRules",
          "elasticloadbalancing:DescribeSSLPolicies",
          "elasticloadbalancing:DescribeTags",
          "elasticloadbalancing:DescribeTargetGroupAttributes",
          "elasticloadbalancing:DescribeTargetGroups",
          "elasticloadbalancing:DescribeTargetHealth",
          "elasticloadbalancing:DescribeTrustStores",
        ]
        Resource = "*"
      },
      {
        Sid    = "CreateTaggedLoadBalancersAndTargetGroups"
        Effect = "Allow"
        Action = [
          "elasticloadbalancing:CreateLoadBalancer",
          "elasticloadbalancing:CreateTargetGroup",
        ]
        Resource = [
          "${local.elb_arn_prefix}:loadbalancer/net/*/*",
          "${local.elb_arn_prefix}:targetgroup/*/*",
        ]
        Condition = { Null = { "aws:RequestTag/${local.cluster_tag}" = "false" } }
      },
      {
        Sid      = "TagOnCreate"
        Effect   = "Allow"
        Action   = "elasticloadbalancing:AddTags"
        Resource = ["${local.elb_arn_prefix}:loadbalancer/net/*/*", "${local.elb_arn_prefix}:targetgroup/*/*"]
        Condition = {
          StringEquals = { "elasticloadbalancing:CreateAction" = ["CreateLoadBalancer", "CreateTargetGroup"] }
          Null         = { "aws:RequestTag/${local.cluster_tag}" = "false" }
        }
      },
      {
        Sid    = "ManageOwnLoadBalancersAndTargetGroups"
        Effect = "Allow"
        Action = [
          "elasticloadbalancing:AddTags",
          "elasticloadbalancing:DeleteLoadBalancer",
          "elasticloadbalancing:DeleteTargetGroup",
          "elasticloadbalancing:ModifyLoadBalancerAttributes",
          "elasticloadbalancing:ModifyTargetGroup",
          "elasticloadbalancing:ModifyTargetGroupAttributes",
          "elasticloadbalancing:RemoveTags",
          "elasticloadbalancing:SetIpAddressType",
          "elasticloadbalancing:SetSecurityGroups",
          "elasticloadbalancing:SetSubnets",
        ]
        Resource  = ["${local.elb_arn_prefix}:loadbalancer/net/*/*", "${local.elb_arn_prefix}:targetgroup/*/*"]
        Condition = { Null = { "aws:ResourceTag/${local.cluster_tag}" = "false" } }
      },
      {
        Sid    = "ManageListenersAndTargets"
        Effect = "Allow"
        Action = [
          "elasticloadbalancing:CreateListener",
          "elasticloadbalancing:DeleteListener",
          "elasticloadbalancing:DeregisterTargets",
          "elasticloadbalancing:ModifyListener",
          "elasticloadbalancing:ModifyListenerAttributes",
          "elasticloadbalancing:RegisterTargets",
        ]
        Resource = [
          "${local.elb_arn_prefix}:loadbalancer/net/*/*",
          "${local.elb_arn_prefix}:listener/net/*/*/*",
          "${local.elb_arn_prefix}:targetgroup/*/*",
        ]
      },
      {
        Sid      = "LoadBalancingServiceLinkedRole"
        Effect   = "Allow"
        Action   = "iam:CreateServiceLinkedRole"
        Resource = "*"
        Condition = {
          StringEquals = { "iam:AWSServiceName" = "elasticloadbalancing.amazonaws.com" }
        }
      },
    ]
  })
}
