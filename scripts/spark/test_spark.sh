#!/usr/bin/env bash
# `make test-spark`: the demo shop's report made by scripts/spark/journeys_on_spark.py in Spark
# local mode (2 cores, 3 shards) must be the one-process report of the same logs, byte for byte.
# Usage: test_spark.sh JOURNEYS_BINARY PYTHON
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PYTHON=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/journeys-spark-test-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
say() { printf 'test-spark: %s\n' "$*" >&2; }

"$BIN" sample --out "$WORK/logs" >/dev/null
say "one process"
start=$(date +%s.%N)
"$BIN" report --pipeline pipelines/weekly.yaml --input "$WORK/logs" --period 2026-W47 --output "$WORK/one" --history "$WORK/one.sqlite" --quiet >/dev/null
one=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
say "Spark local[2], 3 shards"
start=$(date +%s.%N)
if ! "$PYTHON" scripts/spark/journeys_on_spark.py --journeys "$BIN" --pipeline pipelines/weekly.yaml --period 2026-W47 \
    --shards 3 --output "$WORK/spark" --history "$WORK/spark.sqlite" --quiet "$WORK/logs" >"$WORK/spark.log" 2>&1; then
  tail -n 30 "$WORK/spark.log" >&2
  say "FAILED: the Spark job failed"
  exit 1
fi
spark=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
if ! diff -r "$WORK/one" "$WORK/spark" >"$WORK/diff.txt"; then
  head -n 40 "$WORK/diff.txt" >&2
  say "FAILED: the Spark report differs from the one-process report"
  exit 1
fi
say "$(find "$WORK/one" -type f | wc -l | tr -d ' ') files the same, byte for byte (one process $one s, Spark local mode $spark s)"
