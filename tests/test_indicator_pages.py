from io import BytesIO

from openpyxl import load_workbook
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue, services
from tracker.indicators.models import EnteredValue, IndicatorTarget
from tracker.periods import HalfYear

from tests import factories

H1 = HalfYear(2022, 1)


def municipality_with_schools():
    region = factories.make_region()
    category = factories.make_category(region)
    town = factories.make_municipality(region)
    small = factories.make_school(town, "Малая школа", category=category)
    large = factories.make_school(town, "Большая школа", category=category)
    factories.make_school(town, "Школа не из списка")
    services.enter_value(code="pupils_basic_5_9", period=H1, school_id=small.id,
                         numerator=9, denominator=10)
    services.enter_value(code="pupils_basic_5_9", period=H1, school_id=large.id,
                         numerator=50, denominator=200)
    db.session.commit()
    return town, small, large


def test_municipal_dashboard_shows_sums_and_expected_values(client, login_as):
    town, small, large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    assert "59 из 210 (28,1\u00a0%)" in page
    assert "ожидается (август)" in page
    assert "Малая школа" in page and "Школа не из списка" not in page
    assert "plotly-cartesian-4.1.1.min.js" in page and "plotly-locale-ru" in page
    # no teacher records: the plans chart and its trend say so instead of drawing zeros
    assert page.count('data-testid="chart-empty"') == 2 and "data-figure" not in page


def test_index_sends_each_role_to_its_dashboard(client, login_as):
    town, small, _large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    assert f"/indicators/municipality/{town.id}" in client.get("/indicators/").location


def test_coordinator_sets_targets_and_status_follows(client, login_as):
    town, _small, _large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post(f"/indicators/municipality/{town.id}/targets?period=2022-H1",
                           data={"pupils_basic_5_9": "25"})
    assert response.status_code == 302
    target = db.session.scalar(select(IndicatorTarget))
    assert float(target.value) == 25.0 and target.municipality_id == town.id
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    assert 'data-status="achieved"' in page


def test_director_enters_values_and_bad_input_is_kept(client, login_as):
    school = factories.make_school()
    login_as(Role.DIRECTOR, school=school)
    response = client.post(f"/indicators/school/{school.id}/values?period=2022-H1", data={
        "pupils_basic_1_4__n": "120", "pupils_basic_1_4__d": "100"})
    assert response.status_code == 422
    assert "не может превышать" in response.text and 'value="120"' in response.text
    assert db.session.scalar(select(EnteredValue)) is None
    response = client.post(f"/indicators/school/{school.id}/values?period=2022-H1", data={
        "pupils_basic_1_4__n": "80", "pupils_basic_1_4__d": "100",
        "methodical_dynamics": "1"})
    assert response.status_code == 302
    values = db.session.scalars(select(EnteredValue)).all()
    assert {(v.code, v.numerator, v.denominator, v.flag) for v in values} == {
        ("pupils_basic_1_4", 80, 100, None), ("methodical_dynamics", None, None, True)}


def test_director_cannot_enter_values_for_another_school(client, login_as):
    school = factories.make_school()
    other = factories.make_school(school.municipality)  # next door, same municipality
    login_as(Role.DIRECTOR, school=school)
    assert client.get(f"/indicators/school/{other.id}/values").status_code == 404
    response = client.post(f"/indicators/school/{other.id}/values?period=2022-H1", data={
        "pupils_basic_1_4__n": "80", "pupils_basic_1_4__d": "100", "methodical_dynamics": "1"})
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.scalars(select(EnteredValue)).all() == []


def test_breakdown_rows_add_up_to_the_figure(client, login_as):
    town, small, large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/municipality/{town.id}/pupils_basic_5_9?period=2022-H1").text
    assert "Малая школа" in page and "Большая школа" in page
    assert "59 из 210" in page


def test_export_xlsx(client, login_as):
    town, _small, _large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.get(f"/indicators/municipality/{town.id}/export.xlsx?period=2022-H1")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    sheet = load_workbook(BytesIO(response.data)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=3, values_only=True)}
    name = catalogue.find("municipality", town.id, "pupils_basic_5_9").name
    assert rows[name][1:4] == (59, 210, 28.1)
    assert "pupils_basic_5_9" not in rows and sheet["A2"].value == "Показатель"   # no code column
    assert "2022-H1" not in response.headers["Content-Disposition"]


def test_indicators_command(runner):
    town, _small, _large = municipality_with_schools()
    result = runner.invoke(args=["indicators", "--municipality", town.name, "--period",
                                 "2022-H1", "--format", "json"])
    assert result.exit_code == 0, result.output
    import json
    rows = {row["code"]: row for row in json.loads(result.output)}
    assert (rows["pupils_basic_5_9"]["numerator"], rows["pupils_basic_5_9"]["denominator"]) == (
        59, 210)
    assert rows["pupils_basic_1_4"]["status"] == "ожидается (август)"
    table = runner.invoke(args=["indicators", "--municipality", town.name, "--period",
                                "2022-H1"])
    assert "pupils_basic_5_9" in table.output and "28,1" in table.output
    bad = runner.invoke(args=["indicators", "--municipality", town.name, "--period", "2022-Q1"])
    assert bad.exit_code != 0


def test_plotly_is_served_compressed_and_cached(client):
    response = client.get("/assets/plotly-cartesian-4.1.1.min.js", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and response.headers["Content-Encoding"] == "gzip"
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert len(response.data) < 600_000   # the cartesian bundle, gzipped
    assert client.get("/assets/nothing.js").status_code == 404


def test_the_chart_bundle_is_under_1_5_mb_and_keeps_its_notices():
    from tracker.assets import PLOTLY, VENDOR_DIR
    assert (VENDOR_DIR / PLOTLY).stat().st_size < 1_500_000  # MB = 1 000 000 bytes
    assert "notices: LICENSE-plotly.js.txt" in (VENDOR_DIR / PLOTLY).read_text()[:200]
    notices = (VENDOR_DIR / "LICENSE-plotly.js.txt").read_text()
    assert "Copyright 2012-2026, Plotly, Inc." in notices and "Bundled license information" in notices


def test_school_records_of_an_entered_value(client, login_as):
    town, small, _large = municipality_with_schools()
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/school/{small.id}/pupils_basic_5_9?period=2022-H1").text
    assert "9 / 10" in page
    assert client.get(f"/indicators/school/{small.id}/no_such_code").status_code == 404


def test_regional_dashboard_sums_municipalities(client, login_as):
    town, small, large = municipality_with_schools()
    category = factories.make_category(town.region)
    other_town = factories.make_municipality(town.region)
    far = factories.make_school(other_town, "Дальняя школа", category=category)
    services.enter_value(code="pupils_basic_5_9", period=H1, school_id=far.id,
                         numerator=1, denominator=90)
    db.session.commit()
    login_as(Role.REGIONAL, region=town.region)
    assert f"/indicators/region/{town.region_id}" in client.get("/indicators/").location
    page = client.get(f"/indicators/region/{town.region_id}?period=2022-H1").text
    assert "60 из 300 (20\u00a0%)" in page   # 59/210 and 1/90 summed, not averaged
    assert town.name in page and other_town.name in page
    export = client.get(f"/indicators/region/{town.region_id}/export.xlsx?period=2022-H1")
    rows = {row[0]: row for row in load_workbook(BytesIO(export.data)).active.iter_rows(
        min_row=3, values_only=True)}
    name = catalogue.find("region", town.region_id, "pupils_basic_5_9").name
    assert rows[name][1:4] == (60, 300, 20.0)
    foreign = factories.make_region()
    db.session.commit()
    assert client.get(f"/indicators/region/{foreign.id}").status_code == 404
    assert client.get(f"/indicators/region/{foreign.id}/export.xlsx").status_code == 404


def test_mentoring_records_show_the_program_and_the_pairs(client, login_as):
    from datetime import date

    from tests import teacher_factories as tf
    from tracker.teachers.models import MentoringProgram
    town, small, _large = municipality_with_schools()
    mentor, mentee, late = (tf.make_teacher(small, name) for name in (
        "Опытная Анна Петровна", "Молодая Вера Ивановна", "Поздняя Нина Олеговна"))
    tf.make_pair(mentor, mentee, starts_on=date(2021, 9, 1))
    tf.make_pair(mentor, late, starts_on=date(2022, 9, 1))
    db.session.add(MentoringProgram(school=small, title="Наставник рядом",
                                    approved_on=date(2021, 8, 30)))
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get(f"/indicators/school/{small.id}/schools_with_mentoring?period=2022-H1").text
    counted = page[page.index('id="counted"'):]
    not_counted = page[page.index('id="not-counted"'):page.index('id="counted"')]
    assert "Наставник рядом" in counted and "Опытная Анна Петровна → Молодая Вера" in counted
    assert "Поздняя Нина Олеговна" in not_counted   # the pair starts in the next half-year
    assert "1 из 1 (100" in page


def test_regional_and_school_targets_and_clearing_one(client, login_as):
    town, small, _large = municipality_with_schools()
    regional = login_as(Role.REGIONAL, region=town.region)
    response = client.post(f"/indicators/region/{town.region_id}/targets?period=2022-H1",
                           data={"pupils_basic_5_9": "20", "methodical_dynamics": "1"})
    assert response.status_code == 302
    page = client.get(f"/indicators/region/{town.region_id}?period=2022-H1").text
    assert 'data-status="achieved"' in page   # 59 of 210 = 28,1 % against 20 %
    targets = {(t.code, t.region_id, float(t.value)) for t in
               db.session.scalars(select(IndicatorTarget))}
    assert targets == {("pupils_basic_5_9", regional.region_id, 20.0),
                       ("methodical_dynamics", regional.region_id, 1.0)}
    login_as(Role.COORDINATOR, municipality=town)
    client.post(f"/indicators/school/{small.id}/targets?period=2022-H1",
                data={"pupils_basic_5_9": "95"})
    page = client.get(f"/indicators/school/{small.id}?period=2022-H1").text
    row = page[page.index('data-code="pupils_basic_5_9"'):]
    assert "95\u00a0%" in row[:row.index("</tr>")] and 'data-status="not_achieved"' in row
    client.post(f"/indicators/school/{small.id}/targets?period=2022-H1",
                data={"pupils_basic_5_9": ""})
    assert db.session.scalar(select(IndicatorTarget).where(
        IndicatorTarget.school_id == small.id)) is None
    assert client.get(f"/indicators/region/{town.region_id}/targets").status_code == 403
