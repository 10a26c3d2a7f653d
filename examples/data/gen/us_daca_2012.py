# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""us-daca-2012 sample applications: every boundary of the 2012 DACA guidelines, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "us-daca-2012"
COUNT = 340

GIVEN = ["Jose", "Maria", "Luis", "Ana", "Carlos", "Daniela", "Jesus", "Guadalupe", "Kevin",
         "Karla", "Miguel", "Yesenia", "Juan", "Andrea", "Min-jun", "Ji-woo", "Mark", "Joy"]
FAMILY = ["Hernandez", "Garcia", "Martinez", "Lopez", "Gonzalez", "Perez", "Rodriguez",
          "Ramirez", "Flores", "Cruz", "Morales", "Reyes", "Kim", "Park", "Santos", "Dela Cruz"]
NATIONALITIES = ["MX"] * 30 + ["SV"] * 3 + ["GT"] * 3 + ["HN"] * 3 + ["KR", "PE", "BR", "CO",
                                                                       "EC", "PH", "IN", "JM"]
IDENTITY = ["passport", "national_identity_card", "consular_identity_card",
            "birth_certificate", "school_or_military_id"]
ENTRY_PROOF = ["proof_of_entry", "passport_entry_stamp", "travel_record", "school_record",
               "medical_record"]

D = dt.date
OPENS = D(2012, 8, 15)
BORN_FROM, RESIDENCE_CUTOFF = D(1981, 6, 16), D(2007, 6, 15)
FEE = "employment_authorization_and_biometrics"


def anniversary(born, years):
    """The years-th birthday (29 February -> 1 March in a common year, as age_on counts)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return D(born.year + years, 3, 1)


def eligible_us_daca_2012(r, n):
    """A request that meets every 2012 guideline with a complete file."""
    filed = rand_date(r, OPENS, D(2014, 6, 4))
    born = rand_date(r, BORN_FROM, anniversary(filed, -15) - dt.timedelta(days=1))
    latest_entry = min(anniversary(born, 16) - dt.timedelta(days=1), RESIDENCE_CUTOFF)
    entry = rand_date(r, max(born, D(1985, 1, 1)), latest_entry)
    adult_by_2012 = anniversary(born, 18) <= filed
    enrolled = not adult_by_2012 or r.random() < 0.25
    level = r.choice(["secondary", "secondary", "ged", "tertiary"]) if adult_by_2012 else "primary"
    app = {
        "format": "regularis.application/1",
        "id": f"US-DACA-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "post",
        "office": {"name": "USCIS Chicago lockbox", "time_zone": "America/Chicago"},
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(born), "nationalities": [r.choice(NATIONALITIES)],
            "entry_date": iso(entry), "entry_mode": r.choice(["irregular", "irregular", "regular"]),
            "residence_since": iso(entry), "absences": [],
            "present_at_filing": True, "immigration_status": "irregular",
            "education": {"level": level, "enrolled": enrolled},
            "criminal": {"pending_proceedings": False, "convictions": []},
            "removal": {"proceedings_pending": False, "order_in_force": False, "detained": False},
        },
        "documents": [
            {"type": "form_i821d"}, {"type": "form_i765"}, {"type": "form_i765ws"},
            {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": r.choice(ENTRY_PROOF), "shows_date": iso(entry)},
            {"type": "proof_of_residence", "shows_date": iso(rand_date(r, entry, RESIDENCE_CUTOFF))},
            {"type": "proof_of_presence", "shows_date": "2012-06-15"},
            {"type": "education_record"},
        ],
        "payments": [{"fee": FEE, "amount": "465", "currency": "USD",
                      "paid_on": iso(filed - dt.timedelta(days=r.randint(3, 20)))}],
        "waivers": [],
        "facts": {"present_on_2012_06_15": True, "lawful_status_on_2012_06_15": False,
                  "honorably_discharged_veteran": False, "travel_after_2012_08_15": False},
    }
    if app["applicant"]["entry_mode"] == "regular":   # visa expired before 15 June 2012
        app["applicant"]["last_permit"] = {"type": "visitor_visa", "from": iso(entry),
                                           "to": iso(entry + dt.timedelta(days=180))}
    return app


def born_entered(a, born, entry, residence=None):
    a["applicant"]["date_of_birth"] = born
    a["applicant"]["entry_date"] = entry
    a["applicant"]["residence_since"] = residence or entry
    a["applicant"]["education"] = {"level": "primary", "enrolled": True}


def misdemeanor(date, offence, custody=0):
    return {"date": date, "category": "misdemeanor", "offence": offence, "custody_days": custody}


# Each variant turns an eligible request into one case of a rule; the name says
# what it exercises. Several are boundaries that must stay eligible.
def v_opening_day(r, a): a["filed_at"] = "2012-08-15"
def v_day_before_opening(r, a): a["filed_at"] = "2012-08-14"
def v_night_before_opening_utc(r, a): a["filed_at"] = "2012-08-15T04:30:00Z"   # 23:30 CDT on 14 August
def v_opening_night_utc(r, a): a["filed_at"] = "2012-08-15T05:10:00Z"          # 00:10 CDT on 15 August
def v_years_later(r, a): a["filed_at"] = "2016-11-30"                          # no closing date
def v_born_on_cutoff(r, a):
    born_entered(a, "1981-06-16", "1994-03-01"); a["applicant"]["education"] = {"level": "ged", "enrolled": False}
def v_born_day_before_cutoff(r, a):
    born_entered(a, "1981-06-15", "1994-03-01"); a["applicant"]["education"] = {"level": "ged", "enrolled": False}
def v_arrived_day_before_16(r, a): born_entered(a, "1990-03-10", "2006-03-09")
def v_arrived_on_16th_birthday(r, a): born_entered(a, "1990-03-10", "2006-03-10")
def v_born_29_february_arrived_28_february(r, a): born_entered(a, "1992-02-29", "2008-02-28", "2007-01-01")
def v_born_29_february_arrived_29_february(r, a): born_entered(a, "1992-02-29", "2008-02-29", "2007-01-01")
def v_resident_on_cutoff(r, a): a["applicant"]["residence_since"] = "2007-06-15"
def v_resident_day_after(r, a): a["applicant"]["residence_since"] = "2007-06-16"
def v_absent_15_june_2012(r, a): a["facts"]["present_on_2012_06_15"] = False
def v_not_present(r, a): a["applicant"]["present_at_filing"] = False
def v_lawful_status_2012(r, a): a["facts"]["lawful_status_on_2012_06_15"] = True
def v_travelled(r, a): a["facts"]["travel_after_2012_08_15"] = True
def v_enrolled_no_diploma(r, a): a["applicant"]["education"] = {"level": "primary", "enrolled": True}
def v_ged(r, a): a["applicant"]["education"] = {"level": "ged", "enrolled": False}
def v_veteran(r, a):
    a["applicant"]["education"] = {"level": "none", "enrolled": False}
    a["facts"]["honorably_discharged_veteran"] = True
    a["documents"][-1] = {"type": "military_discharge_record"}
def v_no_education(r, a): a["applicant"]["education"] = {"level": "primary", "enrolled": False}
def v_education_level_unknown(r, a): a["applicant"]["education"] = {"enrolled": False}
def v_felony(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2010-04-01", "category": "felony", "offence": "robbery", "custody_days": 400}]
def v_dui(r, a): a["applicant"]["criminal"]["convictions"] = [misdemeanor("2011-04-01", "dui")]
def v_custody_90(r, a): a["applicant"]["criminal"]["convictions"] = [misdemeanor("2011-04-01", "shoplifting", 90)]
def v_custody_91(r, a): a["applicant"]["criminal"]["convictions"] = [misdemeanor("2011-04-01", "shoplifting", 91)]
def v_three_misdemeanors(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        misdemeanor("2009-04-01", "trespass"), misdemeanor("2010-05-01", "shoplifting", 10),
        misdemeanor("2011-06-01", "vandalism")]
def v_three_misdemeanors_two_dates(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        misdemeanor("2009-04-01", "trespass"), misdemeanor("2009-04-01", "vandalism"),
        misdemeanor("2011-06-01", "shoplifting", 10)]
def v_traffic_offences(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": f"20{y:02d}-04-01", "category": "minor_offence", "offence": "speeding"} for y in (9, 10, 11)]
def v_custody_unknown(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2011-04-01", "category": "misdemeanor", "offence": "shoplifting"}]
def v_15_on_request_day(r, a):
    born_entered(a, iso(anniversary(D.fromisoformat(a["filed_at"][:10]), -15)), "2001-07-01")
def v_14_day_before_15th_birthday(r, a):
    born_entered(a, iso(anniversary(D.fromisoformat(a["filed_at"][:10]), -15) + dt.timedelta(days=1)),
                 "2001-07-01")
def v_under_15_in_proceedings(r, a):
    born_entered(a, "1999-01-10", "2002-05-01")
    a["applicant"]["removal"] = {"proceedings_pending": True, "order_in_force": False, "detained": False}
def v_under_15_detained(r, a):
    born_entered(a, "1999-01-10", "2002-05-01")
    a["applicant"]["removal"] = {"proceedings_pending": False, "order_in_force": True, "detained": True}
def v_born_29_february_14(r, a): a["filed_at"] = "2015-02-28"; born_entered(a, "2000-02-29", "2004-09-01")
def v_born_29_february_15(r, a): a["filed_at"] = "2015-03-01"; born_entered(a, "2000-02-29", "2004-09-01")
def v_no_proof_of_presence(r, a): a["documents"] = [d for d in a["documents"] if d["type"] != "proof_of_presence"]
def v_no_forms(r, a): a["documents"] = [d for d in a["documents"] if not d["type"].startswith("form_")]
def v_entry_proof_not_verified(r, a): a["documents"][4]["verified"] = False
def v_fee_short(r, a): a["payments"][0]["amount"] = "464.99"
def v_no_payment(r, a): a["payments"] = []
def v_exemption_granted(r, a):
    filed = D.fromisoformat(a["filed_at"][:10])
    a["payments"] = []
    a["waivers"] = [{"fee": FEE, "ground": r.choice(["minor_without_parental_support",
                                                      "chronic_disability", "medical_debt"]),
                     "requested_on": iso(filed - dt.timedelta(days=40)),
                     "decided_on": iso(filed - dt.timedelta(days=10)), "granted": True}]
    a["facts"]["household_income_percent_fpl"] = r.randint(40, 149)
def v_exemption_refused(r, a):
    v_exemption_granted(r, a); a["waivers"][0]["granted"] = False
    a["facts"]["household_income_percent_fpl"] = 180
def v_unknown_presence_2012(r, a): del a["facts"]["present_on_2012_06_15"]
def v_unknown_birth_date(r, a): del a["applicant"]["date_of_birth"]
def v_unknown_removal(r, a): born_entered(a, "1999-01-10", "2002-05-01"); del a["applicant"]["removal"]
def v_bad_entry_date(r, a): a["applicant"]["entry_date"] = "2001-02-30"
def v_bad_category(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2011-04-01", "category": "infraction"}]
def v_negative_amount(r, a): a["payments"][0]["amount"] = "-465"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_us_daca_2012, VARIANTS)
