#!/bin/sh
# The real servers the state-backend tests start on loopback (test/helpers/postgres-server.ts,
# test/helpers/s3-server.ts): PostgreSQL from the Debian package where it is missing, and versitygw
# (an S3 server) built from Go modules and cached under $OPENMCF_HOME/versitygw. Nothing is started
# here: each test file starts its own server and stops it. Idempotent; a second run does nothing.
# Usage: sh scripts/ci-servers.sh
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [ -n "${OPENMCF_PG_BIN:-}" ]; then
  echo "postgresql: $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | tail -n 1) (nothing to do)"
elif command -v apt-get >/dev/null 2>&1; then
  echo "postgresql: not installed; installing the Debian package (its server is not enabled here, the tests start their own)"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null \
    || { $sudo apt-get update >/dev/null && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >/dev/null; }
  # The package starts a cluster of its own on port 5432; the tests do not use it.
  command -v pg_ctlcluster >/dev/null 2>&1 && $sudo service postgresql stop >/dev/null 2>&1 || true
else
  echo "scripts/ci-servers.sh: PostgreSQL is missing and there is no apt-get: install PostgreSQL 13+ and set OPENMCF_PG_BIN to its bin folder" >&2
  exit 1
fi

sh "$here/servers/versitygw/build.sh"
