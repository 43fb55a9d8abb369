# aws-smoke: the smallest AWS footprint that runs the whole stack (hub, 8 DFSPs, load cluster) for
# the smoke rungs (10 and 50 transfers/s). It proves the cloud path works, not a rate.
#
# Mirrors the infrastructure section of profiles/aws-smoke.yaml, the run configuration the pipeline
# turns into its variables file; tests/aws-smoke.tftest.hcl fails if the two drift apart. Use this
# file for manual runs: terraform plan -var-file=profiles/aws-smoke.tfvars -var run_id=... (see README).
#
# Canonical form (checked by the same test): map keys in alphabetical order, node group attributes
# in the order instance_type, min_size, desired_size, max_size, labels, taints, empty labels/taints
# left out. The stack adds the mlperf/role=<key> label itself.

profile      = "aws-smoke"
nat_gateways = "single" # egress is image pulls only; load traffic stays inside the VPC

hub_node_groups = {
  # 8 SDK scheme adapters at one replica each plus 8 single-threaded simulator backends (~1 core
  # each): 16 vCPU over two compute nodes.
  dfsps = {
    instance_type = "c7i.2xlarge"
    min_size      = 2
    desired_size  = 2
    max_size      = 2
    taints = [
      { key = "mlperf/role", value = "dfsps", effect = "NO_SCHEDULE" },
    ]
  }
  # Mojaloop core services, Istio, cert-manager and Argo CD at one replica each: 3 x 4 vCPU / 16 GiB,
  # one node per zone; max 4 lets a replacement node join before the old one leaves.
  hub-services = {
    instance_type = "m7i.xlarge"
    min_size      = 3
    desired_size  = 3
    max_size      = 4
  }
  # One broker (replication factor 1) carries 50 transfers/s.
  kafka = {
    instance_type = "m7i.xlarge"
    min_size      = 1
    desired_size  = 1
    max_size      = 1
    taints = [
      { key = "mlperf/role", value = "kafka", effect = "NO_SCHEDULE" },
    ]
  }
  # Prometheus and Grafana.
  monitoring = {
    instance_type = "m7i.xlarge"
    min_size      = 1
    desired_size  = 1
    max_size      = 1
  }
}

load_node_groups = {
  # One k6 pod at 50 transfers/s needs well under a core; the k6-operator fits beside it.
  load-runners = {
    instance_type = "m7i.large"
    min_size      = 1
    desired_size  = 1
    max_size      = 1
    taints = [
      { key = "mlperf/role", value = "load-runners", effect = "NO_SCHEDULE" },
    ]
  }
}

# 2 vCPU / 8 GiB MySQL, gp3 minimum size, no standby: a smoke run has nothing to fail over for.
database = {
  instance_class       = "db.m6i.large"
  allocated_storage_gb = 20
  multi_az             = false
  # Mojaloop 17.0.4's services have no MySQL TLS setting, so RDS accepts them without TLS; the
  # traffic stays in the VPC's data subnets, reachable only from the hub nodes' security group.
  require_tls = false
}

cache = {
  node_type = "cache.t4g.small"
  replicas  = 0
}
