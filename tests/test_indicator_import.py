"""Targets and values from a spreadsheet: a preview that writes nothing, every bad row listed
by number, then all rows or none."""
import re
from io import BytesIO

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue_services
from tracker.indicators.models import EnteredValue, IndicatorTarget
from tracker.indicators.spreadsheet import HEADERS, SHEET

from tests import factories


@pytest.fixture
def district(app):
    town = factories.make_municipality(name="Сетевой")
    factories.make_school(town, "СОШ № 1")
    catalogue_services.add_indicator(
        municipality_id=town.id, code="net_orgs", name_ru="Доля ОУ в сетевых сообществах",
        unit="percent", periodicity="year", level="municipality", source="entered")
    catalogue_services.add_indicator(
        municipality_id=town.id, code="readers", name_ru="Доля читающих учеников",
        unit="percent", periodicity="schoolyear", level="school", source="entered")
    db.session.commit()
    return town


def _xlsx(rows) -> BytesIO:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def _counts():
    return (db.session.scalar(select(func.count()).select_from(IndicatorTarget)),
            db.session.scalar(select(func.count()).select_from(EnteredValue)))


GOOD = [("Доля ОУ в сетевых сообществах", "2022 год", None, 30, "41,5", None, None),
        ("net_orgs", 2023, "", 35, None, None, None),
        ("доля читающих учеников", "2022/23", "СОШ № 1", 70, None, 9, 12)]


def test_a_sheet_is_previewed_then_imported_whole(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    url = f"/indicators/municipality/{district.id}/import"
    preview = client.post(url, data={"file": (_xlsx(GOOD), "план.xlsx")},
                          content_type="multipart/form-data")
    assert preview.status_code == 200 and 'data-testid="import-preview"' in preview.text
    assert _counts() == (0, 0)  # the preview writes nothing
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', preview.text).group(1)
    done = client.post(f"{url}/confirm", data={"token": token})
    assert done.status_code == 302
    assert _counts() == (3, 2)
    fact = db.session.scalar(select(EnteredValue).where(EnteredValue.code == "net_orgs"))
    assert float(fact.value) == 41.5 and fact.period == "2022"


def test_every_bad_row_is_listed_and_nothing_is_written(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    rows = GOOD + [("Неизвестный показатель", "2022", None, 10, None, None, None),
                   ("net_orgs", "1 полугодие 2022", None, 10, None, None, None),
                   ("net_orgs", "2024", None, 150, None, None, None),
                   ("readers", "2022/23", "СОШ № 77", None, None, 1, 2),
                   ("readers", "2022/23", "СОШ № 1", None, None, 5, 2),
                   ("net_orgs", "2025", None, None, None, None, None)]
    response = client.post(f"/indicators/municipality/{district.id}/import",
                           data={"file": (_xlsx(rows), "план.xlsx")},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    problems = response.text[response.text.index('data-testid="import-problems"'):]
    for number in range(5, 11):
        assert f"Строка {number}" in problems, number
    assert "Строка 2" not in problems and "от 0 до 100" in problems
    assert _counts() == (0, 0)


def test_a_file_that_is_not_a_workbook_is_refused(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    response = client.post(f"/indicators/municipality/{district.id}/import",
                           data={"file": (BytesIO(b"PK\x03\x04 not really"), "план.xlsx")},
                           content_type="multipart/form-data")
    assert response.status_code == 422 and "XLSX" in response.text


def test_the_import_is_for_managers_in_scope(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=factories.make_municipality())
    response = client.post(f"/indicators/municipality/{district.id}/import",
                           data={"file": (_xlsx(GOOD), "план.xlsx")},
                           content_type="multipart/form-data")
    assert response.status_code == 404 and _counts() == (0, 0)


def test_the_template_has_the_headers(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    response = client.get("/indicators/import-template.xlsx")
    sheet = load_workbook(BytesIO(response.data)).active
    assert tuple(cell.value for cell in sheet[1]) == HEADERS


def test_a_checked_file_is_confirmed_only_by_who_checked_it(client, login_as, district):
    login_as(Role.COORDINATOR, municipality=district)
    url = f"/indicators/municipality/{district.id}/import"
    preview = client.post(url, data={"file": (_xlsx(GOOD), "план.xlsx")},
                          content_type="multipart/form-data")
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', preview.text).group(1)
    login_as(Role.COORDINATOR, municipality=district)  # a colleague of the same municipality
    response = client.post(f"{url}/confirm", data={"token": token})
    assert response.status_code == 302 and _counts() == (0, 0)
