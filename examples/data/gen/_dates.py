# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""Date helpers every sample generator uses (imported by the gen/ modules)."""
import datetime as dt


def iso(d):
    return d.isoformat()


def rand_date(r, lo, hi):
    return lo + dt.timedelta(days=r.randint(0, (hi - lo).days))
