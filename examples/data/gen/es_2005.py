# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""es-2005 sample applications: every boundary of the Spain 2005 rules, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "es-2005"
COUNT = 300

GIVEN = ["Ana", "Luis", "Rosa", "Ion", "Maria", "Carlos", "Fatima", "Pedro", "Youssef", "Marta",
         "Jorge", "Elena", "Mihai", "Nadia", "Diego", "Lucia", "Karim", "Pablo", "Carmen", "Andrei"]
FAMILY = ["Quishpe", "Guaman", "Popescu", "El Idrissi", "Gonzalez", "Ionescu", "Benali", "Vargas",
          "Chimbo", "Torres", "Radu", "Ramirez", "Tenesaca", "Amrani", "Duarte", "Stan"]
# Ecuador 21.47 %, Romania 17.16 %, Morocco 12.22 %, then others (ILO / MPI).
NATIONALITIES = ["EC"] * 21 + ["RO"] * 17 + ["MA"] * 12 + ["CO"] * 8 + ["BO"] * 6 + \
    ["BG", "AR", "UA", "CN", "PE", "SN", "PK", "DZ", "NG", "BR"]
SECTORS = ["construction"] * 4 + ["domestic_work"] * 4 + ["agriculture"] * 3 + \
    ["hospitality"] * 3 + ["commerce", "manufacturing", "other"]
IDENTITY = ["passport", "identity_document"]

D = dt.date
CUTOFF = D(2004, 8, 7)
OPENS, CLOSES = D(2005, 2, 7), D(2005, 5, 7)


def job(r, sector):
    if sector == "agriculture":
        return {"sector": sector, "duration_months": r.choice([3, 4, 6, 9, 12]),
                "hours_per_week": 40, "full_time": True}
    if sector == "domestic_work":
        hours = r.choice([20, 25, 30, 40])
        return {"sector": sector, "duration_months": r.choice([6, 12]),
                "hours_per_week": hours, "full_time": hours >= 40}
    return {"sector": sector, "duration_months": r.choice([6, 12, 12, 24]),
            "hours_per_week": 40, "full_time": True}


def eligible_es_2005(r, n):
    """An application that meets every es-2005 criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    registered = rand_date(r, D(2000, 1, 1), CUTOFF)
    nationality = r.choice(NATIONALITIES)
    applicant = {
        "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
        "date_of_birth": iso(rand_date(r, D(1950, 1, 1), D(1987, 2, 6))),
        "nationalities": [nationality],
        "entry_date": iso(registered - dt.timedelta(days=r.randint(0, 400))),
        "present_at_filing": True, "immigration_status": "irregular",
        "criminal": {"pending_proceedings": False, "convictions": []},
        "job_offer": job(r, r.choice(SECTORS)),
    }
    return {
        "format": "regularis.application/1",
        "id": f"ES-2005-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "employer", "channel": "in_person",
        "applicant": applicant,
        "facts": {"padron_registration_date": iso(registered), "public_record_of_presence": False},
        "documents": [
            {"type": "application_form"},
            {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}",
             "issued_by": nationality},
            {"type": "municipal_register_certificate", "shows_date": iso(registered), "verified": True},
            {"type": "employment_contract"},
            {"type": "criminal_record_certificate", "issued_by": nationality},
            {"type": "employer_social_security_certificate"},
        ],
        "payments": [],
        "waivers": [],
    }


def doc(app, *types):
    """The first document of one of these types (a throwaway one when a variant removed it)."""
    return next((d for d in app["documents"] if d["type"] in types), {})


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def registered_on(a, day):
    a["facts"]["padron_registration_date"] = day
    doc(a, "municipal_register_certificate")["shows_date"] = day


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = "2005-02-07"
def v_day_before_window(r, a): a["filed_at"] = "2005-02-06"
def v_last_day(r, a): a["filed_at"] = "2005-05-07"
def v_day_after_window(r, a): a["filed_at"] = "2005-05-08"
def v_last_evening_utc(r, a): a["filed_at"] = "2005-05-07T21:59:00Z"       # 23:59 in Madrid
def v_after_midnight_utc(r, a): a["filed_at"] = "2005-05-07T22:30:00Z"     # 00:30 on 8 May
def v_opening_night_utc(r, a): a["filed_at"] = "2005-02-06T23:30:00Z"      # 00:30 on 7 Feb
def v_registered_on_cutoff(r, a): registered_on(a, "2004-08-07")
def v_registered_day_after(r, a): registered_on(a, "2004-08-08")
def v_public_record_on_cutoff(r, a):
    registered_on(a, "2004-11-02")
    a["facts"].update({"public_record_of_presence": True, "public_record_of_presence_date": "2004-08-07"})
    a["documents"].append({"type": "public_administration_document", "shows_date": "2004-08-07"})
def v_public_record_late(r, a):
    registered_on(a, "2004-11-02")
    a["facts"].update({"public_record_of_presence": True, "public_record_of_presence_date": "2004-09-01"})
def v_unknown_padron(r, a): del a["facts"]["padron_registration_date"]
def v_agriculture_three_months(r, a):
    a["applicant"]["job_offer"] = {"sector": "agriculture", "duration_months": 3, "hours_per_week": 40, "full_time": True}
def v_agriculture_two_months(r, a):
    a["applicant"]["job_offer"] = {"sector": "agriculture", "duration_months": 2, "hours_per_week": 40, "full_time": True}
def v_six_months(r, a):
    a["applicant"]["job_offer"] = {"sector": "hospitality", "duration_months": 6, "hours_per_week": 40, "full_time": True}
def v_five_months(r, a):
    a["applicant"]["job_offer"] = {"sector": "construction", "duration_months": 5, "hours_per_week": 40, "full_time": True}
def v_unknown_duration(r, a): a["applicant"]["job_offer"].pop("duration_months", None)
def v_domestic_one_household_enough(r, a):
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "duration_months": 12, "hours_per_week": "18.47", "full_time": False}
def v_domestic_one_household_short(r, a):
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "duration_months": 12, "hours_per_week": "18.46", "full_time": False}
def v_domestic_several_households(r, a):
    a["filed_by"] = "applicant"
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "duration_months": 12, "hours_per_week": 30, "full_time": False}
def v_domestic_several_households_short(r, a):
    a["filed_by"] = "applicant"
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "duration_months": 12, "hours_per_week": "29.5", "full_time": False}
def v_worker_files_outside_domestic(r, a):
    a["filed_by"] = "applicant"
    a["applicant"]["job_offer"] = {"sector": "construction", "duration_months": 12, "hours_per_week": 40, "full_time": True}
def v_unknown_filer(r, a): del a["filed_by"]
def v_not_present(r, a): a["applicant"]["present_at_filing"] = False
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2001-03-02", "category": "misdemeanor",
                                                  "country": a["applicant"]["nationalities"][0]}]
def v_no_contract(r, a): drop_document(a, "employment_contract")
def v_certificate_wrong_country(r, a): doc(a, "criminal_record_certificate")["issued_by"] = "ES"
def v_no_certificate(r, a): drop_document(a, "criminal_record_certificate")
def v_padron_not_verified(r, a): doc(a, "municipal_register_certificate")["verified"] = False
def v_no_identity_document(r, a): drop_document(a, *IDENTITY)
def v_bad_padron_date(r, a): a["facts"]["padron_registration_date"] = "2005-02-29"
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["ec"]
def v_bad_filer(r, a): a["filed_by"] = "worker"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_es_2005, VARIANTS)
