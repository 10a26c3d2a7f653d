# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""Helpers every sample generator uses (imported by the gen/ modules)."""
import datetime as dt


def iso(d):
    return d.isoformat()


def rand_date(r, lo, hi):
    return lo + dt.timedelta(days=r.randint(0, (hi - lo).days))


def mixed(r, count, eligible, variants):
    """`count` applications: eligible(r, n) with each variant applied twice in
    order, then a random mix (most left eligible, others with one or two variants)."""
    for n in range(1, count + 1):
        a = eligible(r, n)
        if n <= 2 * len(variants):              # every variant twice, in order
            variants[(n - 1) % len(variants)](r, a)
        elif r.random() < 0.45:                 # then a random mix
            for v in r.sample(variants, r.choice([1, 1, 2])):
                v(r, a)
        yield a
