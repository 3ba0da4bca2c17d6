"""Network participation: shares summed from counts per organization, type and municipality."""
import pytest
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network import queries, services
from tracker.network.models import NetworkIndicator
from tracker.schools.models import School

from tests import factories


@pytest.fixture
def uneven(app):
    """Two preschools of very different size, a school with members only in another half-year,
    an УДО with nothing entered, and a school of another municipality."""
    municipality = factories.make_municipality()
    small = factories.make_school(municipality, "МАДОУ «Детский сад № 1»", org_type="doo")
    large = factories.make_school(municipality, "МБДОУ «Детский сад № 2»", org_type="doo")
    school = factories.make_school(municipality, "МБОУ «СОШ № 3»")
    factories.make_school(municipality, "МБУ ДО «ЦДТ»", org_type="udo")  # no staff figures
    elsewhere = factories.make_school(factories.make_municipality(), "МБОУ «СОШ № 99»")
    services.set_staff_count(school=small, period="2022-H1", teachers=10, network_teachers=9)
    services.set_staff_count(school=large, period="2022-H1", teachers=90, network_teachers=9)
    services.set_staff_count(school=school, period="2022-H1", teachers=200, network_teachers=100)
    services.set_staff_count(school=school, period="2021-H2", teachers=180, network_teachers=10)
    services.set_staff_count(school=elsewhere, period="2022-H1", teachers=500,
                             network_teachers=500)
    community = factories.make_community(municipality)
    services.set_member_count(community, school=small, period="2022-H1", members=9)
    services.set_member_count(community, school=school, period="2021-H2", members=10)
    other = factories.make_community(municipality)
    services.set_member_count(other, school=small, period="2022-H1", members=3)
    db.session.commit()
    return municipality


def all_schools():
    return select(School.id)


def test_shares_are_summed_never_averaged(uneven):
    figures = queries.network_participation(uneven.id, "2022-H1", all_schools())
    by_type = {row.org_type: row for row in figures["types"]}
    preschools = by_type["doo"]
    # 18 of 100 teachers = 18 %; averaging the two preschools' 90 % and 10 % would give 50 %
    assert (preschools.teachers.numerator, preschools.teachers.denominator) == (18, 100)
    assert preschools.teachers.percent == pytest.approx(18.0)
    # an organization with participants (entered, or from memberships) is in communities
    assert (preschools.organizations_in.numerator, preschools.organizations_in.denominator) \
        == (2, 2)
    assert (by_type["oo"].teachers.numerator, by_type["oo"].teachers.denominator) == (100, 200)
    assert by_type["oo"].organizations_in.numerator == 1  # 100 entered participants
    assert by_type["udo"].teachers.denominator == 0 and by_type["udo"].teachers.percent is None
    total = figures["total"]
    assert (total.teachers.numerator, total.teachers.denominator) == (118, 300)
    assert total.teachers.percent == pytest.approx(39.333, abs=0.001)
    assert (total.organizations_in.numerator, total.organizations_in.denominator) == (3, 4)
    assert [row.label for row in figures["organizations"]] == [
        "МАДОУ «Детский сад № 1»", "МБДОУ «Детский сад № 2»", "МБОУ «СОШ № 3»", "МБУ ДО «ЦДТ»"]
    assert queries.communities_count(uneven.id, "2022-H1") == 2
    assert queries.communities_count(uneven.id, "2021-H2") == 1


def test_plan_against_fact_uses_the_years_last_half_year(uneven):
    services.set_target(municipality_id=uneven.id, year=2022,
                        indicator=NetworkIndicator.TEACHERS_SHARE, planned=45)
    services.set_target(municipality_id=uneven.id, year=2022,
                        indicator=NetworkIndicator.TEACHERS_SHARE, planned=40)  # replaces
    school = db.session.scalar(select(School).where(School.short_name == "МБОУ «СОШ № 3»"))
    services.set_staff_count(school=school, period="2022-H2", teachers=210, network_teachers=105)
    rows = {(r["year"], r["indicator"]): r for r in queries.plan_and_fact(uneven.id,
                                                                          all_schools())}
    teachers_2022 = rows[(2022, NetworkIndicator.TEACHERS_SHARE)]
    assert teachers_2022["plan"] == 40 and teachers_2022["period"] == "2022-H2"
    assert (teachers_2022["fact"].numerator, teachers_2022["fact"].denominator) == (105, 210)
    teachers_2021 = rows[(2021, NetworkIndicator.TEACHERS_SHARE)]
    assert teachers_2021["plan"] is None
    assert (teachers_2021["fact"].numerator, teachers_2021["fact"].denominator) == (10, 180)
    assert rows[(2021, NetworkIndicator.COMMUNITIES)]["fact"] == 1


def test_network_above_teachers_is_refused(app):
    school = factories.make_school()
    with pytest.raises(services.NetworkAboveTeachers):
        services.set_staff_count(school=school, period="2022-H1", teachers=5, network_teachers=6)


def test_dashboard_shows_subtotals_and_total(uneven, client, login_as):
    login_as(Role.COORDINATOR, municipality=uneven)
    html = client.get("/network/?period=2022-H1").text
    assert 'data-testid="subtotal-doo"' in html
    total = html.split('data-testid="network-total"')[1].split("</tr>")[0]
    assert "300" in total and "118" in total and "39,3\u00a0%" in total
    assert "3 из 4 (75\u00a0%)" in total
    assert 'data-testid="network-chart"' in html and "plotly-cartesian-4.1.1.min.js" in html


def test_coordinator_enters_counts_and_targets(uneven, client, login_as):
    login_as(Role.COORDINATOR, municipality=uneven)
    udo = db.session.scalar(select(School).where(School.short_name == "МБУ ДО «ЦДТ»"))
    response = client.post(f"/network/counts?municipality={uneven.id}", data={
        "school_id": udo.id, "period": "2022-H1", "teachers": 40, "network_teachers": 50})
    assert response.status_code == 422
    assert "не может быть больше" in response.text and 'value="50"' in response.text
    response = client.post(f"/network/counts?municipality={uneven.id}", data={
        "school_id": udo.id, "period": "2022-H1", "teachers": 40, "network_teachers": 12})
    assert response.status_code == 302
    total = queries.network_participation(uneven.id, "2022-H1", all_schools())["total"]
    assert (total.teachers.numerator, total.teachers.denominator) == (130, 340)
    response = client.post(f"/network/targets?municipality={uneven.id}", data={
        "year": 2022, "indicator": "teachers_share", "planned": 140})
    assert response.status_code == 422 and "выше 100" in response.text
    response = client.post(f"/network/targets?municipality={uneven.id}", data={
        "year": 2022, "indicator": "communities", "planned": 3})
    assert response.status_code == 302
    assert "План задан" in client.get(response.location).text


def test_counts_outside_the_scope_are_not_shown_or_written(uneven, client, login_as):
    other = factories.make_municipality()
    stranger = factories.make_school(other, "МБОУ «Чужая школа»")
    login_as(Role.COORDINATOR, municipality=uneven)
    html = client.get(f"/network/?municipality={other.id}").text
    assert "Чужая школа" not in html and "МБОУ «СОШ № 3»" in html
    response = client.post(f"/network/counts?municipality={uneven.id}", data={
        "school_id": stranger.id, "period": "2022-H1", "teachers": 40, "network_teachers": 1})
    assert response.status_code == 422  # not among the choices
    figures = queries.network_participation(other.id, "2022-H1", all_schools())
    assert figures["total"].teachers.denominator == 0


def test_director_has_no_network_dashboard(uneven, client, login_as):
    school = db.session.scalar(select(School).where(School.short_name == "МБОУ «СОШ № 3»"))
    login_as(Role.DIRECTOR, school=school)
    assert client.get("/network/").status_code == 403
