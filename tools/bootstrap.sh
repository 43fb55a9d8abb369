#!/usr/bin/env bash
# Installs or checks the pinned tool chain listed in tools/versions.env, runs `npm ci` when the
# lock file changed, and records what this machine can do in .run/toolchain.env.
# Safe to run again: anything already present at its pinned version is left alone.
# See tools/README.md.
set -euo pipefail

export LC_ALL=C

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
RUN_DIR="$REPO_ROOT/.run"
LOG_DIR="$RUN_DIR/bootstrap-logs"

TOOLS_DIR="${MLPERF_TOOLS_DIR:-${HOME:?HOME is not set}/.cache/mlperf-tools}"
TOOLS_BIN="$TOOLS_DIR/bin"
VENV_DIR="$TOOLS_DIR/venv"

# shellcheck source=tools/versions.env
source "$SCRIPT_DIR/versions.env"

# ---------------------------------------------------------------------------------------------
# Results, filled in as tools are checked.
ROWS=()          # "name|pin|found|status"
FAILED=()        # names of tools we could not get
TIMINGS=()       # "step|seconds"
ENV_KEYS=()      # keys written to toolchain.env, in order
declare -A ENV_VALUES=()
APT_UPDATED=no
BOOT_START=$EPOCHREALTIME

say() { printf '[bootstrap] %s\n' "$*"; }
warn() { printf '[bootstrap] WARNING: %s\n' "$*" >&2; }

seconds_since() { # start -> "12.3"
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

add_row() { # name pin found status
  ROWS+=("$1|$2|$3|$4")
  if [[ $4 == FAILED* ]]; then FAILED+=("$1"); fi
}

add_timing() { TIMINGS+=("$1|$2"); }

set_env() { # key value
  if [[ -z ${ENV_VALUES[$1]+set} ]]; then ENV_KEYS+=("$1"); fi
  ENV_VALUES[$1]=$2
}

upper_name() { # redis-server -> REDIS_SERVER
  local n=${1^^}
  printf '%s' "${n//-/_}"
}

# Runs a command with its output in a log file; on failure shows the log's tail.
run_logged() { # logfile command...
  local logfile=$1 rc=0
  shift
  mkdir -p "$(dirname -- "$logfile")"
  "$@" >"$logfile" 2>&1 </dev/null || rc=$?
  if ((rc != 0)); then
    warn "command failed (exit $rc): $*"
    warn "last lines of $logfile:"
    tail -n 25 -- "$logfile" | sed 's/^/    | /' >&2
  fi
  return "$rc"
}

as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    warn "needs root for: $* (not root, and no password-less sudo)"
    return 1
  fi
}

version_ge() { # a b -> a >= b
  [[ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n 1)" == "$2" ]]
}

first_version_in() { # text -> first x.y[.z] found, without a leading v
  grep -oE '[0-9]+\.[0-9]+(\.[0-9]+)?' <<<"$1" | head -n 1 || true
}

# Field n (1-based) of a tool's table entry.
tool_field() { # name n
  local var
  var="TOOL_$(upper_name "$1")"
  if [[ -z ${!var+set} ]]; then
    warn "tools/versions.env has no $var entry"
    return 0
  fi
  cut -d'|' -f"$2" <<<"${!var}"
}

# ---------------------------------------------------------------------------------------------
# go: GOBIN=<tools>/bin go install <package>@<pin>; version read from the binary's build info.

go_built_version() { # name package -> module version, empty if not ours
  local bin="$TOOLS_BIN/$1"
  [[ -x $bin ]] || return 0
  go version -m "$bin" 2>/dev/null | awk -F'\t' -v pkg="$2" '
    $2 == "path" && $3 == pkg { ours = 1 }
    $2 == "mod" && ours { print $4; exit }'
}

do_go() { # name pin package
  local name=$1 pin=$2 pkg=$3 found start
  if ! command -v go >/dev/null 2>&1; then
    say "$name: go is not on PATH; cannot build or check it"
    add_row "$name" "$pin" "-" "FAILED (no go toolchain)"
    return 0
  fi
  found=$(go_built_version "$name" "$pkg")
  if [[ $found == "$pin" ]]; then
    say "$name $pin: ok"
    add_row "$name" "$pin" "$found" "ok"
    return 0
  fi
  say "$name: found '${found:-none}', installing $pkg@$pin with $(go env GOVERSION) (2-core Go builds take minutes)..."
  start=$EPOCHREALTIME
  # Built outside any Go workspace, statically (no C compiler needed on a fresh machine).
  if (cd "$TOOLS_DIR" && export GOWORK=off CGO_ENABLED=0 GOBIN="$TOOLS_BIN" &&
    run_logged "$LOG_DIR/$name.log" go install "$pkg@$pin"); then
    found=$(go_built_version "$name" "$pkg")
  fi
  local took
  took=$(seconds_since "$start")
  add_timing "go install $name" "$took"
  if [[ $found == "$pin" ]]; then
    say "$name $pin: installed in ${took}s"
    add_row "$name" "$pin" "$found" "installed"
  else
    say "$name: FAILED after ${took}s (log: $LOG_DIR/$name.log)"
    add_row "$name" "$pin" "${found:--}" "FAILED"
  fi
}

# ---------------------------------------------------------------------------------------------
# pip: one dedicated venv, commands symlinked into <tools>/bin.

declare -A PIP_FOUND=()
PIP_READY=unknown

venv_works() { [[ -x $VENV_DIR/bin/python ]] && "$VENV_DIR/bin/python" -c 'import pip' >/dev/null 2>&1; }

ensure_venv() {
  if [[ $PIP_READY != unknown ]]; then [[ $PIP_READY == yes ]]; return; fi
  PIP_READY=no
  if venv_works; then PIP_READY=yes; return 0; fi
  local python=${MLPERF_PYTHON:-python3} start
  if ! command -v "$python" >/dev/null 2>&1; then
    warn "$python not found; cannot create the tools venv"
    return 1
  fi
  start=$EPOCHREALTIME
  say "creating venv $VENV_DIR with $("$python" --version 2>&1)"
  rm -rf -- "$VENV_DIR"
  if ! run_logged "$LOG_DIR/venv.log" "$python" -m venv "$VENV_DIR"; then
    # Debian's python3 ships venv/ensurepip separately.
    if command -v apt-get >/dev/null 2>&1 && [[ $python == python3 ]]; then
      say "installing python3-venv (prerequisite for the tools venv)"
      rm -rf -- "$VENV_DIR"
      if apt_update_once && run_logged "$LOG_DIR/python3-venv.log" as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends -o DPkg::Lock::Timeout=300 python3-venv; then
        run_logged "$LOG_DIR/venv.log" "$python" -m venv "$VENV_DIR" || true
      fi
    fi
  fi
  if venv_works; then
    add_timing "create venv" "$(seconds_since "$start")"
    PIP_READY=yes
    return 0
  fi
  warn "could not create a working venv at $VENV_DIR (log: $LOG_DIR/venv.log)"
  return 1
}

read_pip_versions() { # dist... -> PIP_FOUND[dist]=version for those installed in the venv
  PIP_FOUND=()
  local dist ver
  while IFS='=' read -r dist ver; do
    [[ -n $dist ]] && PIP_FOUND[$dist]=$ver
  done < <("$VENV_DIR/bin/python" - "$@" <<'PY'
import sys
from importlib import metadata
for dist in sys.argv[1:]:
    try:
        print(f"{dist}={metadata.version(dist)}")
    except metadata.PackageNotFoundError:
        pass
PY
)
}

link_venv_command() { # name
  local target="$VENV_DIR/bin/$1"
  [[ -x $target ]] || return 1
  if [[ "$(readlink -- "$TOOLS_BIN/$1" 2>/dev/null || true)" != "$target" ]]; then
    ln -sfn -- "$target" "$TOOLS_BIN/$1"
  fi
}

do_pip() { # name pin dist
  local name=$1 pin=$2 dist=$3 found start took
  if ! ensure_venv; then
    add_row "$name" "$pin" "-" "FAILED (no venv)"
    return 0
  fi
  read_pip_versions "$dist"
  found=${PIP_FOUND[$dist]:-}
  if [[ $found == "$pin" ]] && link_venv_command "$name"; then
    say "$name $pin: ok"
    add_row "$name" "$pin" "$found" "ok"
    return 0
  fi
  say "$name: found '${found:-none}', installing $dist==$pin into the venv..."
  start=$EPOCHREALTIME
  run_logged "$LOG_DIR/$name.log" "$VENV_DIR/bin/python" -m pip install --no-input \
    --disable-pip-version-check "$dist==$pin" || true
  read_pip_versions "$dist"
  found=${PIP_FOUND[$dist]:-}
  took=$(seconds_since "$start")
  add_timing "pip install $name" "$took"
  if [[ $found == "$pin" ]] && link_venv_command "$name" &&
    run_logged "$LOG_DIR/$name.version.log" "$TOOLS_BIN/$name" --version; then
    say "$name $pin: installed in ${took}s ($(head -n 1 "$LOG_DIR/$name.version.log"))"
    add_row "$name" "$pin" "$found" "installed"
  else
    say "$name: FAILED after ${took}s (log: $LOG_DIR/$name.log)"
    add_row "$name" "$pin" "${found:--}" "FAILED"
  fi
}

# ---------------------------------------------------------------------------------------------
# apt: pin is the upstream major.minor; the Debian revision may move with security updates.

apt_update_once() {
  [[ $APT_UPDATED == yes ]] && return 0
  local start
  start=$EPOCHREALTIME
  say "apt-get update (an apt package is missing)"
  if run_logged "$LOG_DIR/apt-update.log" as_root apt-get update -o DPkg::Lock::Timeout=300; then
    APT_UPDATED=yes
    add_timing "apt-get update" "$(seconds_since "$start")"
    return 0
  fi
  return 1
}

dpkg_version() { # package -> installed Debian version, empty if not installed
  local out
  out=$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}' "$1" 2>/dev/null || true)
  [[ $out == ii* ]] && printf '%s' "${out#*|}"
  return 0
}

upstream_version() { # 5:7.0.15-1~deb12u10 -> 7.0.15 ; 2.42.0+ds-5+deb12u1 -> 2.42.0
  local v=$1
  [[ $v == *:* ]] && v=${v#*:}
  v=${v%-*}
  v=${v%%[+~]*}
  printf '%s' "$v"
}

major_minor() { cut -d. -f1,2 <<<"$1"; }

# A package's postinst may start its service (it does under systemd). The rehearsal starts its
# own Redis and Prometheus on its own ports, so a service we just caused to run is stopped.
stop_started_service() { # package
  local svc=$1
  if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
    if systemctl is-active --quiet "$svc" 2>/dev/null; then
      as_root systemctl stop "$svc" || true
      say "$svc: its package started $svc.service; stopped it (the rehearsal runs its own instance on its own port). It stays enabled; 'systemctl disable $svc' if unwanted."
      return 0
    fi
  elif [[ -x /etc/init.d/$svc ]]; then
    if as_root "/etc/init.d/$svc" status >/dev/null 2>&1; then
      as_root "/etc/init.d/$svc" stop >/dev/null 2>&1 || true
      say "$svc: its package started the init.d service; stopped it (the rehearsal runs its own instance on its own port)."
      return 0
    fi
  fi
  say "$svc: no service left running by the package (no init system here, or policy-rc.d denied the start)"
}

do_apt() { # name pin package
  local name=$1 pin=$2 pkg=$3 have candidate start took
  if ! command -v dpkg-query >/dev/null 2>&1; then
    add_row "$name" "$pin.x" "-" "FAILED (no dpkg/apt on this machine)"
    return 0
  fi
  have=$(dpkg_version "$pkg")
  if [[ -n $have && $(major_minor "$(upstream_version "$have")") == "$pin" ]]; then
    say "$name $pin.x: ok ($pkg $have)"
    add_row "$name" "$pin.x" "$(upstream_version "$have")" "ok"
    return 0
  fi
  say "$name: installed '${have:-none}', want $pin.x"
  if ! apt_update_once; then
    add_row "$name" "$pin.x" "${have:--}" "FAILED (apt-get update)"
    return 0
  fi
  candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '$1 == "Candidate:" { print $2 }')
  if [[ -z $candidate || $candidate == "(none)" ]]; then
    add_row "$name" "$pin.x" "${have:--}" "FAILED (no apt candidate)"
    return 0
  fi
  if [[ $(major_minor "$(upstream_version "$candidate")") != "$pin" ]]; then
    say "$name: apt candidate $candidate is not $pin.x; update the pin in tools/versions.env"
    add_row "$name" "$pin.x" "${have:--}" "FAILED (candidate $candidate)"
    return 0
  fi
  start=$EPOCHREALTIME
  run_logged "$LOG_DIR/$name.log" as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y \
    --no-install-recommends --allow-downgrades -o DPkg::Lock::Timeout=300 "$pkg=$candidate" || true
  took=$(seconds_since "$start")
  add_timing "apt-get install $pkg" "$took"
  have=$(dpkg_version "$pkg")
  if [[ -n $have && $(major_minor "$(upstream_version "$have")") == "$pin" ]]; then
    say "$name: installed $pkg $have in ${took}s"
    add_row "$name" "$pin.x" "$(upstream_version "$have")" "installed"
    stop_started_service "$pkg"
  else
    say "$name: FAILED after ${took}s (log: $LOG_DIR/$name.log)"
    add_row "$name" "$pin.x" "${have:--}" "FAILED"
  fi
}

record_apt_versions() {
  local name pkg have
  for name in $MLPERF_TOOLS; do
    [[ "$(tool_field "$name" 1)" == apt ]] || continue
    pkg=$(tool_field "$name" 3)
    have=$(dpkg_version "$pkg" 2>/dev/null || true)
    set_env "$(upper_name "$name")_VERSION" "$(upstream_version "${have:-}")"
  done
}

# ---------------------------------------------------------------------------------------------
# policy: never installed; used when already on PATH.

do_policy() { # name note
  local name=$1 note=$2 key path out ver
  key=$(upper_name "$name")
  if path=$(command -v "$name" 2>/dev/null); then
    out=$("$name" version 2>/dev/null || "$name" --version 2>/dev/null || true)
    ver=$(first_version_in "$out")
    say "$name ${ver:-(version unknown)}: found at $path (not installed by bootstrap)"
    add_row "$name" "(policy)" "${ver:-unknown}" "ok"
    set_env "${key}_AVAILABLE" yes
    set_env "${key}_VERSION" "$ver"
    set_env "${key}_SKIP_REASON" ""
  else
    say "$name: NOT INSTALLED — $note; checks that need $name report SKIPPED"
    add_row "$name" "(policy)" "-" "NOT INSTALLED (policy)"
    set_env "${key}_AVAILABLE" no
    set_env "${key}_VERSION" ""
    set_env "${key}_SKIP_REASON" "$note"
  fi
}

# ---------------------------------------------------------------------------------------------
# Terraform: detected, never installed; checks run only if an offline AWS provider mirror works.

tf() { # terraform without the ambient CLI config, checkpoint calls or prompts
  env -u TF_CLI_CONFIG_FILE -u TF_CLI_ARGS CHECKPOINT_DISABLE=1 TF_INPUT=0 terraform "$@"
}

tf_platform() {
  local arch
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch=$(uname -m) ;;
  esac
  printf '%s_%s' "$(uname -s | tr '[:upper:]' '[:lower:]')" "$arch"
}

# A mirror holds registry.terraform.io/hashicorp/aws/<version>/<platform>/terraform-provider-aws_*
mirror_aws_versions() { # dir
  local f out=()
  for f in "$1"/registry.terraform.io/hashicorp/aws/*/"$(tf_platform)"/terraform-provider-aws_*; do
    [[ -e $f ]] || continue
    f=${f%/*}
    f=${f%/*}
    out+=("${f##*/}")
  done
  ((${#out[@]})) && printf '%s\n' "${out[@]}" | sort -uV | paste -sd, -
  return 0
}

write_terraformrc() { # mirror file; returns 1 when the file already had this content
  local tmp
  tmp=$(mktemp "$RUN_DIR/.terraformrc.XXXXXX")
  cat >"$tmp" <<EOF
# Written by tools/bootstrap.sh: providers come only from the offline filesystem mirror.
provider_installation {
  filesystem_mirror {
    path    = "$1"
    include = ["registry.terraform.io/hashicorp/*"]
  }
  direct {
    exclude = ["registry.terraform.io/hashicorp/*"]
  }
}
EOF
  if cmp -s -- "$tmp" "$2"; then
    rm -f -- "$tmp"
    return 1
  fi
  mv -f -- "$tmp" "$2"
}

# Prints an empty string on success, else the reason.
verify_terraform_init() { # rcfile
  local dir rc=0 reason
  dir=$(mktemp -d)
  cat >"$dir/main.tf" <<EOF
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "$TF_AWS_PROVIDER_VERSION" }
  }
}
EOF
  (cd "$dir" && env -u TF_CLI_ARGS -u TF_CLI_ARGS_init TF_CLI_CONFIG_FILE="$1" CHECKPOINT_DISABLE=1 \
    TF_IN_AUTOMATION=1 TF_INPUT=0 timeout 300 terraform init -backend=false -input=false -no-color) \
    >"$LOG_DIR/terraform-init.log" 2>&1 </dev/null || rc=$?
  rm -rf -- "$dir"
  if ((rc != 0)); then
    # "Error: <title>", then its first paragraph of detail, on one line.
    reason=$(sed 's/^│ \{0,1\}//' "$LOG_DIR/terraform-init.log" | awk '
      /^Error:/ && !seen { seen = 1; line = $0; next }
      seen && NF == 0 && body { exit }
      seen && NF > 0 { body = 1; line = line " " $0 }
      END { print substr(line, 1, 300) }')
    printf 'offline terraform init with the mirror failed (exit %s): %s' "$rc" "${reason:-see .run/bootstrap-logs/terraform-init.log}"
  fi
}

do_terraform() { # name min
  local name=$1 min=$2 path ver mirror="" candidates=() c found_versions="" reason=""
  local rcfile="$RUN_DIR/terraformrc" stamp="$RUN_DIR/terraform-verify.stamp" key start
  set_env TF_AWS_PROVIDER_VERSION "$TF_AWS_PROVIDER_VERSION"

  if path=$(command -v terraform 2>/dev/null); then
    ver=$(tf version -json 2>/dev/null | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p' | head -n 1)
    [[ -n $ver ]] || ver=$(first_version_in "$(tf version 2>/dev/null | head -n 1)")
  else
    ver=""
  fi
  set_env TERRAFORM_VERSION "$ver"

  if [[ -n ${TF_PLUGIN_MIRROR:-} ]]; then
    candidates=("$TF_PLUGIN_MIRROR")
  else
    candidates=(/opt/tf-plugins "$HOME/.terraform.d/plugins")
  fi
  for c in "${candidates[@]}"; do
    found_versions=$(mirror_aws_versions "$c")
    if [[ -n $found_versions ]]; then mirror=$c; break; fi
  done
  set_env TF_PROVIDER_MIRROR "$mirror"

  if [[ -n $mirror ]]; then
    set_env TF_CLI_CONFIG_FILE "$rcfile"
    if write_terraformrc "$mirror" "$rcfile"; then
      say "terraform: AWS provider mirror $mirror holds aws $found_versions ($(tf_platform)); wrote $rcfile"
    else
      say "terraform: AWS provider mirror $mirror holds aws $found_versions ($(tf_platform)); $rcfile unchanged"
    fi
  else
    rm -f -- "$rcfile" "$stamp"
    say "terraform: no offline AWS provider mirror in: ${candidates[*]}"
  fi

  if [[ -z $path ]]; then
    reason="terraform not found on PATH (bootstrap does not install it)"
    add_row "$name" ">=$min" "-" "NOT FOUND (checks skip)"
  elif ! version_ge "$ver" "$min"; then
    reason="terraform $ver at $path is older than $min (needed for terraform test with mock providers)"
    add_row "$name" ">=$min" "$ver" "TOO OLD (checks skip)"
  else
    say "terraform $ver: found at $path (not installed by bootstrap)"
    add_row "$name" ">=$min" "$ver" "ok"
  fi

  if [[ -z $reason && -z $mirror ]]; then
    if [[ -n ${TF_PLUGIN_MIRROR:-} ]]; then
      reason="TF_PLUGIN_MIRROR=$TF_PLUGIN_MIRROR holds no hashicorp/aws provider for $(tf_platform)"
    else
      reason="no offline AWS provider mirror in ${candidates[*]} (set TF_PLUGIN_MIRROR to use another)"
    fi
  fi
  if [[ -n $mirror ]]; then
    if [[ -n $reason ]]; then
      add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "$found_versions" "unverified (no terraform)"
    else
      key=$({
        printf '%s\n' "$path" "$ver" "$mirror" "$TF_AWS_PROVIDER_VERSION"
        cat -- "$rcfile"
        ls -lL -- "$mirror/registry.terraform.io/hashicorp/aws/$TF_AWS_PROVIDER_VERSION/$(tf_platform)" 2>&1 || true
      } | sha256sum | cut -d' ' -f1)
      if [[ ",$found_versions," != *",$TF_AWS_PROVIDER_VERSION,"* ]]; then
        rm -f -- "$stamp"
        reason="mirror $mirror has aws $found_versions, not the pinned $TF_AWS_PROVIDER_VERSION"
        add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "$found_versions" "missing (checks skip)"
      elif [[ -f $stamp && "$(cat -- "$stamp")" == "$key" ]]; then
        say "aws provider $TF_AWS_PROVIDER_VERSION: ok (offline init verified on an earlier run)"
        add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "$found_versions" "ok"
      else
        start=$EPOCHREALTIME
        rm -f -- "$stamp"
        reason=$(verify_terraform_init "$rcfile")
        add_timing "terraform init (offline check)" "$(seconds_since "$start")"
        if [[ -z $reason ]]; then
          printf '%s\n' "$key" >"$stamp"
          say "aws provider $TF_AWS_PROVIDER_VERSION: offline terraform init with $rcfile works"
          add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "$found_versions" "ok (verified)"
        else
          add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "$found_versions" "unusable (checks skip)"
        fi
      fi
    fi
  else
    add_row "aws provider" "$TF_AWS_PROVIDER_VERSION" "-" "no mirror (checks skip)"
  fi

  if [[ -n $reason ]]; then
    say "terraform checks: SKIP — $reason"
    set_env TERRAFORM_CHECKS skip
    set_env TERRAFORM_SKIP_REASON "$reason"
  else
    set_env TERRAFORM_CHECKS run
  fi
}

# ---------------------------------------------------------------------------------------------
# node_modules: npm ci when missing or when package-lock.json changed since the last good install.

do_npm() {
  local stamp="$RUN_DIR/npm-ci.sha256" node_ver hash start took
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    add_row "node/npm" ">=$NODE_MIN_VERSION" "-" "FAILED (node or npm not on PATH)"
    return 0
  fi
  node_ver=$(node -p 'process.versions.node')
  if version_ge "$node_ver" "$NODE_MIN_VERSION"; then
    add_row "node" ">=$NODE_MIN_VERSION" "$node_ver" "ok"
  else
    add_row "node" ">=$NODE_MIN_VERSION" "$node_ver" "FAILED (too old)"
  fi
  if [[ ! -f $REPO_ROOT/package-lock.json ]]; then
    add_row "npm deps" "package-lock" "-" "FAILED (no package-lock.json)"
    return 0
  fi
  hash=$(sha256sum -- "$REPO_ROOT/package-lock.json" | cut -d' ' -f1)
  if [[ -d $REPO_ROOT/node_modules && -f $stamp && "$(cat -- "$stamp")" == "$hash" ]]; then
    say "node_modules: ok (package-lock.json unchanged since the last npm ci)"
    add_row "npm deps" "lock ${hash:0:12}" "lock ${hash:0:12}" "ok"
    return 0
  fi
  if [[ -d $REPO_ROOT/node_modules ]]; then
    say "node_modules: package-lock.json changed (or no record of a clean install); running npm ci..."
  else
    say "node_modules: missing; running npm ci..."
  fi
  start=$EPOCHREALTIME
  rm -f -- "$stamp"
  if (cd "$REPO_ROOT" && run_logged "$LOG_DIR/npm-ci.log" npm ci --no-audit --no-fund); then
    printf '%s\n' "$hash" >"$stamp"
    took=$(seconds_since "$start")
    say "node_modules: npm ci done in ${took}s"
    add_row "npm deps" "lock ${hash:0:12}" "lock ${hash:0:12}" "installed"
  else
    took=$(seconds_since "$start")
    add_row "npm deps" "lock ${hash:0:12}" "-" "FAILED"
  fi
  add_timing "npm ci" "$took"
}

# ---------------------------------------------------------------------------------------------

write_toolchain_env() {
  local file="$RUN_DIR/toolchain.env" tmp key value
  tmp=$(mktemp "$RUN_DIR/.toolchain.env.XXXXXX")
  {
    printf '# Written by tools/bootstrap.sh on %s. Do not edit; rerun the bootstrap.\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
    for key in "${ENV_KEYS[@]}"; do
      value=${ENV_VALUES[$key]}
      if [[ $value =~ ^[A-Za-z0-9_./:@%+,=-]*$ ]]; then
        printf '%s=%s\n' "$key" "$value"
      else
        value=${value//[\"\\\$\`]/}
        printf '%s="%s"\n' "$key" "$value"
      fi
    done
  } >"$tmp"
  mv -f -- "$tmp" "$file"
}

print_summary() {
  local row name pin found status t
  printf '\n%-14s %-18s %-20s %s\n' TOOL PINNED FOUND STATUS
  printf '%-14s %-18s %-20s %s\n' ---- ------ ----- ------
  for row in "${ROWS[@]}"; do
    IFS='|' read -r name pin found status <<<"$row"
    printf '%-14s %-18s %-20s %s\n' "$name" "$pin" "$found" "$status"
  done
  if ((${#TIMINGS[@]})); then
    printf '\nInstall steps:\n'
    for t in "${TIMINGS[@]}"; do
      printf '  %-36s %8ss\n' "${t%|*}" "${t##*|}"
    done
  fi
  printf '\nTotal bootstrap time: %ss\n' "$(seconds_since "$BOOT_START")"
  printf 'Recorded: %s\n' "$RUN_DIR/toolchain.env"
  # shellcheck disable=SC2016 # $PATH is meant literally: the user's shell expands it.
  printf 'Add the tools to your shell:\n  export PATH="%s:$PATH"\n' "$TOOLS_BIN"
}

usage() {
  cat <<EOF
Usage: bash tools/bootstrap.sh [--only tool,tool,...]
Installs the pinned tools from tools/versions.env into \${MLPERF_TOOLS_DIR:-\$HOME/.cache/mlperf-tools}
(now: $TOOLS_DIR), runs npm ci when needed, and writes .run/toolchain.env. Idempotent.
--only limits the tools to those named (npm ci still runs), e.g. what the local rehearsal needs:
  --only redis-server,openssl
Tools: $MLPERF_TOOLS
EOF
}

main() {
  local only=""
  while (($#)); do
    case "$1" in
      -h | --help) usage; return 0 ;;
      --only)
        [[ $# -ge 2 && -n $2 ]] || { warn "--only needs a comma-separated list of tools"; usage >&2; return 2; }
        only=",$2,"
        shift 2
        ;;
      *) usage >&2; return 2 ;;
    esac
  done
  if [[ -n $only ]]; then
    local wanted
    for wanted in ${only//,/ }; do
      if [[ " $MLPERF_TOOLS " != *" $wanted "* ]]; then
        warn "--only: got '$wanted'; allowed: $MLPERF_TOOLS"
        return 2
      fi
    done
  fi

  mkdir -p -- "$TOOLS_BIN" "$RUN_DIR" "$LOG_DIR"
  TOOLS_DIR=$(cd -- "$TOOLS_DIR" && pwd -P)
  TOOLS_BIN="$TOOLS_DIR/bin"
  VENV_DIR="$TOOLS_DIR/venv"
  export PATH="$TOOLS_BIN:$PATH"

  # One bootstrap at a time per tools dir (CI jobs or two checkouts sharing it).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"$TOOLS_DIR/.bootstrap.lock"
    if ! flock -n 9; then
      say "another bootstrap holds $TOOLS_DIR/.bootstrap.lock; waiting..."
      flock -w 3600 9 || { warn "gave up waiting for the lock"; return 1; }
    fi
  fi

  say "repo: $REPO_ROOT"
  say "tools: $TOOLS_DIR"
  set_env MLPERF_TOOLS_DIR "$TOOLS_DIR"
  set_env MLPERF_TOOLS_BIN "$TOOLS_BIN"
  set_env MLPERF_TOOLS_VENV "$VENV_DIR"

  local name kind pin source note
  for name in $MLPERF_TOOLS; do
    if [[ -n $only && $only != *",$name,"* ]]; then continue; fi
    kind=$(tool_field "$name" 1)
    pin=$(tool_field "$name" 2)
    source=$(tool_field "$name" 3)
    note=$(tool_field "$name" 4)
    case "$kind" in
      go) do_go "$name" "$pin" "$source" ;;
      pip) do_pip "$name" "$pin" "$source" ;;
      apt) do_apt "$name" "$pin" "$source" ;;
      policy) do_policy "$name" "$note" ;;
      external)
        if [[ $name == terraform ]]; then
          do_terraform "$name" "$pin"
        else
          warn "no detector for external tool $name"
          add_row "$name" "$pin" "-" "FAILED (no detector)"
        fi
        ;;
      *)
        warn "unknown kind '$kind' for $name in tools/versions.env"
        add_row "$name" "$pin" "-" "FAILED (bad entry)"
        ;;
    esac
  done
  record_apt_versions
  do_npm

  set_env BOOTSTRAP_FAILED "${FAILED[*]}"
  if [[ -z $only ]]; then
    write_toolchain_env
  else
    # A partial check must not replace the full record the gates read.
    say "--only: $RUN_DIR/toolchain.env left as it was"
  fi
  print_summary

  if ((${#FAILED[@]})); then
    printf '\nbootstrap: FAILED to get: %s (logs in %s)\n' "${FAILED[*]}" "$LOG_DIR" >&2
    return 1
  fi
  printf '\nbootstrap: all tools ready.\n'
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
