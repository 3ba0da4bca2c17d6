"""Communities and clusters: creating, members per organization, ranks, scope."""
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network.models import ClusterMembership, Community, CommunityMemberCount

from tests import factories


def test_coordinator_creates_a_cluster_records_members_and_ranks(client, login_as):
    town = factories.make_municipality()
    top = factories.make_school(town, "МАОУ «Гимназия № 1»")
    lagging = factories.make_school(town, "МБОУ «СОШ № 2»")
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post("/network/communities/new", data={
        "name": "Кластер «Читательская грамотность»", "kind": "cluster",
        "theme": "Смысловое чтение", "coordinator": "Иванова И.И.", "base_school_id": top.id,
        "is_active": "y", "version": "0"})
    assert response.status_code == 302
    cluster = db.session.scalar(select(Community))
    for school, members, rank in ((top, 12, "top"), (lagging, 4, "lagging")):
        assert client.post(f"/network/communities/{cluster.id}/members", data={
            "school_id": school.id, "period": "2022-H1", "members": members}).status_code == 302
        assert client.post(f"/network/communities/{cluster.id}/ranks", data={
            "school_id": school.id, "period": "2022-H1", "rank": rank}).status_code == 302
    client.post(f"/network/communities/{cluster.id}/members", data={
        "school_id": top.id, "period": "2022-H1", "members": 10})  # corrected, not added
    assert sorted(db.session.scalars(select(CommunityMemberCount.members))) == [4, 10]
    page = client.get(f"/network/communities/{cluster.id}").text
    assert "ТОП-организация" in page and "тьюторы" in page
    assert "индивидуальному плану" in page and "Отстающая" in page
    assert db.session.scalar(select(db.func.count(ClusterMembership.id))) == 2


def test_ranks_only_in_clusters_and_names_are_unique(client, login_as):
    town = factories.make_municipality()
    school = factories.make_school(town)
    group = factories.make_community(town, kind="creative_group", name="Творческая группа")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post(f"/network/communities/{group.id}/ranks", data={
        "school_id": school.id, "period": "2022-H1", "rank": "top"})
    assert response.status_code == 422
    assert "Статус присваивается только участникам кластера" in response.text
    assert db.session.scalar(select(ClusterMembership.id)) is None
    response = client.post("/network/communities/new", data={
        "name": "Творческая группа", "kind": "network", "version": "0"})
    assert response.status_code == 200 and "уже есть сообщество" in response.text


def test_communities_stay_in_their_municipality(client, login_as):
    town, other = factories.make_municipality(), factories.make_municipality()
    foreign = factories.make_community(other, name="Чужое сообщество")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    assert client.get(f"/network/communities/{foreign.id}").status_code == 404
    assert "Чужое сообщество" not in client.get("/network/communities").text


def test_curators_and_directors_have_no_community_pages(client, login_as):
    school = factories.make_school()
    community = factories.make_community(school.municipality)
    db.session.commit()
    login_as(Role.DIRECTOR, school=school)
    assert client.get(f"/network/communities/{community.id}").status_code == 403
    assert client.get("/network/communities").status_code == 403
