"""The network's counting functions and `flask network summary`: uneven organizations, a
department of another type, groups that are not communities, one source of participants."""
import json

import pytest
from sqlalchemy import select

from tracker.db import db
from tracker.indicators import catalogue_services
from tracker.indicators import services as indicator_services
from tracker.network import counting, group_services, services
from tracker.network.group_models import GroupKind
from tracker.network.summary import network_summary
from tracker.periods import parse
from tracker.schools.models import School

from tests import factories


@pytest.fixture
def town(app):
    """A large and a small school, the large one with a preschool department; a kindergarten
    with no figures; one community with 3 groups (one a cluster with only a count)."""
    municipality = factories.make_municipality(name="Сетевой")
    large = factories.make_school(municipality, "МАОУ «СОШ № 1»")
    small = factories.make_school(municipality, "МБОУ «СОШ № 2»")
    department = factories.make_school(municipality, "МАОУ «СОШ № 1» (ДО)", org_type="doo",
                                       parent=large)
    factories.make_school(municipality, "МБДОУ «Детский сад № 3»", org_type="doo")
    services.set_staff_count(school=large, period="2022-H1", teachers=200, network_teachers=20)
    services.set_staff_count(school=small, period="2022-H1", teachers=10, network_teachers=9)
    services.set_staff_count(school=department, period="2022-H1", teachers=12,
                             network_teachers=None)
    community = factories.make_community(municipality, name="Сетевое сообщество педагогов")
    services.set_member_count(community, school=department, period="2022-H1", members=4)
    services.set_member_count(community, school=small, period="2022-H1", members=12)
    group_services.seed_group_kinds()
    kinds = {k.name: k for k in group_services.group_kinds()}
    initiative = group_services.create_group(community, name="Инициативная группа 1",
                                             kind_id=kinds["Инициативная группа"].id)
    thematic = group_services.create_group(community, name="Тематическая группа 1",
                                           kind_id=kinds["Тематическая группа"].id)
    for group in (initiative, thematic):  # the same school in two groups counts once
        group_services.add_group_member(group, school=large)
    group_services.create_group(community, name="Кластер «Север»",
                                kind_id=kinds["Кластер"].id, entered_members=5)
    db.session.commit()
    return municipality, community


def test_shares_sum_numerators_and_denominators(town):
    municipality, community = town
    total = counting.teachers_in_communities(municipality.id, "2022-H1")
    # 20 + 9 entered, 4 from memberships for the department; 200 + 10 + 12 teachers
    assert (total.numerator, total.denominator) == (33, 222)
    schools = counting.teachers_in_communities(municipality.id, "2022-H1", org_type="oo")
    assert (schools.numerator, schools.denominator) == (29, 210)  # not the mean of 10 % and 90 %
    preschools = counting.teachers_in_communities(municipality.id, "2022-H1", org_type="doo")
    assert (preschools.numerator, preschools.denominator) == (4, 12)
    one = counting.teachers_in_communities(municipality.id, "2022-H1",
                                           community_id=community.id)
    assert (one.numerator, one.denominator) == (16, 222)


def test_organizations_communities_and_groups_are_counted_once_and_apart(town):
    municipality, community = town
    share = counting.organizations_in_communities(municipality.id, "2022-H1")
    assert (share.numerator, share.denominator) == (3, 4)  # the kindergarten takes no part
    doo = counting.organizations_in_communities(municipality.id, "2022-H1", org_type="doo")
    assert (doo.numerator, doo.denominator) == (1, 2)
    in_one = counting.organizations_in_communities(municipality.id, "2022-H1",
                                                   community_id=community.id)
    assert in_one.numerator == 3
    assert counting.communities(municipality.id, "2022-H1") == 1
    assert counting.groups(municipality.id) == 3
    cluster_kind = db.session.query(GroupKind).filter_by(is_cluster=True).one()
    assert counting.groups(municipality.id, kind_id=cluster_kind.id) == 1
    assert counting.groups(municipality.id, org_type="oo") == 2


def test_a_cluster_count_is_replaced_by_its_listed_members(town):
    municipality, community = town
    cluster = next(g for g in community.groups if g.kind.is_cluster)
    assert (cluster.member_count, cluster.is_count_computed) == (5, False)
    school = next(s for s in municipality.schools if s.short_name == "МБОУ «СОШ № 2»")
    group_services.add_group_member(cluster, school=school, rank="top")
    assert (cluster.member_count, cluster.is_count_computed) == (1, True)
    with pytest.raises(services.OutsideMunicipality):
        group_services.add_group_member(cluster, school=factories.make_school())
    thematic = next(g for g in community.groups if not g.kind.is_cluster)
    with pytest.raises(group_services.RankOutsideCluster):
        group_services.add_group_member(thematic, school=school, rank="top")


def test_entered_participants_and_memberships_disagreeing_are_flagged(town):
    municipality, _community = town
    rows = {r.short_name: r for r in counting.participation(municipality.id, "2022-H1")}
    small = rows["МБОУ «СОШ № 2»"]  # 9 entered, but one community alone lists 12
    assert small.source == counting.SOURCE_ENTERED and small.disagrees
    department = rows["МАОУ «СОШ № 1» (ДО)"]
    assert department.source == counting.SOURCE_MEMBERSHIPS and not department.disagrees
    assert rows["МБДОУ «Детский сад № 3»"].source == counting.SOURCE_NONE
    assert [r.short_name for r in counting.disagreements(municipality.id, "2022-H1")] == [
        "МБОУ «СОШ № 2»"]


def test_summary_per_type_and_total_from_the_command_line(town, runner):
    municipality, _community = town
    result = runner.invoke(args=["network", "summary", "--municipality", "сетевой",
                                 "--period", "2022-H1", "--format", "json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures == network_summary(municipality, "2022-H1")
    by_type = {line["org_type"]: line for line in figures["types"]}
    assert by_type["doo"] == {"org_type": "doo",
        "organizations": 2, "departments": 1, "teachers": 12, "participants": 4,
        "share": {"numerator": 4, "denominator": 12, "percent": 33.3},
        "organizations_in_communities": 1, "communities": 1, "groups": 0}
    assert by_type["oo"]["share"] == {"numerator": 29, "denominator": 210, "percent": 13.8}
    assert by_type["udo"]["organizations"] == 0 and by_type["udo"]["share"]["percent"] is None
    total = figures["total"]
    assert (total["teachers"], total["participants"], total["communities"],
            total["groups"]) == (222, 33, 1, 3)
    assert total["share"]["percent"] == 14.9
    assert [d["organization"] for d in figures["disagreements"]] == ["МБОУ «СОШ № 2»"]
    text = runner.invoke(args=["network", "summary", "--municipality", "Сетевой",
                               "--period", "2022-H1"])
    assert "participants     33" in text.output
    bad = runner.invoke(args=["network", "summary", "--municipality", "Сетевой",
                              "--period", "2022"])
    assert bad.exit_code != 0


@pytest.mark.parametrize("period_code", ["2022-H1", "2022", "2021/22"])
def test_the_catalogue_counts_the_network_as_the_network_pages_do(town, period_code):
    """The network metrics through catalogue indicators of each periodicity (one with an
    organization-type filter) agree with the network's own counting of the half-year: a count
    of teachers or members is a state, so a year takes its half-year with counts."""
    municipality, _community = town
    period = parse(period_code)
    made = {}
    for code, metric, unit, filters in (
            ("net_teachers", "teachers_in_communities", "percent", {}),
            ("net_teachers_oo", "teachers_in_communities", "percent", {"org_type": ["oo"]}),
            ("net_orgs", "organizations_in_communities", "percent", {}),
            ("net_communities", "communities", "count", {})):
        made[code] = catalogue_services.add_indicator(
            municipality_id=municipality.id, code=code, name_ru=code, unit=unit,
            periodicity=period.periodicity, source="computed", metric=metric, filters=filters)
    db.session.commit()
    every = select(School.id).where(School.municipality_id == municipality.id,
                                    School.is_active.is_(True))
    values = {v.indicator.code: v.fraction for v in indicator_services.indicator_values(
        every, period, indicator_services.TargetLevel("municipality", municipality.id),
        codes=tuple(made))}
    teachers = counting.teachers_in_communities(municipality.id, "2022-H1")
    schools = counting.teachers_in_communities(municipality.id, "2022-H1", org_type="oo")
    organizations = counting.organizations_in_communities(municipality.id, "2022-H1")
    assert (values["net_teachers"].numerator, values["net_teachers"].denominator) == (
        teachers.numerator, teachers.denominator)
    assert (values["net_teachers_oo"].numerator, values["net_teachers_oo"].denominator) == (
        schools.numerator, schools.denominator)
    assert (values["net_orgs"].numerator, values["net_orgs"].denominator) == (
        organizations.numerator, organizations.denominator)
    assert values["net_communities"].numerator == counting.communities(municipality.id,
                                                                       "2022-H1") == 1
