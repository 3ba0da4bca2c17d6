"""No silent skips in CI, and one closing line for every run.

Tests that need an outside tool carry its marker (`browser` → Chromium, `libreoffice` →
LibreOffice, `pdftotext` → poppler-utils). Where the tool is missing they are skipped on a developer's machine; under CI=true
the run stops before the first test with a message naming the tool, and any skip at all makes
the run fail. The closing line reads: «suite: N run (P passed, F failed), S skipped, engine E».
"""
import os
import shutil

import pytest

TOOLS = {
    "browser": ("Chromium", lambda: os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
                or shutil.which("chromium-browser"), "apt-get install chromium"),
    "libreoffice": ("LibreOffice", lambda: shutil.which("soffice") or shutil.which("libreoffice"),
                    "apt-get install libreoffice-writer-nogui"),
    "pdftotext": ("poppler-utils (pdftotext)", lambda: shutil.which("pdftotext"),
                  "apt-get install poppler-utils"),
}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def engine() -> str:
    url = os.environ.get("TEST_DATABASE_URL") or "sqlite://"
    return url.split(":", 1)[0].split("+", 1)[0]


def tool_path(marker: str) -> str | None:
    return TOOLS[marker][1]()


def missing_message(marker: str) -> str:
    name, _find, install = TOOLS[marker]
    return f"{name} is not installed ({install})"


def pytest_collection_finish(session):
    if not in_ci():
        return
    needed = {marker for item in session.items for marker in TOOLS
              if item.get_closest_marker(marker)}
    missing = sorted(missing_message(marker) for marker in needed if not tool_path(marker))
    if missing:
        pytest.exit("CI=true and " + "; ".join(missing) + ": the tests that need it cannot "
                    "run, so the CI run fails", returncode=1)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    for marker in TOOLS:
        if item.get_closest_marker(marker) and not tool_path(marker):
            if in_ci():
                pytest.fail(f"CI=true: {missing_message(marker)}", pytrace=False)
            pytest.skip(missing_message(marker))


def _counts(config) -> dict:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    stats = reporter.stats if reporter else {}
    return {key: len(stats.get(key, [])) for key in ("passed", "failed", "error", "skipped",
                                                      "xfailed", "xpassed")}


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    if in_ci() and _counts(session.config)["skipped"] and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    counts = _counts(config)
    run = sum(counts[key] for key in ("passed", "failed", "xfailed", "xpassed"))
    line = (f"suite: {run} run ({counts['passed']} passed, {counts['failed'] + counts['error']} "
            f"failed), {counts['skipped']} skipped, engine {engine()}")
    if in_ci():
        line += ", CI: no skip allowed" if not counts["skipped"] else \
            f", CI: FAILED — {counts['skipped']} skipped, a CI run must skip none"
    terminalreporter.write_line(line)
