output "expected" {
  description = "The test's values in normalised canonical form."
  value       = local.expected
}

output "actual" {
  description = "The tfvars file, normalised the same way."
  value       = local.actual
}

output "matches" {
  description = "Whether the test's values are exactly the tfvars file's."
  value       = local.expected == local.actual
}

output "run_profile_expected" {
  description = "The test's sizing, in the summary form used for the run profile comparison."
  value       = local.run_profile_expected
}

output "run_profile_actual" {
  description = "The run profile YAML's sizing, in the same summary form."
  value       = local.run_profile_actual
}

output "run_profile_matches" {
  description = "Whether the test's sizing is exactly the run profile YAML's."
  value       = local.run_profile_expected == local.run_profile_actual
}
