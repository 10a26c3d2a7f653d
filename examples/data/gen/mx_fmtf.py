# SPDX-FileCopyrightText: 2026 The regularis authors
# SPDX-License-Identifier: Apache-2.0
"""mx-fmtf sample applications: every boundary of the border-worker card, then a random mix."""
import datetime as dt
import zoneinfo
from _common import iso, rand_date, mixed

PROGRAMME = "mx-fmtf"
COUNT = 250

GIVEN = ["Juan", "María", "José", "Rosa", "Pedro", "Ana", "Marvin", "Elsa", "Byron", "Glenda",
         "Selvin", "Ingrid", "Edwin", "Olga", "Kevin", "Yolanda"]
FAMILY = ["Pérez", "López", "García", "Ramírez", "Méndez", "Cifuentes", "Roblero", "Velásquez",
          "Chávez", "Gómez", "Bautista", "Hernández", "Young", "Flowers", "Castillo"]
STATES = ["MX-CHP"] * 8 + ["MX-TAB"] * 2 + ["MX-ROO", "MX-CAM"]
MUNICIPALITIES = {"MX-CHP": ["Tapachula", "Suchiate", "Cacahoatán", "Frontera Comalapa", "Tuxtla Chico"],
                  "MX-TAB": ["Tenosique", "Balancán"], "MX-ROO": ["Othón P. Blanco"],
                  "MX-CAM": ["Calakmul", "Candelaria"]}
JOBS = [("agriculture", "coffee_picker"), ("agriculture", "banana_packer"),
        ("agriculture", "sugar_cane_cutter"), ("domestic_work", "domestic_worker"),
        ("construction", "bricklayer"), ("commerce", "shop_assistant"), ("hospitality", "cook")]
POSTS = ["Ciudad Hidalgo", "Talismán", "Ciudad Cuauhtémoc", "El Ceibo", "Subteniente López"]

D = dt.date
DAY = dt.timedelta(days=1)
OPENS, CLOSES = D(2008, 3, 12), D(2012, 11, 8)
ZONE = zoneinfo.ZoneInfo("America/Mexico_City")


def local_instant(day, hour, minute):
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).isoformat()


def utc_instant(day, hour, minute):
    t = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)
    return t.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def years_before(day, years):
    return day.replace(year=day.year - years) if (day.month, day.day) != (2, 29) else D(day.year - years, 3, 1)


def eligible_mx_fmtf(r, n):
    """A request that meets every mx-fmtf criterion with a complete file."""
    filed = rand_date(r, OPENS, CLOSES)
    born = rand_date(r, D(1950, 1, 1), years_before(filed, 17))
    nationality = "GT" if r.random() < 0.9 else "BZ"
    state = r.choice(STATES)
    sector, occupation = r.choice(JOBS)
    return {
        "format": "regularis.application/1",
        "id": f"MX-FMTF-{n:06d}",
        "programme": PROGRAMME,
        "filed_at": iso(filed),
        "filed_by": "applicant", "channel": "in_person",
        "office": {"name": r.choice(POSTS)},
        "applicant": {
            "given_names": r.choice(GIVEN), "family_name": r.choice(FAMILY),
            "date_of_birth": iso(born), "nationalities": [nationality],
            "criminal": {"pending_proceedings": False, "convictions": []},
            "job_offer": {
                "sector": sector, "occupation": occupation, "region": state,
                "municipality": r.choice(MUNICIPALITIES[state]),
                "duration_months": r.choice([3, 6, 12]),
                "employer": {"type": r.choice(["company", "company", "individual", "household"]),
                             "country": "MX"},
            },
        },
        "documents": [
            {"type": r.choice(["national_identity_card", "national_identity_card", "passport"]),
             "issued_by": nationality, "number_last4": f"{r.randint(0, 9999):04d}"},
            {"type": "job_offer_letter", "issued_on": iso(filed - dt.timedelta(days=r.randint(1, 30)))},
            {"type": "photographs"},
        ],
        "payments": [],
        "waivers": [],
    }


def drop_document(app, *types):
    app["documents"] = [d for d in app["documents"] if d["type"] not in types]


def filed_day(a):
    return D.fromisoformat(a["filed_at"][:10])


# Each variant turns an eligible application into one case of a rule; the
# name says what it exercises. Several are boundaries that must stay eligible.
def v_first_day(r, a): a["filed_at"] = iso(OPENS)
def v_day_before_window(r, a): a["filed_at"] = iso(OPENS - DAY)
def v_last_day(r, a): a["filed_at"] = iso(CLOSES)
def v_day_after_window(r, a): a["filed_at"] = iso(CLOSES + DAY)
def v_last_evening_local(r, a): a["filed_at"] = local_instant(CLOSES, 23, 30)
def v_last_evening_utc(r, a): a["filed_at"] = utc_instant(CLOSES, 23, 30)
def v_after_midnight_utc(r, a): a["filed_at"] = utc_instant(CLOSES + DAY, 0, 10)
def v_belizean(r, a):
    a["applicant"]["nationalities"] = ["BZ"]
    for d in a["documents"]:
        if "issued_by" in d:
            d["issued_by"] = "BZ"
def v_dual_nationality(r, a): a["applicant"]["nationalities"] = ["HN", "GT"]
def v_other_nationality(r, a): a["applicant"]["nationalities"] = [r.choice(["HN", "SV", "NI", "MX"])]
def v_no_nationality(r, a): a["applicant"]["nationalities"] = []
def v_nationality_unknown(r, a): a["applicant"].pop("nationalities", None)
def v_job_in_quintana_roo(r, a):
    a["applicant"]["job_offer"].update(region="MX-ROO", municipality="Othón P. Blanco")
def v_job_in_campeche(r, a): a["applicant"]["job_offer"].update(region="MX-CAM", municipality="Calakmul")
def v_job_outside_states(r, a): a["applicant"]["job_offer"].update(region="MX-YUC", municipality="Mérida")
def v_job_state_unknown(r, a): a["applicant"]["job_offer"].pop("region", None)
def v_employer_abroad(r, a): a["applicant"]["job_offer"]["employer"]["country"] = "GT"
def v_sixteenth_birthday(r, a):
    a["applicant"]["date_of_birth"] = iso(years_before(filed_day(a), 16))
def v_day_before_sixteenth_birthday(r, a):
    a["applicant"]["date_of_birth"] = iso(years_before(filed_day(a), 16) + DAY)
def v_born_29_february_sixteenth(r, a):
    a["filed_at"] = "2012-02-29"; a["applicant"]["date_of_birth"] = "1996-02-29"
def v_born_29_february_fifteen(r, a):
    a["filed_at"] = "2012-02-28"; a["applicant"]["date_of_birth"] = "1996-02-29"
def v_birth_unknown(r, a): a["applicant"].pop("date_of_birth", None)
def v_conviction(r, a):
    a["applicant"]["criminal"]["convictions"] = [{"date": "2005-09-01", "category": "felony", "country": "GT"}]
def v_no_identity(r, a): drop_document(a, "national_identity_card", "passport", "identity_document")
def v_expired_passport(r, a):
    drop_document(a, "national_identity_card", "passport", "identity_document")
    a["documents"].append({"type": "passport", "issued_by": "GT", "expires_on": iso(filed_day(a) - DAY)})
def v_no_job_offer_letter(r, a): drop_document(a, "job_offer_letter")
def v_no_photographs(r, a): drop_document(a, "photographs")
def v_bad_region(r, a): a["applicant"]["job_offer"]["region"] = "Chiapas"
def v_bad_birth_date(r, a): a["applicant"]["date_of_birth"] = "1990-02-29"
def v_bad_sector(r, a): a["applicant"]["job_offer"]["sector"] = "coffee"

VARIANTS = [v for k, v in sorted(globals().items()) if k.startswith("v_")]


def applications(r, count=COUNT):
    return mixed(r, count, eligible_mx_fmtf, VARIANTS)
