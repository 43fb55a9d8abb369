# tflint for everything under terraform/ (run as `tflint --chdir=terraform --recursive`).
# Only the ruleset bundled with tflint is used: it needs no plugin download, so it works offline.
# "all" turns on every rule of that ruleset, including documented and typed variables and outputs,
# naming conventions, pinned provider versions and the standard module file layout.

config {
  call_module_type = "local"
}

plugin "terraform" {
  enabled = true
  preset  = "all"
}
