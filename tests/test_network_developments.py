"""Methodical developments: recorded by a school's director or the coordinator, refused with the
typed text kept, kept within the school's scope, deleted only on confirmation, and counted as
indicators of the records (authors once per organization, levels cumulative, as of the period's
end)."""
from datetime import date

import pytest
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators.metrics import METRICS
from tracker.network.development_models import MethodicalDevelopment
from tracker.network.development_services import record_development
from tracker.periods import HalfYear, Year

from tests import factories
from tests.conftest import sign_in

FORM = {"version": "0", "title": "Рабочая программа «Читательская грамотность»",
        "authors": "Иванова Анна Петровна\nПетрова Ольга Ильинична", "kind": "program",
        "reach": "municipal", "dated_on": "2022-03-15", "publication": "", "link": ""}


@pytest.fixture
def town(app):
    municipality = factories.make_municipality()
    schools = [factories.make_school(municipality, f"МБОУ «СОШ № {n}»") for n in (1, 2)]
    db.session.commit()
    return municipality, schools


def count_developments() -> int:
    return db.session.scalar(select(func.count(MethodicalDevelopment.id)))


def test_a_director_records_a_development_of_the_school(client, login_as, town):
    municipality, (own, _other) = town
    login_as(Role.DIRECTOR, school=own)
    url = f"/network/developments/new?municipality={municipality.id}"
    page = client.get(url).text
    assert "МБОУ «СОШ № 1»" in page and "МБОУ «СОШ № 2»" not in page
    data = dict(FORM, school_id=str(own.id))
    unlinked = client.post(url, data=dict(data, publication="school_site"))
    assert unlinked.status_code == 422
    assert "Для разработки, опубликованной в сети, укажите ссылку." in unlinked.text
    assert "Читательская грамотность" in unlinked.text and "Петрова Ольга Ильинична" in unlinked.text
    bad_link = client.post(url, data=dict(data, publication="school_site",
                                          link="javascript:alert(1)"))
    assert "Укажите полный адрес (https://…)." in bad_link.text
    no_author = client.post(url, data=dict(data, authors=" ,\n ;"))
    assert "Укажите хотя бы одного автора." in no_author.text
    assert count_developments() == 0
    saved = client.post(url, data=dict(data, publication="school_site",
                                       link="https://school1.example.ru/metod"))
    assert saved.status_code == 302
    development = db.session.scalar(select(MethodicalDevelopment))
    assert development.author_list == ["Иванова Анна Петровна", "Петрова Ольга Ильинична"]
    listed = client.get(saved.headers["Location"]).text
    assert "Представлена на муниципальном уровне" in listed
    assert 'href="https://school1.example.ru/metod"' in listed and "Сайт школы" in listed


def test_another_schools_director_neither_sees_nor_records_there(client, app, town):
    municipality, (own, other) = town
    owner = factories.make_user(Role.DIRECTOR, school=own)
    outsider = factories.make_user(Role.DIRECTOR, school=other)
    development = record_development(school_id=own.id, title="Пособие", authors="Иванова",
                                     kind="teaching_aid", reach="organization",
                                     dated_on=date(2022, 2, 1))
    db.session.commit()
    assert owner.school_id == own.id
    sign_in(client, outsider)
    assert "Пособие" not in client.get(f"/network/developments?municipality={municipality.id}"
                                       ).text
    assert client.get(f"/network/developments/{development.id}/edit").status_code == 404
    foreign = client.post(f"/network/developments/new?municipality={municipality.id}",
                          data=dict(FORM, school_id=str(own.id)))
    assert foreign.status_code == 422 and count_developments() == 1
    for user in (factories.make_user(Role.CURATOR), factories.make_user(Role.REGIONAL)):
        db.session.commit()
        sign_in(client, user)
        assert client.get(f"/network/developments/{development.id}/edit").status_code in (403,
                                                                                          404)


def test_the_coordinator_corrects_and_deletes_only_on_confirmation(client, login_as, town):
    municipality, (own, other) = town
    development = record_development(school_id=own.id, title="Методички", authors="Иванова",
                                     kind="recommendations", reach="organization",
                                     dated_on=date(2022, 2, 1))
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=municipality)
    edit = f"/network/developments/{development.id}/edit"
    assert client.post(edit, data=dict(FORM, version=str(development.version),
                                       school_id=str(other.id), reach="regional")
                       ).status_code == 302
    db.session.refresh(development)
    assert (development.school_id, development.reach) == (other.id, "regional")
    client.post(f"/network/developments/{development.id}/delete", data={})
    assert count_developments() == 1
    deleted = client.post(f"/network/developments/{development.id}/delete",
                          data={"confirm": "delete"})
    assert deleted.status_code == 302 and count_developments() == 0


def test_the_indicators_count_authors_once_per_organization_as_of_the_period_end(town):
    municipality, (first, second) = town
    for school, title, authors, reach, publication, day in (
            (first, "Программа", "Иванова А.П.\nПетрова О.И.", "municipal", None,
             date(2022, 3, 1)),
            (first, "Урок", "иванова а.п.", "regional", "school_site", date(2022, 5, 1)),
            (first, "Осенняя", "Сидорова Е.В.", "regional", "regional_portal", date(2022, 10, 1)),
            (second, "Своя", "Иванова А.П.", "organization", "teacher_page", date(2022, 4, 1))):
        record_development(school_id=school.id, title=title, authors=authors, kind="lesson",
                           reach=reach, dated_on=day, publication=publication,
                           link="https://example.ru/x" if publication else "")
    db.session.commit()
    ids = select(MethodicalDevelopment.school_id).distinct()

    def figures(code, period):
        return {school_id: fraction.numerator
                for school_id, fraction in METRICS[code].count(ids, period).items()}

    h1 = HalfYear(2022, 1)
    assert figures("development_authors_municipal", h1) == {first.id: 2}
    assert figures("development_authors_regional", h1) == {first.id: 1}
    assert figures("development_authors_online", h1) == {first.id: 1, second.id: 1}
    assert figures("development_authors_school_site", h1) == {first.id: 1}
    assert figures("school_site_materials", h1) == {first.id: 1}
    year = Year(2022)
    assert figures("development_authors_regional", year) == {first.id: 2}
    assert figures("development_authors_municipal", year) == {first.id: 3}
    assert municipality.id == first.municipality_id
