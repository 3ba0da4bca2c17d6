"""Files of visits and of the school's answers: the upload rules of evidence, the visibility of
notes, the scope of the school; a refused or failed upload leaves neither a file nor a row."""
import io
import os
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from tracker.auth.models import Role
from tracker.db import db
from tracker.visits.models import RecommendationEvent, Visit, VisitAttachment

from tests import factories
from tests.conftest import sign_in
from tests.test_visits import RECORD, docx_text, setting
from tests.upload_corpus import PDF, docx, hostile_corpus

MAX_FILE = 200 * 1024


@pytest.fixture
def small_uploads(app, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", MAX_FILE)
    return Path(app.config["UPLOAD_DIR"])


def stored_files(directory: Path) -> list[str]:
    return sorted(os.listdir(directory)) if directory.exists() else []


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def answer_files() -> int:
    return db.session.scalar(select(func.count()).select_from(RecommendationEvent)
                             .where(RecommendationEvent.stored_name.is_not(None)))


def multipart(client, url: str, name: str, data: bytes, *, field: str = "file", **form):
    return client.post(url, data={field: (io.BytesIO(data), name), **form},
                       content_type="multipart/form-data")


def planned(school, curator) -> Visit:
    visit = factories.make_visit(school, curator, status="planned", visited_on=None,
                                 planned_on=date(2022, 3, 24))
    db.session.commit()
    return visit


def test_curator_attaches_a_file_when_completing_the_visit(client, small_uploads):
    school, curator, director, _ = setting()
    visit = planned(school, curator)
    sign_in(client, curator)
    content = docx()
    response = multipart(client, f"/visits/{visit.id}/record", "Лист посещения (подписан).docx",
                         content, field="attachment", attachment_visibility="school",
                         **RECORD, version=visit.version, visited_on="2022-03-24", complete="y")
    assert response.status_code == 302
    db.session.expire_all()
    attachment = db.session.scalars(select(VisitAttachment)).one()
    assert visit.status == "completed" and attachment.visit_id == visit.id
    assert (attachment.original_name, attachment.size, attachment.visibility,
            attachment.uploaded_by_id) == ("Лист посещения (подписан).docx", len(content),
                                           "school", curator.id)
    assert stored_files(small_uploads) == [attachment.stored_name]

    sign_in(client, director)
    assert "Лист посещения (подписан).docx" in client.get(f"/visits/{visit.id}").text
    response = client.get(f"/visits/attachments/{attachment.id}")
    assert response.status_code == 200 and response.data == content
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert f"filename*=UTF-8''{quote('Лист посещения (подписан).docx')}" in disposition


def test_hostile_uploads_leave_no_file_and_no_row(client, small_uploads):
    school, curator, director, _ = setting()
    visit = planned(school, curator)
    done = factories.make_visit(school, curator)
    item = factories.make_recommendation(done)
    db.session.commit()
    tried = 0
    for category, name, data in hostile_corpus(MAX_FILE):
        sign_in(client, curator)
        on_record = multipart(client, f"/visits/{visit.id}/record", name, data,
                              field="attachment", **RECORD, version=visit.version,
                              visited_on="2022-03-24", complete="y")
        on_detail = multipart(client, f"/visits/{done.id}/attachments", name, data,
                              visibility="school")
        sign_in(client, director)
        on_answer = multipart(client, f"/visits/recommendations/{item.id}/answer", name, data,
                              version=item.version, text="Ответ")
        for response in (on_record, on_detail, on_answer):
            assert response.status_code == 200, f"{category}: {name!r}"
            assert "is-invalid" in response.text, f"{category}: {name!r} shows no error"
            tried += 1
    db.session.expire_all()
    assert stored_files(small_uploads) == []
    assert count(VisitAttachment) == 0 and count(RecommendationEvent) == 0
    assert visit.status == "planned" and item.status == "open"  # nothing saved without the file
    assert tried >= 120


def test_a_failed_save_removes_the_file(client, small_uploads, monkeypatch):
    from tracker.visits import services
    school, curator, director, _ = setting()
    visit = planned(school, curator)
    done = factories.make_visit(school, curator)
    db.session.commit()
    sign_in(client, curator)
    # a stale record or an invalid form with a file: the record is refused, so is the file
    for changes in ({"version": visit.version + 3},
                    {"version": visit.version, "visited_on": ""}):
        fields = {**RECORD, "visited_on": "2022-03-24", "complete": "y", **changes}
        response = multipart(client, f"/visits/{visit.id}/record", "лист.pdf", PDF,
                             field="attachment", **fields)
        assert response.status_code == 200
        assert "выберите его ещё раз" in response.text
    # a cancelled visit takes no files
    cancelled = factories.make_visit(school, curator, status="cancelled", visited_on=None)
    db.session.commit()
    response = multipart(client, f"/visits/{cancelled.id}/attachments", "лист.pdf", PDF,
                         visibility="school")
    assert response.status_code == 302
    assert "Отменённое посещение нельзя изменить" in client.get(response.location).text
    # the database fails after the file was written
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")
    monkeypatch.setattr(services, "add_attachment", broken)
    with pytest.raises(RuntimeError):
        multipart(client, f"/visits/{done.id}/attachments", "лист.pdf", PDF, visibility="school")
    assert stored_files(small_uploads) == []
    assert count(VisitAttachment) == 0


def test_a_director_never_sees_an_internal_attachment_or_note(client):
    school, curator, director, coordinator = setting()
    visit = factories.make_visit(school, curator)
    for_school = factories.make_attachment(visit, curator, name="Для школы.pdf")
    internal = factories.make_attachment(visit, curator, name="Только куратору.pdf",
                                         for_school=False)
    db.session.add_all([
        factories_note(visit, curator, "Заметка для школы", "school"),
        factories_note(visit, curator, "Заметка для своих", "internal")])
    db.session.commit()
    for user, sees_internal in ((director, False), (coordinator, True), (curator, True)):
        sign_in(client, user)
        page = client.get(f"/visits/{visit.id}").text
        sheet = docx_text(client.get(f"/visits/{visit.id}/sheet.docx").data)
        assert "Для школы.pdf" in page and "Для школы.pdf" in sheet
        assert client.get(f"/visits/attachments/{for_school.id}").status_code == 200
        for text in ("Только куратору.pdf", "Заметка для своих"):
            assert (text in page) is sees_internal, (user.role, text)
        assert ("Только куратору.pdf" in sheet) is sees_internal
        status = client.get(f"/visits/attachments/{internal.id}").status_code
        assert status == (200 if sees_internal else 404), user.role


def factories_note(visit, author, text: str, visibility: str):
    from tracker.visits.models import VisitNote
    return VisitNote(visit=visit, author=author, text=text, visibility=visibility)


def test_outsiders_get_404_for_another_schools_files(client):
    school, curator, director, _ = setting()
    visit = factories.make_visit(school, curator)
    attachment = factories.make_attachment(visit, curator)
    answer = factories.make_answer(factories.make_recommendation(visit), director)
    other = factories.make_school(school.municipality)
    outsiders = [factories.make_user(Role.DIRECTOR, school=other),
                 factories.make_user(Role.CURATOR, region=school.municipality.region),
                 factories.make_user(Role.COORDINATOR, municipality=factories.make_municipality())]
    factories.make_assignment(outsiders[1], other)
    db.session.commit()
    for user in outsiders:
        sign_in(client, user)
        assert client.get(f"/visits/attachments/{attachment.id}").status_code == 404
        assert client.get(f"/visits/recommendations/answers/{answer.id}/file").status_code == 404
    sign_in(client, outsiders[1])  # another curator cannot delete it either
    response = client.post(f"/visits/attachments/{attachment.id}/delete", data={"confirm": "1"})
    assert response.status_code == 404
    assert count(VisitAttachment) == 1


def test_curator_deletes_a_file_only_after_confirming(client, small_uploads):
    school, curator, director, _ = setting()
    visit = factories.make_visit(school, curator)
    db.session.commit()
    sign_in(client, curator)
    response = multipart(client, f"/visits/{visit.id}/attachments", "Фото.pdf", PDF,
                         visibility="internal")
    assert response.status_code == 302
    attachment = db.session.scalars(select(VisitAttachment)).one()
    assert attachment.visibility == "internal" and len(stored_files(small_uploads)) == 1
    page = client.get(f"/visits/{visit.id}").text
    assert "Удалить файл «Фото.pdf»?" in page  # the button asks first
    client.post(f"/visits/attachments/{attachment.id}/delete", data={})
    assert count(VisitAttachment) == 1 and len(stored_files(small_uploads)) == 1
    sign_in(client, director)
    response = client.post(f"/visits/attachments/{attachment.id}/delete", data={"confirm": "1"})
    assert response.status_code == 403
    sign_in(client, curator)
    client.post(f"/visits/attachments/{attachment.id}/delete", data={"confirm": "1"})
    assert count(VisitAttachment) == 0 and stored_files(small_uploads) == []


def test_director_answers_with_evidence_and_the_curator_closes(client, small_uploads):
    school, curator, director, coordinator = setting()
    item = factories.make_recommendation(factories.make_visit(school, curator))
    db.session.commit()
    sign_in(client, director)
    response = multipart(client, f"/visits/recommendations/{item.id}/answer",
                         "Протокол педсовета № 7.pdf", PDF, version=item.version,
                         text="Педсовет проведён")
    assert response.status_code == 302
    event = db.session.scalars(select(RecommendationEvent)).one()
    assert (event.action, event.original_name, event.size) == ("answered",
                                                               "Протокол педсовета № 7.pdf",
                                                               len(PDF))
    for user in (curator, coordinator, director):
        sign_in(client, user)
        page = client.get(f"/visits/recommendations/{item.id}").text
        assert "Протокол педсовета № 7.pdf" in page
        download = client.get(f"/visits/recommendations/answers/{event.id}/file")
        assert download.status_code == 200 and download.data == PDF
    sign_in(client, curator)
    client.post(f"/visits/recommendations/{item.id}/decision",
                data={"version": item.version, "decision": "close"})
    db.session.expire_all()
    assert item.status == "closed" and stored_files(small_uploads) == [event.stored_name]


def test_an_answer_without_a_file_has_no_download(client):
    school, curator, director, _ = setting()
    item = factories.make_recommendation(factories.make_visit(school, curator))
    event = factories.make_answer(item, director, file_name=None)
    db.session.commit()
    sign_in(client, curator)
    assert client.get(f"/visits/recommendations/answers/{event.id}/file").status_code == 404
    assert "Подтверждающий документ:" not in client.get(
        f"/visits/recommendations/{item.id}").text
