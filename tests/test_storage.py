"""The file store, the same tests on both backends: the local directory and an S3 bucket on a
real SeaweedFS (tests/servers.py). Upload, commit, finalize; a failed commit leaves nothing;
checksums recorded and verified on download; `flask storage check [--repair]`; the cheap tidy
at start; /healthz."""
import io
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from tracker import storage
from tracker.auth.models import Role
from tracker.db import db
from tracker.programs.measure_models import Evidence
from tracker.storage import maintenance

from tests import factories, program_factories as pf
from tests.conftest import sign_in
from tests.upload_corpus import PDF

LATER = datetime.now(UTC) + timedelta(hours=2)


@pytest.fixture(params=["local", "s3"])
def store(request, app, monkeypatch):
    if request.param == "s3":
        bucket = request.getfixturevalue("seaweedfs")["bucket"]
        monkeypatch.setitem(app.config, "STORAGE_URL", f"s3://{bucket}/t-{uuid.uuid4().hex[:12]}")
    else:
        monkeypatch.setitem(app.config, "STORAGE_URL", "")
    return storage.backend()


@pytest.fixture
def director_measure(app):
    school = factories.make_school()
    director = factories.make_user(Role.DIRECTOR, school=school)
    measure = pf.make_measure(pf.make_program(school, pf.make_direction()))
    db.session.commit()
    return director, measure.id


def keys(store) -> list[str]:
    return sorted(item.key for item in store.objects())


def upload(client, measure_id: int, name: str, data: bytes):
    return client.post(f"/programs/measures/{measure_id}/evidence",
                       data={"file": (io.BytesIO(data), name), "comment": "подтверждение"},
                       content_type="multipart/form-data")


def test_upload_then_download_byte_for_byte_with_the_checksum_on_the_row(
        store, client, director_measure):
    director, measure_id = director_measure
    sign_in(client, director)
    data = PDF + b"%" + uuid.uuid4().bytes
    assert upload(client, measure_id, "Приказ № 5.pdf", data).status_code == 302
    evidence = db.session.scalar(select(Evidence))
    assert evidence.sha256 == storage.sha256_of(io.BytesIO(data))
    assert keys(store) == [evidence.stored_name]  # finalized: no temporary key left
    response = client.get(f"/programs/evidence/{evidence.id}/file")
    assert response.status_code == 200
    assert response.data == data
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Cache-Control"] == "no-store"


def test_a_failed_commit_removes_the_object(store, client, director_measure, monkeypatch):
    from tracker.programs import measure_services
    director, measure_id = director_measure

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(measure_services, "add_evidence", broken)
    sign_in(client, director)
    with pytest.raises(RuntimeError):
        upload(client, measure_id, "приказ.pdf", PDF)
    assert keys(store) == []
    assert db.session.scalar(select(func.count()).select_from(Evidence)) == 0


def test_a_rollback_removes_the_temporary_object_and_a_commit_finalizes(store, app):
    dropped = storage.save_bytes("справка.pdf", PDF)
    assert keys(store) == [storage.temporary_key(dropped.stored_name)]
    db.session.rollback()
    assert keys(store) == []
    kept = storage.save_bytes("справка.pdf", PDF)
    db.session.commit()
    assert keys(store) == [kept.stored_name]
    with storage.open_file(kept.stored_name) as handle:
        assert handle.read() == PDF


def test_a_damaged_file_is_not_served(store, client, director_measure):
    director, measure_id = director_measure
    sign_in(client, director)
    upload(client, measure_id, "справка.pdf", PDF)
    evidence = db.session.scalar(select(Evidence))
    store.put(evidence.stored_name, PDF.replace(b"%PDF", b"%PDX"))
    response = client.get(f"/programs/evidence/{evidence.id}/file")
    assert response.status_code == 500
    assert "повреждён" in response.get_data(as_text=True)
    assert b"%PDX" not in response.data


def test_check_lists_every_kind_of_problem_and_repair_fixes_what_it_can(
        store, app, director_measure):
    director, measure_id = director_measure
    measure = db.session.get(Evidence.measure.property.mapper.class_, measure_id)
    healthy, damaged, missing, unfinished, unrecorded = (
        pf.make_evidence(measure, director, data=PDF + bytes([n])) for n in range(5))
    db.session.commit()
    store.put(damaged.stored_name, b"%PDF-1.4 something else")
    store.delete(missing.stored_name)
    store.move(unfinished.stored_name, storage.temporary_key(unfinished.stored_name))
    unrecorded.sha256 = None
    orphan, abandoned = "0" * 32 + ".pdf", storage.temporary_key("1" * 32 + ".pdf")
    store.put(orphan, PDF)
    store.put(abandoned, PDF)
    db.session.commit()

    findings = maintenance.check(store, now=LATER)
    assert findings.orphans == [orphan]
    assert findings.stale_temporary == [abandoned]
    assert [row.stored_name for row in findings.unfinished] == [unfinished.stored_name]
    assert [row.stored_name for row in findings.missing] == [missing.stored_name]
    assert [row.stored_name for row in findings.damaged] == [damaged.stored_name]
    assert [row.stored_name for row in findings.unrecorded] == [unrecorded.stored_name]
    assert maintenance.check(store).stale_temporary == []  # an upload in progress is left alone

    done = maintenance.repair(findings, store)
    assert len(done) == 4
    after = maintenance.check(store, now=LATER)
    assert (after.orphans, after.stale_temporary, after.unfinished, after.unrecorded) == (
        [], [], [], [])
    assert len(after.missing) == len(after.damaged) == 1  # only a backup brings these back
    assert healthy.stored_name in keys(store)


def test_the_command_exits_non_zero_while_problems_are_left(store, app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["storage", "check"]).exit_code == 0
    store.put("2" * 32 + ".pdf", PDF)
    result = runner.invoke(args=["storage", "check"])
    assert result.exit_code == 1 and "file without a row" in result.output
    result = runner.invoke(args=["storage", "check", "--repair"])
    assert result.exit_code == 0 and "repaired: removed" in result.output
    assert keys(store) == []


def test_the_tidy_at_start_finishes_a_committed_upload_and_drops_an_abandoned_one(
        store, app, director_measure):
    director, measure_id = director_measure
    measure = db.session.get(Evidence.measure.property.mapper.class_, measure_id)
    evidence = pf.make_evidence(measure, director)
    db.session.commit()
    store.move(evidence.stored_name, storage.temporary_key(evidence.stored_name))
    assert maintenance.tidy_at_start() == [f"finished the upload of {evidence.stored_name}"]
    assert keys(store) == [evidence.stored_name]


def test_healthz_checks_the_database_and_the_store(store, client, app, monkeypatch):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json == {"database": "ok", "storage": "ok"}
    if app.config["STORAGE_URL"]:
        monkeypatch.setitem(app.config, "STORAGE_URL", "s3://no-such-bucket-here/x")
    else:
        monkeypatch.setitem(app.config, "UPLOAD_DIR", "/proc/no-such-dir")
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json["storage"] == "failed"


def test_migrate_copies_every_file_into_the_bucket_and_verifies_it(app, client, seaweedfs,
                                                                   director_measure, monkeypatch):
    director, measure_id = director_measure
    measure = db.session.get(Evidence.measure.property.mapper.class_, measure_id)
    items = [pf.make_evidence(measure, director, data=PDF + bytes([n])) for n in range(3)]
    db.session.commit()
    target = f"s3://{seaweedfs['bucket']}/migrated-{uuid.uuid4().hex[:8]}"
    runner = app.test_cli_runner()
    result = runner.invoke(args=["storage", "migrate", "--to", target])
    assert result.exit_code == 0, result.output
    assert "3 files copied and verified, 0 already there, 0 problems" in result.output
    again = runner.invoke(args=["storage", "migrate", "--to", target])
    assert "0 files copied and verified, 3 already there" in again.output
    monkeypatch.setitem(app.config, "STORAGE_URL", target)
    sign_in(client, director)
    for item, n in zip(items, range(3)):
        assert client.get(f"/programs/evidence/{item.id}/file").data == PDF + bytes([n])


@pytest.fixture
def full_disk(tmp_path, app, monkeypatch):
    """A 64 KiB tmpfs as the upload directory, filled to the last byte."""
    import os
    import subprocess
    mount_point = tmp_path / "full"
    mount_point.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount_point)],
                   check=True)
    try:
        descriptor = os.open(mount_point / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(descriptor, b"x" * 4096):
                pass
        except OSError:
            pass  # no space left: what the test needs
        finally:
            os.close(descriptor)
        monkeypatch.setitem(app.config, "STORAGE_URL", "")
        monkeypatch.setitem(app.config, "UPLOAD_DIR", str(mount_point))
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_a_full_disk_says_so_keeps_the_form_and_stores_nothing(full_disk, client,
                                                              director_measure):
    director, measure_id = director_measure
    sign_in(client, director)
    response = client.post(f"/programs/measures/{measure_id}/evidence",
                           data={"file": (io.BytesIO(PDF), "приказ.pdf"),
                                 "comment": "протокол заседания ШМО"},
                           content_type="multipart/form-data")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Хранилище заполнено" in page
    assert "протокол заседания ШМО" in page
    assert sorted(path.name for path in full_disk.iterdir()) == ["filler"]
    assert db.session.scalar(select(func.count()).select_from(Evidence)) == 0
