"""Coverage figures on the coordinator's and the regional coordinator's pages match the records."""
import re
from datetime import date

from sqlalchemy import select

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.visits.models import CoverageSetting

from tests import factories
from tests.conftest import sign_in

CELL = re.compile(r"<td[^>]*>(.*?)</td>", re.S)
TAG = re.compile(r"<[^>]+>")


def rows(html: str, attribute: str) -> dict[str, list[str]]:
    """{data-<attribute> value: [cell texts]} of a coverage table."""
    found = {}
    for key, body in re.findall(rf'<tr data-{attribute}="([^"]+)"[^>]*>(.*?)</tr>', html, re.S):
        found[key] = [" ".join(TAG.sub(" ", cell).split()) for cell in CELL.findall(body)]
    return found


def town_with_visits():
    """Three curated schools and one without a curator, with visits of 2022-H1 and before."""
    region = factories.make_region()
    town = factories.make_municipality(region, "Город-А")
    a, b, c = (factories.make_school(town, name) for name in ("Школа-А", "Школа-Б", "Школа-В"))
    factories.make_school(town, "Школа-без-куратора")
    curator = factories.make_user(Role.CURATOR, region=region)
    colleague = factories.make_user(Role.CURATOR, region=region)
    for school in (a, b, c):
        factories.make_assignment(curator, school, starts_on=date(2021, 9, 1))
    visit = factories.make_visit
    # Школа-А: two visits done in H1, one planned and missed, one cancelled; last on 10.06
    first = visit(a, curator, planned_on=date(2022, 2, 1), visited_on=date(2022, 2, 1))
    visit(a, colleague, planned_on=date(2022, 6, 10), visited_on=date(2022, 6, 10))
    visit(a, curator, planned_on=date(2022, 6, 20), visited_on=None, status="planned")
    visit(a, curator, planned_on=date(2022, 3, 1), visited_on=None, status="cancelled")
    factories.make_recommendation(first, due_on=date(2022, 3, 1))                     # overdue
    factories.make_recommendation(first, due_on=date(2022, 3, 1), status="answered")  # open
    factories.make_recommendation(first, due_on=date(2022, 3, 1), status="closed")
    # Школа-Б: last visited in H2 2021 (a visit after the period does not count)
    visit(b, curator, planned_on=date(2021, 11, 15), visited_on=date(2021, 11, 15))
    visit(b, curator, planned_on=date(2022, 9, 1), visited_on=date(2022, 9, 1))
    # Школа-В: visited in the period, 40 days before its end
    late = visit(c, curator, planned_on=date(2022, 5, 21), visited_on=date(2022, 5, 21))
    factories.make_recommendation(late, due_on=date(2022, 7, 15))
    coordinator = factories.make_user(Role.COORDINATOR, municipality=town)
    db.session.commit()
    return town, coordinator, curator, colleague


def test_coordinator_page_figures_match_the_records(client):
    town, coordinator, curator, colleague = town_with_visits()
    sign_in(client, coordinator)
    html = client.get("/visits/coverage?period=2022-H1").text
    assert "30.06.2022" in html
    schools = rows(html, "school")
    # last visit, days since, planned, done, missed, open follow-ups, overdue
    assert schools["Школа-А"][1:] == ["10.06.2022", "20", "3", "2", "1", "2", "1"]
    assert schools["Школа-Б"][1:] == ["15.11.2021", "227", "0", "0", "0", "0", "0"]
    assert schools["Школа-В"][1:] == ["21.05.2022", "40", "1", "1", "0", "1", "0"]
    assert "Школа-без-куратора" not in schools
    flagged = set(re.findall(r'<tr data-school="([^"]+)" class="table-danger"', html))
    assert flagged == {"Школа-Б"}

    table = re.search(r'data-testid="coverage-curators".*?</table>', html, re.S).group(0)
    lines = {TAG.sub("|", tr).split("|")[2]: [int(n) for n in re.findall(r">(\d+)</td>", tr)]
             for tr in re.findall(r"<tr><td>.*?</tr>", table, re.S)}
    # 2020-H2, 2021-H1, 2021-H2, 2022-H1
    assert lines[curator.full_name] == [0, 0, 1, 2]
    assert lines[colleague.full_name] == [0, 0, 0, 1]


def test_the_threshold_is_set_per_municipality_and_changes_the_flags(client):
    town, coordinator, *_ = town_with_visits()
    sign_in(client, coordinator)
    response = client.post(f"/visits/coverage/{town.id}/threshold?period=2022-H1",
                           data={"stale_after_days": "30"})
    assert response.status_code == 302
    assert db.session.scalar(select(CoverageSetting.stale_after_days)
                             .where(CoverageSetting.municipality_id == town.id)) == 30
    html = client.get("/visits/coverage?period=2022-H1").text
    assert set(re.findall(r'<tr data-school="([^"]+)" class="table-danger"', html)) == {
        "Школа-Б", "Школа-В"}
    rejected = client.post(f"/visits/coverage/{town.id}/threshold?period=2022-H1",
                           data={"stale_after_days": "9999"})
    assert rejected.status_code == 422 and 'value="9999"' in rejected.text
    assert "Школа-А" in rejected.text
    other = factories.make_municipality(town.region)
    db.session.commit()
    assert client.post(f"/visits/coverage/{other.id}/threshold",
                       data={"stale_after_days": "10"}).status_code == 404
    assert client.get(f"/visits/coverage?municipality={other.id}").status_code == 404


def test_regional_page_shows_the_same_per_municipality(client):
    town, *_ = town_with_visits()
    quiet = factories.make_municipality(town.region, "Город-Б")
    school = factories.make_school(quiet, "Школа-Г")
    curator = factories.make_user(Role.CURATOR, region=town.region)
    factories.make_assignment(curator, school, starts_on=date(2022, 1, 10))
    factories.make_municipality(factories.make_region(), "Чужой город")
    regional = factories.make_user(Role.REGIONAL, region=town.region)
    db.session.commit()
    sign_in(client, regional)
    html = client.get("/visits/coverage?period=2022-H1").text
    table = rows(html, "municipality")
    # schools, planned, done, missed, open follow-ups, flagged
    assert table["Город-А"][1:] == ["3", "4", "3", "1", "3", "1"]
    assert table["Город-Б"][1:] == ["1", "0", "0", "0", "0", "1"]
    assert "Чужой город" not in table
    town_page = client.get(f"/visits/coverage?municipality={town.id}&period=2022-H1").text
    assert rows(town_page, "school")["Школа-А"][1] == "10.06.2022"
    assert 'name="stale_after_days"' not in town_page  # the threshold is the coordinator's


def test_demo_coverage_flags_the_school_left_unvisited(runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    sign_in(client, db.session.scalar(select(User).where(User.login == "coordinator")))
    html = client.get("/visits/coverage").text
    assert "1 полугодие 2022" in html or "2022" in html
    schools = rows(html, "school")
    assert set(schools) == {"МАОУ «СОШ № 5»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»",
                            "МБОУ «СОШ № 17»"}
    flagged = set(re.findall(r'<tr data-school="([^"]+)" class="table-danger"', html))
    assert flagged == {"МБОУ «СОШ № 17»"}
    assert schools["МБОУ «СОШ № 17»"][1:3] == ["17.02.2022", "133"]


def test_days_are_counted_at_the_period_end_or_today_while_it_runs():
    from tracker.periods import HalfYear
    from tracker.visits.coverage import reference_day
    today = date(2026, 11, 23)
    assert reference_day(HalfYear(2022, 1), today) == date(2022, 6, 30)
    assert reference_day(HalfYear(2026, 2), today) == today
