#!/usr/bin/env bash
# `make test-spark`: the demo shop's report made by scripts/spark/journeys_on_spark.py must be the
# one-process report of the same logs, byte for byte, twice: in Spark local mode (2 cores) and on
# a Spark standalone cluster of a master and two workers on the loopback address, to which the
# binary and the config travel with --files as on a real cluster. The cluster is stopped on exit.
# Usage: test_spark.sh JOURNEYS_BINARY PYTHON
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PYTHON=$2
WORK=$(mktemp -d "${TMPDIR:-/tmp}/journeys-spark-test-XXXXXX")
source scripts/spark/standalone.sh
trap 'stop_standalone; rm -rf "$WORK"' EXIT
say() { printf 'test-spark: %s\n' "$*" >&2; }
# CI set: a cluster that does not start fails the check; elsewhere it is skipped with a note
IN_CI=${CI:-}
case "$IN_CI" in 0|false|no) IN_CI= ;; esac

seconds_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

same_report() {  # same_report NAME FOLDER
  if ! diff -r "$WORK/one" "$2" >"$WORK/diff.txt"; then
    head -n 40 "$WORK/diff.txt" >&2
    say "FAILED: the report of $1 differs from the one-process report"
    exit 1
  fi
}

"$BIN" sample --out "$WORK/logs" >/dev/null
say "one process"
start=$(date +%s.%N)
"$BIN" report --pipeline pipelines/weekly.yaml --input "$WORK/logs" --period 2026-W47 --output "$WORK/one" --history "$WORK/one.sqlite" --quiet >/dev/null
one=$(seconds_since "$start")

# the demo's plain files (2-3 MB) are cut into slices of 1 MiB: slices and gzip files together
say "Spark local[2], 3 shards"
start=$(date +%s.%N)
if ! "$SPARK_SUBMIT" --master 'local[2]' scripts/spark/journeys_on_spark.py --journeys "$BIN" --pipeline pipelines/weekly.yaml \
    --period 2026-W47 --shards 3 --split-bytes 1048576 --output "$WORK/local" --history "$WORK/local.sqlite" --quiet "$WORK/logs" \
    >"$WORK/local.log" 2>&1; then
  tail -n 30 "$WORK/local.log" >&2
  say "FAILED: the Spark job failed in local mode"
  exit 1
fi
local_mode=$(seconds_since "$start")
same_report "Spark local mode" "$WORK/local"

say "Spark standalone: a master and two workers on 127.0.0.1"
if ! start_standalone "$WORK/cluster" 2; then
  if [ -n "$IN_CI" ]; then say "FAILED: the standalone cluster did not start"; exit 1; fi
  say "the standalone cluster did not start: that check is skipped (CI fails here)"
  say "$(find "$WORK/one" -type f | wc -l | tr -d ' ') files the same, byte for byte (one process $one s, Spark local mode $local_mode s)"
  exit 0
fi
start=$(date +%s.%N)
# the executors run in folders of their own: they find the binary and the config in the copies
# --files made (the driver reads the config where it is, next to its templates)
if ! "$SPARK_SUBMIT" --master "$SPARK_MASTER" --files "$BIN,pipelines/weekly.yaml" --conf spark.executor.memory=768m \
    scripts/spark/journeys_on_spark.py --journeys journeys --pipeline pipelines/weekly.yaml \
    --period 2026-W47 --shards 3 --split-bytes 1048576 --output "$WORK/cluster-report" --history "$WORK/cluster.sqlite" --quiet \
    "$WORK/logs" >"$WORK/cluster.log" 2>&1; then
  tail -n 30 "$WORK/cluster.log" >&2
  say "FAILED: the Spark job failed on the standalone cluster"
  exit 1
fi
cluster=$(seconds_since "$start")
same_report "the Spark standalone cluster" "$WORK/cluster-report"
say "$(find "$WORK/one" -type f | wc -l | tr -d ' ') files the same, byte for byte (one process $one s, Spark local mode $local_mode s, standalone cluster $cluster s)"
