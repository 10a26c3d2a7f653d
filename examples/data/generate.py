#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""Synthetic sample applications for the bundled programmes (no real people).

usage: python3 examples/data/generate.py [--seed S] [--out-dir DIR] [PROGRAMME...]

Each module in gen/ (one per programme) defines PROGRAMME (its id), COUNT and
applications(r, count), which yields applications in the interchange format
that cover every outcome and reason of that programme: each boundary of its
rules, missing facts, missing or rejected documents, short fees and malformed
records. This driver writes DIR/<PROGRAMME>.jsonl for each. Deterministic for
a seed (each programme draws from its own generator seeded with the seed and
its id); the committed files were made with the default seed. Standard
library only.
"""
import argparse
import importlib.util
import json
import os
import random
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def modules():
    folder = os.path.join(HERE, "gen")
    sys.path.insert(0, folder)  # the modules share gen/_common.py
    for name in sorted(os.listdir(folder)):
        if name.endswith(".py") and not name.startswith("_"):
            spec = importlib.util.spec_from_file_location(name[:-3], os.path.join(folder, name))
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            yield module


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=20090702)
    p.add_argument("--out-dir", default=HERE)
    p.add_argument("programmes", nargs="*", help="programme ids (default: all)")
    args = p.parse_args()
    for m in modules():
        if args.programmes and m.PROGRAMME not in args.programmes:
            continue
        r = random.Random(args.seed ^ zlib.crc32(m.PROGRAMME.encode()))
        with open(os.path.join(args.out_dir, m.PROGRAMME + ".jsonl"), "w") as out:
            for a in m.applications(r, m.COUNT):
                out.write(json.dumps(a, separators=(",", ":"), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
