#!/usr/bin/env bash
# Turns/s and latency through the HTTP stack with the embedded backend: a fresh database with
# the demo catalog, `showroom serve` with SHOWROOM_RATE_LIMIT=off on loopback, then the seeded
# zh/en conversation mix (half the turns streamed) at each concurrency given.
#   deploy/bench/http-load.sh [CONVERSATIONS] [CONCURRENCY...]
# Each concurrency runs on a newly started server, so VmHWM is that run's peak RSS.
. "$(dirname "$0")/lib.sh"
CONVERSATIONS=${1:-400}; shift || true
LEVELS=("${@:-16}")
LOG_DIR=${LOG_DIR:-$HERE/.bench-logs/http}
PORT=${PORT:-18080}
trap 'stop_server; drop_db showroom_bench_http' EXIT
machine
fresh_db showroom_bench_http
for c in "${LEVELS[@]}"; do
  start_server showroom_bench_http "$PORT"
  "$BIN/showroom-bench" load --url "http://127.0.0.1:$PORT" --conversations "$CONVERSATIONS" --concurrency "$c" --pid "$SERVER_PID"
  stop_server
done
