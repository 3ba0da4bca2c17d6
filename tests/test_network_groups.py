"""A community as the notes describe it: its groups of several kinds on its page, a cluster's
count entered then computed, yearly figures with their growth."""
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network import counting, group_services
from tracker.network.group_models import CommunityGroup, CommunityMetric, GroupMember
from tracker.network.growth import Growth, growth

from tests import factories


def test_growth_reads_like_the_notes(app):
    assert Growth(2019, 2022, 120, 300).text() == "120 → 300 за 4 года, +150\u00a0%"
    assert Growth(2021, 2022, 10, 5).text() == "10 → 5 за 2 года, −50\u00a0%"
    assert Growth(2018, 2022, 0, 7).text() == "0 → 7 за 5 лет"
    metrics = [CommunityMetric(year=2019, active_users=120), CommunityMetric(year=2020),
               CommunityMetric(year=2022, active_users=300)]
    assert growth(metrics, "active_users") == Growth(2019, 2022, 120, 300)
    assert growth(metrics, "winners") is None


def test_coordinator_records_a_community_with_two_kinds_of_groups(client, login_as):
    town = factories.make_municipality()
    schools = [factories.make_school(town, f"МАОУ «СОШ № {n}»") for n in (1, 2)]
    elsewhere = factories.make_school(factories.make_municipality(), "МАОУ «Чужая»")
    community = factories.make_community(town, name="Педагогическое сообщество")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/network/communities/{community.id}"
    group_services.seed_group_kinds()
    kinds = {k.name: k.id for k in group_services.group_kinds()}
    db.session.commit()
    for n in range(1, 11):
        assert client.post(f"{url}/groups", data={
            "name": f"Инициативная группа № {n}", "kind_id": kinds["Инициативная группа"]}
        ).status_code == 302
    for n in range(1, 13):
        client.post(f"{url}/groups", data={"name": f"Тематическая группа № {n}",
                                           "kind_id": kinds["Тематическая группа"]})
    client.post(f"{url}/groups", data={"name": "Кластер «Север»", "kind_id": kinds["Кластер"],
                                       "entered_members": "6"})
    again = client.post(f"{url}/groups", data={"name": "кластер «север»",
                                               "kind_id": kinds["Кластер"]})
    assert again.status_code == 422 and "уже есть группа" in again.text
    assert counting.groups(town.id) == 23
    assert counting.communities(town.id, "2022-H1") == 1  # «количество сообществ» is not 23
    cluster = db.session.scalar(select(CommunityGroup).where(CommunityGroup.name.like("Кластер%")))
    page = client.get(url).text
    assert "Групп: 23" in page and "(внесено)" in page
    refused = client.post(f"{url}/group-members", data={"group_id": cluster.id,
                                                        "school_id": elsewhere.id})
    assert refused.status_code == 422
    for school in schools:
        client.post(f"{url}/group-members", data={"group_id": cluster.id,
                                                  "school_id": school.id, "rank": "top"})
    db.session.expire_all()
    assert cluster.member_count == 2 and cluster.is_count_computed
    page = client.get(url).text
    assert "(по списку)" in page and "ТОП" in page
    member = db.session.scalar(select(GroupMember).where(GroupMember.school_id == schools[0].id))
    client.post(f"{url}/group-members/remove", data={"member_id": member.id})
    assert db.session.scalar(select(func.count(GroupMember.id))) == 1

    for year, members, active in ((2019, 80, 120), (2022, 150, 300)):
        assert client.post(f"{url}/metrics", data={"year": year, "members": members,
                                                   "active_users": active, "winners": "8"}
                           ).status_code == 302
    bad = client.post(f"{url}/metrics", data={"year": 2022, "members": "-3"})
    assert bad.status_code == 422 and 'value="-3"' in bad.text
    page = client.get(url).text
    assert "Активные пользователи: 120 → 300 за 4 года, +150\u00a0%" in page


def test_another_municipalitys_coordinator_cannot_add_groups(client, login_as):
    community = factories.make_community(factories.make_municipality())
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=factories.make_municipality())
    group_services.seed_group_kinds()
    kind = group_services.group_kinds()[0]
    db.session.commit()
    response = client.post(f"/network/communities/{community.id}/groups",
                           data={"name": "Группа", "kind_id": kind.id})
    assert response.status_code == 404
    assert db.session.scalar(select(func.count(CommunityGroup.id))) == 0
