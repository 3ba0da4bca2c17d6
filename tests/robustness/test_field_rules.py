"""The rules every typed value obeys (tracker/forms.py, tracker/db.value_problem): a NUL
character, a text beyond its column, a number beyond an INTEGER column are refused on the
field in Russian, the field keeps what was typed and nothing is written — on both engines."""
import html
from datetime import date

from tracker.auth.models import Role
from tracker.db import INTEGER_RANGE, db, value_problem
from tracker.schools.models import School

from tests import factories
from tests.robustness.live import form_values

NUL_MESSAGE = "Текст содержит недопустимый нулевой символ (NUL)."


def _edit_school(client, login_as):
    municipality = factories.make_municipality()
    school = factories.make_school(municipality, "МБОУ «СОШ № 1»")
    login_as(Role.COORDINATOR, municipality=municipality)
    form = form_values(client.get(f"/schools/{school.id}/edit").get_data(as_text=True))
    return school, form


def _saved(school_id: int) -> School:
    db.session.rollback()
    return db.session.get(School, school_id)


def test_a_nul_character_is_refused_on_its_field_and_the_text_kept(app, client, login_as):
    school, form = _edit_school(client, login_as)
    response = client.post(f"/schools/{school.id}/edit",
                           data={**form, "short_name": "МБОУ «Лицей\x00 № 2»"}, csrf=False)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and NUL_MESSAGE in page
    assert 'value="МБОУ «Лицей № 2»"' in page
    assert _saved(school.id).short_name == "МБОУ «СОШ № 1»"


def test_a_text_beyond_its_length_is_refused_and_kept(app, client, login_as):
    school, form = _edit_school(client, login_as)
    typed = "Лицей " * 100
    response = client.post(f"/schools/{school.id}/edit", data={**form, "short_name": typed},
                           csrf=False)
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 422 and "Не более 200 символов." in page
    assert typed.strip() in page
    assert _saved(school.id).short_name == "МБОУ «СОШ № 1»"


def test_numbers_beyond_an_integer_column_are_refused(app, client, login_as):
    school, form = _edit_school(client, login_as)
    response = client.post(f"/schools/{school.id}/edit",
                           data={**form, "municipality_id": "99999999999999999999"}, csrf=False)
    assert response.status_code == 422
    assert _saved(school.id).version == 1
    listing = client.get("/schools/?year=99999999999999999999&category=-9223372036854775809"
                         "&page=100000000000000000000000000&q=" + "я" * 5000)
    assert listing.status_code == 200 and "Не более 100 символов." in listing.get_data(as_text=True)


def test_an_id_beyond_any_key_is_no_page(app, client, login_as):
    login_as(Role.ADMIN)
    for big in (2**31, 2**63, 10**30):
        assert client.get(f"/schools/{big}").status_code == 404


def test_value_problem_is_the_one_rule():
    low, high = INTEGER_RANGE
    assert value_problem(high) is None and value_problem(low) is None
    assert value_problem(high + 1) and value_problem(low - 1)
    assert value_problem("a\x00b") and value_problem("abc", max_length=2)
    assert value_problem("abc", max_length=3) is None and value_problem(True) is None
    assert value_problem(date(9999, 12, 31)) and value_problem(date(1, 1, 1))
    assert value_problem(date(2022, 6, 30)) is None


def test_a_date_no_page_can_count_with_is_refused(app, client, login_as):
    login_as(Role.ADMIN)
    response = client.get("/admin/audit?date_to=9999-12-31")
    assert response.status_code == 200 and "с 1900 по 2199 год" in response.text


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def test_every_form_of_the_application_obeys_the_rules(app):
    """A new form that derives from FlaskForm directly would skip the rules: derive BaseForm."""
    from flask_wtf import FlaskForm

    from tracker.forms import BaseForm
    outside = sorted(f"{form.__module__}.{form.__qualname__}" for form in _subclasses(FlaskForm)
                     if form.__module__.startswith("tracker.") and not issubclass(form, BaseForm))
    assert outside == []
