from datetime import date

from sqlalchemy import select

from tracker.auth.models import CuratorAssignment, Role
from tracker.db import db
from tracker.schools.models import School, natural_key

from tests import factories


def test_list_searches_filters_and_paginates(client, login_as, app):
    region = factories.make_region()
    strong = factories.make_category(region, "сильно неуспевающая")
    town = factories.make_municipality(region)
    factories.make_school(town, "МАОУ «СОШ № 5»", category=strong, project_500=True)
    factories.make_school(town, "МБОУ «СОШ № 15»", category=strong)
    for n in range(30):
        factories.make_school(town, f"МБДОУ «Детский сад № {n:02d}»", org_type="doo")
    login_as(Role.COORDINATOR, municipality=town)

    page = client.get("/schools/?q=сош").text
    assert "СОШ № 5" in page and "СОШ № 15" in page and "Детский сад" not in page
    page = client.get("/schools/?year=2022&project_500=y").text
    assert "СОШ № 5" in page and "СОШ № 15" not in page
    page = client.get(f"/schools/?year=2022&category={strong.id}").text
    assert "СОШ № 15" in page and "Детский сад" not in page
    first = client.get("/schools/?org_type=doo").text
    assert "Детский сад № 00" in first and "Детский сад № 29" not in first
    assert "Детский сад № 29" in client.get("/schools/?org_type=doo&page=2").text
    assert "Организации по заданному фильтру не найдены" in client.get("/schools/?q=нет-такой").text


def test_coordinator_creates_a_school_only_in_own_municipality(client, login_as):
    town = factories.make_municipality()
    other = factories.make_municipality(town.region)
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post("/schools/new", data={
        "municipality_id": other.id, "full_name": "Школа", "short_name": "МБОУ «СОШ № 99»",
        "legal_form": "МБОУ", "org_type": "oo", "version": "0"})
    assert response.status_code == 302
    school = db.session.scalar(select(School).where(School.short_name == "МБОУ «СОШ № 99»"))
    assert school.municipality_id == town.id


def test_duplicate_short_name_keeps_the_input(client, login_as):
    town = factories.make_municipality()
    factories.make_school(town, "МБОУ «СОШ № 1»")
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post("/schools/new", data={
        "full_name": "Полное название, набранное пользователем", "short_name": "мбоу «сош № 1»",
        "legal_form": "МБОУ", "org_type": "oo", "version": "0"})
    assert response.status_code == 200
    assert "уже есть организация" in response.text
    assert "Полное название, набранное пользователем" in response.text


def test_stale_edit_is_refused_and_shows_what_changed(client, login_as):
    school = factories.make_school(short_name="МБОУ «СОШ № 3»")
    login_as(Role.COORDINATOR, municipality=school.municipality)
    seen_version = school.version
    school.full_name = "Изменено другим пользователем"
    db.session.commit()
    response = client.post(f"/schools/{school.id}/edit", data={
        "full_name": "Моя правка", "short_name": "МБОУ «СОШ № 3»", "legal_form": "МБОУ",
        "org_type": "oo", "version": str(seen_version)})
    assert response.status_code == 200
    assert "изменена другим пользователем" in response.text
    assert "Изменено другим пользователем" in response.text and "Моя правка" in response.text
    db.session.refresh(school)
    assert school.full_name == "Изменено другим пользователем"


def test_year_status_requires_a_category_for_500(client, login_as):
    school = factories.make_school()
    category = factories.make_category(school.municipality.region)
    login_as(Role.ADMIN)
    response = client.post(f"/schools/{school.id}/status",
                           data={"year": "2023", "category_id": "0", "is_project_500": "y"})
    assert response.status_code == 422 and "категорию" in response.text
    response = client.post(f"/schools/{school.id}/status", data={
        "year": "2023", "category_id": str(category.id), "is_project_500": "y"})
    assert response.status_code == 302
    db.session.refresh(school)
    assert school.status_for(2023).is_project_500


def test_assign_and_end_a_curator(client, login_as):
    school = factories.make_school()
    curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
    login_as(Role.COORDINATOR, municipality=school.municipality)
    response = client.post(f"/schools/{school.id}/curators", data={
        "curator_id": curator.id, "starts_on": "2022-01-10"})
    assert response.status_code == 302
    again = client.post(f"/schools/{school.id}/curators", data={
        "curator_id": curator.id, "starts_on": "2022-02-01"})
    assert "уже назначен" in again.text
    assignment = db.session.scalar(select(CuratorAssignment))
    client.post(f"/schools/assignments/{assignment.id}/end")
    db.session.refresh(assignment)
    assert assignment.ends_on == date.today()


def test_assignment_dates_are_validated(client, login_as):
    school = factories.make_school()
    curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
    login_as(Role.ADMIN)
    response = client.post(f"/schools/{school.id}/curators", data={
        "curator_id": curator.id, "starts_on": "2022-05-01", "ends_on": "2022-01-01"})
    assert response.status_code == 422
    assert "не может быть раньше" in response.text
    assert db.session.scalar(select(CuratorAssignment)) is None


def test_lists_sort_schools_by_their_numbers(client, login_as):
    town = factories.make_municipality()
    for name in ("МБОУ «СОШ № 17»", "МБОУ «СОШ № 2»", "МАОУ «СОШ № 9»"):
        factories.make_school(town, name)
    renamed = factories.make_school(town, "МБОУ «СОШ № 100»")
    renamed.short_name = "МБОУ «СОШ № 1»"  # the sort key follows a rename
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)

    page = client.get("/schools/").text
    positions = [page.index(f"СОШ № {n}»") for n in (1, 2, 9, 17)]
    assert positions == sorted(positions)


def test_the_sort_key_ignores_the_legal_form_and_pads_numbers():
    names = ["МБОУ «СОШ № 17»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 2»",
             "МАОУ «Городская гимназия № 1»"]
    assert sorted(names, key=natural_key) == [
        "МАОУ «Городская гимназия № 1»", "МБОУ «СОШ № 2»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»",
        "МБОУ «СОШ № 17»"]
