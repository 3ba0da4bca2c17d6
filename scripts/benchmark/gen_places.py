"""Reference lists, regions, municipalities, schools with their yearly listing, and the people:
a regional coordinator per region, a coordinator per municipality, curators, directors."""
import random
from datetime import date

from tracker.indicators.defaults import default_rows
from tracker.risks.demo import DIRECTIONS

from benchmark.rows import RegionInfo, Rows, SchoolInfo, chance
from benchmark.scales import LISTING_YEARS, PERIOD, RegionSize, split

NO_PASSWORD = "!"  # not a hash: nobody signs in with a password; the bench opens sessions itself
CATEGORIES = ("базово неуспевающая", "умеренно неуспевающая", "сильно неуспевающая")
TOWNS = ("Усть-Кутский", "Братский", "Тайшетский", "Ангарский", "Шелеховский", "Киренский",
         "Нижнеудинский", "Черемховский", "Зиминский", "Тулунский", "Чунский", "Бодайбинский",
         "Качугский", "Заларинский")
LEGAL_FORMS = ("МБОУ", "МАОУ", "МКОУ")
LISTED_SHARE = 0.6  # the stationary share of the yearly changes below
STAYS_LISTED = 0.8


def reference_lists(rows: Rows) -> dict:
    """What every region shares: an administrator and the risk directions. (The deficit domains
    come with the migrations.)"""
    rows.add("users", login="admin", full_name="Администратор", password_hash=NO_PASSWORD,
             role="admin")
    directions = {year: [rows.add("risk_directions", year=year, position=position, name=name)
                         for position, name in enumerate(DIRECTIONS)]
                  for year in (PERIOD.year - 1, PERIOD.year)}
    return {"directions": directions}


def region(rows: Rows, rng: random.Random, number: int, size: RegionSize) -> RegionInfo:
    region_id = rows.add("regions", name=f"Регион {number:02d}")
    for indicator in default_rows(region_id):  # what a region created in the app starts with
        rows.add("indicators", **indicator)
    categories = [rows.add("result_categories", region_id=region_id, name=name,
                           position=position) for position, name in enumerate(CATEGORIES)]
    info = RegionInfo(region_id, rows.add(
        "users", login=f"regional-{number}", full_name=f"Региональный координатор {number}",
        password_hash=NO_PASSWORD, role="regional", region_id=region_id))
    for index, schools in enumerate(split(size.schools, size.municipalities, rng)):
        name = f"{TOWNS[index % len(TOWNS)]} район" + (f" {index // len(TOWNS) + 1}"
                                                      if index >= len(TOWNS) else "")
        municipality_id = rows.add("municipalities", region_id=region_id, name=name)
        info.municipality_ids.append(municipality_id)
        _municipality(rows, rng, info, municipality_id, schools, categories)
    return info


def _municipality(rows: Rows, rng: random.Random, info: RegionInfo, municipality_id: int,
                  schools: int, categories: list[int]) -> None:
    rows.add("users", login=f"coordinator-{municipality_id}",
             full_name=f"Муниципальный координатор {municipality_id}",
             password_hash=NO_PASSWORD, role="coordinator", municipality_id=municipality_id)
    here = [_school(rows, rng, municipality_id, number, categories)
            for number in range(1, schools + 1)]
    listed = [school for school in here if school.is_listed]
    curators = [rows.add("users", login=f"curator-{municipality_id}-{n}",
                         full_name=f"Куратор {municipality_id}-{n}", password_hash=NO_PASSWORD,
                         role="curator", municipality_id=municipality_id)
                for n in range(1, max(1, len(listed) // 5) + 1)]
    info.curators[municipality_id] = curators
    for index, school in enumerate(listed):
        school.curator_id = curators[index % len(curators)]
        rows.add("curator_assignments", curator_id=school.curator_id, school_id=school.id,
                 starts_on=date(2021, 9, 1))
        if chance(rng, 0.2):
            rows.add("curator_assignments", curator_id=rng.choice(curators), school_id=school.id,
                     starts_on=date(2020, 9, 1), ends_on=date(2021, 8, 31))
    info.schools.extend(here)


def _school(rows: Rows, rng: random.Random, municipality_id: int, number: int,
            categories: list[int]) -> SchoolInfo:
    org_type = "oo" if chance(rng, 0.92) else rng.choice(("doo", "udo"))
    form = rng.choice(LEGAL_FORMS)
    kind = {"oo": "СОШ", "doo": "Детский сад", "udo": "ДДТ"}[org_type]
    school_id = rows.add(
        "schools", municipality_id=municipality_id, short_name=f"{form} «{kind} № {number}»",
        full_name=f"Муниципальное общеобразовательное учреждение «{kind} № {number}»",
        legal_form=form, org_type=org_type)
    listed = org_type == "oo" and _listing(rows, rng, school_id, categories)
    school = SchoolInfo(school_id, municipality_id, number, listed)
    school.director_id = rows.add(
        "users", login=f"director-{school_id}", full_name=f"Директор {school_id}",
        password_hash=NO_PASSWORD, role="director", school_id=school_id)
    return school


def _listing(rows: Rows, rng: random.Random, school_id: int, categories: list[int]) -> bool:
    """A school's statuses over the years (the list changes a little from year to year);
    answers whether it is listed in the measured year."""
    listed = chance(rng, LISTED_SHARE)
    for year in LISTING_YEARS:
        if listed:
            rows.add("school_year_statuses", school_id=school_id, year=year,
                     category_id=rng.choice(categories), is_project_500=chance(rng, 0.3))
        elif chance(rng, 0.05):  # on the list without a category: not a low-result school
            rows.add("school_year_statuses", school_id=school_id, year=year)
        if year != LISTING_YEARS[-1]:
            listed = chance(rng, STAYS_LISTED) if listed else chance(rng, 0.3)
    return listed
