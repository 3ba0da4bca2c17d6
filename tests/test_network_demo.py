"""The demo reproduces the reference report's events, cell by cell.

Expected values are copied from the municipality's 2022 half-year report (the tables of
«Активизация профессионального взаимодействия…» and the «Школа – школе» seminars).
"""
import html
import re

import pytest
from sqlalchemy import select

from tracker.audit import cli_actor
from tracker.auth.models import User
from tracker.db import db
from tracker.demo.seed import load_demo

from tests.conftest import sign_in

NOK, S1, S2, S5 = ("МАОУ «Экспериментальный лицей «НОК»»", "МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»",
                   "МАОУ «СОШ № 5»")
S7, S15, S17 = "МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 15»", "МБОУ «СОШ № 17»"
REPORT_ORDER = [NOK, S1, S2, S5, S7, S15, S17]

CONFERENCES = {
    NOK: ["+", "+ (диплом 2 степени)", "+"],
    S1: ["+", "+ (диплом 3 степени)", "+"],
    S2: ["-", "+", "+"],
    S5: ["+", "+", "+ (участие, без обобщения опыта)"],
    S7: ["-", "+ (диплом 3 степени)", "+"],
    S15: ["-", "-", "+"],
    S17: ["+", "+", "+ (участие, без обобщения опыта)"],
}
WEBINARS = {
    NOK: ["+", "-", "-"],
    S1: ["+", "-", "-"],
    S2: ["+", "+", "-"],
    S5: ["-", "-", "+"],
    S7: ["-", "+", "+"],
    S15: ["организатор", "-", "+"],
    S17: ["-", "-", "+"],
}
WINNERS = {
    NOK: "+ (победитель в номинации «Мастер педагогических дебатов»)",
    S2: "+ (победитель в номинации «Мастер педагогического конструктора»)",
    S5: "+ (победитель в номинации «Педагогическое мастерство»)",
}
# host, words of the topic, order, participants
SEMINARS = [
    ("МАОУ «Городская гимназия № 1»", "естественно-научной грамотности",
     "от 15.03.2022 № 35, от 01.04.2022 № 48", 24),
    (S1, "индивидуального образовательного проекта", "от 19.05.2022 № 66", 26),
    (S2, "отстающими и слабо мотивирующими", "от 26.04.2022 № 56", 38),
    ("МБОУ «СОШ № 8 имени Бусыгина М.И.»", "Равный – равному",
     "от 04.03.2022 № 31, от 16.03.2022 № 38", 95),
    ("МАОУ «СОШ № 12 имени Семенова В.Н.»", "оценки читательской грамотности",
     "от 21.03.2022 № 40, от 01.04.2022 № 47", 16),
    ("МАОУ «СОШ № 13 имени М.К. Янгеля»", "учебных проектов", "от 28.04.2022 № 58", 23),
    ("МАОУ «СОШ № 14»", "социально-образовательного партнерства", "от 06.05.2022 № 59", 12),
    (S17, "читательской грамотности учащихся", "от 23.05.2022 № 67", 36),
    ("МАОУ «СОШ № 11»", "Сетевая форма реализации ООП", "от 21.12.2021 № 94", 35),
]


@pytest.fixture
def coordinator_client(app, client):
    with cli_actor("tests"):
        load_demo()
    db.session.commit()
    sign_in(client, db.session.scalar(select(User).where(User.login == "coordinator")))
    return client


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def table(page: str, heading: str) -> tuple[list[str], dict[str, list[str]]]:
    """(column titles, {school: cells}) of the participation table under `heading`."""
    section = page.split(f">{heading}</h2>")[1].split("</table>")[0]
    titles = [_text(th.split("<div")[0]) for th in re.findall(r"<th data-event[^>]*>(.*?)</th>",
                                                              section, re.S)]
    rows = {}
    for name, body in re.findall(r'<tr data-school="([^"]*)">(.*?)</tr>', section, re.S):
        rows[html.unescape(name)] = [_text(cell) for cell in
                                     re.findall(r"<td data-event[^>]*>(.*?)</td>", body, re.S)]
    return titles, rows


def test_conferences_and_readings_table_matches_the_report(coordinator_client):
    page = coordinator_client.get("/network/events?period=2022-H1").text
    titles, rows = table(page, "Конференции и педагогические чтения")
    assert [t.split("«")[0].strip() for t in titles] == [
        "III городская научно-практическая конференция педагогических работников",
        "Научно-методическая конференция", "Городские педагогические чтения"]
    assert list(rows) == REPORT_ORDER
    assert rows == CONFERENCES


def test_webinars_table_matches_the_report(coordinator_client):
    page = coordinator_client.get("/network/events?period=2022-H1").text
    titles, rows = table(page, "Вебинары")
    assert ["Системный подход" in titles[0], "цифровых технологий" in titles[1],
            "(ГИА, ВПР)" in titles[2]] == [True, True, True]
    assert rows == WEBINARS


def test_competition_winners_and_the_indicator(coordinator_client):
    page = coordinator_client.get("/network/events?period=2022-H1").text
    titles, rows = table(page, "Конкурсы профессионального мастерства")
    assert titles == ["Педагогический импульс – 2022"]
    assert {school: cells[0] for school, cells in rows.items() if cells[0] != "+"} == WINNERS
    assert set(rows) == set(REPORT_ORDER) and all(cells[0] != "-" for cells in rows.values())
    indicator = page.split('data-testid="competitions-indicator">')[1].split("</div>")[0]
    assert indicator.strip() == "7 из 7 (100\u00a0%)"
    assert "приказы МКУ ЦРО от 09.03.2022 № 34, от 22.03.2022 № 41" in page
    event_row = page.split("Педагогический импульс – 2022</a></td>")[1].split("</tr>")[0]
    assert "МБОУ «СОШ № 8 имени Бусыгина М.И.»" in html.unescape(event_row)
    assert ">10</td>" in event_row


def test_the_nine_school_to_school_seminars(coordinator_client):
    page = coordinator_client.get("/network/events?period=2021/22&kind=school_to_school").text
    section = html.unescape(page.split('data-testid="seminars"')[1].split("</table>")[0])
    rows = re.findall(r"<tr><td>\d+</td><td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td></tr>",
                      section, re.S)
    assert len(rows) == 9
    found = {(host, _text(topic), int(re.search(r"участников: (\d+)", result).group(1)))
             for host, topic, result in rows}
    for host, words, order, participants in SEMINARS:
        assert any(h == host and words in t and order in t and n == participants
                   for h, t, n in found), (host, words)


def test_the_indicators_feature_reads_the_competitions_share(coordinator_client):
    from tracker.schools.models import Municipality, School
    town = db.session.scalar(select(Municipality).where(Municipality.name == "Усть-Илимск"))
    page = coordinator_client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    row = page.split("Доля ШНОР, представивших педагогов")[1].split("</tr>")[0]
    assert "7 из 7 (100\u00a0%)" in row
    school = db.session.scalar(select(School).where(School.short_name == S5))
    records = coordinator_client.get(
        f"/indicators/school/{school.id}/schools_in_competitions?period=2022-H1").text
    assert "Педагогический импульс – 2022" in records and "Победитель" in records
