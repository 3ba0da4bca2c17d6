"""The backup drill: scripts/backup.sh while a director keeps uploading evidence, then
scripts/restore.sh into an empty database and an empty store, on the engine under test (SQLite,
or PostgreSQL with TEST_DATABASE_URL) and on both stores (a local directory, a SeaweedFS bucket).
The restored installation has no row without its file, every checksum equals the manifest's and
the original upload's, and it serves each file byte for byte."""
import hashlib
import io
import os
import subprocess
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from tracker import create_app
from tracker.auth.models import Role, User
from tracker.backup.files import read_manifest
from tracker.db import db
from tracker.programs.measure_models import Evidence
from tracker.storage import maintenance

from tests import factories, program_factories as pf
from tests.conftest import Client, sign_in
from tests.servers import scratch_databases
from tests.upload_corpus import PDF

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ("DATABASE_URL", "STORAGE_URL", "UPLOAD_DIR")


@pytest.fixture
def stores(request, tmp_path):
    """The live installation's store and the empty one to restore into."""
    if request.param == "local":
        return [{"STORAGE_URL": "", "UPLOAD_DIR": str(tmp_path / kind)}
                for kind in ("live-files", "restored-files")]
    bucket = request.getfixturevalue("seaweedfs")["bucket"]
    prefix = f"drill-{uuid.uuid4().hex[:8]}"
    return [{"STORAGE_URL": f"s3://{bucket}/{prefix}/{kind}", "UPLOAD_DIR": str(tmp_path / "none")}
            for kind in ("live", "restored")]


@pytest.fixture
def installations(tmp_path, stores):
    with scratch_databases("live", "restored", directory=tmp_path) as urls:
        settings = [{"DATABASE_URL": url, **store} for url, store in zip(urls, stores)]
        apps = [installation(each) for each in settings]
        yield list(zip(apps, settings))
        for app in apps:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


def installation(settings: dict):
    from config import database_url
    app = create_app("test", SQLALCHEMY_DATABASE_URI=database_url(settings["DATABASE_URL"]),
                     STORAGE_URL=settings["STORAGE_URL"], UPLOAD_DIR=settings["UPLOAD_DIR"])
    app.test_client_class = Client
    return app


class Uploader(threading.Thread):
    """A director uploading evidence through the application, one file after another."""

    def __init__(self, app, director_id: int, measure_id: int):
        super().__init__(daemon=True)
        self.app, self.director_id, self.measure_id = app, director_id, measure_id
        self.uploaded: dict[str, bytes] = {}  # SHA-256 → bytes, for every committed upload
        self.failures: list[int] = []
        self.progress = threading.Condition()
        self.stopping = threading.Event()

    def run(self):
        with self.app.app_context():
            client = self.app.test_client()
            sign_in(client, db.session.get(User, self.director_id))
            while not self.stopping.is_set():
                data = PDF + b"%" + uuid.uuid4().hex.encode() + b"\n"
                response = client.post(
                    f"/programs/measures/{self.measure_id}/evidence",
                    data={"file": (io.BytesIO(data), "Справка.pdf"), "comment": "подтверждение"},
                    content_type="multipart/form-data")
                with self.progress:
                    if response.status_code == 302:
                        self.uploaded[hashlib.sha256(data).hexdigest()] = data
                    else:
                        self.failures.append(response.status_code)
                    self.progress.notify_all()
                self.stopping.wait(0.02)  # a steady trickle, leaving the CPU to the backup
            db.session.remove()

    def wait_for(self, count: int) -> None:
        with self.progress:
            assert self.progress.wait_for(lambda: len(self.uploaded) >= count or self.failures,
                                          timeout=60), "the uploads did not start"
        assert not self.failures, self.failures


def run_script(name: str, directory: Path, settings: dict) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("TEST_DATABASE_URL", "FLASK_APP", *SETTINGS)}
    environment.update(settings, TRACKER_ENV="development")
    return subprocess.run([str(ROOT / "scripts" / name), str(directory)], env=environment,
                          capture_output=True, text=True, timeout=300)


def make_director_with_a_measure() -> tuple[int, int]:
    db.create_all()
    school = factories.make_school()
    director = factories.make_user(Role.DIRECTOR, school=school)
    measure = pf.make_measure(pf.make_program(school, pf.make_direction()))
    db.session.commit()
    return director.id, measure.id


@pytest.mark.parametrize("stores", ["local", "s3"], indirect=True)
def test_backup_during_uploads_restores_every_row_with_its_file(installations, tmp_path):
    (live, live_settings), (restored, restored_settings) = installations
    with live.app_context():
        director_id, measure_id = make_director_with_a_measure()
    uploader = Uploader(live, director_id, measure_id)
    uploader.start()
    try:
        uploader.wait_for(3)
        before = len(uploader.uploaded)
        backup = run_script("backup.sh", tmp_path / "backup", live_settings)
        during = len(uploader.uploaded) - before
    finally:
        uploader.stopping.set()
        uploader.join(timeout=60)
    assert backup.returncode == 0, backup.stderr
    assert during > 0 and not uploader.failures  # the uploads went on while the backup ran

    restore = run_script("restore.sh", tmp_path / "backup", restored_settings)
    assert restore.returncode == 0, restore.stderr
    assert "every row has its file" in restore.stdout

    manifest = read_manifest(tmp_path / "backup")
    with restored.app_context():
        findings = maintenance.check()
        assert findings.checked == len(manifest) >= before
        assert findings.problems == 0  # no row without its file, no stray file, no checksum off
        rows = db.session.scalars(select(Evidence)).all()
        assert {row.stored_name: row.sha256 for row in rows} == manifest
        assert {row.sha256 for row in rows} <= set(uploader.uploaded)
        client = restored.test_client()
        sign_in(client, db.session.get(User, director_id))
        for row in rows:
            response = client.get(f"/programs/evidence/{row.id}/file")
            assert response.status_code == 200
            assert response.data == uploader.uploaded[row.sha256]


@pytest.mark.parametrize("stores", ["local"], indirect=True)
def test_a_restore_refuses_a_damaged_backup_and_a_database_that_is_not_empty(installations,
                                                                            tmp_path):
    (live, _), (restored, _) = installations
    target = tmp_path / "backup"
    with live.app_context():
        director_id, measure_id = make_director_with_a_measure()
        measure = db.session.get(pf.Measure, measure_id)
        pf.make_evidence(measure, db.session.get(User, director_id))
        db.session.commit()
        runner = live.test_cli_runner()
        assert runner.invoke(args=["backup", "create", str(target)]).exit_code == 0
        again = runner.invoke(args=["backup", "create", str(target)])
        assert again.exit_code == 1 and "is not an empty directory" in again.output

    damaged = next((target / "files").iterdir())
    original = damaged.read_bytes()
    damaged.write_bytes(original[:-1] + b"#")
    with restored.app_context():
        runner = restored.test_cli_runner()
        refused = runner.invoke(args=["backup", "restore", str(target)])
        assert refused.exit_code == 1
        assert f"files/{damaged.name}: checksum differs from the manifest" in refused.output
        assert not list(maintenance.backend().objects())  # nothing was put into the store

        damaged.write_bytes(original)
        (target / "backup.json").rename(target / "interrupted")
        refused = runner.invoke(args=["backup", "restore", str(target)])
        assert refused.exit_code == 1 and "is not a complete backup" in refused.output

        (target / "interrupted").rename(target / "backup.json")
        db.create_all()
        refused = runner.invoke(args=["backup", "restore", str(target)])
        assert refused.exit_code == 1 and "the target database is not empty" in refused.output
        assert not list(maintenance.backend().objects())
