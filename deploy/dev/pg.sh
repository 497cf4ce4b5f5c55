#!/usr/bin/env bash
# Throwaway PostgreSQL cluster in a folder of the checkout (no systemd needed).
#   deploy/dev/pg.sh start   -> prints DATABASE_URL on stdout (last line)
#   deploy/dev/pg.sh stop
#   deploy/dev/pg.sh url
# Installs PostgreSQL with apt when it is missing. Port: $SHOWROOM_PG_PORT (default 5433).
set -euo pipefail
HERE=$(cd "$(dirname "$0")/../.." && pwd)
ROOT=${SHOWROOM_PG_ROOT:-$HERE/.pgdata}
PORT=${SHOWROOM_PG_PORT:-5433}
USER_NAME=showroom
PASS=showroom
DB=showroom

pgbin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

ensure_installed() {
  if [ -z "$(pgbin)" ] || [ ! -x "$(pgbin)/initdb" ] || ! ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then
    echo "installing PostgreSQL with apt..." >&2
    export DEBIAN_FRONTEND=noninteractive
    local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq postgresql postgresql-contrib >&2
  fi
}

# As root the cluster runs as the postgres user, who must reach its folder; a checkout under
# /root is out of its reach, so the cluster then lives under /var/tmp, named after the folder.
locate_root() {
  if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1 && ! (cd / && runuser -u postgres -- test -x "$(dirname "$ROOT")"); then
    ROOT=/var/tmp/showroom-pg-$(printf %s "$ROOT" | md5sum | cut -c1-12)
  fi
}

url() { echo "postgres://$USER_NAME:$PASS@127.0.0.1:$PORT/$DB"; }

start() {
  ensure_installed
  locate_root
  local BIN; BIN=$(pgbin)
  mkdir -p "$ROOT"
  if [ "$(id -u)" = 0 ]; then chown postgres "$ROOT"; fi
  chmod 700 "$ROOT"
  if [ ! -f "$ROOT/data/PG_VERSION" ]; then
    as_pg "$BIN/initdb" -D "$ROOT/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  fi
  if ! as_pg "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then
    as_pg "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/server.log" -w \
      -o "-p $PORT -k $ROOT -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300 -c synchronous_commit=off" start >/dev/null
  fi
  as_pg "$BIN/psql" -h "$ROOT" -p "$PORT" -U postgres -qtA -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$USER_NAME') THEN
    CREATE ROLE $USER_NAME LOGIN CREATEDB PASSWORD '$PASS';
  END IF;
END \$\$;
SELECT 'CREATE DATABASE $DB OWNER $USER_NAME' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')\gexec
SQL
  url
}

stop() {
  locate_root
  local BIN; BIN=$(pgbin)
  [ -n "$BIN" ] && [ -d "$ROOT/data" ] && as_pg "$BIN/pg_ctl" -D "$ROOT/data" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  restart) stop; start ;;
  *) echo "usage: $0 start|stop|restart|url" >&2; exit 64 ;;
esac
