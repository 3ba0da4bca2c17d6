"""Every spreadsheet import goes through one guard (tracker/spreadsheets.py): a zip bomb, a sheet
that reaches row 1,048,576 or column XFD, too many rows and an import that runs too long are
refused with a Russian message naming the problem, and nothing is written or kept."""
import io
import os
import zipfile
from functools import lru_cache
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from tracker import spreadsheets
from tracker.auth.models import Role
from tracker.db import db
from tracker.network import importing, organizations_import
from tracker.network import xlsx as network_xlsx
from tracker.network.event_models import MethodicalEvent
from tracker.network.models import OrganizationStaffCount
from tracker.schools.models import School
from tracker.teachers import spreadsheet as teachers_spreadsheet
from tracker.teachers.importing import COLUMNS
from tracker.teachers.models import Teacher

from tests import factories

TEACHER_HEADERS = [name for name, _required in COLUMNS["teachers"]]
# import -> (url, sheet name, headers); the teachers import reads the first sheet of its file
IMPORTS = {
    "teachers": ("/teachers/import", "Лист1", TEACHER_HEADERS),
    "events": ("/network/import/events", importing.EVENTS_SHEET, list(importing.EVENT_HEADERS)),
    "counts": ("/network/import/counts", importing.COUNTS_SHEET, list(importing.COUNT_HEADERS)),
    "organizations": ("/network/import/organizations", organizations_import.SHEET,
                      list(organizations_import.HEADERS)),
}
tried: dict[str, int] = {}


def book_bytes(sheet: str, headers: list[str], fill) -> bytes:
    book = Workbook()
    book.active.title = sheet
    book.active.append(headers)
    fill(book.active)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@lru_cache
def bomb(unpacked: int) -> bytes:
    """A zip of a workbook's required parts and one sheet of `unpacked` bytes of blanks."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * unpacked)
    return buffer.getvalue()


def far_row(sheet):
    sheet.cell(row=1_048_576, column=1, value="конец")


def wide_rows(sheet):
    for row in range(2, 200):
        sheet.cell(row=row, column=16_384, value="x")


def many_rows(sheet):
    for number in range(12):
        sheet.append([f"Строка {number}"] * sheet.max_column)


HOSTILE = {
    "zip bomb (size)": (lambda sheet, headers: bomb(60 * 1024 * 1024), "больше 50 МБ"),
    "zip bomb (ratio)": (lambda sheet, headers: bomb(8 * 1024 * 1024), "больше 50 МБ"),
    "row 1048576": (lambda sheet, headers: book_bytes(sheet, headers, far_row),
                    "удалите пустые строки"),
    "column XFD": (lambda sheet, headers: book_bytes(sheet, headers, wide_rows),
                   "больше 2 000 000 ячеек"),
}


@pytest.fixture
def place(app, tmp_path, monkeypatch):
    app.config["UPLOAD_DIR"] = str(tmp_path / "uploads")
    app.config["IMPORT_DIR"] = str(tmp_path / "imports")
    municipality = factories.make_municipality()
    school = factories.make_school(municipality, "МБОУ «СОШ № 5»")
    db.session.commit()
    return municipality, school, tmp_path


def post(client, kind: str, data: bytes, municipality, school):
    url, _sheet, _headers = IMPORTS[kind]
    if kind == "teachers":
        response = client.post(url, data={"kind": "teachers", "school_id": school.id,
                                          "file": (io.BytesIO(data), "педагоги.xlsx")},
                               content_type="multipart/form-data")
        assert response.status_code == 302
        return client.get(response.location, follow_redirects=True)
    return client.post(f"{url}?municipality={municipality.id}",
                       data={"file": (io.BytesIO(data), "файл.xlsx")},
                       content_type="multipart/form-data", follow_redirects=True)


def nothing_written(tmp_path: Path) -> bool:
    kept = [name for folder in ("uploads", "imports") if (tmp_path / folder).exists()
            for _root, _dirs, files in os.walk(tmp_path / folder) for name in files]
    rows = sum(db.session.scalar(select(func.count()).select_from(model))
               for model in (Teacher, MethodicalEvent, OrganizationStaffCount))
    schools = db.session.scalar(select(func.count()).select_from(School))
    return not kept and rows == 0 and schools == 1


@pytest.mark.parametrize("kind", IMPORTS)
def test_hostile_workbooks_are_refused_by_every_import(client, login_as, place, kind):
    municipality, school, tmp_path = place
    login_as(Role.COORDINATOR, municipality=municipality)
    _url, sheet, headers = IMPORTS[kind]
    for name, (build, message) in HOSTILE.items():
        response = post(client, kind, build(sheet, headers), municipality, school)
        assert response.status_code in (200, 422), f"{kind}, {name}: {response.status_code}"
        assert message in response.text, f"{kind}, {name}: no refusal"
        assert nothing_written(tmp_path), f"{kind}, {name}: something was kept"
        tried[kind] = tried.get(kind, 0) + 1


@pytest.mark.parametrize("kind", IMPORTS)
def test_too_many_rows_and_too_much_time_are_refused(app, client, login_as, place, kind,
                                                     monkeypatch):
    municipality, school, tmp_path = place
    login_as(Role.COORDINATOR, municipality=municipality)
    _url, sheet, headers = IMPORTS[kind]
    monkeypatch.setattr(network_xlsx, "MAX_ROWS", 10)
    monkeypatch.setattr(teachers_spreadsheet, "MAX_ROWS", 10)
    response = post(client, kind, book_bytes(sheet, headers, many_rows), municipality, school)
    assert "больше 10 строк" in response.text and nothing_written(tmp_path)
    monkeypatch.setitem(app.config, "IMPORT_MAX_SECONDS", -1)
    response = post(client, kind, book_bytes(sheet, headers, lambda s: None), municipality,
                    school)
    assert "читается слишком долго" in response.text and nothing_written(tmp_path)
    tried[kind] = tried.get(kind, 0) + 2


def test_the_package_is_refused_before_openpyxl_parses_it(monkeypatch):
    import openpyxl

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened a refused package")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    for unpacked in (60 * 1024 * 1024, 8 * 1024 * 1024):
        with pytest.raises(spreadsheets.BadFile):
            spreadsheets.open_workbook(bomb(unpacked))


def test_a_plain_workbook_passes_the_guard_whole():
    data = book_bytes("Лист1", ["ФИО", "Должность"],
                      lambda s: [s.append([f"Иванова {n}", "учитель"]) for n in range(50)])
    rows = list(spreadsheets.Guard(max_rows=50).rows(spreadsheets.open_workbook(data).active))
    assert len(rows) == 51 and rows[-1] == ("Иванова 49", "учитель")


def test_zz_print_the_import_figures(capsys):
    with capsys.disabled():
        print(f"\nimports: {sum(tried.values())} hostile workbooks tried on "
              f"{len(tried)} imports ({', '.join(sorted(tried))}), all refused, nothing kept")
