#!/usr/bin/env bash
# Lays out Showroom's runtime files exactly as the container image has them under /app.
# The Containerfile's build stage runs this script, so a local staging folder and the image
# cannot drift apart.
#
#   deploy/stage.sh [--binary PATH] [--out DIR] [--strip]
#
#   --binary PATH  reuse a built `showroom` binary; its resource bundle
#                  (Showroom_ShowroomServer.resources) must sit next to it, as SwiftPM leaves it.
#                  Without --binary: `swift build -c release --static-swift-stdlib --product showroom`.
#   --out DIR      the folder that becomes /app (default /tmp/showroom-stage/app); emptied first.
#   --strip        strip debug symbols from the staged binary (~111 MB -> ~27 MB).
#
# Layout written (WORKDIR /app in the image; the server reads agents/ relative to it):
#   showroom                              the executable
#   Showroom_ShowroomServer.resources/    widget files; Bundle.module looks next to the executable
#   swift-backtrace-static                crash backtracer, when the toolchain ships one
#   agents/*.yaml                         agent definitions
#   catalog/                              demo stores and inventory for `showroom import /app/catalog`
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=""
OUT=/tmp/showroom-stage/app
STRIP=0
BUNDLE=Showroom_ShowroomServer.resources

while [ $# -gt 0 ]; do
  case "$1" in
    --binary) BIN=${2:?--binary needs a path}; shift 2 ;;
    --out) OUT=${2:?--out needs a folder}; shift 2 ;;
    --strip) STRIP=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "stage.sh: unknown argument $1" >&2; exit 64 ;;
  esac
done

if [ -z "$BIN" ]; then
  # Static Foundation still links the system libcurl (and libxml2): their development
  # packages must be present to link (the swift:*-bookworm images have them).
  if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for pkg in libcurl4-openssl-dev libxml2-dev; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    if [ -n "$missing" ]; then
      if [ "$(id -u)" = 0 ]; then
        echo "stage.sh: installing$missing (needed to link the static build)" >&2
        apt-get update -qq >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >&2
      else
        echo "stage.sh: install$missing first (needed to link the static build)" >&2; exit 1
      fi
    fi
  fi
  echo "stage.sh: building release with the static Swift standard library" >&2
  (cd "$ROOT" && swift build -c release --static-swift-stdlib --product showroom >&2)
  BIN="$(cd "$ROOT" && swift build -c release --static-swift-stdlib --show-bin-path)/showroom"
fi
[ -x "$BIN" ] || { echo "stage.sh: no executable at $BIN" >&2; exit 1; }
BIN_DIR=$(cd "$(dirname "$BIN")" && pwd)
[ -d "$BIN_DIR/$BUNDLE" ] || { echo "stage.sh: $BUNDLE not found next to $BIN" >&2; exit 1; }
[ -d "$ROOT/agents" ] || { echo "stage.sh: $ROOT/agents is missing" >&2; exit 1; }

case "$OUT" in
  ""|/|/app|/usr*|/etc*|"$ROOT") echo "stage.sh: refusing to empty $OUT" >&2; exit 64 ;;
esac
rm -rf "$OUT"
mkdir -p "$OUT/agents" "$OUT/catalog"

cp "$BIN" "$OUT/showroom"
cp -R "$BIN_DIR/$BUNDLE" "$OUT/$BUNDLE"
cp "$ROOT"/agents/*.yaml "$OUT/agents/"
if [ -d "$ROOT/catalog" ] && [ -n "$(ls -A "$ROOT/catalog")" ]; then
  cp -R "$ROOT/catalog/." "$OUT/catalog/"
fi
SWIFT_BIN=$(command -v swift || true)
if [ -n "$SWIFT_BIN" ]; then
  BACKTRACER="$(dirname "$(dirname "$(readlink -f "$SWIFT_BIN")")")/libexec/swift/linux/swift-backtrace-static"
  [ -x "$BACKTRACER" ] && cp "$BACKTRACER" "$OUT/swift-backtrace-static"
fi
if [ "$STRIP" = 1 ]; then strip "$OUT/showroom"; fi
# World-readable, writable by nobody but the owner: the service account only reads /app.
chmod -R u=rwX,go=rX "$OUT"
echo "$OUT"
