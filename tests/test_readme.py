"""Every command line of the README runs as printed, in a fresh clone, and exits 0.

Each ```bash block runs as one script (`set -euo pipefail`, so every line counts) in a clone of
the committed tree that shares this checkout's .venv. TRACKER_DRY_RUN=1 makes the scripts that
would serve, run the whole suite or benchmark for minutes do their preparation and stop there.
The one rewrite: the PostgreSQL example's database name gets a unique suffix, so that the check
never touches a database someone uses. The test is engine-independent, so it runs in the SQLite
pass only (scripts/test.sh runs the suite once per engine).
"""
import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"^```bash\n(.*?)^```", re.DOTALL | re.MULTILINE)
INLINE_FLASK = re.compile(r"`(flask [^`]+)`")
PASSWORD_TWICE = "readme-check-secret\nreadme-check-secret\n"
CLEARED = ("TRACKER_ENV", "FLASK_APP", "DATABASE_URL", "TEST_DATABASE_URL", "SECRET_KEY",
           "STORAGE_URL", "REDIS_URL", "UPLOAD_DIR", "VIRTUAL_ENV")


def readme_blocks() -> list[str]:
    return BLOCK.findall((ROOT / "README.md").read_text(encoding="utf-8"))


def test_the_readme_has_command_blocks_and_every_inline_flask_command_is_in_one():
    blocks = readme_blocks()
    assert len(blocks) >= 4
    commands = "\n".join(blocks)
    inline = {span.split()[1] for span in INLINE_FLASK.findall(
        BLOCK.sub("", (ROOT / "README.md").read_text(encoding="utf-8")))}
    assert inline, "the README names its flask commands"
    shown = {match.split(" ")[1] for match in re.findall(r"flask [a-z-]+", commands)}
    missing = inline - shown - {"db"}  # `flask db migrate` is for developers changing the schema
    assert not missing, f"flask commands named in the README but never run by it: {missing}"


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    target = tmp_path_factory.mktemp("readme") / "tracker"
    subprocess.run(["git", "clone", "--quiet", "--shared", str(ROOT), str(target)], check=True)
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    yield target
    shutil.rmtree(target, ignore_errors=True)


def clean_environment() -> dict[str, str]:
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED}
    environment["TRACKER_DRY_RUN"] = "1"
    return environment


def run_block(block: str, cwd: Path, database_suffix: str) -> subprocess.CompletedProcess:
    script = "set -euxo pipefail\n" + block.replace("tracker_test", f"tracker_test{database_suffix}")
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=clean_environment(),
                          input=PASSWORD_TWICE, capture_output=True, text=True, timeout=600,
                          start_new_session=True)  # no terminal: password prompts read stdin


if not os.environ.get("TEST_DATABASE_URL"):
    def test_every_readme_block_runs_in_a_fresh_clone(clone):
        suffix = "_readme_" + uuid.uuid4().hex[:8]
        try:
            for block in readme_blocks():
                result = run_block(block, clone, suffix)
                assert result.returncode == 0, (
                    f"README block failed (exit {result.returncode}):\n{block}\n"
                    f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}")
        finally:
            subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres",
                            f"tracker_test{suffix}"], capture_output=True)
        assert (clone / "report.docx").stat().st_size > 10_000
        assert not list((clone / "tracker").rglob("*.mo.tmp"))
