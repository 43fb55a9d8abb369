# aws-1000tps: sized from the published run that passed 1000 transfers/s with the full security
# stack (REFERENCE.md §1, whitepaper round 2: 1,199,806 transfers in the steady window at 99.96 %
# success, e2e p50/p95/p99 = 502/755/944 ms).
#
# Mirrors the infrastructure section of profiles/aws-1000tps.yaml, the run configuration the
# pipeline turns into its variables file; tests/aws-1000tps.tftest.hcl fails if the two drift
# apart. Use this file for manual runs: terraform plan -var-file=profiles/aws-1000tps.tfvars ...
#
# Canonical form (checked by the same test): map keys in alphabetical order, node group attributes
# in the order instance_type, min_size, desired_size, max_size, labels, taints, empty labels/taints
# left out. The stack adds the mlperf/role=<key> label itself.

profile      = "aws-1000tps"
nat_gateways = "one-per-az" # no node's egress depends on another zone during an hour-long run

hub_node_groups = {
  # Reference: DFSPs on 2 x c7i.8xlarge (the two busiest, 32 SDK replicas each) + 6 x c7i.2xlarge
  # (12 replicas each) = 112 vCPU. A node group has one instance type, so the same 112 vCPU come as
  # 7 x c7i.4xlarge (16 vCPU each); max 8 is one node of headroom.
  dfsps = {
    instance_type = "c7i.4xlarge"
    min_size      = 7
    desired_size  = 7
    max_size      = 8
    taints = [
      { key = "mlperf/role", value = "dfsps", effect = "NO_SCHEDULE" },
    ]
  }
  # Reference: the switch on 10 x m7i.2xlarge (8 vCPU / 32 GiB), replica counts multiples of the
  # node count, so exactly 10; max 12 only lets a replacement node join before one leaves.
  hub-services = {
    instance_type = "m7i.2xlarge"
    min_size      = 10
    desired_size  = 10
    max_size      = 12
  }
  # Reference: 3 x m7i.2xlarge brokers, replication factor 3, acks=all; one per zone.
  kafka = {
    instance_type = "m7i.2xlarge"
    min_size      = 3
    desired_size  = 3
    max_size      = 3
    taints = [
      { key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" },
    ]
  }
  # Not in the reference: Prometheus (hub metrics plus k6 native histograms) and Grafana on two
  # nodes of their own, so the TSDB does not compete with the switch.
  monitoring = {
    instance_type = "m7i.2xlarge"
    min_size      = 2
    desired_size  = 2
    max_size      = 2
  }
}

load_node_groups = {
  # Reference: one k6 pod on one m7i.2xlarge drove 1000 transfers/s (peak 1,471 VUs). k6-operator puts
  # one runner per node and nothing scales the group, so two nodes carry the stress search to 2000/s.
  load-runners = {
    instance_type = "m7i.2xlarge"
    min_size      = 2
    desired_size  = 2
    max_size      = 2
    taints = [
      { key = "mlperf/role", value = "load-runners", effect = "NO_SCHEDULE" },
    ]
  }
}

# Reference: MySQL on 2 x m7i.2xlarge with semi-synchronous replication. RDS equivalent: one
# 8 vCPU / 32 GiB instance (db.m6i.2xlarge) with a Multi-AZ synchronous standby. 400 GiB because
# gp3 gives MySQL 12,000 IOPS / 500 MiB/s from 400 GiB up (3,000 / 125 below): the ledger commits
# every transfer, so buy the IOPS, not the space.
database = {
  instance_class       = "db.m6i.2xlarge"
  allocated_storage_gb = 400
  multi_az             = true
  # Mojaloop 17.0.4's services have no MySQL TLS setting, so RDS accepts them without TLS; the
  # traffic stays in the VPC's data subnets, reachable only from the hub nodes' security group.
  require_tls = false
}

# Not in the reference. One replica in another zone so a node failure mid-run does not empty the cache.
cache = {
  node_type = "cache.m7g.large"
  replicas  = 1
}
