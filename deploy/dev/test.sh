#!/usr/bin/env bash
# Runs the whole test suite on a throwaway PostgreSQL cluster:
#   1. Swift unit and integration tests (swift test) against a real Postgres;
#   2. the HTTP-level suites (browser widget, MCP client, schemathesis) against a running server.
# What it needs and lacks is installed first (deploy/dev/test-tools.sh: PostgreSQL, Chromium and a
# CJK font from apt, the Python test tools from PyPI).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
mkdir -p artifacts
bash deploy/dev/test-tools.sh
export SHOWROOM_PG_ROOT=${SHOWROOM_PG_ROOT:-$ROOT/.pgdata-test}
export SHOWROOM_PG_PORT=${SHOWROOM_PG_PORT:-5434}
DATABASE_URL=$(deploy/dev/pg.sh start | tail -n1)
export DATABASE_URL
cleanup() {
  [ -n "${SERVER_PID:-}" ] && kill "$SERVER_PID" 2>/dev/null || true
  deploy/dev/pg.sh stop || true
}
trap cleanup EXIT

echo "== generated and demo data checks"
# The Kubernetes ConfigMaps are generated from agents/ and catalog/; the demo catalog must match
# demo-catalog.md (PyYAML comes with the Python test tools).
python3 deploy/k8s/gen-configmaps.py --check
python3 deploy/tools/check_catalog.py

# SHOWROOM_TEST_ONLY=http runs only the HTTP suites (local iteration; CI runs everything).
if [ "${SHOWROOM_TEST_ONLY:-}" != http ]; then
  echo "== swift test"
  swift build --build-tests
  swift test --skip-build 2>&1 | tee artifacts/swift-test.log
  grep -qE "Test run with [0-9]+ tests? (in [0-9]+ suites? )?passed|Executed [0-9]+ tests?, with 0 failures" artifacts/swift-test.log
else
  swift build
fi

echo "== HTTP suites against a running server"
BIN=$(swift build --show-bin-path)/showroom
DB_E2E=showroom_e2e
psql "$DATABASE_URL" -qtAc "DROP DATABASE IF EXISTS $DB_E2E WITH (FORCE)" >/dev/null
psql "$DATABASE_URL" -qtAc "CREATE DATABASE $DB_E2E" >/dev/null
export E2E_DATABASE_URL="${DATABASE_URL%/*}/$DB_E2E"
DATABASE_URL="$E2E_DATABASE_URL" "$BIN" migrate
DATABASE_URL="$E2E_DATABASE_URL" "$BIN" import catalog/
export SHOWROOM_SESSION_SECRET=ci-secret-$(date +%s)
PORT=${SHOWROOM_TEST_PORT:-8080}
DATABASE_URL="$E2E_DATABASE_URL" SHOWROOM_PORT=$PORT SHOWROOM_HOST=127.0.0.1 SHOWROOM_RATE_LIMIT=off \
  "$BIN" serve > artifacts/server.log 2>&1 &
SERVER_PID=$!
for i in $(seq 1 60); do
  curl -fsS http://127.0.0.1:$PORT/health/ready >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS http://127.0.0.1:$PORT/health/ready
echo
export SHOWROOM_BASE_URL=http://127.0.0.1:$PORT
export SHOWROOM_BIN="$BIN"
if [ -d tests ]; then
  # The database-restart test runs in its own pytest process, after every other suite has torn down
  # (session fixtures holding connections would otherwise see the outage at teardown).
  DATABASE_URL="$E2E_DATABASE_URL" python3 -m pytest -q tests/ -m "not restarts_database" \
    --junitxml=artifacts/pytest.xml
  DATABASE_URL="$E2E_DATABASE_URL" python3 -m pytest -q tests/ops -m restarts_database \
    --junitxml=artifacts/pytest-restart.xml
fi
echo "== all tests passed"
