# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""ie-2022 sample applications: every boundary of the Irish 2022 scheme, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "ie-2022"
COUNT = 320

GIVEN = ["Ana", "Bilal", "Mei", "Joseph", "Maria", "Imran", "Li", "Grace", "Lucas", "Ayesha",
         "Wei", "Rafael", "Chidi", "Fatima", "Paulo", "Jia", "Ramon", "Nadia", "Tariq", "Joy"]
FAMILY = ["Silva", "Khan", "Chen", "Santos", "Ahmed", "Wang", "Reyes", "Okafor", "Oliveira",
          "Hussain", "Liu", "Cruz", "Mensah", "Costa", "Zhou", "Bautista"]
# Top nationalities of the scheme (Brazil, Pakistan, China, Philippines), then others.
NATIONALITIES = ["BR"] * 13 + ["PK"] * 11 + ["CN"] * 10 + ["PH"] * 7 + [
    "NG", "ZA", "MY", "MU", "BD", "IN", "GE", "AL", "UA", "MD", "BO", "VN"]
IDENTITY = ["passport", "passport", "passport", "travel_document", "national_identity_card",
            "irish_driving_licence", "public_services_card", "irp_card"]

D = dt.date
OPENS, CLOSES = D(2022, 1, 31), D(2022, 7, 31)
CUTOFF, CUTOFF_WITH_CHILD = D(2018, 1, 31), D(2019, 1, 31)
PARTNER_CUTOFF, CHILD_BEFORE = D(2020, 1, 31), D(2022, 1, 13)


def birthday(born, years):
    """The years-th birthday (29 February -> 1 March in a common year, as age_on counts)."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:
        return D(born.year + years, 3, 1)


def eligible_ie_2022(r, n):
    """An application that meets every ie-2022 criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    undocumented = rand_date(r, D(2005, 1, 1), CUTOFF)
    born = rand_date(r, D(1960, 1, 1), D(2000, 12, 31))
    nationality = r.choice(NATIONALITIES)
    app = {
        "format": "regularis.application/1",
        "id": f"IE-2022-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "online",
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(born), "nationalities": [nationality],
            "entry_date": iso(undocumented - dt.timedelta(days=r.randint(0, 900))),
            "immigration_status": "irregular", "present_at_filing": True,
            "criminal": {"pending_proceedings": False, "convictions": []},
            "removal": {"proceedings_pending": False, "order_in_force": r.random() < 0.1,
                        "detained": False},
        },
        "dependants": [],
        "documents": [
            {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": "proof_of_residence", "shows_date": iso(undocumented)},
        ],
        "payments": [{"fee": "application", "amount": "550", "currency": "EUR",
                      "paid_on": iso(filed), "receipt": f"ISD-{r.randint(100000, 999999)}"}],
        "waivers": [],
        "facts": {"undocumented_since": iso(undocumented)},
    }
    if r.random() < 0.14:   # a family application (14 % of applications)
        make_family(r, app, nationality, filed)
    return app


def make_family(r, app, nationality, filed, children=None):
    """Adds a partner and children who qualify, their documents and the family fee."""
    deps = []
    if r.random() < 0.8:
        deps.append({"id": "p1", "relationship": r.choice(["spouse", "partner"]),
                     "date_of_birth": iso(rand_date(r, D(1965, 1, 1), D(1999, 12, 31))),
                     "nationalities": [nationality], "applying": True,
                     "cohabiting_since": iso(rand_date(r, D(2008, 1, 1), PARTNER_CUTOFF)),
                     "residence_since": iso(rand_date(r, D(2008, 1, 1), PARTNER_CUTOFF)),
                     "facts": {"undocumented_since": iso(rand_date(r, D(2008, 1, 1), PARTNER_CUTOFF))}})
    for k in range(children if children is not None else r.choice([1, 1, 2, 3])):
        born = rand_date(r, max(D(1999, 1, 1), filed.replace(year=filed.year - 23)), D(2021, 12, 31))
        deps.append({"id": f"c{k + 1}", "relationship": "child", "date_of_birth": iso(born),
                     "nationalities": [nationality], "applying": True,
                     "residence_since": iso(max(born, rand_date(r, D(2010, 1, 1), D(2021, 12, 31))))})
    app["dependants"] = deps
    docs = app["documents"]
    docs.append({"type": "relationship_evidence"})
    for d in deps:
        born_here = d["relationship"] == "child" and d["date_of_birth"] >= d["residence_since"]
        docs.append({"type": "birth_certificate" if born_here else "passport", "holder": d["id"]})
        docs.append({"type": "proof_of_residence", "holder": d["id"],
                     "shows_date": d["residence_since"]})
    app["payments"][0]["amount"] = "700"


def filed(a):
    return D.fromisoformat(a["filed_at"][:10])


def drop_document(app, *types, holder=None):
    app["documents"] = [d for d in app["documents"]
                        if not (d["type"] in types and d.get("holder") == holder)]


def single(a):
    """Makes the application a single one (no family members)."""
    a["dependants"] = []
    a["documents"] = [d for d in a["documents"]
                      if "holder" not in d and d["type"] != "relationship_evidence"]
    a["payments"][0]["amount"] = "550"


def one_child(r, a, born, residence=None, undocumented=None):
    make_family(r, a, a["applicant"]["nationalities"][0], filed(a), children=1)
    a["dependants"] = [d for d in a["dependants"] if d["relationship"] == "child"]
    a["documents"] = [d for d in a["documents"] if d.get("holder") in (None, "c1")]
    child = a["dependants"][0]
    child["date_of_birth"] = born
    child["residence_since"] = residence or max(born, "2015-01-01")
    if undocumented:
        a["facts"]["undocumented_since"] = undocumented
    return child


def partner(r, a, **fields):
    make_family(r, a, a["applicant"]["nationalities"][0], filed(a), children=0)
    if not a["dependants"]:
        return partner(r, a, **fields)
    a["documents"] = [d for d in a["documents"] if d.get("holder") in (None, "p1")]
    a["dependants"][0].update(fields)
    return a["dependants"][0]


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = "2022-01-31"
def v_day_before_window(r, a): a["filed_at"] = "2022-01-30"
def v_last_day(r, a): a["filed_at"] = "2022-07-31"
def v_day_after_window(r, a): a["filed_at"] = "2022-08-01"
def v_last_evening_ist(r, a): a["filed_at"] = "2022-07-31T23:30:00+01:00"
def v_last_evening_utc(r, a): a["filed_at"] = "2022-07-31T23:30:00Z"   # 1 August in Dublin
def v_opening_night_gmt(r, a): a["filed_at"] = "2022-01-30T23:45:00Z"  # still 30 January
def v_undocumented_on_cutoff(r, a): a["facts"]["undocumented_since"] = "2018-01-31"
def v_undocumented_day_after(r, a): single(a); a["facts"]["undocumented_since"] = "2018-02-01"
def v_three_years_with_child(r, a): one_child(r, a, "2012-05-05", undocumented="2019-01-31")
def v_short_of_three_years_with_child(r, a): one_child(r, a, "2012-05-05", undocumented="2019-02-01")
def v_child_18_no_three_year_rule(r, a): one_child(r, a, "2004-01-15", undocumented="2019-01-31")
def v_child_born_29_february_17(r, a):
    a["filed_at"] = "2022-02-28"; one_child(r, a, "2004-02-29", "2010-01-01", "2019-01-31")
def v_child_born_29_february_18(r, a):
    a["filed_at"] = "2022-03-01"; one_child(r, a, "2004-02-29", "2010-01-01", "2019-01-31")
def v_applicant_18_on_birthday(r, a):
    a["applicant"]["date_of_birth"] = iso(birthday(filed(a), -18))
def v_applicant_17_day_before(r, a):
    a["applicant"]["date_of_birth"] = iso(birthday(filed(a), -18) + dt.timedelta(days=1))
def v_applicant_born_29_february(r, a):
    a["applicant"]["date_of_birth"] = "2004-02-29"; a["filed_at"] = r.choice(["2022-02-28", "2022-03-01"])
def v_eea_dual_national(r, a): a["applicant"]["nationalities"].append(r.choice(["PT", "IE", "PL", "NO"]))
def v_stateless(r, a): a["applicant"]["nationalities"] = []
def v_swiss(r, a): a["applicant"]["nationalities"] = ["CH"]   # not excluded (UNCONFIRMED)
def v_regular_status(r, a): a["applicant"]["immigration_status"] = "regular"
def v_protection_applicant(r, a): a["applicant"]["immigration_status"] = "protection_applicant"
def v_not_present(r, a): a["applicant"]["present_at_filing"] = False
def v_partner_on_cutoff(r, a): partner(r, a, cohabiting_since="2020-01-31")
def v_partner_day_after(r, a): partner(r, a, cohabiting_since="2020-02-01")
def v_partner_minor(r, a): partner(r, a, date_of_birth=iso(birthday(filed(a), -18) + dt.timedelta(days=1)))
def v_partner_eea(r, a): partner(r, a, nationalities=["ES"])
def v_partner_not_applying(r, a): partner(r, a, applying=False, cohabiting_since="2021-09-01")
def v_partner_unknown_cohabitation(r, a): partner(r, a).pop("cohabiting_since")
def v_child_resident_day_before_publication(r, a): one_child(r, a, "2022-01-12", "2022-01-12")
def v_child_resident_on_publication(r, a): one_child(r, a, "2022-01-13", "2022-01-13")
def v_child_23(r, a): one_child(r, a, iso(birthday(filed(a), -24) + dt.timedelta(days=1)), "2005-01-01")
def v_child_24(r, a): one_child(r, a, iso(birthday(filed(a), -24)), "2005-01-01")
def v_felony(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2010-03-01", "category": "felony", "country": "PK", "disclosed": True}]
def v_disclosed_misdemeanor(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2019-03-01", "category": "misdemeanor", "country": "IE", "disclosed": True}]
def v_undisclosed_offence(r, a):
    a["applicant"]["criminal"]["convictions"] = [
        {"date": "2020-03-01", "category": "minor_offence", "country": "IE", "disclosed": False}]
def v_no_proof_of_residence(r, a): drop_document(a, "proof_of_residence")
def v_identity_not_verified(r, a): a["documents"][0]["verified"] = False
def v_child_without_identity(r, a):
    one_child(r, a, "2014-06-01"); drop_document(a, "passport", "birth_certificate", holder="c1")
def v_family_without_relationship_evidence(r, a):
    one_child(r, a, "2014-06-01"); drop_document(a, "relationship_evidence")
def v_family_paid_single_fee(r, a): one_child(r, a, "2014-06-01"); a["payments"][0]["amount"] = "550"
def v_fee_short(r, a): a["payments"][0]["amount"] = "549.99"
def v_no_payment_waiver_refused(r, a):
    a["payments"] = []
    a["waivers"] = [{"fee": "application", "ground": "hardship", "granted": False,
                     "requested_on": a["filed_at"][:10]}]
def v_unknown_undocumented_since(r, a): del a["facts"]["undocumented_since"]
def v_unknown_birth_date(r, a): del a["applicant"]["date_of_birth"]
def v_unknown_convictions(r, a): del a["applicant"]["criminal"]["convictions"]
def v_unknown_dependants(r, a): del a["dependants"]
def v_bad_birth_date(r, a): a["applicant"]["date_of_birth"] = "2003-02-29"
def v_unknown_holder(r, a): a["documents"].append({"type": "passport", "holder": "x9"})
def v_bad_currency(r, a): a["payments"][0]["currency"] = "EURO"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_ie_2022, VARIANTS)
