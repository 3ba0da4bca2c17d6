"""CI cannot go green by skipping: a hidden tool or any skip fails a CI=true run."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_pytest(*arguments, tmp_path, ci=True):
    """pytest in a child process with no tool on PATH (an empty folder) and CI set or not."""
    empty = tmp_path / "empty-path"
    empty.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "CHROMIUM_PATH"}
    env.update(PATH=str(empty), TRACKER_ENV="test", CI="true" if ci else "")
    env.pop("TEST_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           *arguments], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_ci_run_with_chromium_hidden_fails(tmp_path):
    result = run_pytest("tests/browser/test_foundation_journey.py", tmp_path=tmp_path)
    assert result.returncode != 0, result.stdout
    assert "CI=true and Chromium is not installed" in result.stdout + result.stderr


def test_ci_run_with_libreoffice_hidden_fails(tmp_path):
    result = run_pytest("tests/test_report_docx.py", "-k", "libreoffice", tmp_path=tmp_path)
    assert result.returncode != 0, result.stdout
    assert "CI=true and LibreOffice is not installed" in result.stdout + result.stderr


def test_outside_ci_the_same_run_skips_and_says_so(tmp_path):
    result = run_pytest("tests/test_report_docx.py", "-k", "libreoffice", tmp_path=tmp_path,
                        ci=False)
    assert result.returncode == 0, result.stdout
    assert "suite: 0 run (0 passed, 0 failed), 1 skipped, engine sqlite" in result.stdout


def test_any_skip_fails_a_ci_run(tmp_path):
    (tmp_path / "test_skips.py").write_text(
        "import pytest\n\ndef test_passes():\n    pass\n\n"
        "def test_skips():\n    pytest.skip('not here')\n")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.ci_guard",
         "--rootdir", str(tmp_path), str(tmp_path / "test_skips.py")],
        cwd=ROOT, env=dict(os.environ, CI="true", PYTHONPATH=str(ROOT)), capture_output=True,
        text=True, timeout=120)
    assert result.returncode == 1, result.stdout
    assert "suite: 1 run (1 passed, 0 failed), 1 skipped" in result.stdout
    assert "a CI run must skip none" in result.stdout
