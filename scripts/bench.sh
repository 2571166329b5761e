#!/usr/bin/env bash
# `make bench`: measures journeys against goaccess on the same files, in the same run (median of
# RUNS runs, default 3). First the headline case, a shop's traffic: a week of a mid-size shop,
# about 1,000,000 lines, written by scripts/bench_shop_log.py (seeded, no code shared with the
# demo shop) and reported with scripts/bench_shop.yaml:
#   shop: journeys extract   extract alone
#   shop: journeys report    the whole weekly report
#   shop: goaccess           the same file, COMBINED format, HTML output (skipped if not installable)
# and four weeks of the same people (about 4,000,000 lines) for memory against the log's length.
# Then the demo shop's logs: written into bench-logs/ and joined into one plain file
# bench-logs/all.log, timed as:
#   journeys extract   extract alone (read, parse, filter, merge: every line)
#   journeys report    the whole weekly report
#   goaccess           the same file, COMBINED format, HTML output (skipped if not installable)
# and prints lines, seconds, lines/s and peak RSS of each, and the ratios journeys/goaccess;
# then the same on a log the demo generator did not write: a real Combined Log Format sample
# (REAL_LOG, else the first *.log in bench-samples/) repeated to 1,000,000 lines with shifted days
# and other client addresses (scripts/bench_apache_log.py), with --shards 1 and --shards 2;
# then sessionize's peak memory over 1 and 4 weeks of the same visitors (SessionizeBench);
# with LARGE_HISTORY=1, a history of 10,000,000 orders: its import and the shop-like report over it;
# then the CLV models' fits on 200,000 and 1,000,000 simulated customers (CLVBench).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
LOGS=bench-logs
# SCRATCH: another build folder than .build (swift build --scratch-path), e.g. to keep a shared one untouched.
SCRATCH=${SCRATCH:-}
BIN=${SCRATCH:-.build}/release/journeys

say() { printf 'bench: %s\n' "$*" >&2; }

if ! [ -x /usr/bin/time ]; then
  say "installing GNU time (for peak memory)"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null) || true
  fi
  [ -x /usr/bin/time ] || { say "/usr/bin/time is missing: run 'sudo apt-get install time'"; exit 1; }
fi

say "building release"
swift build -c release --product journeys ${SCRATCH:+--scratch-path "$SCRATCH"} >&2
swift build -c release --product SessionizeBench ${SCRATCH:+--scratch-path "$SCRATCH"} >&2
swift build -c release --product CLVBench ${SCRATCH:+--scratch-path "$SCRATCH"} >&2

if ! command -v goaccess >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  say "installing goaccess"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq goaccess >/dev/null) || true
fi
command -v goaccess >/dev/null 2>&1 || say "goaccess is not installed and could not be installed: skipping it"

rm -rf "$LOGS"
# A shop's traffic: one week (about 1,000,000 lines) and four weeks of the same people.
mkdir -p "$LOGS/shop" "$LOGS/shop4"
say "writing the shop-like logs into $LOGS/shop/ and $LOGS/shop4/"
python3 scripts/bench_shop_log.py "$LOGS/shop/all.log" >&2
python3 scripts/bench_shop_log.py "$LOGS/shop4/all.log" --weeks 4 >&2
SHOP_LINES=$(wc -l < "$LOGS/shop/all.log" | tr -d ' ')
SHOP4_LINES=$(wc -l < "$LOGS/shop4/all.log" | tr -d ' ')
say "writing the demo shop's logs into $LOGS/"
mkdir -p "$LOGS/sample"
"$BIN" sample --out "$LOGS/sample" --weeks 5 --daily-visits 2390 >&2
# One plain file in time order: rotated files are named access.log-YYYYMMDD[.gz]; a file named
# plain access.log (if any) is the newest.
{
  for f in $(ls "$LOGS/sample" | grep -v '^access\.log$' | sort) $(ls "$LOGS/sample" | grep '^access\.log$' || true); do
    case "$f" in
      *.gz) gzip -dc "$LOGS/sample/$f" ;;
      *) cat "$LOGS/sample/$f" ;;
    esac
  done
} > "$LOGS/all.log"
LINES=$(wc -l < "$LOGS/all.log" | tr -d ' ')
say "$LOGS/all.log: $LINES lines, $(du -m "$LOGS/all.log" | cut -f1) MB"
if [ "$LINES" -lt 900000 ] || [ "$LINES" -gt 1100000 ]; then
  say "expected about 1,000,000 lines, got $LINES"
fi

# Runs "$@" RUNS times under /usr/bin/time; prints "<median seconds> <median peak RSS in MB>".
measure() {
  local name=$1; shift
  local results=()
  for run in $(seq 1 "$RUNS"); do
    local file=${name// /-}-$run
    local out="$LOGS/time-$file.txt"
    if ! /usr/bin/time -v -o "$out" "$@" > "$LOGS/stdout-$file.txt" 2> "$LOGS/stderr-$file.txt"; then
      say "$name failed (run $run); see $LOGS/stderr-$file.txt"
      tail -n 5 "$LOGS/stderr-$file.txt" >&2 || true
      return 1
    fi
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out")
    say "$name run $run: ${wall} s, ${rss} MB"
    results+=("$wall $rss")
  done
  local mid=$(( (RUNS + 1) / 2 ))
  local s m
  s=$(printf '%s\n' "${results[@]}" | awk '{ print $1 }' | sort -g | sed -n "${mid}p")
  m=$(printf '%s\n' "${results[@]}" | awk '{ print $2 }' | sort -g | sed -n "${mid}p")
  echo "$s $m"
}

declare -A SECONDS_OF RSS_OF
run() {
  local name=$1; shift
  local r
  if r=$(measure "$name" "$@"); then
    SECONDS_OF[$name]=${r% *}
    RSS_OF[$name]=${r#* }
  fi
}

say "timing the shop-like log"
run "shop: journeys extract" "$BIN" extract --input "$LOGS/shop/all.log"
rm -rf "$LOGS/shop/out"
run "shop: journeys report" "$BIN" report --pipeline scripts/bench_shop.yaml --input "$LOGS/shop/all.log" --output "$LOGS/shop/out" --history "$LOGS/shop/history.sqlite" --quiet
if command -v goaccess >/dev/null 2>&1; then
  run "shop: goaccess" goaccess "$LOGS/shop/all.log" --log-format=COMBINED -o "$LOGS/shop/goaccess.html"
fi
rm -rf "$LOGS/shop4/out"
run "shop x4: journeys report" "$BIN" report --pipeline scripts/bench_shop.yaml --input "$LOGS/shop4/all.log" --output "$LOGS/shop4/out" --history "$LOGS/shop4/history.sqlite" --quiet

say "timing extract alone"
run "journeys extract" "$BIN" extract --input "$LOGS/all.log"
say "timing the whole report"
rm -rf "$LOGS/out"
run "journeys report" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/all.log" --output "$LOGS/out" --history "$LOGS/history.sqlite" --quiet
rm -rf "$LOGS/out-1"
run "report, 1 shard" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/all.log" --output "$LOGS/out-1" --history "$LOGS/history-1.sqlite" --quiet --shards 1

# The same lines sorted by client address (stable), as an export sorted by customer is: journeys
# finds the file out of time order and sorts it, in memory (256 MB budget) and, with a 16 MB
# budget, through temporary files.
say "writing $LOGS/by-client.log and timing reports of a file not in time order"
mkdir -p "$LOGS/by-client"
LC_ALL=C sort -s -t ' ' -k1,1 "$LOGS/all.log" > "$LOGS/by-client/all.log"
sed 's/^sort_memory_mb: 256$/sort_memory_mb: 16/' pipelines/weekly.yaml > "$LOGS/external-sort.yaml"
grep -q '^sort_memory_mb: 16$' "$LOGS/external-sort.yaml" || { say "pipelines/weekly.yaml has no sort_memory_mb: 256 line"; exit 1; }
rm -rf "$LOGS/out-sorted-in-memory" "$LOGS/out-sorted-external"
run "report, sorted in memory" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/by-client/all.log" --output "$LOGS/out-sorted-in-memory" --history "$LOGS/history-sorted.sqlite" --quiet
run "report, external sort" "$BIN" report --pipeline "$LOGS/external-sort.yaml" --templates report-templates --input "$LOGS/by-client/all.log" --output "$LOGS/out-sorted-external" --history "$LOGS/history-external.sqlite" --quiet

# A burst: 5,100,000 identical requests within one second (a flood, a crawler caught in the
# logs), gzip, written to a temporary folder. Beyond its budget the reorder buffer waits on disk
# and a visit holds at most 10,000 page views, so the peak stays bounded.
BURST=$(mktemp -d "${TMPDIR:-/tmp}/journeys-burst-XXXXXX")
trap 'rm -rf "$BURST"' EXIT
BURST_LINES=5100000
say "writing a burst of $BURST_LINES identical lines within one second into $BURST"
python3 - "$BURST/burst.log.gz" "$BURST_LINES" <<'PY'
import gzip, sys
line = b'203.0.113.9 - - [18/Nov/2026:10:00:00 +0100] "GET /product/42 HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"\n'
n = int(sys.argv[2])
with gzip.open(sys.argv[1], "wb", compresslevel=6) as f:
    for _ in range(n // 100_000): f.write(line * 100_000)
    f.write(line * (n % 100_000))
PY
run "burst: report" "$BIN" report --pipeline pipelines/weekly.yaml --input "$BURST/burst.log.gz" --output "$BURST/out" --history "$BURST/history.sqlite" --quiet

# A burst from distinct devices: 5,000,000 lines within one second, each from its own client
# address, each opening a visit; beyond open_visits_memory_mb the oldest open visits close early.
DISTINCT_LINES=5000000
say "writing a burst of $DISTINCT_LINES lines of distinct clients within one second into $BURST"
python3 - "$BURST/distinct.log.gz" "$DISTINCT_LINES" <<'PY'
import gzip, sys
n = int(sys.argv[2])
with gzip.open(sys.argv[1], "wb", compresslevel=1) as f:
    for start in range(0, n, 100_000):
        f.write(b"".join(b'10.%d.%d.%d - - [18/Nov/2026:10:00:00 +0100] "GET /product/%d HTTP/1.1" 200 5120 "-" "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0"\n'
                         % ((i >> 16) & 255, (i >> 8) & 255, i & 255, i % 500) for i in range(start, min(n, start + 100_000))))
PY
run "burst: distinct devices" "$BIN" report --pipeline pipelines/weekly.yaml --input "$BURST/distinct.log.gz" --output "$BURST/out-distinct" --history "$BURST/history-distinct.sqlite" --quiet

if command -v goaccess >/dev/null 2>&1; then
  say "timing goaccess"
  run "goaccess" goaccess "$LOGS/all.log" --log-format=COMBINED -o "$LOGS/goaccess.html"
fi

# A log the demo generator did not write.
REAL=${REAL_LOG:-$(ls bench-samples/*.log 2>/dev/null | head -1 || true)}
REAL_LINES=0
if [ -n "$REAL" ] && [ -f "$REAL" ]; then
  say "building $LOGS/real/all.log from $REAL"
  mkdir -p "$LOGS/real"
  python3 scripts/bench_apache_log.py "$REAL" "$LOGS/real/all.log" 1000000 >&2
  REAL_LINES=$(wc -l < "$LOGS/real/all.log" | tr -d ' ')
  run "real: journeys extract" "$BIN" extract --input "$LOGS/real/all.log"
  rm -rf "$LOGS/real/out-1" "$LOGS/real/out-2"
  run "real: report, 1 shard" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/real/all.log" --output "$LOGS/real/out-1" --history "$LOGS/real/history-1.sqlite" --quiet --shards 1
  run "real: report, 2 shards" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/real/all.log" --output "$LOGS/real/out-2" --history "$LOGS/real/history-2.sqlite" --quiet --shards 2
  if command -v goaccess >/dev/null 2>&1; then
    run "real: goaccess" goaccess "$LOGS/real/all.log" --log-format=COMBINED -o "$LOGS/real/goaccess.html"
  fi
  # Memory against the log's length: four times the lines of the same people.
  say "building $LOGS/real4/all.log: 4,000,000 lines of the same people"
  mkdir -p "$LOGS/real4"
  python3 scripts/bench_apache_log.py "$REAL" "$LOGS/real4/all.log" 4000000 100 >&2
  REAL4_LINES=$(wc -l < "$LOGS/real4/all.log" | tr -d ' ')
  rm -rf "$LOGS/real4/out"
  run "real x4: report, 2 shards" "$BIN" report --pipeline pipelines/weekly.yaml --input "$LOGS/real4/all.log" --output "$LOGS/real4/out" --history "$LOGS/real4/history.sqlite" --quiet --shards 2
  # The same 1,000,000 lines on Apache Spark in local mode (2 cores, 2 shards), when PySpark is in .venv/.
  if [ -x .venv/bin/python ] && .venv/bin/python -c 'import pyspark' 2>/dev/null; then
    rm -rf "$LOGS/real/out-spark"
    PERIOD_OF_REAL=$(ls "$LOGS/real/out-2" | grep -E '^[0-9]{4}-' | head -1)
    run "real: Spark local[2]" .venv/bin/python scripts/spark/journeys_on_spark.py --journeys "$BIN" --pipeline pipelines/weekly.yaml \
      --period "$PERIOD_OF_REAL" --shards 2 --output "$LOGS/real/out-spark" --history "$LOGS/real/history-spark.sqlite" --quiet "$LOGS/real/all.log"
  else
    say "PySpark is not in .venv/ (make spark installs it): skipping the Spark run"
  fi
else
  say "no real log sample (set REAL_LOG or put one in bench-samples/): skipping the real log"
fi

echo
printf '%-26s %10s %9s %11s %12s\n' "" "lines" "seconds" "lines/s" "peak RSS MB"
for name in "shop: journeys extract" "shop: journeys report" "shop: goaccess" "shop x4: journeys report" \
            "journeys extract" "journeys report" "report, 1 shard" "report, sorted in memory" "report, external sort" "burst: report" "burst: distinct devices" "goaccess" \
            "real: journeys extract" "real: report, 1 shard" "real: report, 2 shards" "real: goaccess" \
            "real x4: report, 2 shards" "real: Spark local[2]"; do
  [ -n "${SECONDS_OF[$name]:-}" ] || continue
  s=${SECONDS_OF[$name]}
  lines=$LINES
  case "$name" in shop:*) lines=$SHOP_LINES ;; "shop x4:"*) lines=$SHOP4_LINES ;; real:*) lines=$REAL_LINES ;; "real x4:"*) lines=${REAL4_LINES:-0} ;; "burst: distinct devices") lines=$DISTINCT_LINES ;; burst:*) lines=$BURST_LINES ;; esac
  printf '%-26s %10s %9s %11s %12s\n' "$name" "$lines" "$s" \
    "$(awk -v l="$lines" -v s="$s" 'BEGIN { if (s > 0) printf "%.0f", l / s; else print "-" }')" "${RSS_OF[$name]}"
done
ratio() {  # ratio NAME PEER TEXT: how many times faster NAME ran than PEER
  [ -n "${SECONDS_OF[$1]:-}" ] && [ -n "${SECONDS_OF[$2]:-}" ] || return 0
  awk -v a="${SECONDS_OF[$1]}" -v b="${SECONDS_OF[$2]}" -v t="$3" 'BEGIN { if (a > 0) printf "%s: %.2fx\n", t, b / a }'
}
ratio "shop: journeys report" "shop: goaccess" "shop-like log: report / goaccess"
ratio "shop: journeys extract" "shop: goaccess" "shop-like log: extract / goaccess"
if [ -n "${RSS_OF[shop: journeys report]:-}" ] && [ -n "${RSS_OF[shop x4: journeys report]:-}" ]; then
  awk -v a="${RSS_OF[shop: journeys report]}" -v b="${RSS_OF[shop x4: journeys report]}" \
    'BEGIN { printf "shop-like log: peak RSS, 4 weeks / 1 week of the same people: %.2fx\n", b / a }'
fi
ratio "journeys report" "report, 1 shard" "report, default shards / 1 shard"
ratio "real: report, 2 shards" "real: report, 1 shard" "real log: report, 2 shards / 1 shard"
ratio "real: report, 2 shards" "real: goaccess" "real log: report (2 shards) / goaccess"
ratio "real: journeys extract" "real: goaccess" "real log: extract / goaccess"
ratio "real: report, 2 shards" "real: Spark local[2]" "real log: one process (2 shards) as fast as Spark local mode"

if [ -n "${SECONDS_OF[goaccess]:-}" ]; then
  for name in "journeys extract" "journeys report"; do
    [ -n "${SECONDS_OF[$name]:-}" ] || continue
    awk -v j="${SECONDS_OF[$name]}" -v g="${SECONDS_OF[goaccess]}" -v n="$name" \
      'BEGIN { if (j > 0) printf "%s / goaccess: %.2fx the speed (lines/s)\n", n, g / j }'
  done
fi

# Sessionize's memory: the same 100,000 visitors over 1 and over 4 weeks. With the streaming
# sink memory holds open visits only; keeping every visit ("collect") grows with the log.
echo
printf '%-28s %10s %12s %12s\n' "sessionize (100k visitors)" "events" "events/s" "peak RSS MB"
for impl in sink collect; do
  for weeks in 1 4; do
    lines=$(for run in $(seq 1 "$RUNS"); do "${SCRATCH:-.build}/release/SessionizeBench" --impl "$impl" --weeks "$weeks"; done)
    events=$(echo "$lines" | head -1 | grep -o ' events=[0-9]*' | cut -d= -f2)
    eps=$(echo "$lines" | grep -o 'events_per_s=[0-9]*' | cut -d= -f2 | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    rss=$(echo "$lines" | grep -o 'peak_rss_kib=[0-9]*' | cut -d= -f2 | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    printf '%-28s %10s %12s %12.1f\n' "$impl, $weeks week(s)" "$events" "$eps" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
  done
done
# With LARGE_HISTORY=1: a large shop's history, 10,000,000 orders of 1,000,000 customers
# (scripts/bench_history_orders.py, about 470 MB of CSV), imported once, then the shop-like week
# reported over a copy of it, against the same week over an empty history (above). Long: minutes.
if [ -n "${LARGE_HISTORY:-}" ]; then
  say "writing $LOGS/orders-10m.csv and importing it"
  python3 scripts/bench_history_orders.py "$LOGS/orders-10m.csv" >&2
  rm -f "$LOGS/history-10m.sqlite"
  RUNS_BEFORE=$RUNS; RUNS=1
  run "history: import 10M orders" "$BIN" history import --pipeline scripts/bench_shop.yaml --history "$LOGS/history-10m.sqlite" --orders "$LOGS/orders-10m.csv"
  cp "$LOGS/history-10m.sqlite" "$LOGS/history-10m-report.sqlite"
  rm -rf "$LOGS/shop/out-history"
  run "history: shop report" "$BIN" report --pipeline scripts/bench_shop.yaml --input "$LOGS/shop/all.log" --output "$LOGS/shop/out-history" --history "$LOGS/history-10m-report.sqlite" --quiet
  RUNS=$RUNS_BEFORE
  printf '%-32s %9s %12s %10s\n' "large history (1 run)" "seconds" "peak RSS MB" "file MB"
  for name in "history: import 10M orders" "history: shop report" "shop: journeys report"; do
    [ -n "${SECONDS_OF[$name]:-}" ] || continue
    printf '%-32s %9s %12s %10s\n' "$name" "${SECONDS_OF[$name]}" "${RSS_OF[$name]}" \
      "$([ "$name" = "history: import 10M orders" ] && du -m "$LOGS/history-10m.sqlite" | cut -f1)"
  done
  [ -n "${SECONDS_OF[history: import 10M orders]:-}" ] && awk -v s="${SECONDS_OF[history: import 10M orders]}" -v n="$(($(wc -l < "$LOGS/orders-10m.csv") - 1))" \
    'BEGIN { if (s > 0) printf "import: %.0f rows/s\n", n / s }'
fi

# The CLV models' fits (median of RUNS) on 200,000 and 1,000,000 simulated customers; at 200,000
# also once with the Nelder-Mead search (--old), for the ratio.
echo
for n in 200000 1000000; do
  "${SCRATCH:-.build}/release/CLVBench" --customers "$n" --runs "$RUNS" $([ "$n" = 200000 ] && echo --old)
done

# The Spark job's fixed and per-million-line cost in local mode and on a standalone cluster of two
# workers, one process in the same run (scripts/spark/bench_spark.sh: the shop-like logs of one
# and four weeks written above, median of RUNS); when PySpark is in .venv/ (make spark);
# SPARK_BENCH=0 skips it.
if [ "${SPARK_BENCH:-1}" != 0 ] && [ -x .venv/bin/python ] && .venv/bin/python -c 'import pyspark' 2>/dev/null; then
  echo
  mkdir -p "$LOGS/spark/shop-1" "$LOGS/spark/shop-4"
  ln -sf ../../shop/all.log "$LOGS/spark/shop-1/all.log"
  ln -sf ../../shop4/all.log "$LOGS/spark/shop-4/all.log"
  RUNS=$RUNS bash scripts/spark/bench_spark.sh "$BIN" .venv/bin/python "$LOGS/spark" || say "the Spark bench failed"
fi
if [ ${#SECONDS_OF[@]} -lt 2 ]; then exit 1; fi
