# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""ie-2022-ip sample applications: every boundary of the Irish 2022 protection strand, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "ie-2022-ip"
COUNT = 240

GIVEN = ["Tendai", "Amina", "Yusuf", "Farah", "Kwame", "Leila", "Omar", "Esther", "Dawit",
         "Sara", "Ibrahim", "Nomsa", "Ali", "Hana", "Samuel", "Zainab"]
FAMILY = ["Moyo", "Hassan", "Ali", "Mensah", "Tesfaye", "Karimi", "Okoro", "Ndlovu",
          "Rahimi", "Bekele", "Diallo", "Sithole"]
NATIONALITIES = ["ZW", "GE", "AL", "NG", "PK", "SO", "AF", "ZA", "DZ", "SY", "CD", "BD", "EG",
                 "MW", "SD", "IQ"]
IDENTITY = ["passport", "travel_document", "national_identity_card", "irp_card"]

D = dt.date
OPENS, CLOSES = D(2022, 2, 7), D(2022, 8, 7)
CLAIM_CUTOFF = D(2020, 2, 7)


def eligible_ie_2022_ip(r, n):
    """An application that meets every ie-2022-ip criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    lodged = rand_date(r, D(2012, 1, 1), CLAIM_CUTOFF)
    return {
        "format": "regularis.application/1",
        "id": f"IE-2022-IP-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "online",
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(rand_date(r, D(1960, 1, 1), D(2003, 12, 31))),
            "nationalities": [r.choice(NATIONALITIES)],
            "entry_date": iso(lodged - dt.timedelta(days=r.randint(0, 30))),
            "immigration_status": "protection_applicant", "present_at_filing": True,
            "criminal": {"pending_proceedings": False, "convictions": []},
        },
        "documents": [
            {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": "protection_application_record", "shows_date": iso(lodged)},
        ],
        "payments": [],
        "waivers": [],
        "facts": {"protection_claim_lodged_on": iso(lodged)},
    }


def lodged_on(a, day):
    a["facts"]["protection_claim_lodged_on"] = day
    for d in a["documents"]:
        if d["type"] == "protection_application_record":
            d["shows_date"] = day


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = "2022-02-07"
def v_day_before_window(r, a): a["filed_at"] = "2022-02-06"
def v_last_day(r, a): a["filed_at"] = "2022-08-07"
def v_day_after_window(r, a): a["filed_at"] = "2022-08-08"
def v_last_evening_ist(r, a): a["filed_at"] = "2022-08-07T23:30:00+01:00"
def v_last_evening_utc(r, a): a["filed_at"] = "2022-08-07T23:30:00Z"    # 8 August in Dublin
def v_opening_night_gmt(r, a): a["filed_at"] = "2022-02-06T23:59:00Z"   # still 6 February
def v_claim_on_cutoff(r, a): lodged_on(a, "2020-02-07")
def v_claim_day_after(r, a): lodged_on(a, "2020-02-08")
def v_claim_31_january_reading(r, a): lodged_on(a, "2020-02-03")   # eligible here, not under the 31 January reading
def v_irregular(r, a): a["applicant"]["immigration_status"] = "irregular"
def v_regular(r, a): a["applicant"]["immigration_status"] = "regular"
def v_felony(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2014-06-01", "category": "felony", "country": a["applicant"]["nationalities"][0],
         "disclosed": True}]
def v_disclosed_minor_offence(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2021-06-01", "category": "minor_offence", "country": "IE", "disclosed": True}]
def v_undisclosed_misdemeanor(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2021-06-01", "category": "misdemeanor", "country": "IE", "disclosed": False}]
def v_no_protection_record(r, a):
    a["documents"] = [d for d in a["documents"] if d["type"] != "protection_application_record"]
def v_no_identity(r, a): a["documents"] = a["documents"][1:]
def v_identity_not_verified(r, a): a["documents"][0]["verified"] = False
def v_payment_made_anyway(r, a):
    a["payments"] = [{"fee": "application", "amount": "550", "currency": "EUR"}]
def v_unknown_claim_date(r, a): del a["facts"]["protection_claim_lodged_on"]
def v_unknown_status(r, a): a["applicant"]["immigration_status"] = None
def v_unknown_convictions(r, a): del a["applicant"]["criminal"]["convictions"]
def v_conviction_disclosure_unknown(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2021-06-01", "category": "misdemeanor"}]
def v_bad_claim_date(r, a): a["facts"]["protection_claim_lodged_on"] = "2019-02-29"
def v_bad_status(r, a): a["applicant"]["immigration_status"] = "asylum_seeker"
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["zw"]

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_ie_2022_ip, VARIANTS)
