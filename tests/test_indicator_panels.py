"""The coordinators' panels: risk map, measures, evidence pipeline, visit coverage. Every number
opens a list of exactly that many records, and the page's cost does not grow with its schools."""
from datetime import UTC, date, datetime

import pytest
from lxml import html
from sqlalchemy import event, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import panels
from tracker.periods import HalfYear
from tracker.risks.models import RiskProfile, RiskProfileEntry
from tracker.schools.models import School

from tests import factories
from tests import program_factories as pf

H1 = HalfYear(2022, 1)
MAY = datetime(2022, 5, 1, 9, 0, tzinfo=UTC)


def add_profile(school, levels: dict) -> None:
    profile = RiskProfile(school=school, year=2022)
    profile.entries = [RiskProfileEntry(direction=d, level=level) for d, level in levels.items()]
    db.session.add(profile)


def evidence(measure, uploader, verdict: str, *, replaces=None):
    item = pf.make_evidence(measure, uploader, verdict=verdict)
    item.uploaded_at, item.replaces_id = MAY, replaces.id if replaces else None
    return item


@pytest.fixture
def town(app):
    """Uneven schools of one municipality, a school off the list, and a second municipality."""
    region = factories.make_region()
    category = factories.make_category(region)
    town = factories.make_municipality(region, "Город")
    big = factories.make_school(town, "Большая школа", category=category)
    small = factories.make_school(town, "Малая школа", category=category)
    factories.make_school(town, "Тихая школа", category=category)
    unlisted = factories.make_school(town, "Школа не из списка")
    director = factories.make_user(Role.DIRECTOR, school=big)
    d1, d2 = pf.make_direction(position=1), pf.make_direction(position=2)
    add_profile(big, {d1: "high", d2: "medium"})
    add_profile(small, {d1: "low", d2: "none"})
    program = pf.make_program(big, d1)
    on_time = pf.make_measure(program, title="В срок", due_on=date(2022, 3, 1), status="done")
    on_time.done_on = date(2022, 2, 28)
    late = pf.make_measure(program, title="С опозданием", due_on=date(2022, 3, 1),
                           status="confirmed")
    late.done_on = date(2022, 3, 20)
    pf.make_measure(program, title="Просроченное", due_on=date(2022, 4, 1))
    pf.make_measure(program, title="Не выполненное", due_on=date(2022, 5, 1), status="not_done")
    pf.make_measure(program, title="Во втором полугодии", due_on=date(2022, 9, 1))
    evidence(on_time, director, "accepted")
    returned = evidence(late, director, "needs_work")
    evidence(late, director, "pending", replaces=returned)
    small_program = pf.make_program(small, d1)
    behind = pf.make_measure(small_program, title="Отстающее", due_on=date(2022, 6, 1))
    evidence(behind, director, "needs_work")
    pf.make_measure(pf.make_program(unlisted, d1), title="Вне списка", due_on=date(2022, 3, 1))
    curator = factories.make_user(Role.CURATOR, region=region, municipality=town)
    factories.make_assignment(curator, big)
    factories.make_visit(big, curator, planned_on=date(2022, 2, 1), visited_on=date(2022, 2, 1))
    factories.make_visit(big, curator, planned_on=date(2022, 6, 1), visited_on=None,
                         status="planned")
    other = factories.make_municipality(region, "Село")
    far = factories.make_school(other, "Дальняя школа", category=category)
    add_profile(far, {d1: "high"})
    pf.make_measure(pf.make_program(far, d1), title="Дальнее", due_on=date(2022, 2, 1))
    db.session.commit()
    return town


def places(town):
    return sorted((s for s in town.schools if s.short_name != "Школа не из списка"),
                  key=lambda s: s.short_name)


def test_municipal_panels_count_per_school(town):
    board = panels.municipal_panels(town, H1, places(town))
    measures = {r.place.name: (r.due, r.done, r.on_time, r.overdue, r.rest)
                for r in board.measures.rows}
    assert measures == {"Большая школа": (4, 2, 1, 1, 1), "Малая школа": (1, 0, 0, 1, 0),
                        "Тихая школа": (0, 0, 0, 0, 0)}
    assert (board.measures.total.due, board.measures.total.overdue) == (5, 2)
    evidence_rows = {r.place.name: (r.submitted, r.waiting, r.returned, r.accepted, r.without,
                                    r.waiting_days) for r in board.evidence.rows}
    # the late measure's returned upload was replaced by a new one that waits since 01.05.2022
    assert evidence_rows == {"Большая школа": (2, 1, 0, 1, 2, 60),
                             "Малая школа": (1, 0, 1, 0, 0, None),
                             "Тихая школа": (0, 0, 0, 0, 0, None)}
    levels = {(p.name, d.position): board.risks.cell(p.id, d.id).level
              for p in board.places for d in board.risks.directions
              if board.risks.cell(p.id, d.id)}
    assert levels == {("Большая школа", 1): "high", ("Большая школа", 2): "medium",
                      ("Малая школа", 1): "low", ("Малая школа", 2): "none"}
    coverage, = board.coverage.rows
    assert (coverage.short_name, coverage.planned, coverage.done) == ("Большая школа", 2, 1)
    assert board.risks.chart and board.measures.chart and board.evidence.chart


def _links(page: str, testid: str) -> list[tuple[str, int]]:
    table, = html.fromstring(page).xpath(f"//table[@data-testid='{testid}']")
    return [(a.get("href"), int(a.text_content())) for a in table.xpath(".//td/a")
            if a.text_content().strip().isdigit()]


def _listed(client, url: str) -> int:
    page = client.get(url).text
    found = html.fromstring(page).xpath("//table[@data-testid='measures']/tbody/tr")
    return len(found)


@pytest.mark.parametrize("testid", ["measures-table", "evidence-table"])
def test_every_number_opens_exactly_its_measures(town, client, login_as, testid):
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    links = _links(page, testid)
    assert len(links) >= 6
    for url, number in links:
        assert url.startswith("/programs/measures?")
        assert _listed(client, url) == number, url


def test_risk_cells_open_the_profile_and_coverage_opens_the_visits(town, client, login_as):
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    big = next(s for s in town.schools if s.short_name == "Большая школа")
    risk_table = page[page.index('data-testid="risk-table"'):]
    assert f'href="/risks/schools/{big.id}/profile?year=2022"' in risk_table
    assert "высокий" in risk_table and "Дальняя школа" not in page
    coverage = page[page.index('data-testid="coverage-table"'):]
    assert f"/indicators/school/{big.id}/visits?period=2022-H1" in coverage
    assert "1 из 2" in coverage


def test_regional_panels_per_municipality_open_the_municipality(town, client, login_as):
    login_as(Role.REGIONAL, region=town.region)
    page = client.get(f"/indicators/region/{town.region_id}?period=2022-H1").text
    table, = html.fromstring(page).xpath("//table[@data-testid='measures-table']")
    rows = {row.get("data-place"): [c.text_content().strip() for c in row.xpath("./td")][1:]
            for row in table.xpath("./tbody/tr")}
    assert rows == {"Город": ["5", "2", "1", "2"], "Село": ["1", "0", "0", "1"]}
    for url, number in _links(page, "measures-table"):
        assert _listed(client, url) == number, url
    risk_table = page[page.index('data-testid="risk-table"'):]
    assert f"/indicators/municipality/{town.id}?period=2022-H1#risks" in risk_table


def test_the_measures_list_stays_in_scope(town, client, login_as):
    far = db.session.scalar(select(School).where(School.short_name == "Дальняя школа"))
    login_as(Role.COORDINATOR, municipality=town)
    assert _listed(client, f"/programs/measures?school={far.id}") == 0
    assert _listed(client, "/programs/measures?period=2022-H1") == 6  # 5 listed + unlisted
    assert _listed(client, "/programs/measures?state=bogus") == 7  # a bad filter is ignored


def _statements(client, url: str) -> int:
    count = 0

    def counted(*_args):
        nonlocal count
        count += 1
    db.session.expire_all()  # each request starts from the same session state
    event.listen(db.engine, "before_cursor_execute", counted)
    try:
        assert client.get(url).status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", counted)
    return count


def test_the_dashboards_query_count_does_not_grow_with_the_schools(town, client, login_as):
    login_as(Role.REGIONAL, region=town.region)
    municipal = f"/indicators/municipality/{town.id}?period=2022-H1"
    regional = f"/indicators/region/{town.region_id}?period=2022-H1"
    before = _statements(client, municipal), _statements(client, regional)
    category = factories.make_category(town.region)
    curator = factories.make_user(Role.CURATOR, region=town.region, municipality=town)
    direction = pf.make_direction(position=3)
    for n in range(5):
        school = factories.make_school(town, f"Новая школа {n}", category=category)
        add_profile(school, {direction: "high"})
        pf.make_measure(pf.make_program(school, direction), due_on=date(2022, 4, 1))
        factories.make_assignment(curator, school)
        factories.make_visit(school, curator)
    db.session.commit()
    after = _statements(client, municipal), _statements(client, regional)
    assert after == before
    assert "Новая школа 4" in client.get(municipal).text
