"""Uploads that cannot hurt: a generated hostile corpus is refused with nothing stored, and a valid
corpus with Cyrillic names comes back byte-identical as attachments."""
import html
import io
import os
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import func, select

from tracker import storage
from tracker.auth.models import Role
from tracker.db import db
from tracker.programs.measure_models import Evidence, Measure
from tracker.programs.models import DocumentVersion

from tests import factories, program_factories as pf
from tests.conftest import sign_in
from tests.upload_corpus import (PDF, docx, hostile_corpus, valid_corpus,
                                 valid_structured_corpus)

MAX_FILE = 200 * 1024


@pytest.fixture
def setting(app, monkeypatch):
    """A director of school A with a measure; school B's measure is out of reach."""
    monkeypatch.setitem(app.config, "UPLOAD_MAX_BYTES", MAX_FILE)
    direction = pf.make_direction()
    school_a, school_b = factories.make_school(), factories.make_school()
    director = factories.make_user(Role.DIRECTOR, school=school_a)
    measure_a = pf.make_measure(pf.make_program(school_a, direction))
    measure_b = pf.make_measure(pf.make_program(school_b, direction))
    db.session.commit()
    return {"director": director, "measure_a": measure_a.id, "measure_b": measure_b.id,
            "school_a": school_a.id, "upload_dir": Path(app.config["UPLOAD_DIR"])}


def stored_files(directory: Path) -> list[str]:
    return sorted(os.listdir(directory)) if directory.exists() else []


def upload(client, url: str, name: str, data: bytes, *, csrf: bool = True, **fields):
    form = {"file": (io.BytesIO(data), name), "comment": "подтверждение", **fields}
    return client.post(url, data=form, content_type="multipart/form-data", csrf=csrf)


def rows() -> int:
    return (db.session.scalar(select(func.count()).select_from(Evidence))
            + db.session.scalar(select(func.count()).select_from(DocumentVersion)))


def refusal(app, name: str, data: bytes) -> str:
    """What the checks say about a file, in the interface's (Russian) words."""
    with app.test_request_context():
        with pytest.raises(storage.UploadRejected) as refused:
            storage.check(name, data)
        return str(refused.value)


STRUCTURAL = ("PDF ", "DOCX ", "XLSX ", "macro document")


def test_hostile_corpus_is_refused_and_nothing_is_stored(app, client, setting, capsys):
    sign_in(client, setting["director"])
    evidence_url = f"/programs/measures/{setting['measure_a']}/evidence"
    document_url = f"/programs/schools/{setting['school_a']}/documents"
    corpus = hostile_corpus(MAX_FILE)
    tried, categories, structural = 0, set(), 0
    for category, name, data in corpus:
        reason = refusal(app, name, data) if category.startswith(STRUCTURAL) else None
        if reason:
            assert any("а" <= ch <= "я" for ch in reason) and "not" not in reason, reason
            structural += 1
        for url, extra in ((evidence_url, {}), (document_url, {"kind": "concept", "year": "2022"})):
            response = upload(client, url, name, data, **extra)
            status = response.status_code
            assert 400 <= status < 500, f"{category}: {name!r} -> {status}"
            assert reason is None or html.escape(reason) in response.text, f"{category}: {name!r}"
            tried += 1
        categories.add(category)
    # the request limit itself: 413 with a clear message
    app.config["MAX_CONTENT_LENGTH"], limit = 64 * 1024, app.config["MAX_CONTENT_LENGTH"]
    try:
        response = upload(client, evidence_url, "огромный.pdf", PDF + b"0" * (128 * 1024))
        assert response.status_code == 413 and "МБ" in response.text
        tried += 1
    finally:
        app.config["MAX_CONTENT_LENGTH"] = limit
    response = upload(client, f"/programs/measures/{setting['measure_b']}/evidence",
                      "чужая школа.pdf", PDF)
    assert response.status_code == 404
    response = upload(client, evidence_url, "без токена.pdf", PDF, csrf=False)
    assert response.status_code == 400
    tried += 2
    categories |= {"oversized request", "another school's measure", "no CSRF token"}

    assert stored_files(setting["upload_dir"]) == []
    assert rows() == 0
    assert tried >= 30 and len(categories) >= 12 and structural >= 25
    with capsys.disabled():
        print(f"\nuploads: {tried} hostile uploads in {len(categories)} categories tried "
              f"({structural} files with active content found by parsing), "
              f"{rows()} rows and {len(stored_files(setting['upload_dir']))} files stored")


def test_valid_corpus_downloads_byte_identical_with_cyrillic_names(app, client, setting):
    sign_in(client, setting["director"])
    url = f"/programs/measures/{setting['measure_a']}/evidence"
    corpus = valid_corpus() + valid_structured_corpus()
    for name, data in corpus:
        response = upload(client, url, name, data)
        assert response.status_code == 302, f"{name}: {response.status_code}"
    items = db.session.scalars(select(Evidence).order_by(Evidence.id)).all()
    assert [e.original_name for e in items] == [name for name, _ in corpus]
    assert len(stored_files(setting["upload_dir"])) == len(corpus)
    for item, (name, data) in zip(items, corpus):
        assert name not in item.stored_name
        response = client.get(f"/programs/evidence/{item.id}/file")
        assert response.status_code == 200
        assert response.data == data
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment")
        assert f"filename*=UTF-8''{quote(name)}" in disposition
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_downloads_are_scoped(app, client, setting):
    other = factories.make_user(Role.DIRECTOR, school=factories.make_school())
    item = pf.make_evidence(db.session.get(Measure, setting["measure_a"]), setting["director"])
    db.session.commit()
    sign_in(client, other)
    assert client.get(f"/programs/evidence/{item.id}/file").status_code == 404


def test_a_failed_commit_leaves_no_file(app, client, setting, monkeypatch):
    from tracker.programs import measure_services

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(measure_services, "add_evidence", broken)
    sign_in(client, setting["director"])
    with pytest.raises(RuntimeError):
        upload(client, f"/programs/measures/{setting['measure_a']}/evidence", "приказ.pdf", PDF)
    assert stored_files(setting["upload_dir"]) == []
    assert rows() == 0


def test_storage_refuses_foreign_stored_names(app):
    for name in ("../tracker.db", "abc.pdf", "/etc/passwd", ""):
        with pytest.raises(ValueError):
            storage.path_of(name)


def test_save_writes_atomically_under_random_names(app):
    first = storage.save_bytes("Приказ.pdf", PDF)
    second = storage.save_bytes("Приказ.pdf", PDF)
    assert first.stored_name != second.stored_name
    assert not storage.path_of(first.stored_name).exists()  # a temporary key until the commit
    db.session.commit()
    assert storage.path_of(first.stored_name).read_bytes() == PDF
    assert not [n for n in os.listdir(app.config["UPLOAD_DIR"]) if n.startswith(".upload-")]
    storage.delete(first.stored_name)
    assert not storage.path_of(first.stored_name).exists()


def test_invisible_characters_are_stripped_from_names_shown_and_sent(app, client, setting):
    """A right-to-left override makes «отчёт\u202excod.exe» read «отчётexe.docx»: a name keeps
    only what is seen, on upload, on the page and in Content-Disposition."""
    sign_in(client, setting["director"])
    url = f"/programs/measures/{setting['measure_a']}/evidence"
    response = upload(client, url, "Справка\u202eкак\u200b\u2066 есть\t.docx", docx())
    assert response.status_code == 302
    item = db.session.scalar(select(Evidence))
    assert item.original_name == "Справкакак есть.docx"
    # a row stored before names were cleaned is shown and sent cleaned all the same
    item.original_name = "Отчёт\u202excod.exe\u200f.docx"
    db.session.commit()
    page = client.get(f"/programs/measures/{setting['measure_a']}").text
    assert "Отчётxcod.exe.docx" in page and "\u202e" not in page
    disposition = client.get(f"/programs/evidence/{item.id}/file").headers["Content-Disposition"]
    assert quote("Отчётxcod.exe.docx") in disposition and "%E2%80%AE" not in disposition
    assert "\u202e" not in disposition and "%E2%80%8F" not in disposition
