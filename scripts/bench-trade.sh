#!/usr/bin/env bash
# The trade analytics figures of docs/BENCHMARKS.md ("Trade analytics"), in
# one run on one machine:
#   1. N generated mirror-trade lines (canonical Parquet), the year x
#      category aggregate and `flows`, embedded and on a standalone Ballista
#      cluster of 2 executors;
#   2. M synthetic goods lines as shipments (JSONL) and as customs
#      declarations (CSV): `interdict screen` (the rules engine) against
#      `interdict screen --engine datafusion|ballista` (SQL, names through
#      screen_name, goods through controlled).
#
#   scripts/bench-trade.sh [TRADE_LINES=100000000] [DECLARATION_LINES=10000000] [DIR=/tmp/interdict-bench-trade]
set -euo pipefail
cd "$(dirname "$0")/.."
LINES=${1:-100000000}
DECL=${2:-10000000}
DIR=${3:-/tmp/interdict-bench-trade}
mkdir -p "$DIR"
cargo build --release --locked -p interdict-cli -p interdict-trade \
  --features interdict-cli/ballista,interdict-trade/ballista --bins --examples
BIN=target/release
echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; $(date -u +%FT%TZ)"

PARQUET="$DIR/kp_mirror_generated_year.parquet"
if [ ! -e "$PARQUET" ]; then
  /usr/bin/time -f "generate: %e s, %M KB" "$BIN/examples/generate" \
    --layout parquet --by year --lines "$LINES" --out "$DIR" >/dev/null
fi
du -h "$PARQUET"
echo "== embedded"
"$BIN/examples/bench_flows" "$PARQUET"
echo "== Ballista standalone, 2 executors"
"$BIN/examples/bench_flows" "$PARQUET" --ballista 2

if [ ! -e "$DIR/declarations.csv" ]; then
  "$BIN/interdict" synth --goods-lines "$DECL" --output "$DIR/shipments.jsonl" \
    --declarations "$DIR/declarations.csv"
fi
echo "== rules engine: interdict screen (shipments)"
/usr/bin/time -f "%e s, %M KB" "$BIN/interdict" screen --format jsonl \
  --output /dev/null "$DIR/shipments.jsonl" || true
for engine in datafusion ballista; do
  echo "== SQL: interdict screen --engine $engine (declarations)"
  /usr/bin/time -f "%e s, %M KB" "$BIN/interdict" screen --engine "$engine" \
    --output /dev/null "$DIR/declarations.csv" || true
done
