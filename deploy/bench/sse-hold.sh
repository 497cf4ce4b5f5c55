#!/usr/bin/env bash
# Concurrent SSE streams: every agent of `showroom serve` on an openai profile pointing at the
# scripted model server with a long injected latency, so each streamed turn stays open while its
# model call waits; N streamed turns start together and the server's RSS is read meanwhile.
#   deploy/bench/sse-hold.sh [STREAMS] [LATENCY_MS]
. "$(dirname "$0")/lib.sh"
STREAMS=${1:-1000}
LATENCY=${2:-15000}
LOG_DIR=${LOG_DIR:-$HERE/.bench-logs/sse}
PORT=${PORT:-18081}
mkdir -p "$LOG_DIR"
LLM_PID=
trap 'stop_server; [ -n "$LLM_PID" ] && kill "$LLM_PID" 2>/dev/null; drop_db showroom_bench_sse' EXIT
machine
fresh_db showroom_bench_sse
rm -f "$LOG_DIR/llm.port"
"$BIN/showroom-bench" scripted-llm --latency-ms "$LATENCY" --port-file "$LOG_DIR/llm.port" >"$LOG_DIR/llm.log" 2>&1 &
LLM_PID=$!
for _ in $(seq 1 100); do [ -s "$LOG_DIR/llm.port" ] && break; sleep 0.1; done
cat >"$LOG_DIR/showroom.yaml" <<YAML
backends:
  default:
    kind: openai
    base_url: http://127.0.0.1:$(cat "$LOG_DIR/llm.port")/v1
    model: scripted
    timeout_seconds: $(( LATENCY / 1000 * 4 + 30 ))
    max_retries: 0
    circuit_failure_threshold: 100000
  embedded:
    kind: embedded
YAML
SERVE_ARGS=(--config "$LOG_DIR/showroom.yaml")
start_server showroom_bench_sse "$PORT"
"$BIN/showroom-bench" hold --url "http://127.0.0.1:$PORT" --streams "$STREAMS" --pid "$SERVER_PID"
