#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# workload_test.sh PYTHON GEN_PY REGULARIS SOURCE_DIR WORK_DIR
# Generates 3000 benchmark records with shared/bench/gen.py and checks that
# `regularis check --format csv` gives its reference results for bench/core.yaml
# and bench/ext50.yaml, with one job and with two. Exit 77 (skipped) when
# gen.py is absent.
set -eu
python=$1 gen=$2 regularis=$3 src=$4 work=$5
if [ ! -f "$gen" ]; then
  echo "skipped: $gen is absent"
  exit 77
fi
mkdir -p "$work"
"$python" "$gen" 3000 --out "$work/apps.jsonl" --expected "$work/expected.csv"
for set in core ext50; do
  for jobs in 1 2; do
    "$regularis" check -p "$src/bench/$set.yaml" --format csv --no-summary --jobs "$jobs" \
      "$work/apps.jsonl" > "$work/$set-$jobs.csv"
    "$python" "$src/tests/bench/compare_expected.py" "$work/expected.csv" "$work/$set-$jobs.csv" \
      "$set" "bench-$set"
  done
  cmp "$work/$set-1.csv" "$work/$set-2.csv"
done
