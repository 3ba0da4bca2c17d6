"""A coordinator manages only accounts whose whole scope lies in the municipality.

The chain an outside test found: a coordinator resets the password of a curator who also works
in another municipality, signs in as that curator and reads the other municipality's visits.
Every link is refused here, answered like any other object out of scope, and nothing is written.
"""
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tracker.admin import services
from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db

from tests import factories
from tests.conftest import sign_in
from tests.robustness import figures

NEW_PASSWORD = "taken-over-77"


@pytest.fixture
def two_municipalities():
    region = factories.make_region()
    here, there = factories.make_municipality(region), factories.make_municipality(region)
    school_here, school_there = factories.make_school(here), factories.make_school(there)
    coordinator = factories.make_user(Role.COORDINATOR, municipality=here)
    local = factories.make_user(Role.CURATOR, region=region, municipality=here)
    factories.make_assignment(local, school_here)
    both = factories.make_user(Role.CURATOR, region=region, municipality=here)
    factories.make_assignment(both, school_here)
    factories.make_assignment(both, school_there)
    visit = factories.make_visit(school_there, both)
    factories.make_note(visit, both, "Служебная заметка соседей", for_school=False)
    db.session.commit()
    return {"coordinator": coordinator, "local": local, "both": both, "visit": visit,
            "here": here, "there": there, "school_here": school_here,
            "school_there": school_there, "region": region}


def user_data(user: User, **changes) -> dict:
    data = {"login": user.login, "full_name": user.full_name, "email": "", "role": user.role,
            "region_id": user.region_id or 0, "municipality_id": user.municipality_id or 0,
            "school_id": user.school_id or 0, "version": user.version}
    data.update(changes)
    return {key: str(value) for key, value in data.items()}


def test_the_curator_of_two_municipalities_is_beyond_one_coordinator(client, app,
                                                                     two_municipalities):
    w = two_municipalities
    both, local = w["both"], w["local"]
    sign_in(client, w["coordinator"])
    # the same coordinator manages the curator who works only here: the chain is real
    assert client.post(f"/admin/users/{local.id}/password",
                       data={"password": NEW_PASSWORD}).status_code == 302
    before = (both.password_hash, both.version, both.is_active, both.session_epoch)
    refused = [client.get(f"/admin/users/{both.id}/edit"),
               client.post(f"/admin/users/{both.id}/edit", data=user_data(both, full_name="X")),
               client.get(f"/admin/users/{both.id}/password"),
               client.post(f"/admin/users/{both.id}/password", data={"password": NEW_PASSWORD}),
               client.post(f"/admin/users/{both.id}/active")]
    assert [r.status_code for r in refused] == [404] * len(refused)
    assert "Страница не найдена" in refused[-1].text
    assert both.login not in client.get("/admin/users?inactive=1").text
    db.session.expire_all()
    assert (both.password_hash, both.version, both.is_active, both.session_epoch) == before
    # so the coordinator cannot sign in as that curator, and the neighbours' visit stays closed
    client.post("/logout")
    response = client.post("/login", data={"login": both.login, "password": NEW_PASSWORD})
    assert response.status_code == 200 and "Неверный логин или пароль" in response.text
    sign_in(client, w["coordinator"])
    visit_page = client.get(f"/visits/{w['visit'].id}")
    assert visit_page.status_code == 404 and "Служебная заметка" not in visit_page.text
    figures.add("account scope: refused management requests", len(refused))


def test_a_later_assignment_elsewhere_counts_and_an_ended_one_does_not(client,
                                                                      two_municipalities):
    w = two_municipalities
    local, school_there = w["local"], w["school_there"]
    sign_in(client, w["coordinator"])
    ended = factories.make_assignment(local, school_there, starts_on=date(2021, 1, 1),
                                      ends_on=date(2021, 6, 1))
    db.session.commit()
    assert client.get(f"/admin/users/{local.id}/edit").status_code == 200
    db.session.delete(ended)
    factories.make_assignment(local, school_there, starts_on=date.today() + timedelta(days=30))
    db.session.commit()
    assert client.get(f"/admin/users/{local.id}/edit").status_code == 404


def test_a_coordinator_places_no_account_in_another_municipality(client, two_municipalities):
    w = two_municipalities
    local, there = w["local"], w["there"]
    sign_in(client, w["coordinator"])
    attempts = {
        "home elsewhere": client.post(f"/admin/users/{local.id}/edit",
                                      data=user_data(local, municipality_id=there.id)),
        "director elsewhere": client.post(f"/admin/users/{local.id}/edit", data=user_data(
            local, role="director", school_id=w["school_there"].id)),
        "missing place": client.post(f"/admin/users/{local.id}/edit",
                                     data=user_data(local, municipality_id=10**9)),
        "new curator elsewhere": client.post("/admin/users/new", data=user_data(
            local, login="newcomer", version=0, password="strong-pass-1",
            municipality_id=there.id)),
    }
    for name, response in attempts.items():
        assert response.status_code == 200, name
        assert ("Выберите одно из мест в списке" in response.text
                or "Укажите место работы" in response.text), name
    db.session.expire_all()
    assert (local.role, local.municipality_id, local.school_id) == (Role.CURATOR, w["here"].id,
                                                                    None)
    assert db.session.scalar(select(func.count()).select_from(User).where(
        User.login == "newcomer")) == 0
    # a curator is placed at the other municipality's school by nobody here either
    response = client.post(f"/schools/{w['school_there'].id}/curators", data={
        "curator_id": str(local.id), "starts_on": date.today().isoformat()})
    assert response.status_code == 404
    assert db.session.scalar(select(func.count()).select_from(CuratorAssignment).where(
        CuratorAssignment.curator_id == local.id)) == 1
    figures.add("account scope: refused placements", len(attempts) + 1)


def test_the_services_refuse_on_their_own(app, two_municipalities):
    """The command line and any later view share the services: the rule holds there too."""
    w = two_municipalities
    coordinator, local, both = w["coordinator"], w["local"], w["both"]
    with pytest.raises(services.BeyondYourScope):
        services.reset_password(both, password=NEW_PASSWORD, by=coordinator)
    with pytest.raises(services.BeyondYourScope):
        services.set_active(both, active=False, by=coordinator)
    with pytest.raises(services.BeyondYourScope):
        services.update_user(local, version=local.version, by=coordinator, login=local.login,
                             full_name=local.full_name, role=Role.CURATOR,
                             region_id=w["region"].id, municipality_id=w["there"].id)
    with pytest.raises(services.BeyondYourScope):
        services.create_user(login="elsewhere", full_name="Кто-то", role=Role.DIRECTOR,
                             password="strong-pass-1", school_id=w["school_there"].id,
                             by=coordinator)
    db.session.rollback()
    db.session.expire_all()
    assert both.is_active and both.check_password(factories.PASSWORD)
    assert local.municipality_id == w["here"].id
