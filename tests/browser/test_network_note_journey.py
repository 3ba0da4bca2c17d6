"""A town's network note, as its coordinator builds it: 19 organizations from the coordinator's
own spreadsheet (headers of their own), their teachers and participants in communities, a
community with an initiative group and a thematic group; the analytical note's subtotals are the
sums of what was imported. A town of its own in the demo's region, so the demo stays as it is."""
from collections import Counter

from docx import Document
from playwright.sync_api import expect
from sqlalchemy import select

from tracker.db import db
from tracker.demo import data
from tracker.network.group_services import seed_group_kinds
from tracker.schools.models import Municipality, Region

from tests.browser.conftest import LIVE
from tests.browser.steps import sign_in
from tests.test_network_import import workbook
from tests.test_network_organizations_import import nineteen_organizations

TOWN = "Городок"
PASSWORD = "gorodok-2022-note"
# (organization, teachers, of them in network communities), some of each type
COUNTS = [("МАОУ «СОШ № 1»", 40, 12), ("МАОУ «СОШ № 2»", 30, 9), ("ГБДОУ «Детский сад № 1»", 12, 3),
          ("ГБДОУ «Детский сад № 2»", 10, 5), ("МАОУ ДО «ЦДТ»", 8, 8)]


def town_with_its_coordinator(live_cli) -> None:
    with LIVE["app"].app_context():
        region = db.session.scalar(select(Region).where(Region.name == data.REGION))
        town = Municipality(region=region, name=TOWN)
        db.session.add(town)
        seed_group_kinds()  # what the migration puts into the list (the served app has none)
        db.session.commit()
        town_id = town.id
    result = live_cli.invoke(args=["create-user", "--login", "gorodok", "--full-name",
                                   "Городкова Анна Ивановна", "--role", "coordinator",
                                   "--municipality-id", str(town_id), "--password", PASSWORD])
    assert result.exit_code == 0, result.output


def import_file(page, kind: str, data: bytes, rows: int) -> None:
    page.goto("/network/import")
    page.locator(f"#file-{kind}").set_input_files(
        {"name": "таблица.xlsx", "buffer": data,
         "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    page.locator(f"#file-{kind}").locator("xpath=ancestor::form").get_by_role(
        "button", name="Проверить файл").click()
    expect(page.get_by_test_id("import-preview")).to_contain_text(f"{rows}")
    page.get_by_test_id("import-preview").get_by_role("button", name="Импортировать").click()
    expect(page.locator(".alert-success")).to_be_visible()


def community_with_two_groups(page) -> None:
    page.goto("/network/communities/new")
    page.fill("input[name=name]", "Сетевое сообщество педагогов Городка")
    page.get_by_role("button", name="Сохранить").click()
    for name, kind in (("Инициативная группа «Читаем вместе»", "Инициативная"),
                       ("Тематическая группа учителей математики", "Тематическая")):
        page.fill("input[name=name]", name)
        kind_select = page.locator("select[name=kind_id]")
        value = kind_select.locator("option", has_text=kind).first.get_attribute("value")
        kind_select.select_option(value)
        page.get_by_role("button", name="Добавить группу").click()
        expect(page.get_by_test_id("groups")).to_contain_text(name)
    for group, school in (("Читаем", "МАОУ «СОШ № 1»"), ("математики", "МАОУ «СОШ № 2»"),
                          ("математики", "МАОУ «СОШ № 1»")):
        form = page.locator("form", has=page.locator("select[name=group_id]"))
        groups = form.locator("select[name=group_id]")
        groups.select_option(groups.locator("option", has_text=group).first.get_attribute("value"))
        form.locator("select[name=school_id]").select_option(label=school)
        form.get_by_role("button", name="Включить в группу").click()
    expect(page.get_by_test_id("community-counts")).to_contain_text(
        "Групп: 2; организаций в сообществе (каждая учтена один раз): 2.")


def subtotals(document) -> dict[str, list[str]]:
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if any(row[0] == "Итого по муниципалитету" for row in rows):
            return {row[0]: row[1:3] for row in rows if row[0].startswith("Итого")}
    raise AssertionError("no participation table in the note")


def test_a_towns_network_note_from_its_own_spreadsheets(browser, live_server, live_cli):
    town_with_its_coordinator(live_cli)
    page = browser.new_context(base_url=live_server, locale="ru-RU").new_page()
    page.set_default_timeout(15000)
    sign_in(page, "gorodok", PASSWORD)
    import_file(page, "organizations", workbook({"Организации": nineteen_organizations(TOWN)}),
                19)
    counts = [["Образовательная организация", "Полугодие", "Численность педагогов (чел.)",
               "Участников сетевых сообществ"]]
    counts += [[name, "2022-H2", teachers, network] for name, teachers, network in COUNTS]
    import_file(page, "counts", workbook({"Численность": counts, "Сообщества": [
        ["Сообщество", "Организация", "Полугодие", "Участников"]]}), len(COUNTS))
    community_with_two_groups(page)

    page.goto("/network/note?period=2022")
    with page.expect_download() as download:
        page.get_by_test_id("note-download").click()
    document = Document(download.value.path())
    found = subtotals(document)
    by_type = Counter()
    for name, teachers, network in COUNTS:
        kind = "ДОО" if "Детский" in name else "УДО" if " ДО " in name else "ОО"
        by_type[kind, "teachers"] += teachers
        by_type[kind, "network"] += network
    total = [sum(t for _n, t, _p in COUNTS), sum(p for _n, _t, p in COUNTS)]
    assert found["Итого по муниципалитету"] == [str(v) for v in total]
    for kind in ("ОО", "ДОО", "УДО"):
        subtotal = next(values for label, values in found.items()
                        if label.startswith("Итого:") and label.endswith(f"({kind})"))
        assert subtotal == [str(by_type[kind, "teachers"]), str(by_type[kind, "network"])]
    page.context.close()
