# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""br-2009-permanent sample applications: every boundary of the conversion rules, then a random mix."""
import datetime as dt
import zoneinfo
from _common import iso, rand_date, mixed

PROGRAMME = "br-2009-permanent"
COUNT = 300

GIVEN = ["Ana", "Luis", "Rosa", "Wei", "Mei", "Carlos", "Juana", "Pedro", "Li", "Marta",
         "Jorge", "Sofia", "Hao", "Elena", "Diego", "Lucia", "Chen", "Pablo", "Carmen", "Tomas"]
FAMILY = ["Quispe", "Mamani", "Zhang", "Flores", "Gonzalez", "Wang", "Rojas", "Benitez",
          "Choque", "Vargas", "Liu", "Torres", "Ramirez", "Huang", "Duarte", "Ayala"]
NATIONALITIES = ["BO"] * 16 + ["CN"] * 5 + ["PE"] * 5 + ["PY"] * 4 + ["AR", "CL", "CO", "KR", "NG", "AO"]
MEANS = ["employment_record", "proof_of_profession", "proof_of_assets"]

D = dt.date
DAY = dt.timedelta(days=1)
REQUESTS = (D(2009, 7, 3), D(2009, 12, 30))   # br-2009's window: the provisional requests
ZONE = zoneinfo.ZoneInfo("America/Sao_Paulo")


def eligible_br_2009_permanent(r, n):
    """A br-2009 grantee asking for permanent residence in the 90 days before the card expires."""
    requested = rand_date(r, *REQUESTS)
    expires = requested.replace(year=requested.year + 2)      # 2 years from the request
    filed = rand_date(r, expires - 90 * DAY, expires)
    entry = rand_date(r, D(1995, 1, 1), D(2009, 2, 1))
    born = rand_date(r, D(1950, 1, 1), D(1991, 12, 31))
    employed = r.random() < 0.8
    pay_day = iso(filed - dt.timedelta(days=r.randint(0, 5)))
    absences = []
    longest = 0
    for _ in range(r.choice([0, 0, 1, 1, 2])):
        start = rand_date(r, requested + 30 * DAY, filed - 100 * DAY)
        length = r.randint(5, 60)
        absences.append({"from": iso(start), "to": iso(start + length * DAY)})
        longest = max(longest, length - 1)
    applicant = {
        "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
        "date_of_birth": iso(born), "nationalities": [r.choice(NATIONALITIES)],
        "entry_date": iso(entry), "present_at_filing": True, "immigration_status": "regular",
        "last_permit": {"type": "provisional_residence", "from": iso(requested), "to": iso(expires)},
        "employment": {"employed": employed},
        "criminal": {"pending_proceedings": False, "convictions": []},
        "absences": sorted(absences, key=lambda a: a["from"]),
    }
    if employed:
        applicant["employment"]["since"] = iso(rand_date(r, requested, filed - 30 * DAY))
    return {
        "format": "regularis.application/1",
        "id": f"BR-2009-P-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "in_person",
        "applicant": applicant,
        "documents": [
            {"type": "foreign_identity_card", "number_last4": f"{r.randint(0, 9999):04d}",
             "expires_on": iso(expires)},
            {"type": "employment_record" if employed else "proof_of_assets"},
            {"type": "no_social_security_debt_declaration", "self_declared": True, "signed_on": pay_day},
            {"type": "absences_declaration", "self_declared": True, "signed_on": pay_day},
            {"type": "no_criminal_record_declaration", "self_declared": True, "signed_on": pay_day},
            {"type": "criminal_record_certificate", "issued_by": "BR"},
            {"type": "federal_tax_clearance_certificate"},
            {"type": "identity_card_fee_receipt"},
            {"type": "photographs"},
        ],
        "payments": [
            {"fee": "identity_card", "amount": "31.05", "currency": "BRL", "paid_on": pay_day,
             "receipt": f"GRU-{r.randint(10000, 99999)}"},
        ],
        "waivers": [],
        "facts": {
            "sufficient_assets": not employed or r.random() < 0.3,
            "federal_tax_debts": False,
            "social_security_debts": False,
            "longest_absence_days": longest,
        },
    }


def expiry(a):
    """The card's expiry, 2 years from the request (even when a variant removed or broke `to`)."""
    requested = D.fromisoformat(a["applicant"]["last_permit"]["from"])
    return requested.replace(year=requested.year + 2)


def local_instant(day, hour, minute):
    """An instant written with the offset São Paulo had then (summer time included)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).isoformat()


def utc_instant(day, hour, minute):
    """The same local time in São Paulo, written in UTC."""
    t = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def document(app, type_):
    """The document of that type (a throwaway one when a variant removed it)."""
    return next((d for d in app["documents"] if d["type"] == type_), {})


def payment(app):
    """The identity-card payment (a throwaway one when a variant removed it)."""
    return app["payments"][0] if app["payments"] else {}


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = iso(expiry(a) - 90 * DAY)
def v_day_before_window(r, a): a["filed_at"] = iso(expiry(a) - 91 * DAY)
def v_expiry_day(r, a): a["filed_at"] = iso(expiry(a))
def v_day_after_expiry(r, a): a["filed_at"] = iso(expiry(a) + DAY)
def v_expiry_evening_local(r, a): a["filed_at"] = local_instant(expiry(a), 23, 30)   # next day in UTC
def v_expiry_evening_utc(r, a): a["filed_at"] = utc_instant(expiry(a), 23, 30)
def v_after_midnight_utc(r, a): a["filed_at"] = utc_instant(expiry(a) + DAY, 0, 10)
def v_expiry_unknown(r, a): del a["applicant"]["last_permit"]["to"]
def v_not_provisional(r, a): a["applicant"]["last_permit"]["type"] = "temporary_residence"
def v_assets_only(r, a):
    a["applicant"]["employment"] = {"employed": False}; a["facts"]["sufficient_assets"] = True
    drop_document(a, *MEANS); a["documents"].append({"type": "proof_of_assets"})
def v_no_means(r, a):
    a["applicant"]["employment"] = {"employed": False}; a["facts"]["sufficient_assets"] = False
def v_means_unknown(r, a):
    a["applicant"]["employment"] = {"employed": False}; del a["facts"]["sufficient_assets"]
def v_tax_debt(r, a): a["facts"]["federal_tax_debts"] = True
def v_social_security_debt(r, a): a["facts"]["social_security_debts"] = True
def v_debts_unknown(r, a): del a["facts"]["social_security_debts"]
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2010-05-01", "category": "misdemeanor", "country": "BR"}]
def v_absence_90_days(r, a): a["facts"]["longest_absence_days"] = 90
def v_absence_91_days(r, a): a["facts"]["longest_absence_days"] = 91
def v_absence_unknown(r, a): del a["facts"]["longest_absence_days"]
def v_protocol_instead_of_card(r, a):
    drop_document(a, "foreign_identity_card"); a["documents"].append({"type": "provisional_registration_protocol"})
def v_no_card(r, a): drop_document(a, "foreign_identity_card")
def v_no_photographs(r, a): drop_document(a, "photographs")
def v_no_tax_certificate(r, a): drop_document(a, "federal_tax_clearance_certificate")
def v_certificate_not_verified(r, a): document(a, "criminal_record_certificate")["verified"] = False
def v_fee_short(r, a): payment(a)["amount"] = "31.04"
def v_fee_unpaid(r, a): a["payments"] = []; drop_document(a, "identity_card_fee_receipt")
def v_waiver_refused(r, a):
    a["payments"] = []; a["waivers"] = [{"fee": "identity_card", "ground": "hardship", "granted": False}]
def v_waiver_granted(r, a):
    a["payments"] = []; a["waivers"] = [{"fee": "identity_card", "ground": "hardship", "granted": True}]
def v_bad_expiry_date(r, a): a["applicant"]["last_permit"]["to"] = "2011-02-30"
def v_negative_amount(r, a): payment(a)["amount"] = "-31.05"
def v_bad_currency(r, a): payment(a)["currency"] = "BRX"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_br_2009_permanent, VARIANTS)
