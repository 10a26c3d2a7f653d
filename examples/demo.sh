#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# examples/demo.sh BUILD_DIR: what a new user sees after building. Checks the
# 300 sample applications of examples/data/br-2009.jsonl against Brazil's 2009
# regularisation (examples/programmes/br-2009.yaml) with the `regularis`
# checker: the first three results in full, then the report over all of them
# (counts by outcome and by reason). The sample contains invalid records on
# purpose, so the checker's exit status 1 ("some records were invalid") is
# expected; 2 or more (a usage or programme error) fails the demo.
set -u

build_dir=${1:-build}
if [ ! -d "$build_dir" ]; then
  echo "demo.sh: no build directory $build_dir (usage: examples/demo.sh BUILD_DIR)" >&2
  exit 2
fi
regularis="$(cd "$build_dir" && pwd)/examples/checker/regularis"
if [ ! -x "$regularis" ]; then
  echo "demo.sh: $regularis not built (cmake --build $build_dir --target regularis_checker)" >&2
  exit 2
fi
cd "$(dirname "$0")/.." || exit 2

programme=examples/programmes/br-2009.yaml
data=examples/data/br-2009.jsonl

# Exit statuses 0 (all valid) and 1 (some records invalid) are both fine here.
check_status() {
  if [ "$1" -ge 2 ]; then
    echo "demo.sh: regularis failed with status $1" >&2
    exit "$1"
  fi
}

echo "== regularis check: the first 3 of $(wc -l < "$data" | tr -d ' ') applications =="
echo
head -n 3 "$data" | "$regularis" check -p "$programme" --format text --no-summary
check_status $?

echo "== The report over all of them =="
echo
# The summary goes to stderr when the results are CSV: keep it, drop the rows.
"$regularis" check -p "$programme" --format csv "$data" 2>&1 >/dev/null
check_status $?
echo
echo "Next: $build_dir/examples/checker/regularis explain -p $programme APPLICATION.json"
echo "      $build_dir/examples/checker/regularis checklist -p $programme --lang pt"
exit 0
