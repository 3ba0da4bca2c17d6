"""Visits: planning, recording, notes for the right eyes, follow-ups to closure, the DOCX sheet."""
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote

from docx import Document
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.visits.models import Recommendation, RecommendationEvent, Visit, VisitNote

from tests import factories
from tests.conftest import sign_in
from tests.program_factories import PDF

RECORD = {"planned_on": "2022-03-24", "kind": "consultation", "format": "in_person", "purpose": "Консультация",
          "agenda": "1. Программа", "findings": "Документы в порядке",
          "risk_profile_discussed": "y", "documents_sound": "y", "lessons_observed": "y",
          "lessons_observed_count": "2"}


def setting():
    school = factories.make_school(short_name="МАОУ «СОШ № 5»")
    curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
    factories.make_assignment(curator, school)
    director = factories.make_user(Role.DIRECTOR, school=school)
    coordinator = factories.make_user(Role.COORDINATOR, municipality=school.municipality)
    db.session.commit()
    return school, curator, director, coordinator


def test_curator_plans_then_records_the_visit(client):
    school, curator, _director, _coordinator = setting()
    sign_in(client, curator)
    response = client.post("/visits/new", data={
        "school_id": school.id, "planned_on": "2022-03-24", "kind": "setup",
        "format": "in_person", "purpose": "Первое посещение"})
    assert response.status_code == 302
    visit = db.session.scalar(select(Visit))
    assert (visit.status, visit.planned_on, visit.curator_id) == ("planned", date(2022, 3, 24),
                                                                  curator.id)
    response = client.post(f"/visits/{visit.id}/record", data=dict(
        RECORD, version=visit.version, visited_on="2022-03-25", complete="y",
        participants="Иванова Анна Петровна, заместитель директора\n\nПетров П. П."))
    assert response.status_code == 302
    db.session.expire_all()
    assert visit.status == "completed" and visit.visited_on == date(2022, 3, 25)
    assert [(p.name, p.position) for p in visit.participants] == [
        ("Иванова Анна Петровна", "заместитель директора"), ("Петров П. П.", "")]
    assert visit.risk_profile_discussed and visit.documents_sound and not visit.measures_on_time
    assert visit.lessons_observed_count == 2
    page = client.get(f"/visits/{visit.id}").text
    assert "Проведено" in page and "Иванова Анна Петровна" in page


def test_completing_without_a_date_keeps_the_input(client):
    school, curator, *_ = setting()
    visit = factories.make_visit(school, curator, status="planned", visited_on=None,
                                 planned_on=date.today() + timedelta(days=3))
    db.session.commit()
    sign_in(client, curator)
    response = client.post(f"/visits/{visit.id}/record", data=dict(
        RECORD, version=visit.version, visited_on="", complete="y", findings="Мои выводы"))
    assert response.status_code == 200
    assert "Укажите дату, когда состоялось посещение" in response.text
    assert "Мои выводы" in response.text
    db.session.expire_all()
    assert visit.status == "planned"


def test_a_stale_record_is_refused_and_shows_the_difference(client):
    school, curator, *_ = setting()
    visit = factories.make_visit(school, curator)
    db.session.commit()
    sign_in(client, curator)
    old_version = visit.version
    visit.findings = "Сохранено другим"
    db.session.commit()
    response = client.post(f"/visits/{visit.id}/record", data=dict(
        RECORD, version=old_version, visited_on="2022-03-01", findings="Моё"))
    assert response.status_code == 200 and "Сохранено другим" in response.text
    db.session.expire_all()
    assert visit.findings == "Сохранено другим"


def test_a_planned_visit_past_its_date_shows_as_missed(client):
    school, curator, *_ = setting()
    visit = factories.make_visit(school, curator, status="planned", visited_on=None,
                                 planned_on=date(2022, 5, 1))
    upcoming = factories.make_visit(school, curator, status="planned", visited_on=None,
                                    planned_on=date.today() + timedelta(days=1))
    db.session.commit()
    assert visit.is_missed() and visit.status == "planned"
    assert not upcoming.is_missed()
    sign_in(client, curator)
    assert "Пропущено" in client.get(f"/visits/{visit.id}").text
    listed = client.get("/visits/?status=missed").text
    assert f"/visits/{visit.id}\"" in listed and f"/visits/{upcoming.id}\"" not in listed


def test_only_the_assigned_curator_records_visits(client):
    school, curator, *_ = setting()
    other_school = factories.make_school(school.municipality)
    stranger = factories.make_user(Role.CURATOR, region=school.municipality.region)
    foreign_visit = factories.make_visit(other_school, stranger)
    ended = factories.make_user(Role.CURATOR, region=school.municipality.region)
    factories.make_assignment(ended, school, ends_on=date(2022, 6, 30))
    old_visit = factories.make_visit(school, ended)
    db.session.commit()

    sign_in(client, curator)
    response = client.post("/visits/new", data={
        "school_id": other_school.id, "planned_on": "2022-03-24", "kind": "setup",
        "format": "in_person"})
    assert response.status_code == 422
    assert db.session.scalar(select(Visit).where(Visit.school_id == other_school.id)) \
        == foreign_visit
    assert client.get(f"/visits/{foreign_visit.id}").status_code == 404
    assert other_school.short_name not in client.get("/visits/").text
    # a colleague's visit to my school: visible, not editable by me
    assert client.get(f"/visits/{old_visit.id}").status_code == 200
    assert client.get(f"/visits/{old_visit.id}/record").status_code == 403

    sign_in(client, ended)  # the assignment has ended: the school is out of scope
    assert client.get(f"/visits/{old_visit.id}").status_code == 404


def test_the_school_never_sees_a_curator_only_note(client):
    school, curator, director, coordinator = setting()
    visit = factories.make_visit(school, curator)
    db.session.commit()
    sign_in(client, curator)
    client.post(f"/visits/{visit.id}/notes", data={"note": "Видно школе", "visibility": "school"})
    client.post(f"/visits/{visit.id}/notes", data={"note": "Только для своих",
                                                   "visibility": "internal"})
    assert [n.visibility for n in db.session.scalars(select(VisitNote))] == ["school",
                                                                            "internal"]
    for user, sees_internal in ((director, False), (coordinator, True), (curator, True)):
        sign_in(client, user)
        page = client.get(f"/visits/{visit.id}").text
        sheet = docx_text(client.get(f"/visits/{visit.id}/sheet.docx").data)
        assert "Видно школе" in page and "Видно школе" in sheet
        assert ("Только для своих" in page) is sees_internal, user.role
        assert ("Только для своих" in sheet) is sees_internal, user.role


def docx_text(data: bytes) -> str:
    document = Document(BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def test_visit_sheet_is_an_a4_times_document_with_a_cyrillic_name(client):
    school, curator, director, _ = setting()
    visit = factories.make_visit(school, curator, visited_on=date(2022, 3, 24))
    visit.findings = "Программа разработана"
    factories.make_recommendation(visit, text="Провести педсовет", due_on=date(2022, 4, 29))
    db.session.commit()
    sign_in(client, director)
    response = client.get(f"/visits/{visit.id}/sheet.docx")
    assert response.status_code == 200
    disposition = unquote(response.headers["Content-Disposition"])
    assert disposition.startswith("attachment")
    assert "Лист посещения МАОУ «СОШ № 5» 24.03.2022.docx" in disposition
    document = Document(BytesIO(response.data))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert document.paragraphs[0].text == "Лист посещения школы куратором"
    first = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert first["Дата"] == "24.03.2022" and first["Вид посещения"] == "Консультационный"
    recommendations = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert ["Провести педсовет", "", "29.04.2022", "Открыта"] in recommendations


def test_follow_up_is_answered_returned_answered_and_closed(client):
    school, curator, director, _ = setting()
    visit = factories.make_visit(school, curator)
    db.session.commit()
    sign_in(client, curator)
    for text in ("Провести педсовет", "Обновить сайт"):
        response = client.post(f"/visits/{visit.id}/recommendations", data={
            "text": text, "due_on": "2022-04-29"})
        assert response.status_code == 302
    first, second = db.session.scalars(select(Recommendation).order_by(Recommendation.id))
    assert first.status == "open" and (first.risk_direction_id, first.measure_id) == (None, None)

    # the curator cannot decide before the school answers
    client.post(f"/visits/recommendations/{first.id}/decision",
                data={"version": first.version, "decision": "close"})
    db.session.expire_all()
    assert first.status == "open"

    sign_in(client, director)
    assert client.post(f"/visits/recommendations/{first.id}/answer",
                       data={"version": first.version, "text": "Педсовет проведён"}
                       ).status_code == 302
    sign_in(client, curator)
    unexplained = client.post(f"/visits/recommendations/{first.id}/decision",
                              data={"version": first.version, "decision": "return"})
    assert unexplained.status_code == 422
    assert "Укажите, что школе нужно доработать." in unexplained.text
    db.session.expire_all()
    assert first.status == "answered"
    client.post(f"/visits/recommendations/{first.id}/decision",
                data={"version": first.version, "decision": "return", "comment": "Протокол?"})
    db.session.expire_all()
    assert first.status == "returned"
    sign_in(client, director)
    client.post(f"/visits/recommendations/{first.id}/answer",
                data={"version": first.version, "text": "Протокол № 7 приложен"})
    sign_in(client, curator)
    client.post(f"/visits/recommendations/{first.id}/decision",
                data={"version": first.version, "decision": "close"})
    db.session.expire_all()
    assert (first.status, second.status) == ("closed", "open")
    history = [(e.action, e.text, e.author_id) for e in db.session.scalars(
        select(RecommendationEvent).order_by(RecommendationEvent.id))]
    assert history == [("answered", "Педсовет проведён", director.id),
                       ("returned", "Протокол?", curator.id),
                       ("answered", "Протокол № 7 приложен", director.id),
                       ("closed", "", curator.id)]
    page = client.get(f"/visits/recommendations/{first.id}").text
    assert "Протокол № 7 приложен" in page and "Закрыта" in page


def test_a_stale_answer_is_refused_and_keeps_the_text(client):
    school, curator, director, _ = setting()
    item = factories.make_recommendation(factories.make_visit(school, curator))
    db.session.commit()
    sign_in(client, director)
    response = client.post(f"/visits/recommendations/{item.id}/answer",
                           data={"version": item.version + 5, "text": "Мой ответ"})
    assert response.status_code == 200 and "Мой ответ" in response.text
    db.session.expire_all()
    assert item.status == "open" and not item.events


def test_a_director_answers_only_the_own_school(app, client):
    school, curator, director, _ = setting()
    other = factories.make_school(school.municipality)
    factories.make_assignment(curator, other)
    item = factories.make_recommendation(factories.make_visit(other, curator))
    db.session.commit()
    sign_in(client, director)
    response = client.post(f"/visits/recommendations/{item.id}/answer",
                           data={"version": item.version, "text": "Чужое",
                                 "file": (BytesIO(PDF), "Протокол.pdf")},
                           content_type="multipart/form-data")
    assert response.status_code == 404
    assert client.get(f"/visits/recommendations/{item.id}").status_code == 404
    db.session.expire_all()  # nothing stored: no answer, no status change, no file
    assert item.status == "open" and item.events == []
    assert db.session.scalars(select(RecommendationEvent)).all() == []
    assert [p for p in Path(app.config["UPLOAD_DIR"]).rglob("*") if p.is_file()] == []


def test_open_and_overdue_follow_ups_on_home_pages(client):
    school, curator, director, coordinator = setting()
    visit = factories.make_visit(school, curator)
    today = date.today()
    factories.make_recommendation(visit, text="Просроченная", due_on=today - timedelta(days=1))
    factories.make_recommendation(visit, text="В срок", due_on=today + timedelta(days=10))
    factories.make_recommendation(visit, text="С ответом", status="answered",
                                  due_on=today - timedelta(days=5))
    factories.make_recommendation(visit, text="Закрытая", status="closed")
    db.session.commit()

    sign_in(client, director)
    home = client.get("/").text
    assert "Просроченная" in home and "В срок" in home
    assert "С ответом" not in home and "Закрытая" not in home
    assert "просрочено: 1" in home
    sign_in(client, curator)
    home = client.get("/").text
    assert "Просроченная" in home and "С ответом" in home and "Закрытая" not in home
    assert "(3, " in home and "просрочено: 1" in home
    sign_in(client, coordinator)
    assert "Просроченная" not in client.get("/").text


def test_recommendations_only_on_a_completed_visit(client):
    school, curator, *_ = setting()
    visit = factories.make_visit(school, curator, status="planned", visited_on=None)
    db.session.commit()
    sign_in(client, curator)
    response = client.post(f"/visits/{visit.id}/recommendations",
                           data={"text": "Рано", "due_on": "2022-04-29"})
    assert response.status_code == 200
    assert "Рекомендации даются по итогам проведённого посещения" in response.text
    assert db.session.scalar(select(Recommendation)) is None
