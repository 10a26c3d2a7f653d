# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""mx-fmvl sample applications: every boundary of the local-visitor card, then a random mix."""
import datetime as dt
import zoneinfo
from _common import iso, rand_date, mixed

PROGRAMME = "mx-fmvl"
COUNT = 250

GIVEN = ["Juan", "María", "José", "Rosa", "Pedro", "Ana", "Marvin", "Elsa", "Byron", "Glenda",
         "Selvin", "Ingrid", "Edwin", "Olga", "Kevin", "Yolanda"]
FAMILY = ["Pérez", "López", "García", "Ramírez", "Méndez", "Cifuentes", "Roblero", "Velásquez",
          "Chávez", "Gómez", "Bautista", "Hernández", "Young", "Flowers", "Castillo"]
POSTS = ["Ciudad Hidalgo", "Talismán", "Ciudad Cuauhtémoc", "El Ceibo", "Subteniente López"]

D = dt.date
DAY = dt.timedelta(days=1)
OPENS, CLOSES = D(2007, 1, 1), D(2012, 11, 8)
ZONE = zoneinfo.ZoneInfo("America/Mexico_City")


def local_instant(day, hour, minute):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).isoformat()


def utc_instant(day, hour, minute):
    t = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def years_before(day, years):
    return day.replace(year=day.year - years) if (day.month, day.day) != (2, 29) else D(day.year - years, 3, 1)


def months_before(day, months):
    """The same day `months` earlier (clamped to the month's end)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return D(y, m + 1, d)
        except ValueError:
            continue


def eligible_mx_fmvl(r, n):
    """A request that meets every mx-fmvl criterion with a complete file (a minor in 1 of 5)."""
    filed = rand_date(r, OPENS, CLOSES)
    minor = r.random() < 0.2
    if minor:
        born = rand_date(r, years_before(filed, 17), filed - 30 * DAY)
    else:
        born = rand_date(r, D(1940, 1, 1), years_before(filed, 19))
    nationality = "GT" if r.random() < 0.85 else "BZ"
    app = {
        "format": "regularis.application/1",
        "id": f"MX-FMVL-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "in_person",
        "office": {"name": r.choice(POSTS)},
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(born), "nationalities": [nationality],
        },
        "documents": [
            {"type": "national_identity_card" if nationality == "GT" and r.random() < 0.7 else "passport",
             "issued_by": nationality, "number_last4": f"{r.randint(0, 9999):04d}"},
        ],
        "payments": [],
        "waivers": [],
        "facts": {"resident_in_border_area": True},
    }
    if minor:
        accompanied = r.random() < 0.6
        app["facts"]["accompanied_by_both_parents"] = accompanied
        app["documents"].append({"type": "birth_certificate", "issued_by": nationality,
                                 "issued_on": iso(rand_date(r, months_before(filed, 6), filed))})
        if not accompanied:
            app["documents"].append({"type": "parental_permission",
                                     "issued_on": iso(filed - dt.timedelta(days=r.randint(1, 20)))})
    return app


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def filed_day(a):
    return D.fromisoformat(a["filed_at"][:10])


def make_minor(a, accompanied=True, certificate_age_months=1):
    """Turn the applicant into an 11-year-old with a birth certificate of that age."""
    filed = filed_day(a)
    a["applicant"]["date_of_birth"] = iso(years_before(filed, 11))
    a["facts"]["accompanied_by_both_parents"] = accompanied
    drop_document(a, "birth_certificate", "parental_permission")
    a["documents"].append({"type": "birth_certificate",
                           "issued_on": iso(months_before(filed, certificate_age_months))})


def refile(a, filed_at):
    """Move the filing; a minor stays 11 and keeps a birth certificate a month old."""
    a["filed_at"] = filed_at
    cert = next((d for d in a["documents"] if d["type"] == "birth_certificate"), None)
    if cert is not None:
        a["applicant"]["date_of_birth"] = iso(years_before(filed_day(a), 11))
        cert["issued_on"] = iso(months_before(filed_day(a), 1))


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): refile(a, iso(OPENS))
def v_day_before_window(r, a): refile(a, iso(OPENS - DAY))
def v_last_day(r, a): refile(a, iso(CLOSES))
def v_day_after_window(r, a): refile(a, iso(CLOSES + DAY))
def v_last_evening_local(r, a): refile(a, local_instant(CLOSES, 23, 30))
def v_after_midnight_utc(r, a): refile(a, utc_instant(CLOSES + DAY, 0, 10))
def v_other_nationality(r, a): a["applicant"]["nationalities"] = [r.choice(["SV", "HN", "MX"])]
def v_dual_nationality(r, a): a["applicant"]["nationalities"] = ["SV", "GT"]
def v_nationality_unknown(r, a): a["applicant"].pop("nationalities", None)
def v_not_in_border_area(r, a): a["facts"]["resident_in_border_area"] = False
def v_border_area_unknown(r, a): a["facts"].pop("resident_in_border_area", None)
def v_minor_accompanied(r, a): make_minor(a)
def v_minor_certificate_6_months(r, a): make_minor(a, certificate_age_months=6)
def v_minor_certificate_too_old(r, a):
    make_minor(a, certificate_age_months=6)
    cert = next(d for d in a["documents"] if d["type"] == "birth_certificate")
    cert["issued_on"] = iso(D.fromisoformat(cert["issued_on"]) - DAY)
def v_minor_without_certificate(r, a): make_minor(a); drop_document(a, "birth_certificate")
def v_minor_unaccompanied_without_permission(r, a): make_minor(a, accompanied=False)
def v_minor_unaccompanied_with_permission(r, a):
    make_minor(a, accompanied=False)
    a["documents"].append({"type": "parental_permission", "issued_on": iso(filed_day(a) - 3 * DAY)})
def v_minor_company_unknown(r, a): make_minor(a); del a["facts"]["accompanied_by_both_parents"]
def v_eighteenth_birthday(r, a):
    a["applicant"]["date_of_birth"] = iso(years_before(filed_day(a), 18))
    drop_document(a, "birth_certificate", "parental_permission")
def v_day_before_eighteenth_birthday(r, a):
    a["applicant"]["date_of_birth"] = iso(years_before(filed_day(a), 18) + DAY)
    a["facts"]["accompanied_by_both_parents"] = True
    drop_document(a, "birth_certificate", "parental_permission")
def v_born_29_february_minor(r, a):
    a["filed_at"] = "2010-02-28"; a["applicant"]["date_of_birth"] = "1992-02-29"
    a["facts"]["accompanied_by_both_parents"] = True
    drop_document(a, "birth_certificate", "parental_permission")
def v_born_29_february_of_age(r, a):
    a["filed_at"] = "2010-03-01"; a["applicant"]["date_of_birth"] = "1992-02-29"
    drop_document(a, "birth_certificate", "parental_permission")
def v_birth_unknown(r, a): a["applicant"].pop("date_of_birth", None)
def v_no_identity(r, a): drop_document(a, "national_identity_card", "passport", "identity_document")
def v_identity_not_verified(r, a): a["documents"][0]["verified"] = False
def v_bad_birth_date(r, a): a["applicant"]["date_of_birth"] = "2010-02-29"
def v_bad_country(r, a): a["applicant"]["nationalities"] = ["Guatemala"]

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_mx_fmvl, VARIANTS)
