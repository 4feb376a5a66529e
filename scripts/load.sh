#!/usr/bin/env bash
# Load test of `interdict serve` on loopback with wrk, bounded in time:
# start-up to /readyz 200, POST /match with one query per request, then
# with 100-query batches; latency percentiles, errors and the server's
# resident memory before and after each run.
#
#   scripts/load.sh [BINARY] [SECONDS] [CONNECTIONS]
#   (defaults: target/release/interdict, 60, 16; threads = CPU count)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/interdict}
SECS=${2:-60}
CONNS=${3:-16}
THREADS=$(nproc)
PORT=${PORT:-18600}
command -v wrk >/dev/null || { echo "wrk is missing (apt-get install wrk)" >&2; exit 1; }
[ -x "$BIN" ] || { echo "no binary at $BIN (cargo build --release -p interdict-cli)" >&2; exit 1; }

rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$1/status"; }

start=$(date +%s.%N)
"$BIN" serve --addr "127.0.0.1:$PORT" >/tmp/interdict-load-server.log 2>&1 &
PID=$!
trap 'kill -INT $PID 2>/dev/null; wait $PID 2>/dev/null || true' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/readyz")" = 200 ]; do
  kill -0 $PID 2>/dev/null || { echo "server died" >&2; cat /tmp/interdict-load-server.log >&2; exit 1; }
  sleep 0.05
done
ready=$(date +%s.%N)
echo "machine: $(nproc) CPUs, $(awk '/MemTotal/ {print $2 " kB"}' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "start-up to /readyz 200: $(echo "$ready - $start" | bc) s"
echo "RSS when ready: $(rss $PID)"

for batch in 1 100; do
  echo
  echo "== POST /match/default, $batch quer$([ $batch = 1 ] && echo y || echo ies) per request, ${SECS}s, $CONNS connections, $THREADS threads"
  wrk -t"$THREADS" -c"$CONNS" -d"${SECS}s" --timeout 10s --latency -s scripts/load/match.lua \
    "http://127.0.0.1:$PORT" -- "$batch"
  echo "RSS after: $(rss $PID)"
done
