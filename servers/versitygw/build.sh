#!/bin/sh
# Builds versitygw (github.com/versity/versitygw), a real S3 server that keeps its objects in a
# local folder, from the Go module proxy, into $OPENMCF_HOME/versitygw/v<version>/bin/versitygw
# (default ~/.openmcf). The tests of the s3:// state backend start it on loopback (see
# test/helpers/s3-server.ts); openmcf itself never needs it.
#
# Unlike the engine (engine/build.sh), versitygw's go.mod has no replace directives, so plain
# `go install module/cmd@version` does it; no wrapper module is needed.
# Cold (about 80 modules to download, a cold build cache): 4 min 16 s of wall on a busy 2-core
# machine, 1 min 36 s of CPU; a 45 MB binary. Warm: nothing to do, the binary is cached per version.
# Usage: sh servers/versitygw/build.sh     (OPENMCF_HOME picks the cache root)
set -eu

version=1.8.0
home=${OPENMCF_HOME:-"$HOME/.openmcf"}
dest="$home/versitygw/v$version/bin/versitygw"

if [ -x "$dest" ]; then
  echo "versitygw v$version: already built at $dest (nothing to do)"
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  echo "servers/versitygw/build.sh: Go is not installed, so versitygw v$version cannot be built." >&2
  echo "  Install Go 1.25+ (it fetches the toolchain go.mod asks for)." >&2
  exit 1
fi

started=$(date +%s)
echo "versitygw v$version: not found at $dest; building it from Go modules with $(go version | awk '{print $3}')."
mkdir -p "$(dirname "$dest")"
# Install into a private folder next to the destination, then rename: a concurrent or interrupted
# build never leaves a half-written binary where the tests look.
tmp="$(dirname "$dest")/.partial.$$"
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp"
CGO_ENABLED=0 GOBIN="$tmp" go install -trimpath -ldflags "-s -w" "github.com/versity/versitygw/cmd/versitygw@v$version"
"$tmp/versitygw" --version >/dev/null
mv -f "$tmp/versitygw" "$dest"
echo "versitygw v$version: built in $(( $(date +%s) - started ))s -> $dest"
