# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""mx-2015 sample applications: every boundary of the 2015 Mexican programme, then a random mix."""
import datetime as dt
import zoneinfo
from _common import iso, rand_date, mixed

PROGRAMME = "mx-2015"
COUNT = 300

GIVEN = ["María", "José", "Ana", "Juan", "Rosa", "Carlos", "Lucía", "Jorge", "Elena", "Luis",
         "Marta", "Pedro", "Sofía", "Miguel", "Carmen", "Wilson", "Yesenia", "Kevin", "Daniel", "Paola"]
FAMILY = ["López", "García", "Hernández", "Martínez", "Pérez", "Ramírez", "Cruz", "Reyes",
          "Morales", "Castillo", "Orellana", "Mejía", "Aguilar", "Chávez", "Díaz", "Velásquez"]
NATIONALITIES = ["GT"] * 8 + ["HN"] * 7 + ["SV"] * 5 + ["CU"] * 3 + ["US"] * 3 + ["CO", "VE", "NI", "HT", "CN", "ES"]
IDENTITY = ["passport", "identity_and_travel_document", "consular_certificate",
            "national_identity_card", "identity_document"]
RESIDENCE_PROOF = ["proof_of_residence", "travel_ticket", "passport_entry_stamp",
                   "migration_document", "utility_bill"]

D = dt.date
DAY = dt.timedelta(days=1)
CUTOFF = D(2012, 11, 9)                    # entry strictly before
OPENS, CLOSES = D(2015, 1, 13), D(2015, 12, 18)
ZONE = zoneinfo.ZoneInfo("America/Mexico_City")


def local_instant(day, hour, minute):
    """An instant written with the offset Mexico City had then (summer time included)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).isoformat()


def utc_instant(day, hour, minute):
    """The same local time in Mexico City, written in UTC."""
    t = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def eligible_mx_2015(r, n):
    """An application that meets every mx-2015 criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    entry = rand_date(r, D(1998, 1, 1), CUTOFF - DAY)
    proof_day = rand_date(r, entry, CUTOFF - DAY)
    born = rand_date(r, D(1955, 1, 1), D(1996, 12, 31))
    irregular_entry = r.random() < 0.6
    applicant = {
        "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
        "date_of_birth": iso(born), "nationalities": [r.choice(NATIONALITIES)],
        "entry_date": iso(entry), "entry_mode": "irregular" if irregular_entry else "regular",
        "present_at_filing": True, "immigration_status": "irregular",
        "prior_procedure": {"pending": False, "withdrawn": False},
        "removal": {"proceedings_pending": False, "order_in_force": False, "detained": False},
        "criminal": {"pending_proceedings": False, "convictions": []},
    }
    if not irregular_entry:   # admitted as a visitor; the stay expired
        applicant["last_permit"] = {"type": "visitor", "from": iso(entry),
                                    "to": iso(entry + 180 * DAY)}
    nationality = applicant["nationalities"][0]
    return {
        "format": "regularis.application/1",
        "id": f"MX-2015-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "in_person",
        "office": {"name": r.choice(["Ciudad de México", "Tapachula", "Monterrey", "Tijuana",
                                     "Guadalajara", "Cancún"])},
        "applicant": applicant,
        "documents": [
            {"type": "application_form"},
            {"type": r.choice(IDENTITY), "issued_by": nationality,
             "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": r.choice(RESIDENCE_PROOF), "shows_date": iso(proof_day)},
            {"type": "proof_of_address"},
        ],
        "payments": [
            {"fee": "application_review", "amount": "1124", "currency": "MXN",
             "paid_on": iso(filed - dt.timedelta(days=r.randint(0, 3))),
             "receipt": f"EH-{r.randint(100000, 999999)}"},
        ],
        "waivers": [],
        "facts": {
            "resident_on_2015_01_13": True,
            "immigration_status_on_2015_01_13": "irregular",
            "migration_alert": False,
        },
    }


def document(app, types):
    """The first document of those types (a throwaway one when a variant removed it)."""
    return next((d for d in app["documents"] if d["type"] in types), {})


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def payment(app):
    return app["payments"][0] if app["payments"] else {}


def set_entry(a, day):
    a["applicant"]["entry_date"] = iso(day)
    document(a, RESIDENCE_PROOF)["shows_date"] = iso(day)


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = iso(OPENS)
def v_publication_day(r, a): a["filed_at"] = "2015-01-12"
def v_before_the_acuerdo(r, a): a["filed_at"] = "2015-01-09"
def v_last_day(r, a): a["filed_at"] = iso(CLOSES)
def v_day_after_window(r, a): a["filed_at"] = iso(CLOSES + DAY)
def v_last_evening_local(r, a): a["filed_at"] = local_instant(CLOSES, 23, 30)   # next day in UTC
def v_last_evening_utc(r, a): a["filed_at"] = utc_instant(CLOSES, 23, 30)
def v_after_midnight_utc(r, a): a["filed_at"] = utc_instant(CLOSES + DAY, 0, 10)
def v_entry_day_before_cutoff(r, a): set_entry(a, CUTOFF - DAY)
def v_entry_on_cutoff(r, a): set_entry(a, CUTOFF)
def v_proof_on_cutoff(r, a): document(a, RESIDENCE_PROOF)["shows_date"] = iso(CUTOFF)
def v_proof_undated(r, a): document(a, RESIDENCE_PROOF).pop("shows_date", None)
def v_no_proof_of_residence(r, a): drop_document(a, *RESIDENCE_PROOF)
def v_entry_unknown(r, a): a["applicant"].pop("entry_date", None)
def v_regular_on_snapshot(r, a): a["facts"]["immigration_status_on_2015_01_13"] = "regular"
def v_protection_on_snapshot(r, a): a["facts"]["immigration_status_on_2015_01_13"] = "protection_applicant"
def v_not_resident_on_snapshot(r, a): a["facts"]["resident_on_2015_01_13"] = False
def v_snapshot_unknown(r, a): del a["facts"]["resident_on_2015_01_13"]
def v_pending_procedure(r, a): a["applicant"]["prior_procedure"]["pending"] = True
def v_pending_withdrawn(r, a):
    a["applicant"]["prior_procedure"] = {"pending": True, "withdrawn": True}
    a["documents"].append({"type": "procedure_withdrawal", "shows_date": a["filed_at"][:10]})
def v_withdrawn_without_document(r, a): a["applicant"]["prior_procedure"] = {"pending": True, "withdrawn": True}
def v_pending_unknown(r, a): a["applicant"]["prior_procedure"].pop("pending", None)
def v_deportation(r, a): a["applicant"]["removal"]["proceedings_pending"] = True
def v_criminal_proceedings(r, a): a["applicant"]["criminal"]["pending_proceedings"] = True
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2013-04-02", "category": "misdemeanor", "country": "MX"}]
def v_migration_alert(r, a): a["facts"]["migration_alert"] = True
def v_migration_alert_unknown(r, a): a["facts"].pop("migration_alert", None)
def v_no_identity(r, a): drop_document(a, *IDENTITY)
def v_no_address(r, a): drop_document(a, "proof_of_address")
def v_no_form(r, a): drop_document(a, "application_form")
def v_fee_short(r, a): payment(a)["amount"] = "1123.99"
def v_fee_unpaid(r, a): a["payments"] = []
def v_waiver_refused(r, a):
    a["payments"] = []; a["waivers"] = [{"fee": "application_review", "ground": "low_income", "granted": False}]
def v_waiver_granted(r, a):
    a["payments"] = []; a["waivers"] = [{"fee": "application_review", "ground": "low_income", "granted": True}]
def v_born_29_february(r, a): a["applicant"]["date_of_birth"] = "1988-02-29"
def v_bad_filing_date(r, a): a["filed_at"] = "2015-02-29"
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["hn"]
def v_bad_status(r, a): a["applicant"]["immigration_status"] = "undocumented"
def v_negative_amount(r, a): payment(a)["amount"] = "-1124"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_mx_2015, VARIANTS)
