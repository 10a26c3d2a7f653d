#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
#
# Compares `regularis check --format csv` output with the reference results
# of shared/bench/gen.py (--expected) for one rule set, record by record:
# eligible <-> true, ineligible <-> false, rNN.not_met <-> rNN, same order.
# Prints the first differences and exits 1 when there are any.
"""usage: compare_expected.py EXPECTED.csv RESULTS.csv core|ext50 PROGRAMME_ID"""
import csv
import sys


def main():
    expected_path, results_path, rule_set, programme = sys.argv[1:5]
    with open(expected_path, newline="") as f:
        expected = list(csv.DictReader(f))
    with open(results_path, newline="") as f:
        results = list(csv.DictReader(f))
    problems = []
    if len(expected) != len(results):
        problems.append(f"{len(results)} results for {len(expected)} expected records")
    for want, got in zip(expected, results):
        reasons = ";".join(r.removesuffix(".not_met") if r.endswith(".not_met") else "!" + r
                           for r in got["reasons"].split(";") if r)
        outcome = {"eligible": "true", "ineligible": "false"}.get(got["outcome"], got["outcome"])
        have = (got["id"], got["programme"], outcome, reasons)
        need = (want["id"], programme, want[rule_set + "_eligible"], want[rule_set + "_reasons"])
        if have != need:
            problems.append(f"{want['id']}: expected {need[1:]}, got {have[1:]}")
    for p in problems[:20]:
        print(p)
    if problems:
        print(f"{len(problems)} differences ({rule_set})")
        return 1
    print(f"{len(expected)} records agree ({rule_set})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
