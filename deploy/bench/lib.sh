# Shared helpers of the deploy/bench scripts (sourced, not run).
# Needs DATABASE_URL (a server where the role may CREATE DATABASE) and the release binaries
# built by deploy/bench/build.sh.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${SHOWROOM_BENCH_BIN:-$HERE/Benchmarks/.build/release}
: "${DATABASE_URL:?set DATABASE_URL, e.g. postgres://showroom:showroom@127.0.0.1:5433/showroom}"

# A database URL on the same server with another database name.
db_url() { echo "${DATABASE_URL%/*}/$1"; }

# Drops and creates database $1, migrates it and imports the demo catalog.
fresh_db() {
  psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null
  psql "$DATABASE_URL" -qc "CREATE DATABASE $1" >/dev/null
  DATABASE_URL=$(db_url "$1") "$BIN/showroom" migrate >/dev/null
  DATABASE_URL=$(db_url "$1") "$BIN/showroom" import "$HERE/catalog" >/dev/null
}

drop_db() { psql "$DATABASE_URL" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null || true; }

# Starts `showroom serve` on port $2 against database $1 (extra env may be exported before);
# sets SERVER_PID. Logs go to $LOG_DIR/server.log at warning level.
start_server() {
  local db=$1 port=$2
  mkdir -p "$LOG_DIR"
  (cd "$HERE" && DATABASE_URL=$(db_url "$db") SHOWROOM_HOST=127.0.0.1 SHOWROOM_PORT=$port SHOWROOM_RATE_LIMIT=off \
    SHOWROOM_LOG_LEVEL=${SHOWROOM_LOG_LEVEL:-warning} exec "$BIN/showroom" serve "${SERVE_ARGS[@]}") \
    >"$LOG_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do
    if curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; then return 0; fi
    sleep 0.2
  done
  echo "server did not become ready; see $LOG_DIR/server.log" >&2
  return 1
}

stop_server() { if [ -n "${SERVER_PID:-}" ]; then kill -TERM "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; fi; }

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), $(uname -r)"
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}
SERVE_ARGS=()
