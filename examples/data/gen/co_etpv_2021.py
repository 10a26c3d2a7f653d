# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""co-etpv-2021 sample applications: every boundary of the Colombian ETPV rules, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "co-etpv-2021"
COUNT = 300

GIVEN = ["Ana", "Luis", "Rosa", "Jose", "Maria", "Carlos", "Yusmary", "Pedro", "Daniela", "Marta",
         "Jorge", "Yorman", "Elena", "Wilmer", "Diego", "Lucia", "Yelitza", "Pablo", "Carmen", "Andres"]
FAMILY = ["Perez", "Rodriguez", "Hernandez", "Gonzalez", "Garcia", "Martinez", "Rojas", "Mendoza",
          "Blanco", "Torres", "Castillo", "Ramirez", "Marquez", "Suarez", "Duarte", "Villalobos"]
IDENTITY = ["national_identity_card"] * 3 + ["passport", "identity_document"]
STATUS = ["irregular"] * 5 + ["regular"] * 3 + ["protection_applicant"]

D = dt.date
REFERENCE = D(2021, 1, 31)
OPENS, CLOSES = D(2021, 5, 5), D(2023, 11, 24)
EARLY_DEADLINE = D(2022, 5, 28)
ENTRY_FROM, ENTRY_UNTIL = D(2021, 5, 29), D(2023, 5, 28)


def eligible_co_etpv_2021(r, n):
    """An application that meets every co-etpv-2021 criterion with a complete file."""
    early = r.random() < 0.75       # in Colombia on 31 January 2021 (groups 1-3)
    if early:
        filed = rand_date(r, OPENS, EARLY_DEADLINE)
        entry = rand_date(r, D(2015, 1, 1), REFERENCE - dt.timedelta(days=1))
        status = r.choice(STATUS)
        entry_mode = "irregular" if status == "irregular" and r.random() < 0.7 else "regular"
    else:                           # group 4: regular entry in the statute's first two years
        entry = rand_date(r, ENTRY_FROM, ENTRY_UNTIL)
        filed = rand_date(r, max(OPENS, entry), CLOSES)
        status, entry_mode = None, "regular"
    facts = {
        "present_on_2021_01_31": early,
        "ongoing_proceedings": False,
        "protection_granted_elsewhere": False,
        "protection_claim_pending_elsewhere": False,
        "biometric_registration_on": iso(filed + dt.timedelta(days=r.randint(0, 120))),
    }
    if status is not None:
        facts["immigration_status_on_2021_01_31"] = status
    documents = [{"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}", "issued_by": "VE"}]
    if early and status == "irregular":
        documents.append({"type": "proof_of_presence",
                          "shows_date": iso(rand_date(r, entry, REFERENCE - dt.timedelta(days=1)))})
    if not early:
        documents.append({"type": "passport_entry_stamp", "shows_date": iso(entry)})
    return {
        "format": "regularis.application/1",
        "id": f"CO-ETPV-{n:07d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "online",
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(rand_date(r, D(1950, 1, 1), D(2010, 12, 31))),
            "nationalities": ["VE"],
            "entry_date": iso(entry), "entry_mode": entry_mode,
            "criminal": {"pending_proceedings": False, "convictions": []},
            "removal": {"proceedings_pending": False, "order_in_force": False, "detained": False},
        },
        "facts": facts,
        "documents": documents,
        "payments": [],
        "waivers": [],
    }


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def present_irregular(a):
    """Make the application one of group 3 (irregular on 31 January 2021), proof included."""
    a["facts"]["present_on_2021_01_31"] = True
    a["facts"]["immigration_status_on_2021_01_31"] = "irregular"
    a["applicant"]["entry_date"], a["applicant"]["entry_mode"] = "2019-03-12", "irregular"
    drop_document(a, "passport_entry_stamp", "proof_of_presence")
    a["documents"].append({"type": "proof_of_presence", "shows_date": "2020-11-03"})
    if a["filed_at"][:10] > iso(EARLY_DEADLINE):    # was a later entrant: file in time
        a["filed_at"], a["facts"]["biometric_registration_on"] = "2021-09-15", "2021-10-20"


def later_entrant(a, entry, filed):
    """Make the application one of group 4 (regular entry on `entry`), filed on `filed`."""
    a["facts"]["present_on_2021_01_31"] = False
    a["facts"].pop("immigration_status_on_2021_01_31", None)
    a["applicant"]["entry_date"], a["applicant"]["entry_mode"] = entry, "regular"
    drop_document(a, "passport_entry_stamp", "proof_of_presence")
    a["documents"].append({"type": "passport_entry_stamp", "shows_date": entry})
    a["filed_at"] = filed
    a["facts"]["biometric_registration_on"] = "2023-11-30"


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): present_irregular(a); a["filed_at"] = "2021-05-05"
def v_day_before_window(r, a): present_irregular(a); a["filed_at"] = "2021-05-04"
def v_early_group_last_day(r, a):
    present_irregular(a); a["filed_at"] = "2022-05-28"; a["facts"]["biometric_registration_on"] = "2022-06-10"
def v_early_group_day_after(r, a):
    present_irregular(a); a["filed_at"] = "2022-05-29"; a["facts"]["biometric_registration_on"] = "2022-06-10"
def v_early_group_last_evening_utc(r, a):     # 23:30 on 28 May in Bogota
    present_irregular(a); a["filed_at"] = "2022-05-29T04:30:00Z"; a["facts"]["biometric_registration_on"] = "2022-06-10"
def v_early_group_midnight_utc(r, a):         # 00:00 on 29 May in Bogota
    present_irregular(a); a["filed_at"] = "2022-05-29T05:00:00Z"; a["facts"]["biometric_registration_on"] = "2022-06-10"
def v_last_day(r, a): later_entrant(a, "2022-02-01", "2023-11-24")
def v_day_after_window(r, a): later_entrant(a, "2022-02-01", "2023-11-25")
def v_last_evening_utc(r, a): later_entrant(a, "2022-02-01", "2023-11-25T04:59:00Z")
def v_after_midnight_utc(r, a): later_entrant(a, "2022-02-01", "2023-11-25T05:00:00Z")
def v_entry_first_day(r, a): later_entrant(a, "2021-05-29", "2021-06-15")
def v_entry_day_before(r, a): later_entrant(a, "2021-05-28", "2021-06-15")
def v_entry_last_day(r, a): later_entrant(a, "2023-05-28", "2023-06-01")
def v_entry_day_after(r, a): later_entrant(a, "2023-05-29", "2023-06-01")
def v_later_irregular_entry(r, a):
    later_entrant(a, "2021-07-01", "2021-08-01"); a["applicant"]["entry_mode"] = "irregular"
    drop_document(a, "passport_entry_stamp")
def v_regular_on_reference_date(r, a):
    present_irregular(a); a["facts"]["immigration_status_on_2021_01_31"] = "regular"
    drop_document(a, "proof_of_presence")
def v_sc2_on_reference_date(r, a):
    present_irregular(a); a["facts"]["immigration_status_on_2021_01_31"] = "protection_applicant"
    drop_document(a, "proof_of_presence")
def v_no_proof_of_presence(r, a): present_irregular(a); drop_document(a, "proof_of_presence")
def v_unknown_status(r, a): present_irregular(a); del a["facts"]["immigration_status_on_2021_01_31"]
def v_unknown_presence(r, a): present_irregular(a); del a["facts"]["present_on_2021_01_31"]
def v_not_venezuelan(r, a): a["applicant"]["nationalities"] = ["PE"]
def v_dual_national(r, a): a["applicant"]["nationalities"] = ["ES", "VE"]
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2017-08-09", "category": "felony", "country": "VE"}]
def v_ongoing_proceedings(r, a): a["facts"]["ongoing_proceedings"] = True
def v_unknown_proceedings(r, a): del a["facts"]["ongoing_proceedings"]
def v_expulsion_order(r, a): a["applicant"]["removal"]["order_in_force"] = True
def v_protection_elsewhere(r, a): a["facts"]["protection_granted_elsewhere"] = True
def v_claim_pending_elsewhere(r, a): a["facts"]["protection_claim_pending_elsewhere"] = True
def v_biometrics_same_day(r, a): a["facts"]["biometric_registration_on"] = a["filed_at"][:10]
def v_biometrics_before_filing(r, a):
    a["facts"]["biometric_registration_on"] = iso(D.fromisoformat(a["filed_at"][:10]) - dt.timedelta(days=1))
def v_biometrics_pending(r, a): del a["facts"]["biometric_registration_on"]
def v_no_identity_document(r, a): drop_document(a, *IDENTITY)
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["ve"]
def v_bad_biometric_date(r, a): a["facts"]["biometric_registration_on"] = "2021-02-30"
def v_bad_status_word(r, a): a["applicant"]["entry_mode"] = "legal"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_co_etpv_2021, VARIANTS)
