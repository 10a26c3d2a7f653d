#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# handwritten_test.sh PYTHON GEN_PY HANDWRITTEN REGULARIS SOURCE_DIR WORK_DIR
# The hand-written yardstick (bench/handwritten_core.cpp) is only a yardstick
# while it computes what `regularis check` computes: on 2000 generated
# records it must print, byte for byte, what `check -p bench/core.yaml
# --format csv --no-summary` prints. Exit 77 (skipped) when gen.py is absent.
set -eu
python=$1 gen=$2 handwritten=$3 regularis=$4 src=$5 work=$6
if [ ! -f "$gen" ]; then
  echo "skipped: $gen is absent"
  exit 77
fi
mkdir -p "$work"
"$python" "$gen" 2000 --out "$work/apps.jsonl"
"$handwritten" "$work/apps.jsonl" > "$work/handwritten.csv"
"$regularis" check -p "$src/bench/core.yaml" --format csv --no-summary "$work/apps.jsonl" \
  > "$work/regularis.csv"
cmp "$work/handwritten.csv" "$work/regularis.csv"
