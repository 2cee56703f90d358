#!/bin/sh
# Builds the Pulumi CLI (the engine openmcf drives) from the Go module proxy, at the version this
# wrapper module pins, into $OPENMCF_HOME/engine/v<version>/bin/pulumi (default ~/.openmcf).
#
# Why: the official installers download from get.pulumi.com, which some machines cannot reach;
# the engine is also a Go module, and the module proxy is reachable. `go install pkg@version`
# refuses pkg/v3 (its go.mod has replace directives), hence this small wrapper module.
#
# Cold: ~300 modules (~1.6 GB) and ~1.7 GB of build cache, a few minutes on 2 cores.
# Warm: the binary is cached per version, so a second run only checks that it is there.
# Usage: sh engine/build.sh            (OPENMCF_HOME picks the cache root)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
version=$(awk '$1 == "require" && $2 == "github.com/pulumi/pulumi/pkg/v3" { print $3 } $1 == "github.com/pulumi/pulumi/pkg/v3" { print $2 }' "$here/go.mod" | head -n 1)
version=${version#v}
if [ -z "$version" ]; then
  echo "engine/build.sh: cannot read the pinned github.com/pulumi/pulumi/pkg/v3 version from $here/go.mod" >&2
  exit 1
fi

home=${OPENMCF_HOME:-"$HOME/.openmcf"}
dest="$home/engine/v$version/bin/pulumi"

if [ -x "$dest" ]; then
  echo "pulumi v$version: already built at $dest (nothing to do)"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  echo "engine/build.sh: Go is not installed, so pulumi v$version cannot be built from Go modules." >&2
  echo "  Install Go 1.22+ (it fetches the toolchain go.mod asks for), or install the Pulumi CLI and set OPENMCF_PULUMI_CLI." >&2
  exit 1
fi

elapsed() { echo $(( $(date +%s) - started )); }
started=$(date +%s)
echo "pulumi v$version: not found at $dest; building it from Go modules with $(go version | awk '{print $3}')."
echo "  This takes a few minutes the first time (about 300 modules, ~3 GB of Go caches); later runs reuse the binary."

mkdir -p "$(dirname "$dest")"
# Build next to the destination, then rename: a concurrent run or an interrupted build never leaves
# a half-written binary where the resolver looks.
tmp="$dest.partial.$$"
trap 'rm -f "$tmp"' EXIT INT TERM

cd "$here"
echo "  [1/3] downloading modules listed in engine/go.sum ..."
GOFLAGS=-mod=readonly go mod download
echo "  [1/3] modules ready ($(elapsed)s)"

echo "  [2/3] compiling github.com/pulumi/pulumi/pkg/v3/cmd/pulumi (the long step) ..."
CGO_ENABLED=0 GOFLAGS=-mod=readonly go build -trimpath \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  -o "$tmp" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
echo "  [2/3] compiled ($(elapsed)s)"

echo "  [3/3] checking the binary ..."
reported=$(PULUMI_SKIP_UPDATE_CHECK=true "$tmp" version)
if [ "$reported" != "v$version" ]; then
  echo "engine/build.sh: the built binary reports '$reported', expected 'v$version'" >&2
  exit 1
fi
mv -f "$tmp" "$dest"
trap - EXIT INT TERM
echo "pulumi v$version: built in $(elapsed)s -> $dest"
