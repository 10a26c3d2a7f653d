#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# bench/run.sh [BUILD_DIR] [SIZES]
#
# The figures of issue 8 for the workload of shared/bench/WORKLOAD.md, on a
# Release build configured with -DREGULARIS_BUILD_BENCHMARKS=ON:
#   - records/s of `regularis check --format csv` with 1 and 2 jobs, per size
#     (default 10^4 10^5 10^6 records, generated into a temporary directory,
#     never the repository) and rule set (bench/core.yaml, bench/ext50.yaml);
#   - records/s of the bare simdjson pass (bench_bare_simdjson) and the ratio;
#   - records/s of a hand-written loop over simdjson that evaluates the core
#     criteria and checks nothing they do not read (bench_handwritten_core);
#   - peak RSS (GNU time: `apt-get install time` if /usr/bin/time is missing);
#   - time and records/s per core of every micro-benchmark (Google Benchmark);
#   - instructions per iteration of every micro-benchmark under callgrind
#     (valgrind), which are stable on a shared, noisy machine where times are not.
# Each timing is the best of 3 runs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-$src/build}
sizes=${2:-"10000 100000 1000000"}
gen=$src/../shared/bench/gen.py
regularis=$build/examples/checker/regularis
bare=$build/bench/bench_bare_simdjson
hand=$build/bench/bench_handwritten_core
micro=$build/bench/bench_micro
for f in "$gen" "$regularis" "$bare" "$hand" "$micro" /usr/bin/time; do
  [ -e "$f" ] || { echo "run.sh: missing $f" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

max=0
for n in $sizes; do [ "$n" -gt "$max" ] && max=$n; done
echo "generating $max records into $tmp"
python3 "$gen" "$max" --out "$tmp/apps.jsonl"
for n in $sizes; do head -n "$n" "$tmp/apps.jsonl" > "$tmp/apps-$n.jsonl"; done

# best_of3 CMD...: prints "wall_seconds peak_rss_kb" of the fastest of 3 runs
# (the wall time to the nanosecond from date: GNU time's %e has only 10 ms).
best_of3() {
  best=""
  for i in 1 2 3; do
    started=$(date +%s%N)
    /usr/bin/time -f "%M" -o "$tmp/time" "$@" > /dev/null 2> /dev/null || true
    ended=$(date +%s%N)
    t="$(echo "$started $ended" | awk '{printf "%.4f", ($2 - $1) / 1e9}') $(tail -n 1 "$tmp/time")"
    if [ -z "$best" ] || [ "$(echo "$t $best" | awk '{print ($1 < $3)}')" = 1 ]; then best=$t; fi
  done
  echo "$best"
}
rate() { echo "$1 $2" | awk '{ if ($2 <= 0) $2 = 0.001; printf "%.0f", $1 / $2 }'; }

echo
echo "end to end (records/s; rss in KB; ratio = 1 job / bare simdjson pass)"
printf "%-8s %-6s %12s %12s %8s %12s %7s %9s %9s\n" \
  records set "1 job" "2 jobs" speedup bare ratio "rss 1j" "rss 2j"
hand_lines=""
for n in $sizes; do
  b=$(best_of3 "$bare" "$tmp/apps-$n.jsonl")
  bare_rate=$(rate "$n" "${b% *}")
  h=$(best_of3 "$hand" "$tmp/apps-$n.jsonl")
  hand_rate=$(rate "$n" "${h% *}")
  hand_lines="$hand_lines$(printf "%-8s %12s %7s" "$n" "$hand_rate" \
    "$(echo "$hand_rate $bare_rate" | awk '{printf "%.2f", $1 / $2}')")
"
  for set in core ext50; do
    one=$(best_of3 "$regularis" check -p "$src/bench/$set.yaml" --format csv --no-summary -j 1 \
      "$tmp/apps-$n.jsonl")
    two=$(best_of3 "$regularis" check -p "$src/bench/$set.yaml" --format csv --no-summary -j 2 \
      "$tmp/apps-$n.jsonl")
    r1=$(rate "$n" "${one% *}")
    r2=$(rate "$n" "${two% *}")
    printf "%-8s %-6s %12s %12s %8s %12s %7s %9s %9s\n" "$n" "$set" "$r1" "$r2" \
      "$(echo "$r2 $r1" | awk '{printf "%.2f", $1 / $2}')" "$bare_rate" \
      "$(echo "$r1 $bare_rate" | awk '{printf "%.2f", $1 / $2}')" "${one#* }" "${two#* }"
  done
done

echo
echo "core by a hand-written loop over simdjson (records/s; ratio = to the bare pass)"
printf "%-8s %12s %7s\n" records "hand-written" ratio
printf "%s" "$hand_lines"

# Google Benchmark: time per iteration and items/s (records/s) of each
# micro-benchmark, the median of 3 repetitions (CPU time: the figure per core).
echo
echo "micro-benchmarks (Google Benchmark, median of 3; items_per_second = records/s per core)"
"$micro" --benchmark_min_time=1 --benchmark_repetitions=3 --benchmark_report_aggregates_only=true \
  2>/dev/null | grep -E '_median' | sed 's/_median//'

# Callgrind: instructions of N iterations minus those of 0, over N.
echo
echo "callgrind: instructions per iteration (valgrind --tool=callgrind)"
irs() {
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$micro" --callgrind "$1" "$2" \
    > /dev/null 2>&1
  grep -E '^(summary|totals):' "$tmp/cg.out" | head -n 1 | awk '{print $2}'
}
for case in $("$micro" --list-cases); do
  iterations=2000
  case $case in load_compile/*) iterations=20 ;; esac
  base=$(irs "$case" 0)
  full=$(irs "$case" "$iterations")
  printf "%-24s %12s\n" "$case" "$(echo "$full $base $iterations" | awk '{printf "%.0f", ($1 - $2) / $3}')"
done
