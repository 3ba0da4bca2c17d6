from pathlib import Path

from sqlalchemy import func, select

from tracker.auth.models import User
from tracker.db import db
from tracker.demo import data
from tracker.demo import seed as demo_seed
from tracker.demo.models import Installation
from tracker.schools.models import School, SchoolYearStatus

from tests import factories
from tests.conftest import sign_in


def seed(runner):
    return runner.invoke(args=["seed-demo"])


def test_seed_demo_loads_the_municipality_and_prints_logins(runner):
    result = seed(runner)
    assert result.exit_code == 0, result.output
    assert "Demo loaded." in result.output and "coordinator" in result.output
    listed = db.session.execute(
        select(School.short_name, SchoolYearStatus.is_project_500)
        .join(SchoolYearStatus).where(SchoolYearStatus.year == 2022,
                                      SchoolYearStatus.category_id.is_not(None))
        .join(School.municipality).where(School.municipality.has(name="Усть-Илимск"))).all()
    assert len(listed) == 7
    assert {name for name, in_500 in listed if in_500} == {
        "МАОУ «СОШ № 5»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 17»"}


def test_seed_demo_is_idempotent(runner):
    seed(runner)
    counts = db.session.scalar(select(func.count(School.id)))
    result = seed(runner)
    assert result.exit_code == 0 and "nothing changed" in result.output
    assert db.session.scalar(select(func.count(School.id))) == counts


def test_seed_demo_refuses_real_data(runner):
    factories.make_user("admin", login="real-admin")
    db.session.commit()
    result = seed(runner)
    assert result.exit_code != 0 and "not the demo" in result.output
    assert db.session.scalar(select(func.count(School.id))) == 0


def test_each_demo_login_sees_exactly_its_scope(runner, app):
    seed(runner)
    ust_ilimsk = {row[0] for row in data.SCHOOLS}
    expected = {
        "admin": ust_ilimsk | {row[0] for row in data.OTHER_SCHOOLS},
        "region": ust_ilimsk | {row[0] for row in data.OTHER_SCHOOLS},
        "coordinator": ust_ilimsk,
        "curator": {row[0] for row in data.SCHOOLS if row[4]},
        "director": {data.DIRECTOR_SCHOOL},
    }
    every = expected["admin"]
    for login, visible in expected.items():
        client = app.test_client()
        sign_in(client, db.session.scalar(select(User).where(User.login == login)))
        html = client.get("/schools/?page=1").text + client.get("/schools/?page=2").text
        shown = {name for name in every if f">{name}<" in html.replace("&#34;", '"')}
        assert shown == visible, login


def test_reloading_an_older_demo_removes_the_files_of_the_old_one(runner, app):
    seed(runner)
    old_files = demo_seed.stored_files()
    assert old_files, "the demo holds uploaded evidence and documents"
    db.session.scalar(select(Installation)).data_version = "older"
    db.session.commit()

    result = seed(runner)
    assert result.exit_code == 0 and "reloaded" in result.output
    upload_dir = Path(app.config["UPLOAD_DIR"])
    assert not any((upload_dir / name).exists() for name in old_files)
    assert all((upload_dir / name).exists() for name in demo_seed.stored_files())
