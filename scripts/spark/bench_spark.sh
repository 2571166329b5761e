#!/usr/bin/env bash
# The Spark job's cost against one process, in the same run: the shop-like log of
# scripts/bench_shop_log.py at one and four weeks of the same people (WEEKS, default "1 4": about
# 1,000,000 and 4,000,000 lines), reported with scripts/bench_shop.yaml for the last week
# (2026-W48) by `journeys report` (2 shards) and by the Spark job in local mode (local[2]) and on
# a standalone cluster of two one-core workers on 127.0.0.1, median of RUNS (3) interleaved runs
# each. Prints seconds per size and mode, then the fixed cost and the cost per million lines of
# each mode (the line through the two sizes) and their ratio to one process's, and the Spark
# job's own account of its steps in the last run (--timings). Every Spark report is compared
# with the one-process report, byte for byte.
# Usage: bench_spark.sh JOURNEYS_BINARY PYTHON [WORK_FOLDER]
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PYTHON=$2
WORK=${3:-bench-logs/spark}
RUNS=${RUNS:-3}
WEEKS=${WEEKS:-"1 4"}
CONFIG=scripts/bench_shop.yaml
PERIOD=2026-W48
source scripts/spark/standalone.sh
trap 'stop_standalone' EXIT
say() { printf 'bench-spark: %s\n' "$*" >&2; }
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

# seconds of one run of "$@"
timed() {
  local start
  start=$(date +%s.%N)
  "$@" >"$WORK/last.log" 2>&1 || { tail -n 20 "$WORK/last.log" >&2; say "failed: $*"; return 1; }
  awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'
}

start_standalone "$WORK/cluster" 2 || { say "the standalone cluster did not start"; exit 1; }
sizes=()
for weeks in $WEEKS; do
  logs=$WORK/shop-$weeks
  if ! [ -s "$logs/all.log" ]; then
    rm -rf "$logs"; mkdir -p "$logs"
    python3 scripts/bench_shop_log.py "$logs/all.log" --weeks "$weeks" >&2
  fi
  sizes+=("$logs")
done

# The runs interleaved (each round: every size, one process then local mode then the cluster),
# so that a machine busy with other work weighs on every mode alike; medians per size and mode.
declare -A took
for run in $(seq 1 "$RUNS"); do
  for logs in "${sizes[@]}"; do
    rm -rf "$logs/one" "$logs/local" "$logs/cluster"
    t=$(timed "$BIN" report --pipeline "$CONFIG" --input "$logs/all.log" --period "$PERIOD" --shards 2 \
        --output "$logs/one" --history "$logs/one.sqlite" --quiet)
    took[$logs,one]+="$t "
    t=$(timed "$SPARK_SUBMIT" --master 'local[2]' --driver-memory 1g scripts/spark/journeys_on_spark.py --journeys "$BIN" \
        --pipeline "$CONFIG" --period "$PERIOD" --shards 2 --output "$logs/local" --history "$logs/local.sqlite" \
        --quiet --timings "$logs/all.log")
    grep '^journeys_on_spark: ' "$WORK/last.log" | sed "s|^|local, $(basename "$logs"): |" >"$logs/local-steps.txt" || true
    took[$logs,local]+="$t "
    diff -r "$logs/one" "$logs/local" >/dev/null || { say "FAILED: local mode's report differs from one process's"; exit 1; }
    t=$(timed "$SPARK_SUBMIT" --master "$SPARK_MASTER" --driver-memory 1g --conf spark.executor.memory=768m \
        --files "$BIN,$CONFIG" scripts/spark/journeys_on_spark.py --journeys "$(basename "$BIN")" \
        --pipeline "$CONFIG" --period "$PERIOD" --shards 2 --output "$logs/cluster" \
        --history "$logs/cluster.sqlite" --quiet --timings "$logs/all.log")
    grep '^journeys_on_spark: ' "$WORK/last.log" | sed "s|^|cluster, $(basename "$logs"): |" >"$logs/cluster-steps.txt" || true
    took[$logs,cluster]+="$t "
    diff -r "$logs/one" "$logs/cluster" >/dev/null || { say "FAILED: the cluster's report differs from one process's"; exit 1; }
    say "run $run, $(wc -l <"$logs/all.log" | tr -d ' ') lines: one process ${took[$logs,one]}; local ${took[$logs,local]}; cluster ${took[$logs,cluster]}"
  done
done
median() { printf '%s\n' $1 | sort -g | sed -n "$(( (RUNS + 1) / 2 ))p"; }
results=()
for logs in "${sizes[@]}"; do
  results+=("$(wc -l <"$logs/all.log" | tr -d ' ') $(median "${took[$logs,one]}") $(median "${took[$logs,local]}") $(median "${took[$logs,cluster]}")")
done

printf '%s\n' "${results[@]}" | awk '
  { n[NR] = $1; for (k = 2; k <= 4; k++) t[NR, k] = $k
    printf "%d lines: one process %.2f s, Spark local[2] %.2f s (%.1fx), standalone %.2f s (%.1fx)\n", $1, $2, $3, $3 / $2, $4, $4 / $2 }
  END {
    if (NR < 2) exit
    split("one process,Spark local[2],Spark standalone", name, ",")
    for (k = 2; k <= 4; k++) {
      per[k] = (t[NR, k] - t[1, k]) / ((n[NR] - n[1]) / 1e6)
      fixed = t[1, k] - per[k] * n[1] / 1e6
      printf "%s: %.2f s per million lines beyond a fixed %.2f s", name[k - 1], per[k], fixed
      if (k > 2) printf " (%.1fx one process per million lines)", per[k] / per[2]
      printf "\n"
    }
  }'
for logs in "${sizes[@]}"; do cat "$logs/local-steps.txt" "$logs/cluster-steps.txt" 2>/dev/null || true; done
