#!/bin/sh
# What the test suite runs besides openmcf itself, made sure of before `npm test` starts: the
# pinned Pulumi engine, the scaleway plugin (the real provider), the kustomize CLI, and the real
# servers the state-backend tests start on loopback (PostgreSQL, an S3 server). Each script
# builds from Go modules only what is missing and says so; when everything is there this takes
# a second. Usage: sh scripts/test-prerequisites.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
sh "$here/engine/build.sh"
sh "$here/provider/build.sh"
sh "$here/kustomize/build.sh"
if [ -f "$here/scripts/ci-servers.sh" ]; then sh "$here/scripts/ci-servers.sh"; fi
