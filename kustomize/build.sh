#!/bin/sh
# Builds the kustomize CLI (run by `--kustomize-dir <dir> --overlay <name>`) from the Go module
# proxy, at the version kustomize/go.mod pins (src/version.ts says the same; a test keeps them
# equal), into $OPENMCF_HOME/kustomize/v<version>/bin/kustomize (default ~/.openmcf), where openmcf
# looks when OPENMCF_KUSTOMIZE is not set and no kustomize is on PATH.
#
# Why a wrapper module (kustomize/go.mod) instead of `go install ...@version`: one dependency's
# pinned version is not served by the module proxy, and only a main module's replace directive can
# swap it (see go.mod). kustomize v5.8.3 asks for Go 1.27: with an older Go, GOTOOLCHAIN=auto (the
# default here unless GOTOOLCHAIN is set in the environment) lets go fetch that toolchain from the
# module proxy (golang.org/toolchain, cached like any module).
#
# Cold: about 40 modules and a minute or two of compiling on 2 cores. Warm: the binary is cached
# per version, so a second run only checks that it is there.
# Usage: sh kustomize/build.sh            (OPENMCF_HOME picks the cache root)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
module=sigs.k8s.io/kustomize/kustomize/v5
version=$(awk -v m="$module" '$1 == "require" && $2 == m { print $3 } $1 == m { print $2 }' "$here/go.mod" | head -n 1)
version=${version#v}
if [ -z "$version" ]; then
  echo "kustomize/build.sh: cannot read the pinned $module version from $here/go.mod" >&2
  exit 1
fi

home=${OPENMCF_HOME:-"$HOME/.openmcf"}
dest="$home/kustomize/v$version/bin/kustomize"

if [ -x "$dest" ]; then
  echo "kustomize v$version: already built at $dest (nothing to do)"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "kustomize/build.sh: Go is not installed, so kustomize v$version cannot be built from Go modules." >&2
  echo "  Install Go 1.22+ (it fetches the toolchain go.mod asks for), or install kustomize and put it on PATH or in OPENMCF_KUSTOMIZE." >&2
  exit 1
fi

started=$(date +%s)
echo "kustomize v$version: not found at $dest; building $module from Go modules with $(go version | awk '{print $3}')."

mkdir -p "$(dirname "$dest")"
# Build next to the destination, then rename: a concurrent run or an interrupted build never leaves
# a half-written binary where openmcf looks.
tmp="$dest.partial.$$"
trap 'rm -f "$tmp"' EXIT INT TERM

cd "$here"
GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath \
  -ldflags "-s -w -X sigs.k8s.io/kustomize/api/provenance.version=v$version" \
  -o "$tmp" "$module"

reported=$("$tmp" version 2>/dev/null || true)
case "$reported" in
  *"$version"*) ;;
  *)
    echo "kustomize/build.sh: the built binary reports '$reported', expected v$version" >&2
    exit 1
    ;;
esac
mv -f "$tmp" "$dest"
trap - EXIT INT TERM
echo "kustomize v$version: built in $(( $(date +%s) - started ))s -> $dest"
