#!/bin/sh
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# End-to-end test of `regularis case ...` through the real checker on a
# temporary SQLite store: a br-2009 case from opening to approval (its grant
# deadlines shown and found by --due-within / --overdue, and counted by
# `case stats`), an ie-2022
# approval whose Stamp 4 runs from the decision's day in Dublin, refusals
# that print the rule and write nothing, a stale --expected-version, the
# conversion case linked to the approved one, mu-ca-labour's six steps with a step out of
# order refused, evidence due --due-in business days on a programme's holiday
# calendar, an edited event caught by `case verify`, `case dot`, and the
# PostgreSQL server that is not there. Usage: case_cli_test.sh REGULARIS
# (run from the repository root). Prints "case_cli_test: FAIL ..." and exits
# 1 at the first failed expectation.
set -u
R="$1"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
DB="$TMP/cases.db"
OUT="$TMP/out"

fail() {
  echo "case_cli_test: FAIL: $1"
  echo "--- output:"
  cat "$OUT"
  exit 1
}
# run STATUS ARGS...: runs the checker, expects the exit status.
run() {
  expected="$1"
  shift
  "$R" "$@" >"$OUT" 2>&1
  status=$?
  [ "$status" -eq "$expected" ] || fail "exit $status, not $expected: regularis $*"
}
# has TEXT: the last output contains TEXT (a fixed string).
has() { grep -qF -- "$1" "$OUT" || fail "no \"$1\""; }
hasnt() { ! grep -qF -- "$1" "$OUT" || fail "unexpected \"$1\""; }

BR=examples/programmes/br-2009.yaml
MU=examples/programmes/mu-ca-labour.yaml

# --- br-2009: open, submit, review, approve ------------------------------------
run 0 case open --store "$DB" -p $BR --id BR-1 --actor clerk-1 --role clerk \
  --at 2009-08-01T10:00:00-03:00 --application tests/cases/data/br-2009-eligible.json
has "BR-1: event 1 opened -> draft"
run 0 case advance --store "$DB" --id BR-1 --event submitted --actor clerk-1 --role clerk \
  --at 2009-08-10T10:00:00-03:00
has "BR-1: event 2 submitted -> submitted"
run 0 case advance --store "$DB" --id BR-1 --event review_started --actor clerk-2 --role clerk \
  --at 2009-08-11T10:00:00-03:00

# A clerk may not decide: the rule is printed, nothing is written.
run 1 case advance --store "$DB" --id BR-1 --event decided --outcome approved --actor clerk-2 \
  --role clerk --at 2009-09-01T10:00:00-03:00
has 'refused: rule "under_review + decided(approved) [eligible] -> approved" allows roles supervisor, not clerk'
has "  rule: under_review + decided(approved) [eligible] -> approved"
has "  code: cases.role"
has "nothing was written"
# A note from anyone moves the version on.
run 0 case advance --store "$DB" --id BR-1 --event note_added --note "checked" --actor sup-9 \
  --role supervisor --at 2009-08-12T10:00:00-03:00
run 0 case show --store "$DB" --id BR-1
has "  version        4"
# A stale version is a conflict.
run 1 case advance --store "$DB" --id BR-1 --event decided --outcome approved --actor sup-1 \
  --role supervisor --at 2009-09-01T10:00:00-03:00 --expected-version 3
has "store.conflict"
has "nothing was written"
run 0 case advance --store "$DB" --id BR-1 --event decided --outcome approved --actor sup-1 \
  --role supervisor --at 2009-09-01T10:00:00-03:00 --expected-version 4
has "BR-1: event 5 decided -> approved"

run 0 case show --store "$DB" --id BR-1
has "  state          approved"
has "  outcome        approved"
has "  next deadline  2011-08-10"
has "  2011-05-12  follow_on_opens (br-2009-permanent)"
has "  2011-08-10  grant_expires"
has "  2011-08-10  follow_on_closes (br-2009-permanent)"
has "evaluation eligible (version 2009-07-02)"
has "chain: ok (5 events)"

# --- the projection: by state, by deadline ---------------------------------------
run 0 case list --store "$DB" --state approved
has "BR-1"
has "1 case"
run 0 case list --store "$DB" --due-within 10 --as-of 2011-08-01
has "due 2011-08-10"
run 0 case list --store "$DB" --due-within 5 --as-of 2011-08-01
has "0 cases"
run 0 case list --store "$DB" --overdue --as-of 2011-08-11
has "BR-1"
run 2 case list --store "$DB" --overdue
has "--overdue and --due-within need --as-of"

# --- statistics over the projection ---------------------------------------------
run 0 case stats --store "$DB" --as-of 2011-08-01
has "1 case, as of 2011-08-01"
has "  approved                 1"
has "  br-2009                  1"
has "deadlines: 0 passed, 1 within 30 days"
has "days from opening to decision: 1 decided, median 31, 90th percentile 31, longest 31"
run 0 case stats --store "$DB" --as-of 2011-08-11 --programme br-2009 --format json
has '"overdue": 1'
has '"programme": "br-2009"'
has '"median": 31'
run 0 case stats --store "$DB" --as-of 2011-08-11 --programme nobody
has "0 cases of nobody"
has "no case decided yet"
run 2 case stats --store "$DB"
has "--as-of is required"

# --- ie-2022: two years of Stamp 4 from the decision's day in Dublin -------------
# 23:30Z on 30 June is 00:30 on 1 July Irish summer time.
IE="$TMP/ie.db"
run 0 case open --store "$IE" -p examples/programmes/ie-2022.yaml --id IE-1 --actor clerk-1 \
  --role clerk --at 2022-03-01T10:00:00Z --application tests/cases/data/ie-2022-eligible.json
run 0 case advance --store "$IE" --id IE-1 --event submitted --actor clerk-1 --role clerk \
  --at 2022-03-01T10:00:00Z
run 0 case advance --store "$IE" --id IE-1 --event review_started --actor clerk-2 --role clerk \
  --at 2022-03-02T10:00:00Z
run 0 case advance --store "$IE" --id IE-1 --event decided --outcome approved --actor sup-1 \
  --role supervisor --at 2022-06-30T23:30:00Z
has "IE-1: event 4 decided -> approved"
run 0 case show --store "$IE" --id IE-1
has "  next deadline  2024-07-01"
has "  2024-07-01  grant_expires"
run 0 case list --store "$IE" --due-within 30 --as-of 2024-06-15
has "due 2024-07-01"
run 0 case list --store "$IE" --overdue --as-of 2024-07-02
has "IE-1"

# --- the conversion case follows the approved one -------------------------------
run 1 case open --store "$DB" -p examples/programmes/br-2009-permanent.yaml --id BR-P-0 \
  --actor clerk-1 --role clerk --at 2011-06-01T10:00:00-03:00 --linked-case BR-9
has "refused: no case \"BR-9\" to follow"
has "code: cases.bad_link"
run 0 case open --store "$DB" -p examples/programmes/br-2009-permanent.yaml --id BR-P-1 \
  --actor clerk-1 --role clerk --at 2011-06-01T10:00:00-03:00 --linked-case BR-1
run 0 case show --store "$DB" --id BR-P-1
has "  follows        BR-1"
has "  programme      br-2009-permanent"

# --- mu-ca-labour: the programme's own six steps --------------------------------
run 0 case open --store "$DB" -p $MU --id MU-1 --actor iom-1 --role iom_officer \
  --at 2008-03-03T09:00:00+04:00
has "MU-1: event 1 opened -> candidate_list"
run 1 case advance --store "$DB" --id MU-1 --event decided --outcome approved --actor emp-1 \
  --role employer --at 2008-03-04T09:00:00+04:00
has 'refused: no rule allows decided(approved) in state "candidate_list" (it allows note_added, step_completed)'
run 0 case advance --store "$DB" --id MU-1 --event step_completed --actor iom-1 \
  --role iom_officer --at 2008-03-10T09:00:00+04:00
has "-> selection"
run 0 case advance --store "$DB" --id MU-1 --event decided --outcome approved --actor emp-1 \
  --role employer --at 2008-03-20T09:00:00+04:00
has "-> health_assessment"
for next in contract_and_travel pre_departure post_arrival completed; do
  run 0 case advance --store "$DB" --id MU-1 --event step_completed --actor iom-1 \
    --role iom_officer --at 2008-04-01T09:00:00+04:00
  has "-> $next"
done
run 0 case list --store "$DB" --programme mu-ca-labour --state completed
has "MU-1"
has "1 case"

# --- verify, and an edited event ---------------------------------------------------
run 0 case verify --store "$DB"
has "3 cases, 0 broken"
if command -v sqlite3 >/dev/null 2>&1; then
  sqlite3 "$DB" "UPDATE events SET body = replace(body, 'iom-1', 'iom-2') WHERE case_id = 'MU-1' AND version = 2"
  run 1 case verify --store "$DB" --id MU-1
  has "MU-1: BROKEN: event 2: its content does not match its hash (edited)"
  run 1 case show --store "$DB" --id MU-1
  has "chain: BROKEN: event 2"
fi

# --- evidence due in N business days, on the programme's holiday calendar ---------
# 00:30Z on Saturday 10 October 2009 is Friday 21:30 in Sao Paulo; Monday 12
# October is a holiday in examples/calendars/br.yaml.
EV="$TMP/ev.db"
T=tests/cases/data/t-due-br.yaml
run 0 case open --store "$EV" -p $T --id EV-1 --actor clerk-1 --role clerk \
  --at 2009-10-01T10:00:00-03:00 --application tests/cases/data/br-2009-eligible.json
run 0 case advance --store "$EV" -p $T --id EV-1 --event submitted --actor clerk-1 --role clerk \
  --at 2009-10-01T11:00:00-03:00
run 0 case advance --store "$EV" -p $T --id EV-1 --event review_started --actor clerk-2 \
  --role clerk --at 2009-10-02T10:00:00-03:00
run 2 case advance --store "$EV" -p $T --id EV-1 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z
has "evidence_requested needs --due (a date) or --due-in (a period"
run 2 case advance --store "$EV" -p $T --id EV-1 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due 2009-11-01 --due-in "5 business days"
has "--due and --due-in exclude each other"
run 2 case advance --store "$EV" -p $T --id EV-1 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due-in "5 busines days"
has '--due-in: "5 busines days" is not a deadline'
run 2 case advance --store "$EV" -p $T --id EV-1 --event note_added --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due-in "5 business days"
has "--due-in: only evidence_requested has a due date"
run 0 case advance --store "$EV" -p $T --id EV-1 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due-in "5 business days" --reason proof_of_entry
has "EV-1: event 4 evidence_requested -> awaiting_evidence"
has '  due 2009-10-19, "5 business days after" from 2009-10-09 (America/Sao_Paulo), calendar br'
run 0 case show --store "$EV" --id EV-1
has "       due 2009-10-19"
has "  next deadline  2009-10-19"
# br-2009 names no holiday calendar: calendar days only.
run 0 case open --store "$EV" -p $BR --id EV-2 --actor clerk-1 --role clerk \
  --at 2009-10-01T10:00:00-03:00 --application tests/cases/data/br-2009-eligible.json
run 0 case advance --store "$EV" --id EV-2 --event submitted --actor clerk-1 --role clerk \
  --at 2009-10-01T11:00:00-03:00
run 0 case advance --store "$EV" --id EV-2 --event review_started --actor clerk-2 --role clerk \
  --at 2009-10-02T10:00:00-03:00
run 2 case advance --store "$EV" --id EV-2 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due-in "30 business days"
has "[cases.no_calendar] programme br-2009 names no holiday calendar"
run 0 case advance --store "$EV" --id EV-2 --event evidence_requested --actor clerk-2 \
  --role clerk --at 2009-10-10T00:30:00Z --due-in "30 days"
has '  due 2009-11-08, "30 days after" from 2009-10-09 (America/Sao_Paulo), no holiday calendar'

# --- dot, usage errors, PostgreSQL ---------------------------------------------------
run 0 case dot -p $MU
has '"selection" -> "health_assessment" [label="decided(approved)\niom_officer, employer"];'
run 2 case advance --store "$DB" --id MU-1 --event decide --actor a --role r --at 2008-01-01T00:00:00Z
has '--event: "decide" is not an event kind'
run 2 case show --store "$DB" --id NOPE
has 'no case "NOPE"'
run 2 case list --store postgresql://127.0.0.1:1/cases
has 'store.open'
echo "case_cli_test: ok"
