"""Risk directions, profiles, the curator's verification and the heat map."""
import re

from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.risks.models import RiskDirection, RiskProfile

from tests import factories, program_factories as pf
from tests.conftest import sign_in


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


def make_map():
    region = factories.make_region()
    m1, m2 = factories.make_municipality(region), factories.make_municipality(region)
    category = factories.make_category(region)
    directions = [pf.make_direction(name=f"Риск {i}", position=i) for i in (1, 2, 3)]
    schools = [factories.make_school(m1, f"Школа А{i}", category=category) for i in (1, 2)]
    far = factories.make_school(m2, "Школа Б1", category=category)
    pf.make_profile(schools[0], directions[:2], level="high")
    pf.make_profile(schools[1], directions[:1], level="medium")
    pf.make_profile(far, directions, level="high")
    return region, m1, directions, schools, far


def test_coordinator_heat_map_shows_the_municipality_with_totals(app, client):
    region, m1, directions, schools, far = make_map()
    coordinator = factories.make_user(Role.COORDINATOR, municipality=m1)
    db.session.commit()
    sign_in(client, coordinator)
    response = client.get("/risks/heatmap?year=2022")
    assert response.status_code == 200
    page = text(response)
    assert "Школа А1" in page and "Школа А2" in page and "Школа Б1" not in page
    assert f'href="/risks/schools/{schools[0].id}/profile?year=2022"' in response.text
    # high / verified / chosen per direction: only the municipality's two profiles count
    assert re.search(rf'data-testid="total-{directions[0].id}">\s*1 / 0 / 2', response.text)
    assert re.search(rf'data-testid="total-{directions[2].id}">\s*0 / 0 / 0', response.text)


def test_regional_heat_map_spans_municipalities(app, client):
    region, m1, directions, schools, far = make_map()
    regional = factories.make_user(Role.REGIONAL, region=region)
    db.session.commit()
    sign_in(client, regional)
    page = text(client.get("/risks/heatmap?year=2022"))
    assert "Школа А1" in page and "Школа Б1" in page


def test_director_saves_the_profile_and_a_stale_save_is_refused(app, client):
    direction = pf.make_direction(name="Дефицит педагогических кадров")
    school = factories.make_school()
    director = factories.make_user(Role.DIRECTOR, school=school)
    db.session.commit()
    sign_in(client, director)
    url = f"/risks/schools/{school.id}/profile?year=2022"
    form = {"version": "0", f"level_{direction.id}": "high", f"chosen_{direction.id}": "y"}
    assert client.post(url, data=form).status_code == 302
    profile = db.session.scalar(select(RiskProfile))
    assert profile.entries[0].level == "high" and profile.entries[0].is_chosen
    version = profile.version
    form.update(version=str(version), **{f"level_{direction.id}": "medium"})
    assert client.post(url, data=form).status_code == 302
    stale = dict(form, **{"version": str(version), f"level_{direction.id}": "low"})
    response = client.post(url, data=stale)
    assert response.status_code == 409
    page = text(response)
    assert "изменена другим пользователем" in page
    assert "средний" in page and "низкий" in page  # saved now vs typed
    assert re.search(r'<option selected value="low">|<option value="low" selected>', response.text)


def test_curator_verifies_only_assigned_schools(app, client):
    direction = pf.make_direction()
    school, other = factories.make_school(), factories.make_school()
    curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
    factories.make_assignment(curator, school)
    profile = pf.make_profile(school, [direction], level="high")
    foreign = pf.make_profile(other, [direction])
    db.session.commit()
    sign_in(client, curator)
    response = client.post(f"/risks/profiles/{profile.id}/verify",
                           data={f"verified_{direction.id}": "y", "comment": "Подтверждено"})
    assert response.status_code == 302
    db.session.refresh(profile)
    assert profile.verified_by_id == curator.id and profile.verification_comment == "Подтверждено"
    assert profile.entries[0].is_verified and profile.entries[0].verified_by_id == curator.id
    assert client.post(f"/risks/profiles/{foreign.id}/verify",
                       data={f"verified_{direction.id}": "y"}).status_code == 404
    page = text(client.get(f"/risks/schools/{school.id}/profile?year=2022"))
    assert "Верифицирован" in page


def test_admin_copies_a_year_of_directions(app, client, login_as):
    direction = pf.make_direction(year=2022, name="Дефицит педагогических кадров")
    pf.make_suggestion(direction)
    login_as(Role.ADMIN)
    response = client.post("/risks/directions/copy", data={"from_year": "2022", "to_year": "2023"})
    assert response.status_code == 302
    copy = db.session.scalar(select(RiskDirection).where(RiskDirection.year == 2023))
    assert copy.name == direction.name and len(copy.suggestions) == 1
    again = client.post("/risks/directions/copy", data={"from_year": "2022", "to_year": "2023"})
    assert again.status_code == 422


def test_demo_profiles_have_the_verified_directions_of_the_report(app, runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    profiles = db.session.scalars(select(RiskProfile)).all()
    verified = {p.school.short_name: sorted(e.direction.position for e in p.entries
                                            if e.is_verified) for p in profiles}
    assert verified == {"МАОУ «СОШ № 5»": [2, 3, 8],
                        "МАОУ «СОШ № 7 имени Пичуева Л.П.»": [1, 2, 3, 5, 7],
                        "МБОУ «СОШ № 17»": [3, 7]}
    assert len(db.session.scalars(select(RiskDirection)).all()) == 10


def test_deactivating_a_direction_in_use_asks_first(app, client, login_as):
    direction = pf.make_direction(year=2022, name="Низкая учебная мотивация")
    pf.make_program(factories.make_school(), direction)
    db.session.commit()
    login_as(Role.ADMIN)
    url = f"/risks/directions/{direction.id}/toggle"
    asked = client.post(url)
    assert asked.status_code == 200
    assert "используется в 1 антирисковой программе" in asked.get_data(as_text=True)
    db.session.refresh(direction)
    assert direction.is_active
    assert client.post(url, data={"confirm": "1"}).status_code == 302
    db.session.refresh(direction)
    assert not direction.is_active
