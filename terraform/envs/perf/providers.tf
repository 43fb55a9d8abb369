provider "aws" {
  region = var.region

  # Belt and braces: the modules tag every resource explicitly (that is what the tests check);
  # default_tags also covers anything a future resource forgets.
  default_tags {
    tags = local.tags
  }
}
