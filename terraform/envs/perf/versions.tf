terraform {
  # Modules and tests need 1.7 (mock providers). The pipeline's `use_lockfile = true` (S3-native
  # state locking) needs 1.10 or newer at init; the workflow pins that version.
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: the pipeline supplies bucket, key, region and use_lockfile = true with
  # `terraform init -backend-config=...`. `terraform init -backend=false` skips it for checks.
  backend "s3" {}
}
