#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Builds the seed corpora of the fuzz targets from the repository's own
# inputs, in OUT (default build-fuzz/corpus): programme files, expressions
# lifted from them (`require:` values), application records (one per JSONL
# line, and whole files), and programme test files. Re-running it adds what
# is new and keeps what the fuzzer found.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build-fuzz/corpus}
mkdir -p "$out/fuzz_programme" "$out/fuzz_expression" "$out/fuzz_application" \
         "$out/fuzz_programme_tests" "$out/fuzz_case_event" "$out/fuzz_csv"

# Names each seed by its content's hash, as libFuzzer does.
put() {  # put DIR < content
  tmp=$(mktemp)
  cat > "$tmp"
  name=$(sha1sum "$tmp" | cut -c1-40)
  mv "$tmp" "$1/$name"
}

for f in "$root"/examples/programmes/*.yaml "$root"/tests/*/data/*.yaml "$root"/examples/calendars/*.yaml; do
  [ -f "$f" ] || continue
  case "$f" in
    *.test.yaml) put "$out/fuzz_programme_tests" < "$f" ;;
    *) put "$out/fuzz_programme" < "$f" ;;
  esac
done

# Expressions: the value of every one-line `require:` / `when:` / `condition:`
# key, prefixed by the byte that selects a boolean result.
for f in "$root"/examples/programmes/*.yaml "$root"/tests/*/data/*.yaml; do
  [ -f "$f" ] || continue
  sed -n 's/^[[:space:]-]*\(require\|when\|condition\|waived_when\):[[:space:]]*\(.*\)$/\2/p' "$f" |
    while IFS= read -r expr; do
      [ -n "$expr" ] || continue
      printf '\000%s' "$expr" | put "$out/fuzz_expression"
    done
done

for f in "$root"/examples/data/*.jsonl "$root"/tests/*/data/*.jsonl "$root"/tests/*/data/*.json; do
  [ -f "$f" ] || continue
  head -c 65536 "$f" | put "$out/fuzz_application"
  head -n 20 "$f" | while IFS= read -r line; do
    printf '%s' "$line" | put "$out/fuzz_application"
  done
done
# Case events are canonical JSON objects: start from a few JSON records.
head -n 5 "$root/examples/data/br-2009.jsonl" | while IFS= read -r line; do
  printf '%s' "$line" | put "$out/fuzz_case_event"
done
printf '{"at":"2009-08-10T10:00:00Z","case":"BR-1","kind":"opened","sequence":1}' |
  put "$out/fuzz_case_event"

# CSV batches: the sample spreadsheets and the test fixtures.
for f in "$root"/examples/data/*.csv "$root"/tests/*/data/*.csv; do
  [ -f "$f" ] || continue
  head -c 16384 "$f" | put "$out/fuzz_csv"
done

echo "seeds: $(for d in "$out"/*; do printf '%s=%s ' "$(basename "$d")" "$(ls "$d" | wc -l)"; done)"
