#!/usr/bin/env bash
# Brings Showroom up locally: PostgreSQL (a throwaway cluster in .pgdata/ unless DATABASE_URL
# is set), build, migrate, import the demo catalog, serve on http://localhost:8080.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${DATABASE_URL:-}" ]; then
  DATABASE_URL=$(deploy/dev/pg.sh start | tail -n1)
  export DATABASE_URL
fi
echo "database: ${DATABASE_URL%%:*}://…@${DATABASE_URL##*@}"
swift build --product showroom
BIN=$(swift build --show-bin-path)/showroom
"$BIN" migrate
"$BIN" import catalog/
export SHOWROOM_HOST=${SHOWROOM_HOST:-0.0.0.0}
export SHOWROOM_PORT=${SHOWROOM_PORT:-8080}
echo "Showroom on http://localhost:${SHOWROOM_PORT} (demo pages: /demo/sh-pudong, /demo/sf-bay)"
exec "$BIN" serve "$@"
