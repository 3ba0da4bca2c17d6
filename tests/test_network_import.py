"""XLSX import of events and of organizations' counts: preview, confirm, all or nothing."""
import io
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network import importing
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.network.models import CommunityMemberCount, OrganizationStaffCount

from tests import factories


@pytest.fixture
def town(app, tmp_path):
    app.config["UPLOAD_DIR"] = str(tmp_path)
    municipality = factories.make_municipality()
    schools = {name: factories.make_school(municipality, name) for name in
               ("МАОУ «СОШ № 5»", "МБОУ «СОШ № 8 имени Бусыгина М.И.»", "МБОУ «СОШ № 2»")}
    factories.make_school(municipality, "МБДОУ «Детский сад № 10»", org_type="doo")
    factories.make_community(municipality, name="ГМО учителей математики")
    factories.make_school(factories.make_municipality(), "МБОУ «Чужая»")
    db.session.commit()
    return municipality, schools


def workbook(sheets: dict[str, list[list]]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, url, data: bytes, name="файл.xlsx"):
    return client.post(url, data={"file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


GOOD_EVENTS = {
    "Мероприятия": [list(importing.EVENT_HEADERS),
                    ["Педагогический импульс – 2022", "конкурс", "муниципальный",
                     datetime(2022, 4, 20), "МБОУ «СОШ № 8 имени Бусыгина М.И.»",
                     "приказы МКУ ЦРО от 09.03.2022 № 34, от 22.03.2022 № 41", 10, ""]],
    "Участие": [list(importing.PARTICIPATION_HEADERS),
                ["Педагогический импульс – 2022", "20.04.2022", "МАОУ «СОШ №5»", "победитель",
                 "Педагогическое мастерство", 5, ""],
                ["Педагогический импульс - 2022", datetime(2022, 4, 20), "мбоу «сош № 2»",
                 "Диплом II степени", "", None, ""],
                ["Педагогический импульс – 2022", "20.04.2022",
                 "МБОУ «СОШ № 8 имени Бусыгина М.И.»", "организатор", "", None, ""]],
}


def test_events_preview_writes_nothing_then_confirm_writes_everything(town, client, login_as,
                                                                     tmp_path):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    response = upload(client, f"/network/import/events?municipality={municipality.id}",
                      workbook(GOOD_EVENTS))
    assert response.status_code == 200
    assert 'data-testid="import-preview"' in response.text and "строк — 4" in response.text
    assert count(MethodicalEvent) == 0
    token = response.text.split('name="token" type="hidden" value="')[1].split('"')[0]
    response = client.post("/network/import/events/confirm", data={"token": token})
    assert response.status_code == 302
    event = db.session.scalar(select(MethodicalEvent))
    assert (event.kind, event.level, event.participants_count) == ("competition", "municipal", 10)
    assert event.host_school.short_name == "МБОУ «СОШ № 8 имени Бусыгина М.И.»"
    roles = dict(db.session.execute(
        select(EventParticipation.role, EventParticipation.nomination)).all())
    assert roles == {"winner": "Педагогическое мастерство", "diploma_2": "", "organizer": ""}
    # the same token cannot be used twice, and no checked file is left behind
    client.post("/network/import/events/confirm", data={"token": token})
    assert count(EventParticipation) == 3
    assert list((tmp_path / "imports").iterdir()) == []


def test_only_the_latest_checked_file_can_be_confirmed(town, client, login_as, tmp_path):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    url = f"/network/import/events?municipality={municipality.id}"
    first = upload(client, url, workbook(GOOD_EVENTS)).text
    first_token = first.split('name="token" type="hidden" value="')[1].split('"')[0]
    upload(client, url, workbook(GOOD_EVENTS))
    assert len(list((tmp_path / "imports").glob("*.xlsx"))) == 1
    response = client.post("/network/import/events/confirm", data={"token": first_token})
    assert response.status_code == 302 and count(MethodicalEvent) == 0


def test_one_bad_row_writes_nothing_and_every_bad_row_is_listed(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    sheets = {
        "Мероприятия": GOOD_EVENTS["Мероприятия"] + [
            ["", "концерт", "районный", "31.02.2022", "МБОУ «Чужая»", "", -3, ""]],
        "Участие": GOOD_EVENTS["Участие"] + [
            ["Педагогический импульс – 2022", "20.04.2022", "МАОУ «СОШ № 5»", "победитель", "",
             "пять", ""],
            ["Несуществующий конкурс", "01.05.2022", "МБОУ «СОШ № 2»", "участник", "", None, ""]],
    }
    response = upload(client, f"/network/import/events?municipality={municipality.id}",
                      workbook(sheets))
    assert response.status_code == 422
    errors = response.text.split('data-testid="import-errors"')[1].split("</table>")[0]
    for expected in ("Не указано название", "Неизвестное значение «концерт»",
                     "Неизвестное значение «районный»", "Укажите дату в виде 24.03.2022",
                     "В муниципалитете нет организации «МБОУ «Чужая»»",
                     "Укажите целое неотрицательное число", "Укажите номинацию",
                     "Организация указана для этого мероприятия дважды",
                     "Мероприятия с таким названием и датой нет"):
        assert expected in errors, expected
    assert "<td>Участие</td><td>5</td><td>Педагогов</td>" in errors
    assert "<td>Участие</td><td>6</td><td>Мероприятие</td>" in errors
    assert "<td>Мероприятия</td><td>3</td><td>Дата</td>" in errors
    assert count(MethodicalEvent) == 0 and count(EventParticipation) == 0


def test_counts_and_community_members_are_imported(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    data = workbook({
        "Численность": [list(importing.COUNT_HEADERS), ["МАОУ «СОШ № 5»", "2022-H1", 72, 40],
                        ["МБДОУ «Детский сад № 10»", "2022-h1", 31.0, 9]],
        "Сообщества": [list(importing.MEMBER_HEADERS),
                       ["ГМО учителей математики", "МАОУ «СОШ № 5»", "2022-H1", 6]],
    })
    response = upload(client, f"/network/import/counts?municipality={municipality.id}", data)
    assert response.status_code == 200 and count(OrganizationStaffCount) == 0
    token = response.text.split('name="token" type="hidden" value="')[1].split('"')[0]
    assert client.post("/network/import/counts/confirm", data={"token": token}).status_code == 302
    assert sorted(tuple(row) for row in db.session.execute(
        select(OrganizationStaffCount.teachers, OrganizationStaffCount.network_teachers))) \
        == [(31, 9), (72, 40)]
    assert db.session.scalar(select(CommunityMemberCount.members)) == 6


def test_bad_counts_are_listed(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    data = workbook({
        "Численность": [list(importing.COUNT_HEADERS), ["МАОУ «СОШ № 5»", "2022", 72, 80],
                        ["МАОУ «СОШ № 5»", "2022-H1", 10, 5],
                        ["МАОУ «СОШ № 5»", "2022-H1", 10, 5]],
        "Сообщества": [list(importing.MEMBER_HEADERS),
                       ["ГМО физиков", "МАОУ «СОШ № 5»", "2022-H1", 6]],
    })
    response = upload(client, f"/network/import/counts?municipality={municipality.id}", data)
    assert response.status_code == 422
    for expected in ("Укажите полугодие в виде 2022-H1", "не может быть больше",
                     "Организация указана за это полугодие дважды",
                     "В муниципалитете нет сообщества «ГМО физиков»"):
        assert expected in response.text, expected
    assert count(OrganizationStaffCount) == 0


def test_not_a_workbook_is_refused(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    response = upload(client, f"/network/import/events?municipality={municipality.id}",
                      b"PK\x03\x04 not really a zip")
    assert response.status_code == 422 and "не является читаемой книгой XLSX" in response.text
    response = upload(client, f"/network/import/events?municipality={municipality.id}",
                      workbook(GOOD_EVENTS), name="events.csv")
    assert response.status_code == 422 and "Загрузите файл .xlsx" in response.text
    no_sheet = workbook({"Лист1": [["a"]]})
    response = upload(client, f"/network/import/events?municipality={municipality.id}", no_sheet)
    assert "В файле нет листа «Мероприятия»" in response.text


@pytest.mark.parametrize("url,sheets", [
    ("/network/import/events-template.xlsx", ["Мероприятия", "Участие"]),
    ("/network/import/counts-template.xlsx", ["Численность", "Сообщества"]),
])
def test_templates_download_and_open(town, client, login_as, url, sheets):
    login_as(Role.COORDINATOR, municipality=town[0])
    response = client.get(url)
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == sheets


def test_the_events_template_imports_as_is(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    template = client.get("/network/import/events-template.xlsx").data
    response = upload(client, f"/network/import/events?municipality={municipality.id}", template)
    assert response.status_code == 200 and 'data-testid="import-preview"' in response.text
