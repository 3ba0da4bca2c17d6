"""Organizations in bulk from a coordinator's own table, and staff counts from the command line:
headers matched whatever their spelling, all or nothing, every bad row listed."""

import pytest
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network.headers import match_columns
from tracker.network.models import OrganizationStaffCount
from tracker.schools.models import School

from tests import factories
from tests.test_network_import import upload, workbook

# A coordinator's own headers: none of them is the template's spelling.
OWN_HEADERS = ["№ п/п", "Наименование организации", "Краткое  наименование", "Вид организации",
               "ОПФ", "Муниципальное образование", "Головная организация"]


def nineteen_organizations(town: str) -> list[list]:
    rows = [OWN_HEADERS]
    for n in range(1, 13):
        rows.append([n, f"Средняя общеобразовательная школа № {n}", f"МАОУ «СОШ № {n}»", "ОО",
                     "маоу", town, ""])
    for n in range(1, 5):
        rows.append([12 + n, f"Детский сад № {n}", f"ГБДОУ «Детский сад № {n}»", "доо", "ГБДОУ",
                     "", ""])
    rows.append([17, "Центр детского творчества", "МАОУ ДО «ЦДТ»", "УДО", "", "", ""])
    rows.append([18, "Дом творчества", "СПМАОУ «ДТ»", "удо", "СПМАОУ", "", ""])
    rows.append([19, "Дошкольное отделение школы № 5", "МАОУ «СОШ № 5» (ДО)", "ДОО", "МАОУ", "",
                 "МАОУ «СОШ № 5»"])
    return rows


@pytest.fixture
def town(app, tmp_path):
    app.config["UPLOAD_DIR"] = str(tmp_path)
    municipality = factories.make_municipality(name="Усть-Илимск")
    db.session.commit()
    return municipality


def organizations(municipality) -> list[School]:
    return db.session.scalars(select(School).where(School.municipality_id == municipality.id)
                              .order_by(School.sort_key)).all()


def test_headers_match_whatever_their_case_spacing_and_variant():
    found = ["ТИП  ОО", "Численность педагогов (чел.)", "Участников сетевых сообществ",
             "Образовательная организация"]
    assert match_columns(found, ("Организация", "Тип", "Педагогов",
                                 "Из них в сетевых сообществах", "Полугодие")) == {
        "Организация": 3, "Тип": 0, "Педагогов": 1, "Из них в сетевых сообществах": 2,
        "Полугодие": None}
    assert match_columns(["Вид организации", "Всего педагогов"], ("Тип", "Педагогов")) == {
        "Тип": 0, "Педагогов": 1}


def test_a_coordinator_imports_nineteen_organizations_from_own_table(client, login_as, town):
    login_as(Role.COORDINATOR, municipality=town)
    data = workbook({"Лист1": nineteen_organizations(town.name)})
    preview = upload(client, f"/network/import/organizations?municipality={town.id}", data)
    assert preview.status_code == 200, preview.text
    assert "будут импортированы" in preview.text or "19" in preview.text
    assert organizations(town) == []  # nothing written before the confirmation
    token = preview.text.split('name="token" type="hidden" value="')[1].split('"')[0]
    done = client.post("/network/import/organizations/confirm", data={"token": token})
    assert done.status_code == 302
    rows = organizations(town)
    assert len(rows) == 19
    by_name = {s.short_name: s for s in rows}
    department = by_name["МАОУ «СОШ № 5» (ДО)"]
    assert department.parent == by_name["МАОУ «СОШ № 5»"] and department.org_type == "doo"
    assert by_name["МАОУ ДО «ЦДТ»"].legal_form == "МАОУ ДО"  # taken from the short name
    assert by_name["МАОУ «СОШ № 1»"].legal_form == "МАОУ"  # the list's spelling
    assert by_name["СПМАОУ «ДТ»"].org_type == "udo"


def test_every_bad_row_is_listed_and_nothing_is_written(client, login_as, town):
    factories.make_school(town, "МАОУ «СОШ № 1»")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    rows = [OWN_HEADERS,
            [1, "Школа", "МАОУ «СОШ № 2»", "гимназия", "МАОУ", "", ""],
            [2, "Сад", "ХЗ «Сад»", "ДОО", "", "", ""],
            [3, "Отделение", "Отделение № 3", "ДОО", "МАОУ", "", "МАОУ «СОШ № 99»"],
            [4, "Школа", "МАОУ «СОШ № 4»", "ОО", "ООО", "Братск", ""],
            [5, "Отделение той же школы", "Отделение № 5", "ОО", "МАОУ", "", "МАОУ «СОШ № 1»"],
            [6, "Хорошая", "МАОУ «СОШ № 6»", "ОО", "МАОУ", "", ""]]
    response = upload(client, f"/network/import/organizations?municipality={town.id}",
                      workbook({"Организации": rows}))
    assert response.status_code == 422
    errors = response.text.split('data-testid="import-errors"')[1].split("</table>")[0]
    for expected in ("Неизвестный тип организации «гимназия»", "не начинается с неё",
                     "Нет организации «МАОУ «СОШ № 99»»", "Неизвестная организационно-правовая",
                     "относится к «Братск»", "другого типа, чем её организация"):
        assert expected in errors.replace("&#34;", '"'), expected
    assert errors.count("<tr>") == 7  # the header and one line per error
    assert [s.short_name for s in organizations(town)] == ["МАОУ «СОШ № 1»"]


def test_import_organizations_from_the_command_line_with_a_csv(runner, town, tmp_path):
    path = tmp_path / "организации.csv"
    lines = [";".join(str(cell) for cell in row) for row in nineteen_organizations(town.name)]
    path.write_bytes("\n".join(lines).encode("cp1251"))
    result = runner.invoke(args=["import", "organizations", str(path),
                                 "--municipality", "усть-илимск"])
    assert result.exit_code == 0, result.output
    assert "19 created, 0 updated" in result.output
    again = runner.invoke(args=["import", "organizations", str(path), "--municipality",
                                town.name])
    assert "0 created, 19 updated" in again.output
    assert len(organizations(town)) == 19


def test_import_staff_counts_from_the_command_line(runner, town, tmp_path):
    school = factories.make_school(town, "МАОУ «СОШ № 5»")
    factories.make_school(town, "МБДОУ «Детский сад № 1»", org_type="doo")
    db.session.commit()
    good = tmp_path / "численность.xlsx"
    good.write_bytes(workbook({"Свод": [
        ["Образовательная организация", "Численность педагогов", "Участников сетевых сообществ"],
        ["маоу «сош №5»", 72, 40], ["МБДОУ «Детский сад № 1»", 20, 5]]}))
    result = runner.invoke(args=["import", "staff-counts", str(good), "--municipality",
                                 town.name, "--period", "2022-H1"])
    assert result.exit_code == 0, result.output
    count = db.session.scalar(select(OrganizationStaffCount).where(
        OrganizationStaffCount.school_id == school.id))
    assert (count.period, count.teachers, count.network_teachers) == ("2022-H1", 72, 40)

    bad = tmp_path / "плохая.xlsx"
    bad.write_bytes(workbook({"Свод": [
        ["Организация", "Всего педагогов", "Из них в сетевых сообществах"],
        ["МАОУ «СОШ № 5»", 10, 11], ["Нет такой", 5, 1]]}))
    result = runner.invoke(args=["import", "staff-counts", str(bad), "--municipality",
                                 town.name, "--period", "2022-H2"])
    assert result.exit_code != 0
    assert "строка 2" in result.output and "строка 3" in result.output
    assert "не может быть больше" in result.output
    assert db.session.scalar(select(func.count(OrganizationStaffCount.id))) == 2
    refused = runner.invoke(args=["import", "staff-counts", str(good), "--municipality",
                                  town.name, "--period", "весна"])
    assert refused.exit_code != 0 and "half-year" in refused.output
