"""A worker killed with SIGKILL in the middle of uploads (the file stored under its temporary
key, the transaction never committed) leaves files without rows; `flask storage check --repair`
removes them all and the store is clean afterwards."""
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from tracker import storage

from tests.upload_corpus import PDF

UPLOADS = 5
CHILD = textwrap.dedent("""
    import sys, time
    from tracker import create_app, storage
    app = create_app("test", SQLALCHEMY_DATABASE_URI="sqlite://", UPLOAD_DIR=sys.argv[1])
    with app.app_context():
        for n in range(int(sys.argv[2])):
            storage.save_bytes(f"справка {n}.pdf", open(sys.argv[3], "rb").read())
        print("stored", flush=True)
        time.sleep(60)  # the commit never comes: killed here
""")


def test_uploads_killed_before_their_commit_leave_nothing_after_repair(app, tmp_path, figures):
    folder = Path(app.config["UPLOAD_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    pdf = tmp_path / "upload.pdf"
    pdf.write_bytes(PDF)
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder), str(UPLOADS), str(pdf)],
                             stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "TRACKER_ENV": "test"})
    try:
        assert child.stdout.readline().strip() == "stored"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    left = [item.key for item in storage.backend().objects()]
    assert len(left) == UPLOADS  # the killed uploads' temporary files

    runner = app.test_cli_runner()
    repaired = runner.invoke(args=["storage", "check", "--repair", "--stale-after-minutes", "0"])
    assert repaired.exit_code == 0, repaired.output
    assert repaired.output.count("repaired:") == UPLOADS
    again = runner.invoke(args=["storage", "check", "--stale-after-minutes", "0"])
    assert again.exit_code == 0 and "0 problems found" in again.output
    assert list(storage.backend().objects()) == []
    figures("kill -9 mid-upload", uploads_killed=UPLOADS, orphans_left=0)
