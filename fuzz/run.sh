#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Runs one fuzz target for a bounded time:  fuzz/run.sh TARGET SECONDS
#   TARGET   fuzz_programme | fuzz_expression | fuzz_application | fuzz_programme_tests |
#            fuzz_case_event | fuzz_csv
#   SECONDS  wall-clock budget (libFuzzer -max_total_time)
# Builds the target in BUILD (default build-fuzz, clang, REGULARIS_FUZZ=ON),
# seeds its corpus (fuzz/seed.sh) and fuzzes with its dictionary. Exits
# non-zero when libFuzzer finds a crash, leak, timeout or sanitizer report;
# the reproducer is left in BUILD/artifacts/TARGET/. Environment: BUILD,
# JOBS (default 1), RSS_MB (default 2048), TIMEOUT (per input, default 10 s).
set -eu
if [ $# -ne 2 ]; then
  echo "usage: fuzz/run.sh TARGET SECONDS" >&2
  exit 2
fi
target=$1
seconds=$2
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build-fuzz}
case "$target" in
  fuzz_programme) dict=programme.dict; max_len=65536 ;;
  fuzz_expression) dict=expression.dict; max_len=4096 ;;
  fuzz_application) dict=application.dict; max_len=65536 ;;
  fuzz_programme_tests) dict=programme_tests.dict; max_len=65536 ;;
  fuzz_case_event) dict=application.dict; max_len=8192 ;;
  fuzz_csv) dict=csv.dict; max_len=16384 ;;
  *) echo "unknown fuzz target: $target" >&2; exit 2 ;;
esac

if [ ! -f "$build/CMakeCache.txt" ]; then
  CXX=${CXX:-clang++} cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREGULARIS_FUZZ=ON -DREGULARIS_BUILD_TESTS=OFF -DREGULARIS_BUILD_EXAMPLES=OFF >/dev/null
fi
cmake --build "$build" --target "$target" --parallel "${JOBS:-1}"
"$root/fuzz/seed.sh" "$build/corpus" >/dev/null
mkdir -p "$build/artifacts/$target"
exec "$build/fuzz/$target" "$build/corpus/$target" \
  -dict="$root/fuzz/dict/$dict" -max_len="$max_len" -max_total_time="$seconds" \
  -timeout="${TIMEOUT:-10}" -rss_limit_mb="${RSS_MB:-2048}" -print_final_stats=1 \
  -artifact_prefix="$build/artifacts/$target/"
