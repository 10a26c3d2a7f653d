# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""br-2009 sample applications: every boundary of the Brazil 2009 rules, then a random mix."""
import datetime as dt
from _common import iso, rand_date, mixed

PROGRAMME = "br-2009"
COUNT = 300

GIVEN = ["Ana", "Luis", "Rosa", "Wei", "Mei", "Carlos", "Juana", "Pedro", "Li", "Marta",
         "Jorge", "Sofia", "Hao", "Elena", "Diego", "Lucia", "Chen", "Pablo", "Carmen", "Tomas"]
FAMILY = ["Quispe", "Mamani", "Zhang", "Flores", "Gonzalez", "Wang", "Rojas", "Benitez",
          "Choque", "Vargas", "Liu", "Torres", "Ramirez", "Huang", "Duarte", "Ayala"]
NATIONALITIES = ["BO"] * 16 + ["CN"] * 5 + ["PE"] * 5 + ["PY"] * 4 + ["AR", "CL", "CO", "KR", "NG", "AO", "SN", "HT"]
ENTRY_PROOF = ["passport_entry_stamp", "travel_ticket", "lease", "school_record",
               "other_verifiable_document", "proof_of_entry"]
IDENTITY = ["passport", "consular_certificate", "identity_document_with_parentage"]

D = dt.date
CUTOFF = D(2009, 2, 1)
OPENS, CLOSES = D(2009, 7, 3), D(2009, 12, 30)


def eligible_br_2009(r, n):
    """An application that meets every br-2009 criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    entry = rand_date(r, D(1995, 1, 1), CUTOFF)
    born = rand_date(r, D(1950, 1, 1), D(1991, 12, 31))
    pay_day = iso(filed - dt.timedelta(days=r.randint(0, 5)))
    irregular_entry = r.random() < 0.5
    applicant = {
        "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
        "date_of_birth": iso(born), "nationalities": [r.choice(NATIONALITIES)],
        "entry_date": iso(entry), "entry_mode": "irregular" if irregular_entry else "regular",
        "present_at_filing": True, "immigration_status": "irregular",
        "criminal": {"pending_proceedings": False, "convictions": []},
        "prior_procedure": {"pending": False, "withdrawn": False},
    }
    if not irregular_entry:   # admitted as a tourist, stay expired
        applicant["last_permit"] = {"type": "tourist_visa", "from": iso(entry),
                                    "to": iso(entry + dt.timedelta(days=90))}
    return {
        "format": "regularis.application/1",
        "id": f"BR-2009-{n:06d}",
        "programme": "br-2009",
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "in_person",
        "applicant": applicant,
        "documents": [
            {"type": "application_form"},
            {"type": r.choice(IDENTITY), "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": r.choice(ENTRY_PROOF), "shows_date": iso(entry), "verified": True},
            {"type": "no_criminal_record_declaration", "self_declared": True, "signed_on": pay_day},
            {"type": "identity_card_fee_receipt"},
            {"type": "registration_fee_receipt"},
        ],
        "payments": [
            {"fee": "identity_card", "amount": "31.05", "currency": "BRL", "paid_on": pay_day,
             "receipt": f"GRU-{r.randint(10000, 99999)}"},
            {"fee": "registration", "amount": "64.58", "currency": "BRL", "paid_on": pay_day,
             "receipt": f"GRU-{r.randint(10000, 99999)}"},
        ],
        "waivers": [],
        "declarations": {"no_criminal_record": True},
    }


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def entry_proof(app):
    """The proof-of-entry document (a throwaway one when a variant removed it)."""
    return next((d for d in app["documents"] if d["type"] in ENTRY_PROOF), {})


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_entry_on_cutoff(r, a):
    a["applicant"]["entry_date"] = "2009-02-01"; entry_proof(a)["shows_date"] = "2009-02-01"
def v_entry_day_after(r, a):
    a["applicant"]["entry_date"] = "2009-02-02"; entry_proof(a)["shows_date"] = "2009-02-02"
def v_first_day(r, a): a["filed_at"] = "2009-07-03"
def v_day_before_window(r, a): a["filed_at"] = "2009-07-02"
def v_last_day(r, a): a["filed_at"] = "2009-12-30"
def v_day_after_window(r, a): a["filed_at"] = "2009-12-31"
def v_last_evening_local(r, a): a["filed_at"] = "2009-12-30T23:30:00-02:00"   # 2009-12-31 in UTC
def v_after_midnight_local(r, a): a["filed_at"] = "2009-12-31T00:10:00-02:00"
def v_not_present(r, a): a["applicant"]["present_at_filing"] = False
def v_regular_with_valid_permit(r, a):
    a["applicant"]["entry_mode"] = "regular"
    a["applicant"]["last_permit"] = {"type": "temporary_residence", "from": "2008-06-01", "to": "2010-06-01"}
def v_pending_proceedings(r, a): a["applicant"]["criminal"]["pending_proceedings"] = True
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2004-05-01", "category": "misdemeanor", "country": "BO"}]
def v_unknown_proceedings(r, a): del a["applicant"]["criminal"]["pending_proceedings"]
def v_unknown_entry_date(r, a): del a["applicant"]["entry_date"]
def v_unknown_presence(r, a): a["applicant"]["present_at_filing"] = None
def v_no_proof_of_entry(r, a): drop_document(a, *ENTRY_PROOF)
def v_proof_after_cutoff(r, a): entry_proof(a)["shows_date"] = "2009-03-15"
def v_proof_not_verified(r, a): entry_proof(a)["verified"] = False
def v_no_identity_document(r, a): drop_document(a, *IDENTITY)
def v_no_declaration(r, a): drop_document(a, "no_criminal_record_declaration")
def v_registration_short(r, a): a["payments"][1]["amount"] = "64.57"
def v_no_payments(r, a): a["payments"] = []; drop_document(a, "identity_card_fee_receipt", "registration_fee_receipt")
def v_prior_procedure_pending(r, a): a["applicant"]["prior_procedure"]["pending"] = True
def v_prior_procedure_withdrawn(r, a):
    a["applicant"]["prior_procedure"] = {"pending": True, "withdrawn": True}
    a["documents"].append({"type": "procedure_withdrawal", "shows_date": a["filed_at"][:10]})
def v_born_29_february(r, a): a["applicant"]["date_of_birth"] = "1984-02-29"
def v_bad_birth_date(r, a): a["applicant"]["date_of_birth"] = "1984-02-30"
def v_bad_currency(r, a): a["payments"][0]["currency"] = "BRX"
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["bo"]
def v_negative_amount(r, a): a["payments"][1]["amount"] = "-64.58"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_br_2009, VARIANTS)


