"""«Аналитическая справка о сетевом взаимодействии»: tables from the records, cell by cell."""
from datetime import date
from io import BytesIO

import pytest
from docx import Document
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network import group_services, services
from tracker.network.event_models import EventKind
from tracker.network.note_models import NetworkNoteText
from tracker.periods import BadPeriod, parse

from tests import factories


@pytest.fixture
def town(app):
    municipality = factories.make_municipality(name="Справочный")
    figures = {"МАОУ «СОШ № 2»": ("oo", 80, 40), "МАОУ «СОШ № 10»": ("oo", 20, 2),
               "МБДОУ «Детский сад № 1»": ("doo", 15, 3), "МАОУ ДО «ЦДТ»": ("udo", 10, 10)}
    schools = {}
    for name, (org_type, teachers, network) in figures.items():
        schools[name] = factories.make_school(municipality, name, org_type=org_type)
        services.set_staff_count(school=schools[name], period="2022-H2", teachers=teachers,
                                 network_teachers=network)
    department = factories.make_school(municipality, "МАОУ «СОШ № 2» (ДО)", org_type="doo",
                                       parent=schools["МАОУ «СОШ № 2»"])
    services.set_staff_count(school=department, period="2022-H2", teachers=5,
                             network_teachers=None)
    community = factories.make_community(municipality, name="Сеть учителей")
    services.set_member_count(community, school=department, period="2022-H2", members=4)
    group_services.seed_group_kinds()
    kinds = {k.name: k for k in group_services.group_kinds()}
    group_services.create_group(community, name="Кластер «Юг»", kind_id=kinds["Кластер"].id,
                                entered_members=6)
    cluster = group_services.create_group(community, name="Кластер «Север»",
                                          kind_id=kinds["Кластер"].id, entered_members=9)
    group_services.add_group_member(cluster, school=schools["МАОУ «СОШ № 2»"], rank="top")
    group_services.add_group_member(cluster, school=schools["МАОУ «СОШ № 10»"], rank="lagging")
    group_services.set_metric(community, year=2019, members=120)
    group_services.set_metric(community, year=2022, members=300, winners=8)
    event = services.create_event(municipality_id=municipality.id, title="Педагог года",
                                  kind=EventKind.COMPETITION, level="municipal",
                                  held_on=date(2022, 3, 1))
    services.set_participation(event, school=schools["МАОУ «СОШ № 2»"], role="winner",
                               nomination="Лучший урок")
    db.session.add(NetworkNoteText(municipality_id=municipality.id, period="2022",
                                   conclusions="Сеть растёт.",
                                   recommendations="Вовлечь ДОО\nРасширить кластеры"))
    db.session.commit()
    return municipality


def _docx(data: bytes):
    document = Document(BytesIO(data))
    tables = [[[cell.text for cell in row.cells] for row in table.rows]
              for table in document.tables]
    return "\n".join(p.text for p in document.paragraphs), tables


def test_spans_parse_a_year_and_a_school_year():
    assert parse("2022").half_years[1].code == "2022-H2"
    assert [h.code for h in parse("2021/22").half_years] == ["2021-H2", "2022-H1"]
    for bad in ("2022/24", "весна", "22"):
        with pytest.raises(BadPeriod):
            parse(bad)


def test_the_note_from_the_command_line_matches_the_records(town, runner, tmp_path):
    output = tmp_path / "справка.docx"
    result = runner.invoke(args=["report", "network-note", "--municipality", "справочный",
                                 "--period", "2022", "-o", str(output)])
    assert result.exit_code == 0, result.output
    text, tables = _docx(output.read_bytes())
    assert "Аналитическая справка о сетевом взаимодействии" in text
    assert "Справочный, 2022 год" in text
    participation = tables[0]
    assert participation[0][:4] == ["Организация", "Педагоги", "В сетевых сообществах", "Доля"]
    rows = {row[0]: row[1:] for row in participation[1:]}
    assert rows["МАОУ «СОШ № 2» (ДО)"] == ["5", "4", "80\u00a0%", "по составу сообществ"]
    assert rows["Итого: Дошкольная организация (ДОО)"][:3] == ["20", "7", "35\u00a0%"]
    # 42 of 100, not the mean of 50 % and 10 %
    assert rows["Итого: Общеобразовательная организация (ОО)"][:3] == ["100", "42", "42\u00a0%"]
    assert rows["Итого по муниципалитету"][:3] == ["130", "59", "45,4\u00a0%"]
    order = [row[0] for row in participation[1:]]
    assert order.index("МАОУ «СОШ № 2»") < order.index("МАОУ «СОШ № 10»")
    assert "Количество сообществ: 1; количество групп в них: 2." in text
    assert "Кластер «Север»: организаций — 2 (по списку); ТОП-организация: МАОУ «СОШ № 2»" in text
    assert "Кластер «Юг»: организаций — 6 (внесено)" in text
    communities = tables[1]
    assert communities[1][0] == "Сеть учителей"
    assert communities[1][-1] == "120 → 300 за 4 года, +150\u00a0%"
    events = tables[-1]
    assert events[1][1] == "Педагог года" and events[1][-1] == "1"
    assert "Сеть растёт." in text and "Расширить кластеры" in text


def test_the_page_saves_the_text_and_downloads_the_note(town, client, login_as):
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/network/note?municipality={town.id}&period=2021/22")
    assert page.status_code == 200 and "2021/22 учебный год" in page.text
    assert "Выводы не написаны." in page.text
    saved = client.post(f"/network/note/text?municipality={town.id}&period=2021/22",
                        data={"version": "0", "conclusions": "Итог учебного года",
                              "recommendations": ""})
    assert saved.status_code == 302
    assert db.session.scalar(select(NetworkNoteText.conclusions).where(
        NetworkNoteText.period == "2021/22")) == "Итог учебного года"
    response = client.get(f"/network/note.docx?municipality={town.id}&period=2022")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    text, _tables = _docx(response.data)
    assert "Сеть растёт." in text


def test_a_regional_viewer_downloads_but_cannot_write(town, client, login_as):
    login_as(Role.REGIONAL, region=town.region)
    assert client.get(f"/network/note.docx?municipality={town.id}&period=2022").status_code \
        == 200
    refused = client.post(f"/network/note/text?municipality={town.id}&period=2022",
                          data={"version": "1", "conclusions": "чужой текст"})
    assert refused.status_code in (403, 404)
    assert db.session.scalar(select(NetworkNoteText.conclusions).where(
        NetworkNoteText.period == "2022")) == "Сеть растёт."
