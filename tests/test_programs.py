"""Review workflow of programs and documents, measures with stale edits, evidence verdicts,
comments, overdue marks, queues and the pipeline."""
import io
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.programs.measure_models import Evidence, Measure, MeasureComment
from tracker.programs.models import AntiRiskProgram, ConceptDocument, ReviewTransition

from tests import factories, program_factories as pf
from tests.conftest import sign_in
from tests.upload_corpus import PDF, pdf_bytes


def text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


@pytest.fixture
def school_world(app):
    school = factories.make_school()
    region = school.municipality.region
    director = factories.make_user(Role.DIRECTOR, school=school)
    curator = factories.make_user(Role.CURATOR, region=region)
    factories.make_assignment(curator, school)
    coordinator = factories.make_user(Role.COORDINATOR, municipality=school.municipality)
    direction = pf.make_direction(name="Дефицит педагогических кадров")
    program = pf.make_program(school, direction)
    measure = pf.make_measure(program, title="Трудоустройство педагогов",
                              due_on=date.today() + timedelta(days=5))
    db.session.commit()
    return {"school": school, "director": director, "curator": curator,
            "coordinator": coordinator, "program": program, "measure": measure,
            "direction": direction}


def as_user(app, user):
    client = app.test_client()
    sign_in(client, user)
    return client


def test_program_review_keeps_every_transition(app, school_world):
    w = school_world
    director, curator = as_user(app, w["director"]), as_user(app, w["curator"])
    url = f"/programs/{w['program'].id}"
    assert director.post(url + "/submit", data={"action": "submit"}).status_code == 302
    response = curator.post(url + "/review", data={"action": "return", "comment": ""})
    assert response.status_code == 422 and "комментарий" in text(response)
    assert curator.post(url + "/review", data={"action": "return",
                                               "comment": "Уточните показатели"}).status_code == 302
    assert director.post(url + "/submit", data={"action": "submit"}).status_code == 302
    assert curator.post(url + "/review", data={"action": "approve"}).status_code == 302
    program = db.session.get(AntiRiskProgram, w["program"].id)
    db.session.refresh(program)
    steps = [(t.from_status, t.to_status, t.comment) for t in program.transitions]
    assert steps == [("draft", "in_review", ""), ("in_review", "returned", "Уточните показатели"),
                     ("returned", "in_review", ""), ("in_review", "approved", "")]
    assert program.status == "approved"
    page = text(director.get(url))
    assert "«Уточните показатели»" in page and "согласовано" in page
    # changing an approved program starts a new round of review
    edit = director.post(url + "/edit", data={"version": program.version, "goal": "Новая цель",
                                              "tasks": "Задача", "expected_results": "",
                                              "responsible": ""})
    assert edit.status_code == 302
    db.session.refresh(program)
    assert program.status == "draft" and program.transitions[-1].to_status == "draft"


def test_director_cannot_review_and_coordinator_cannot_edit(app, school_world):
    w = school_world
    director = as_user(app, w["director"])
    assert director.post(f"/programs/{w['program'].id}/review",
                         data={"action": "approve"}).status_code == 403
    coordinator = as_user(app, w["coordinator"])
    assert coordinator.get(f"/programs/{w['program'].id}/edit").status_code == 403
    assert coordinator.get(f"/programs/{w['program'].id}").status_code == 200


def test_document_revision_keeps_the_approved_version(app, school_world):
    w = school_world
    director, curator = as_user(app, w["director"]), as_user(app, w["curator"])
    response = director.post(f"/programs/schools/{w['school'].id}/documents", data={
        "kind": "concept", "year": "2022", "title": "Концепция",
        "file": (io.BytesIO(PDF), "Концепция развития.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 302
    document = db.session.scalar(select(ConceptDocument))
    url = f"/programs/documents/{document.id}"
    director.post(url + "/submit", data={"action": "submit"})
    curator.post(url + "/review", data={"action": "approve"})
    db.session.refresh(document)
    assert document.status == "approved"
    second = pdf_bytes("version 2")
    response = director.post(url + "/versions", data={
        "version": str(document.version), "note": "после совещания",
        "file": (io.BytesIO(second), "Концепция развития v2.pdf")},
        content_type="multipart/form-data")
    assert response.status_code == 302
    db.session.refresh(document)
    assert [v.number for v in document.versions] == [2, 1] and document.status == "draft"
    old = document.versions[1]
    assert director.get(f"/programs/document-versions/{old.id}/file").data == PDF
    stale = director.post(url + "/versions", data={
        "version": "1", "file": (io.BytesIO(second), "ещё.pdf")},
        content_type="multipart/form-data")
    assert stale.status_code == 409 and "изменена другим пользователем" in text(stale)
    assert len(document.versions) == 2


def test_stale_measure_edit_is_refused_and_the_input_kept(app, school_world):
    w = school_world
    first, second = as_user(app, w["director"]), as_user(app, w["director"])
    measure = w["measure"]
    form = {"version": str(measure.version), "title": measure.title, "task": "",
            "due_on": measure.due_on.isoformat(), "responsible": "Директор",
            "expected_result": "", "evidence_kind": "приказ", "status": "in_progress",
            "reason": ""}
    assert first.post(f"/programs/measures/{measure.id}/edit", data=form).status_code == 302
    mine = dict(form, title="Трудоустройство трёх педагогов", responsible="Завуч")
    response = second.post(f"/programs/measures/{measure.id}/edit", data=mine)
    assert response.status_code == 409
    page = text(response)
    assert "изменена другим пользователем" in page
    assert 'value="Трудоустройство трёх педагогов"' in response.text
    assert "Директор" in page and "Завуч" in page
    db.session.refresh(measure)
    assert measure.title == "Трудоустройство педагогов"
    postponed = dict(form, version=str(measure.version), status="postponed", reason="")
    response = first.post(f"/programs/measures/{measure.id}/edit", data=postponed)
    assert response.status_code == 422 and "причину" in text(response)


def test_evidence_verdicts_reupload_and_confirmation(app, school_world):
    w = school_world
    director, curator = as_user(app, w["director"]), as_user(app, w["curator"])
    measure_id = w["measure"].id
    director.post(f"/programs/measures/{measure_id}/evidence", data={
        "file": (io.BytesIO(PDF), "Приказ.pdf"), "comment": ""},
        content_type="multipart/form-data")
    first = db.session.scalar(select(Evidence))
    assert "Приказ.pdf" in text(curator.get("/programs/queue"))
    page = curator.get(f"/programs/measures/{measure_id}").get_data(as_text=True)
    assert 'type="radio"' in page and "checked" not in page  # no verdict is preselected
    response = curator.post(f"/programs/evidence/{first.id}/verdict", data={"comment": "Проверю позже"})
    assert response.status_code == 422 and "Выберите решение" in text(response)
    assert "Проверю позже" in text(response) and db.session.get(Evidence, first.id).verdict == "pending"
    response = curator.post(f"/programs/evidence/{first.id}/verdict",
                            data={"verdict": "needs_work", "comment": ""})
    assert response.status_code == 422
    curator.post(f"/programs/evidence/{first.id}/verdict",
                 data={"verdict": "needs_work", "comment": "Нет подписи"})
    queue = text(director.get("/programs/queue"))
    assert "Нет подписи" in queue and "Трудоустройство педагогов" in queue
    director.post(f"/programs/measures/{measure_id}/evidence", data={
        "url": "https://school5.example/prikaz", "replaces_id": str(first.id), "comment": ""},
        content_type="multipart/form-data")
    second = db.session.scalar(select(Evidence).where(Evidence.id != first.id))
    assert second.replaces_id == first.id and second.url
    assert "Нет подписи" not in text(director.get("/programs/queue"))
    curator.post(f"/programs/evidence/{second.id}/verdict", data={"verdict": "accepted"})
    again = curator.post(f"/programs/evidence/{second.id}/verdict",
                         data={"verdict": "needs_work", "comment": "передумал"})
    assert again.status_code == 422
    curator.post(f"/programs/measures/{measure_id}/confirm")
    assert db.session.get(Measure, measure_id).status == "in_progress"  # not done yet
    measure = db.session.get(Measure, measure_id)
    director.post(f"/programs/measures/{measure_id}/edit", data={
        "version": str(measure.version), "title": measure.title, "task": "",
        "due_on": measure.due_on.isoformat(), "status": "done"})
    curator.post(f"/programs/measures/{measure_id}/confirm")
    db.session.refresh(measure)
    assert measure.status == "confirmed"


def test_comment_thread_between_school_curator_and_coordinator(app, school_world):
    w = school_world
    url = f"/programs/measures/{w['measure'].id}/comments"
    for user, line in ((w["director"], "Загрузим до пятницы"), (w["curator"], "Жду приказ"),
                       (w["coordinator"], "Нужно для отчёта")):
        assert as_user(app, user).post(url, data={"text": line}).status_code == 302
    regional = factories.make_user(Role.REGIONAL, region=w["school"].municipality.region)
    db.session.commit()
    assert as_user(app, regional).post(url, data={"text": "?"}).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(MeasureComment)) == 3


def test_overdue_measures_are_marked_and_the_pipeline_counts(app, school_world):
    w = school_world
    late = pf.make_measure(w["program"], title="Просроченный мониторинг",
                           due_on=date.today() - timedelta(days=10))
    pf.make_evidence(w["measure"], w["director"])
    db.session.commit()
    director = as_user(app, w["director"])
    program_page = director.get(f"/programs/{w['program'].id}").text
    assert program_page.count('data-testid="overdue"') == 1
    assert "просрочено" in text(director.get(f"/programs/measures/{late.id}"))
    assert "просрочено" in text(director.get("/programs/queue"))
    listing = director.get("/programs/?year=2022").text
    assert 'class="overdue"' in listing
    coordinator = as_user(app, w["coordinator"])
    page = coordinator.get("/programs/pipeline")
    row = re.search(r"<tr class=\"overdue\">(.*?)</tr>", page.text, re.S).group(1)
    cells = [re.sub(r"<[^>]+>|\s+", " ", c).strip()
             for c in re.findall(r"<td.*?>(.*?)</td>", row, re.S)]
    assert cells[1].startswith("1") and cells[2] == "0" and cells[3] == "1"


def test_demo_programs_follow_the_report(app, runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    rows = db.session.execute(select(AntiRiskProgram.school_id, func.count())
                              .group_by(AntiRiskProgram.school_id)).all()
    assert sorted(count for _, count in rows) == [2, 3, 5]
    titles = set(db.session.scalars(select(Measure.title)))
    assert any("Развитие социального капитала" in t for t in titles)
    assert any("ТЛТУ" in t for t in titles)
    assert any("читательской грамотности" in t for t in titles)
    verdicts = set(db.session.scalars(select(Evidence.verdict)))
    assert verdicts == {"pending", "accepted", "needs_work"}
    assert db.session.scalar(select(func.count()).select_from(ReviewTransition)) > 10


def test_school_adopts_a_suggested_measure(app, school_world):
    w = school_world
    suggestion = pf.make_suggestion(w["direction"], title="Анализ кадровых потребностей")
    other = pf.make_suggestion(pf.make_direction(name="Другое", position=2), title="Чужое")
    db.session.commit()
    director = as_user(app, w["director"])
    url = f"/programs/{w['program'].id}/adopt"
    response = director.post(url, data={"suggestion_id": suggestion.id, "due_on": "2022-09-30"})
    assert response.status_code == 302 and "/edit" in response.location
    adopted = db.session.scalar(select(Measure).where(Measure.title == suggestion.title))
    assert adopted.program_id == w["program"].id and adopted.evidence_kind == "справка"
    assert director.post(url, data={"suggestion_id": other.id,
                                    "due_on": "2022-09-30"}).status_code == 422


def test_program_indicators_from_the_demo(app, runner, client):
    from tracker.indicators.metrics import METRICS
    from tracker.indicators.providers import DRILLDOWNS
    from tracker.periods import HalfYear
    from tracker.schools.models import School

    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    names = dict(db.session.execute(select(School.id, School.short_name)).all())
    ids = select(School.id)
    h1 = HalfYear(2022, 1)

    def by_name(code):
        return {names[k]: (v.numerator, v.denominator)
                for k, v in METRICS[code].count(ids, h1).items()}

    assert by_name("measures_on_time") == {"МАОУ «СОШ № 5»": (5, 5),
                                           "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (5, 7),
                                           "МБОУ «СОШ № 17»": (5, 5)}
    assert by_name("evidence_accepted") == {"МАОУ «СОШ № 5»": (3, 5),
                                            "МАОУ «СОШ № 7 имени Пичуева Л.П.»": (3, 5),
                                            "МБОУ «СОШ № 17»": (2, 5)}
    school_7 = next(k for k, v in names.items() if "СОШ № 7" in v)
    with app.test_request_context():
        records = DRILLDOWNS["measures_on_time"](school_7, h1)
    assert len(records.counted) == 5 and len(records.not_counted) == 2
    assert all(row.url.startswith("/programs/measures/") for row in records.rows)


def test_stale_program_edit_shows_what_changed(app, school_world):
    w = school_world
    program = w["program"]
    form = {"version": str(program.version), "goal": "Цель коллеги", "tasks": "Задача 1",
            "expected_results": "", "responsible": ""}
    first, second = as_user(app, w["director"]), as_user(app, w["director"])
    assert first.post(f"/programs/{program.id}/edit", data=form).status_code == 302
    response = second.post(f"/programs/{program.id}/edit", data=dict(form, goal="Моя цель"))
    assert response.status_code == 409
    page = text(response)
    assert "изменена другим пользователем" in page and "Цель коллеги" in page
    assert "Моя цель" in response.text.split("</table>")[-1]  # kept in the form below
    db.session.refresh(program)
    assert program.goal == "Цель коллеги"
