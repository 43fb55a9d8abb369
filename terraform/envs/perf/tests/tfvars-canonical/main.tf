# Test helper, not a deployable module: proves that the values a profile test plans with are the
# values in the profile's tfvars file AND in the run profile YAML the pipeline deploys from, so
# neither the tests nor the tfvars can drift from what actually runs.
#
# Terraform cannot parse a tfvars file from inside a configuration, so the check goes the other
# way: render the test's values in the profile's canonical form, then compare both texts with
# comments, whitespace, quotes and commas removed. Canonical form: map keys sorted (Terraform's
# iteration order), node group attributes as instance_type, min_size, desired_size, max_size,
# labels, taints; taints as key, value, effect; empty labels and taints omitted.

locals {
  rendered_node_groups = {
    for variable_name, groups in { hub_node_groups = var.hub_node_groups, load_node_groups = var.load_node_groups } :
    variable_name => join("", concat(
      ["${variable_name}={"],
      [
        for role, group in groups : join("", [
          "${role}={",
          "instance_type=${group.instance_type}",
          "min_size=${group.min_size}",
          "desired_size=${group.desired_size}",
          "max_size=${group.max_size}",
          length(group.labels) == 0 ? "" : "labels={${join("", [for k, v in group.labels : "${k}=${v}"])}}",
          length(group.taints) == 0 ? "" : "taints=[${join("", [for t in group.taints : "{key=${t.key}value=${t.value}effect=${t.effect}}"])}]",
          "}",
        ])
      ],
      ["}"],
    ))
  }

  expected = join("", [
    "profile=${var.profile}",
    "nat_gateways=${var.nat_gateways}",
    local.rendered_node_groups.hub_node_groups,
    local.rendered_node_groups.load_node_groups,
    "database={instance_class=${var.database.instance_class}allocated_storage_gb=${var.database.allocated_storage_gb}multi_az=${var.database.multi_az}require_tls=${var.database.require_tls}}",
    "cache={node_type=${var.cache.node_type}replicas=${var.cache.replicas}}",
  ])

  without_comments = replace(file(var.tfvars_path), "/#[^\\n]*/", "")
  actual           = replace(replace(replace(local.without_comments, "/\\s+/", ""), "\"", ""), ",", "")
}

# The run profile YAML names roles in camelCase and leaves labels and taints to the provision
# action, so only what it holds is compared: profile name, node group types and sizes, database,
# cache and NAT layout.
locals {
  run_profile    = yamldecode(file(var.run_profile_path))
  infrastructure = local.run_profile.infrastructure
  yaml_roles = {
    "hub-services" = local.infrastructure.hub.nodeGroups.hubServices
    kafka          = local.infrastructure.hub.nodeGroups.kafka
    dfsps          = local.infrastructure.hub.nodeGroups.dfsps
    monitoring     = local.infrastructure.hub.nodeGroups.monitoring
    "load-runners" = local.infrastructure.load.nodeGroups.loadRunners
  }

  run_profile_expected = join(" ", concat(
    [var.profile],
    [for role, group in merge(var.hub_node_groups, var.load_node_groups) : "${role}=${group.instance_type}:${group.min_size}/${group.desired_size}/${group.max_size}"],
    [
      "database=${var.database.instance_class}:${var.database.allocated_storage_gb}:${var.database.multi_az}:${var.database.require_tls}",
      "cache=${var.cache.node_type}:${var.cache.replicas}",
      "nat=${var.nat_gateways}",
    ],
  ))

  run_profile_actual = join(" ", concat(
    [local.run_profile.profile],
    [for role, group in local.yaml_roles : "${role}=${group.instanceType}:${group.minSize}/${group.desiredSize}/${group.maxSize}"],
    [
      "database=${local.infrastructure.database.instanceClass}:${local.infrastructure.database.allocatedStorageGb}:${local.infrastructure.database.multiAz}:${local.infrastructure.database.requireTls}",
      "cache=${local.infrastructure.cache.nodeType}:${local.infrastructure.cache.replicas}",
      "nat=${local.infrastructure.natGateways}",
    ],
  ))
}
