#!/usr/bin/env bash
# Installs what the test suite needs when it is missing (idempotent, quick when all is there):
# PostgreSQL, Chromium with its driver, curl and a CJK font from apt; the Python test tools of
# tests/requirements.txt from PyPI. Uses sudo when not run as root.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
need=()
command -v curl >/dev/null || need+=(curl)
command -v chromium >/dev/null || need+=(chromium)
command -v chromedriver >/dev/null || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1 || need+=(postgresql-contrib)
command -v psql >/dev/null || need+=(postgresql-client)
fc-list 2>/dev/null | grep -qi -E "wqy|noto sans cjk" || need+=(fonts-wqy-zenhei)
python3 -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing with apt: ${need[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
# Python test tools: skipped when every requirement is already satisfied.
if ! python3 - <<'PY' 2>/dev/null
import importlib.metadata as m, re, sys
for line in open("tests/requirements.txt"):
    name = re.split(r"[<>=\[ ]", line.strip())[0]
    if name:
        m.version(name)
PY
then
  # Debian's own python3 refuses pip installs outside a venv (PEP 668); the test tools are
  # throwaway, so allow it there.
  python3 -m pip install -q -r tests/requirements.txt 2>/dev/null \
    || python3 -m pip install -q --break-system-packages -r tests/requirements.txt
fi
