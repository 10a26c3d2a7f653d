# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""it-2020 sample applications: every boundary of the Italian 2020 emersione (both routes), then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "it-2020"
COUNT = 320

GIVEN = ["Olena", "Mohammed", "Rahim", "Fatima", "Ion", "Amina", "Sandeep", "Marta", "Youssef", "Irina",
         "Ahmed", "Kumar", "Nadia", "Arben", "Grace", "Said", "Oksana", "Tariq", "Rosa", "Emeka"]
FAMILY = ["Kovalenko", "El Amrani", "Hossain", "Benali", "Popa", "Diallo", "Singh", "Hoxha", "Khan",
          "Shevchenko", "Ahmed", "Mensah", "Rossi", "Islam", "Bangura", "Kaur"]
NATIONALITIES = ["UA"] * 4 + ["BD"] * 4 + ["PK"] * 4 + ["MA"] * 4 + ["IN"] * 3 + ["EG"] * 2 + \
    ["AL", "GE", "SN", "NG", "PE", "LK", "CN", "TN", "MD", "PH"]
IDENTITY = ["passport"] * 4 + ["identity_document"]
PRESENCE = ["fingerprinting_record", "presence_declaration", "public_body_document", "proof_of_presence"]
COVERED = ["domestic_work"] * 5 + ["personal_care"] * 3 + ["agriculture"] * 2

D = dt.date
OPENS, CLOSES = D(2020, 6, 1), D(2020, 8, 15)
PRESENCE_CUTOFF = D(2020, 3, 8)
EXPIRY_FROM = D(2019, 10, 31)


def employer(r, sector):
    if sector == "agriculture":
        return {"type": "company", "country": "IT", "annual_income": str(r.randint(30000, 400000)),
                "income_currency": "EUR", "convictions": []}
    earners = r.choice([1, 1, 2, 3])
    floor = 20000 if earners == 1 else 27000
    return {"type": "household", "country": "IT", "annual_income": str(r.randint(floor, 90000)),
            "income_currency": "EUR", "income_earners": earners, "convictions": []}


def base(r, n, route):
    filed = rand_date(r, OPENS, CLOSES)
    entry = rand_date(r, D(2012, 1, 1), PRESENCE_CUTOFF - dt.timedelta(days=1))
    return filed, entry, {
        "format": "regularis.application/1",
        "id": f"IT-2020-{n:06d}",
        "programme": PROGRAMME,
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(rand_date(r, D(1955, 1, 1), D(2002, 5, 31))),
            "nationalities": [r.choice(NATIONALITIES)],
            "entry_date": iso(entry),
            "criminal": {"pending_proceedings": False, "convictions": []},
        },
        "facts": {"route": route, "present_on_2020_03_08": True, "left_since_2020_03_08": False},
        "waivers": [],
    }


def eligible_employer_declaration(r, n):
    """An employer declaration that meets every it-2020 criterion with a complete file."""
    filed, entry, a = base(r, n, "employer_declaration")
    hour = r.randint(7, 20 if filed == CLOSES else 21)      # online: 07:00 to 22:00, Rome time
    a["filed_at"] = f"{iso(filed)}T{hour:02d}:{r.randint(0, 59):02d}:00+02:00"
    a["filed_by"], a["channel"] = "employer", "online"
    sector = r.choice(COVERED)
    a["applicant"]["job_offer"] = {"sector": sector, "employer": employer(r, sector)}
    pay_day = iso(filed - dt.timedelta(days=r.randint(0, 5)))
    a["documents"] = [
        {"type": "application_form"},
        {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
        {"type": r.choice(PRESENCE), "shows_date": iso(rand_date(r, entry, PRESENCE_CUTOFF - dt.timedelta(days=1)))},
        {"type": "job_offer_letter"},
    ]
    a["payments"] = [{"fee": "employer_contribution", "amount": "500.00", "currency": "EUR",
                      "paid_on": pay_day, "receipt": f"F24-{r.randint(100000, 999999)}"}]
    return a


def eligible_temporary_permit(r, n):
    """A temporary permit application that meets every it-2020 criterion with a complete file."""
    filed, entry, a = base(r, n, "temporary_permit")
    a["filed_at"] = iso(filed)
    a["filed_by"], a["channel"] = "applicant", "post"
    expired = rand_date(r, EXPIRY_FROM, min(filed - dt.timedelta(days=1), D(2020, 5, 31)))
    a["applicant"]["last_permit"] = {"type": r.choice(["seasonal_work", "employment", "study"]),
                                     "from": iso(expired - dt.timedelta(days=365)), "to": iso(expired)}
    a["facts"]["sector_worked_before_2019_10_31"] = r.choice(COVERED)
    a["facts"]["permit_renewed_or_converted"] = False
    pay_day = iso(filed)
    a["documents"] = [
        {"type": "application_form"},
        {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
        {"type": "expired_residence_permit"},   # no expires_on: the engine would not count it
        {"type": "proof_of_sector_work", "shows_date": iso(rand_date(r, D(2018, 1, 1), D(2019, 10, 30)))},
    ]
    a["payments"] = [
        {"fee": "temporary_permit_contribution", "amount": "130.00", "currency": "EUR", "paid_on": pay_day},
        {"fee": "postal_charge", "amount": "30.00", "currency": "EUR", "paid_on": pay_day},
    ]
    return a


def eligible_it_2020(r, n):
    return eligible_employer_declaration(r, n) if r.random() < 0.85 else eligible_temporary_permit(r, n)


def route(a):
    return a["facts"].get("route")


def to_employer(r, a):
    """Make the application an employer declaration (keeps its id, person and dates)."""
    e = eligible_employer_declaration(r, 0)
    e["id"], e["applicant"]["given_names"] = a["id"], a["applicant"]["given_names"]
    a.clear(); a.update(e)


def to_temporary(r, a):
    """Make the application a temporary permit request (keeps its id, person and dates)."""
    t = eligible_temporary_permit(r, 0)
    t["id"], t["applicant"]["given_names"] = a["id"], a["applicant"]["given_names"]
    a.clear(); a.update(t)


def doc(app, *types):
    return next((d for d in app["documents"] if d["type"] in types), {})


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def drop_payment(app, fee):
    app["payments"] = [p for p in app["payments"] if p["fee"] != fee]


def payment(app, fee):
    return next((p for p in app["payments"] if p["fee"] == fee), {})


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_employer_opening_hour(r, a): to_employer(r, a); a["filed_at"] = "2020-06-01T07:00:00+02:00"
def v_employer_before_opening(r, a): to_employer(r, a); a["filed_at"] = "2020-06-01T06:59:00+02:00"
def v_employer_opening_utc(r, a): to_employer(r, a); a["filed_at"] = "2020-06-01T05:00:00Z"
def v_employer_before_opening_utc(r, a): to_employer(r, a); a["filed_at"] = "2020-06-01T04:59:00Z"
def v_employer_last_minute(r, a): to_employer(r, a); a["filed_at"] = "2020-08-15T21:59:00+02:00"
def v_employer_closing_hour(r, a): to_employer(r, a); a["filed_at"] = "2020-08-15T22:00:00+02:00"
def v_employer_last_minute_utc(r, a): to_employer(r, a); a["filed_at"] = "2020-08-15T19:59:00Z"
def v_employer_closing_hour_utc(r, a): to_employer(r, a); a["filed_at"] = "2020-08-15T20:00:00Z"
def v_employer_last_day_no_time(r, a): to_employer(r, a); a["filed_at"] = "2020-08-15"
def v_employer_day_after(r, a): to_employer(r, a); a["filed_at"] = "2020-08-16"
def v_employer_day_before(r, a): to_employer(r, a); a["filed_at"] = "2020-05-31"
def v_temporary_last_day(r, a): to_temporary(r, a); a["filed_at"] = "2020-08-15"
def v_temporary_last_evening(r, a): to_temporary(r, a); a["filed_at"] = "2020-08-15T23:59:00+02:00"
def v_temporary_after_midnight_utc(r, a): to_temporary(r, a); a["filed_at"] = "2020-08-15T22:30:00Z"
def v_temporary_first_night_utc(r, a): to_temporary(r, a); a["filed_at"] = "2020-05-31T22:30:00Z"
def v_temporary_day_before(r, a): to_temporary(r, a); a["filed_at"] = "2020-05-31"
def v_unknown_route(r, a): del a["facts"]["route"]
def v_route_naming_nothing(r, a): a["facts"]["route"] = "family_reunification"
def v_uncovered_sector(r, a):
    to_employer(r, a); a["applicant"]["job_offer"]["sector"] = "construction"
def v_agriculture_threshold(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "agriculture", "employer": {
        "type": "company", "annual_income": "30000", "income_currency": "EUR", "convictions": []}}
def v_agriculture_below(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "agriculture", "employer": {
        "type": "company", "annual_income": "29999.99", "income_currency": "EUR", "convictions": []}}
def v_one_earner_threshold(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "employer": {
        "type": "household", "annual_income": "20000", "income_currency": "EUR", "income_earners": 1, "convictions": []}}
def v_one_earner_below(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "domestic_work", "employer": {
        "type": "household", "annual_income": "19999.99", "income_currency": "EUR", "income_earners": 1, "convictions": []}}
def v_household_threshold(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "personal_care", "employer": {
        "type": "household", "annual_income": "27000", "income_currency": "EUR", "income_earners": 2, "convictions": []}}
def v_household_below(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"] = {"sector": "personal_care", "employer": {
        "type": "household", "annual_income": "26999.99", "income_currency": "EUR", "income_earners": 2, "convictions": []}}
def v_unknown_income(r, a): to_employer(r, a); del a["applicant"]["job_offer"]["employer"]["annual_income"]
def v_employer_convicted(r, a):
    to_employer(r, a)
    a["applicant"]["job_offer"]["employer"]["convictions"] = [
        {"date": "2017-05-02", "category": "felony", "offence": "labour_exploitation", "country": "IT"}]
def v_presence_day_before_cutoff(r, a): to_employer(r, a); doc(a, *PRESENCE)["shows_date"] = "2020-03-07"
def v_presence_on_cutoff(r, a): to_employer(r, a); doc(a, *PRESENCE)["shows_date"] = "2020-03-08"
def v_no_proof_of_presence(r, a): to_employer(r, a); drop_document(a, *PRESENCE)
def v_left_since(r, a): a["facts"]["left_since_2020_03_08"] = True
def v_not_present(r, a): a["facts"]["present_on_2020_03_08"] = False
def v_unknown_presence(r, a): del a["facts"]["present_on_2020_03_08"]
def v_no_job_offer_letter(r, a): to_employer(r, a); drop_document(a, "job_offer_letter")
def v_permit_expired_on_cutoff(r, a):
    to_temporary(r, a); a["applicant"]["last_permit"]["to"] = "2019-10-31"
def v_permit_expired_day_before_cutoff(r, a):
    to_temporary(r, a); a["applicant"]["last_permit"]["to"] = "2019-10-30"
def v_permit_valid_on_filing(r, a):
    to_temporary(r, a); a["filed_at"] = "2020-07-10"; a["applicant"]["last_permit"]["to"] = "2020-07-10"
def v_permit_renewed(r, a): to_temporary(r, a); a["facts"]["permit_renewed_or_converted"] = True
def v_unknown_permit(r, a): to_temporary(r, a); del a["applicant"]["last_permit"]
def v_temporary_uncovered_sector(r, a):
    to_temporary(r, a); a["facts"]["sector_worked_before_2019_10_31"] = "construction"
def v_no_expired_permit_document(r, a): to_temporary(r, a); drop_document(a, "expired_residence_permit")
def v_no_sector_proof(r, a): to_temporary(r, a); drop_document(a, "proof_of_sector_work")
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2016-02-29", "category": "felony", "country": "IT"}]
def v_no_identity_document(r, a): drop_document(a, *IDENTITY)
def v_contribution_short(r, a): to_employer(r, a); payment(a, "employer_contribution")["amount"] = "499.99"
def v_contribution_in_two_parts(r, a):
    to_employer(r, a); payment(a, "employer_contribution")["amount"] = "300.00"
    a["payments"].append({"fee": "employer_contribution", "amount": "200.00", "currency": "EUR"})
def v_contribution_waived(r, a):
    to_employer(r, a); drop_payment(a, "employer_contribution")
    a["waivers"] = [{"fee": "employer_contribution", "ground": "hardship", "granted": True}]
def v_contribution_waiver_refused(r, a):
    to_employer(r, a); drop_payment(a, "employer_contribution")
    a["waivers"] = [{"fee": "employer_contribution", "ground": "hardship", "granted": False}]
def v_no_postal_charge(r, a): to_temporary(r, a); drop_payment(a, "postal_charge")
def v_temporary_contribution_short(r, a):
    to_temporary(r, a); payment(a, "temporary_permit_contribution")["amount"] = "129.99"
def v_negative_amount(r, a): a["payments"][0]["amount"] = "-500.00"
def v_bad_date(r, a): a["applicant"]["date_of_birth"] = "1990-02-29"
def v_bad_currency(r, a): a["payments"][0]["currency"] = "EURO"
def v_bad_offset(r, a): a["filed_at"] = a["filed_at"][:10] + "T25:00:00+02:00"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_it_2020, VARIANTS)
