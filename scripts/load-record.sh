#!/usr/bin/env bash
# Cost of recording each answer in the audit log (`serve --record`): the
# same wrk run of POST /match/default, one query per request, against the
# server without --record and then with it (a fresh SQLite log in a
# temporary store), bounded in time; throughput, latency and entries
# written. Then `audit verify` over what was recorded.
#
#   scripts/load-record.sh [BINARY] [SECONDS] [CONNECTIONS]
#   (defaults: target/release/interdict, 20, 16; threads = CPU count)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/interdict}
SECS=${2:-20}
CONNS=${3:-16}
THREADS=$(nproc)
PORT=${PORT:-18610}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release -p interdict-cli)" >&2; exit 1; }
STORE=$(mktemp -d /tmp/interdict-load-record.XXXXXX)
trap 'rm -rf "$STORE"' EXIT

run() {
  local label=$1; shift
  "$BIN" --store "$STORE" serve --addr "127.0.0.1:$PORT" "$@" >"$STORE/server.log" 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "server died" >&2; cat "$STORE/server.log" >&2; exit 1; }
    sleep 0.05
  done
  echo
  echo "== $label: POST /match/default, 1 query per request, ${SECS}s, $CONNS connections, $THREADS threads"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --timeout 10s --latency -s scripts/load/match.lua \
    "http://127.0.0.1:$PORT" -- 1 | grep -E "Requests/sec|Latency|50%|99%|requests in|Non-2xx|errors"
  kill -INT $pid; wait $pid 2>/dev/null || true
}

echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo)"
run "without --record"
run "with --record" --record --by load
"$BIN" --store "$STORE" audit verify
