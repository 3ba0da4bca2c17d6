import json
import re

from lxml import html
from sqlalchemy import select

from tracker.audit import AuditEvent
from tracker.auth.models import Role, User
from tracker.db import db

from tests import factories
from tests.conftest import sign_in


def user_data(**fields):
    data = {"login": "newbie", "full_name": "Новый Пользователь", "role": "director",
            "region_id": "0", "municipality_id": "0", "school_id": "0",
            "password": "strong-pass-1", "version": "0"}
    data.update({k: str(v) for k, v in fields.items()})
    return data


def test_coordinator_creates_a_director_of_own_school(client, login_as):
    school = factories.make_school()
    login_as(Role.COORDINATOR, municipality=school.municipality)
    response = client.post("/admin/users/new", data=user_data(school_id=school.id))
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.login == "newbie"))
    assert user.school_id == school.id and user.municipality_id == school.municipality_id
    assert user.password_hash.startswith("$argon2id$")


def test_coordinator_cannot_create_coordinators_or_foreign_directors(client, login_as):
    school = factories.make_school()
    foreign = factories.make_school()
    login_as(Role.COORDINATOR, municipality=school.municipality)
    response = client.post("/admin/users/new", data=user_data(
        role="coordinator", municipality_id=school.municipality_id))
    assert response.status_code == 422
    response = client.post("/admin/users/new", data=user_data(school_id=foreign.id))
    assert response.status_code == 200 and "Укажите место работы" in response.text
    assert db.session.scalar(select(User).where(User.login == "newbie")) is None


def test_role_scope_is_required(client, login_as):
    login_as(Role.ADMIN)
    response = client.post("/admin/users/new", data=user_data(role="regional", login="reg"))
    assert response.status_code == 200
    assert "Укажите место работы" in response.text
    assert 'value="reg"' in response.text  # input kept


def test_fields_the_role_does_not_use_are_not_kept(client, login_as):
    school, other = factories.make_school(), factories.make_school()
    login_as(Role.ADMIN)
    client.post("/admin/users/new", data=user_data(
        role="curator", login="cur", region_id=other.municipality.region_id,
        school_id=school.id))
    curator = db.session.scalar(select(User).where(User.login == "cur"))
    assert curator.region_id == other.municipality.region_id and curator.school_id is None
    client.post("/admin/users/new", data=user_data(
        login="dir", school_id=school.id, municipality_id=other.municipality_id))
    director = db.session.scalar(select(User).where(User.login == "dir"))
    assert director.municipality_id == school.municipality_id  # the school's, not the typed one


def test_the_user_form_tells_the_script_which_fields_each_role_uses(client, login_as):
    login_as(Role.ADMIN)
    role = html.fromstring(client.get("/admin/users/new").text).get_element_by_id("role")
    assert json.loads(role.get("data-scope-fields"))["director"] == ["school_id"]
    assert json.loads(role.get("data-scope-required"))["curator"] == "region_id"


def test_weak_password_is_refused(client, login_as):
    school = factories.make_school()
    login_as(Role.ADMIN)
    response = client.post("/admin/users/new", data=user_data(school_id=school.id,
                                                              password="short"))
    assert response.status_code == 422 and "не менее" in response.text


def test_deactivate_and_reactivate(client, app, login_as):
    target = factories.make_user(Role.DIRECTOR)
    db.session.commit()
    other = app.test_client()
    sign_in(other, target)
    assert other.get("/").status_code == 200
    login_as(Role.ADMIN)
    client.post(f"/admin/users/{target.id}/active")
    db.session.refresh(target)
    assert not target.is_active
    assert other.get("/").status_code == 302
    client.post(f"/admin/users/{target.id}/active")
    db.session.refresh(target)
    assert target.is_active
    assert other.get("/").status_code == 302  # the old session stays ended


def test_admin_cannot_deactivate_self(client, login_as):
    admin = login_as(Role.ADMIN)
    response = client.post(f"/admin/users/{admin.id}/active", follow_redirects=True)
    assert "собственную учётную запись" in response.text or "свою" in response.text
    db.session.refresh(admin)
    assert admin.is_active


def test_password_reset_ends_sessions(client, app, login_as):
    target = factories.make_user(Role.CURATOR)
    db.session.commit()
    other = app.test_client()
    sign_in(other, target)
    login_as(Role.ADMIN)
    response = client.post(f"/admin/users/{target.id}/password",
                           data={"password": "another-pass-9"})
    assert response.status_code == 302
    assert other.get("/").status_code == 302


def test_reference_lists(client, login_as):
    login_as(Role.ADMIN)
    client.post("/admin/references/regions", data={"name": "Иркутская область"})
    region = db.session.scalar(select(User.__table__.metadata.tables["regions"].c.id))
    client.post("/admin/references/categories", data={
        "region_id": region, "name": "сильно неуспевающая", "position": "3"})
    page = client.get("/admin/references").text
    assert "Иркутская область" in page and "сильно неуспевающая" in page
    duplicate = client.post("/admin/references/regions", data={"name": "иркутская область"})
    assert duplicate.status_code == 200 and "уже существует" in duplicate.text


def test_audit_page_is_scoped_for_coordinators(client, login_as):
    here = factories.make_school(short_name="Школа-здесь")
    factories.make_school(short_name="Школа-там")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=here.municipality)
    page = client.get("/admin/audit?object_type=School").text
    assert "Школа «Школа-здесь»" in page
    assert "Школа-там" not in page


def test_audit_filters(client, login_as):
    factories.make_school(short_name="Школа-аудит")
    db.session.commit()
    login_as(Role.ADMIN)
    assert "Школа-аудит" not in client.get("/admin/audit?action=denied").text
    assert "Школа-аудит" in client.get("/admin/audit?action=create").text
    assert "Школа-аудит" in client.get("/admin/audit?object_type=School").text
    assert "Школа-аудит" not in client.get("/admin/audit?object_type=Visit").text
    assert client.get("/admin/audit?date_from=2150-01-01").status_code == 200
    assert "Школа-аудит" not in client.get("/admin/audit?date_from=2150-01-01").text
    assert db.session.scalar(select(AuditEvent.id)) is not None


def test_audit_reads_in_russian(client, login_as):
    """Actions, objects and fields by name, values formatted, references by name, local time."""
    school = factories.make_school(short_name="СОШ № 5")
    db.session.commit()
    admin = login_as(Role.ADMIN)
    assert school.is_active   # loaded, so that the audit knows the value before
    school.is_active = False
    db.session.commit()
    page = client.get("/admin/audit?object_type=School").text
    row = page[page.index('data-action="update"'):]
    row = row[:row.index("</tr>")]
    assert "изменение" in row and "Школа «СОШ № 5»" in row
    assert "Действует" in row and "да → нет" in row
    created = page[page.index('data-action="create"'):]
    assert "Муниципалитет" in created or "Муниципальное образование" in created
    assert school.municipality.name in created          # the reference by its name
    shown = html.fromstring(page).xpath("//table[@data-testid='audit']")[0].text_content()
    for code in ("update", "is_active", "School", "True", "UTC", "municipality_id", "T0"):
        assert code not in shown, code
    assert admin.login in client.get(f"/admin/audit?login={admin.login}").text


def test_audit_names_indicators_and_periods(client, login_as, runner):
    """A target's audit entry shows the indicator by its name and the period in words."""
    from tracker import audit
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    audit.record("update", object_type="IndicatorTarget", object_id=1,
                 changes={"code": ["", "teachers_with_plan"], "period": ["", "2022-H1"]})
    db.session.commit()
    login_as(Role.ADMIN)
    response = client.get("/admin/audit?object_type=IndicatorTarget")
    assert response.status_code == 200
    shown = html.fromstring(response.text).xpath("//table[@data-testid='audit']")[0].text_content()
    assert "индивидуальн" in shown and "2022-H1" not in shown and "teachers_with_plan" not in shown


def test_audit_of_a_submitted_period_reads_in_russian(client, login_as, runner):
    """The submission's state, step, stored report and snapshot read as words, not codes."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    result = runner.invoke(args=["period", "submit", "--municipality", "Усть-Илимск",
                                 "--period", "2022-H1", "--user", "coordinator", "--force"])
    assert result.exit_code == 0, result.output
    login_as(Role.ADMIN)
    shown = ""
    for model in ("PeriodClosing", "PeriodStep", "PeriodSnapshot"):
        page = html.fromstring(client.get(f"/admin/audit?object_type={model}").text)
        shown += page.xpath("//table[@data-testid='audit']")[0].text_content()
    for words in ("Усть-Илимск, 1 полугодие 2022", "открыт → представлен", "документ Word (DOCX)"):
        assert words in shown, words
    for code in ("submit", "application/", "openxmlformats", "fraction", "None", "{", "entries"):
        assert code not in shown, code
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d", shown)          # moments in local time, in words


def test_a_new_user_has_no_role_until_one_is_chosen(client, login_as):
    login_as(Role.ADMIN)
    page = html.fromstring(client.get("/admin/users/new").get_data(as_text=True))
    role = page.xpath("//select[@name='role']")[0]
    options = role.xpath("./option")
    assert options[0].get("value") == "" and role.get("required") is not None
    assert not any(option.get("selected") is not None for option in options[1:])
    response = client.post("/admin/users/new", data=user_data(role="", login="norole"))
    assert response.status_code == 422
    assert db.session.scalar(select(User).where(User.login == "norole")) is None
    assert 'value="norole"' in response.get_data(as_text=True)
