"""Legal forms are a reference list an admin edits; a department of another type stays inside
its organization."""
import re

from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.schools.models import DEFAULT_LEGAL_FORMS, LegalForm, School
from tracker.schools.services import legal_form_names

from tests import factories


def _new_school(client, **fields):
    data = {"full_name": "Учреждение", "legal_form": "МАОУ ДО", "org_type": "udo",
            "version": "0", **fields}
    return client.post("/schools/new", data=data)


def test_the_common_forms_are_offered_including_further_education_and_state_ones(client,
                                                                                 login_as):
    for name in ("МАОУ ДО", "МАУ ДО", "СПМАОУ", "ГБОУ", "ГБДОУ", "ГБУ ДО"):
        assert name in DEFAULT_LEGAL_FORMS
    town = factories.make_municipality()
    login_as(Role.COORDINATOR, municipality=town)
    page = client.get("/schools/new").text
    assert "СПМАОУ" in page and "ГБУ ДО" in page
    assert _new_school(client, short_name="МАОУ ДО «ЦДТ»").status_code == 302


def test_the_admin_adds_and_hides_a_form_and_the_form_choices_follow(client, login_as):
    login_as(Role.ADMIN)
    response = client.post("/admin/references/legal-forms", data={"name": "  МАУ  ДОД ",
                                                                 "position": "50"})
    assert response.status_code == 302
    names = db.session.scalars(select(LegalForm.name)).all()
    assert "МАУ ДОД" in names and "СПМАОУ" in names  # the common ones kept with the first
    again = client.post("/admin/references/legal-forms", data={"name": "мау дод"})
    assert "уже есть в списке" in again.text
    hidden = db.session.scalar(select(LegalForm).where(LegalForm.name == "СПМАОУ"))
    client.post(f"/admin/references/legal-forms/{hidden.id}/toggle")
    assert "СПМАОУ" not in legal_form_names()
    assert "СПМАОУ" in legal_form_names("СПМАОУ")  # an organization keeps its own form
    town = factories.make_municipality()
    refused = _new_school(client, municipality_id=town.id, short_name="СПМАОУ «Школа»",
                          legal_form="СПМАОУ")
    assert refused.status_code == 422
    assert db.session.scalar(select(School).where(School.short_name == "СПМАОУ «Школа»")) is None


def test_a_preschool_department_belongs_to_its_school(client, login_as):
    town = factories.make_municipality()
    school = factories.make_school(town, "МАОУ «СОШ № 5»")
    login_as(Role.COORDINATOR, municipality=town)
    response = _new_school(client, short_name="МАОУ «СОШ № 5» (дошкольное отделение)",
                           org_type="doo", legal_form="МАОУ", parent_id=str(school.id))
    assert response.status_code == 302
    department = db.session.scalar(select(School).where(School.parent_id == school.id))
    assert department.org_type == "doo" and department.is_department
    card = client.get(f"/schools/{school.id}").text
    assert "дошкольное отделение" in card and "Дошкольная" in card or "ДОО" in card


def test_bad_departments_are_refused_with_a_russian_message(client, login_as):
    town = factories.make_municipality()
    other_town = factories.make_municipality(town.region)
    school = factories.make_school(town, "МАОУ «СОШ № 5»")
    elsewhere = factories.make_school(other_town, "МАОУ «СОШ № 9»")
    department = factories.make_school(town, "Отделение", org_type="doo", parent=school)
    db.session.commit()
    login_as(Role.ADMIN)
    cases = [dict(parent_id=str(school.id), org_type="oo"),  # same type as the parent
             dict(parent_id=str(elsewhere.id), org_type="doo"),  # another municipality
             dict(parent_id=str(department.id), org_type="udo")]  # a department's department
    for number, case in enumerate(cases):
        response = _new_school(client, municipality_id=town.id, short_name=f"Отдел {number}",
                               **case)
        assert response.status_code in (200, 422), number  # a form or a service refusal
        if number < 2:
            assert "Отделение входит в организацию того же муниципалитета" in response.text, number
        else:  # a department is not even offered as a parent
            assert "Отделение" not in re.findall(r"<option[^>]*>([^<]*)", response.text)
    assert db.session.scalar(select(School).where(School.short_name.like("Отдел %"))) is None
