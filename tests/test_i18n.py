"""Russian is the interface language: every message has a Russian translation."""
from pathlib import Path

from babel.messages.pofile import read_po

from tracker import i18n

RU = Path(i18n.TRANSLATIONS) / "ru" / "LC_MESSAGES" / "messages.po"
POT = Path(i18n.TRANSLATIONS) / "messages.pot"


def test_every_message_is_translated_into_russian():
    with RU.open("rb") as source:
        catalog = read_po(source)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy or (
        isinstance(m.string, tuple) and not all(m.string)))]
    assert missing == [], "translate these in ru/messages.po (scripts/translations.sh)"


def test_catalogue_is_up_to_date_with_the_code():
    """The template of messages holds every string the code uses (run scripts/translations.sh)."""
    import subprocess
    import sys
    import tempfile
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.pot"
        subprocess.run([sys.executable, "-m", "babel.messages.frontend", "-q", "extract",
                        "-F", "babel.cfg", "-k", "_l", "-k", "lazy_gettext",
                        "-k", "lazy_pgettext:1c,2",
                        "--ignore-dirs", ".* __pycache__", "--no-location",
                        "--sort-output", "-o", str(fresh), "."], cwd=root, check=True)
        with fresh.open("rb") as source:
            used = {m.id for m in read_po(source) if m.id}
    with RU.open("rb") as source:
        translated = {m.id for m in read_po(source) if m.id}
    assert used - translated == set(), "new strings: run scripts/translations.sh and translate"


def test_russian_number_and_date_formats(app):
    from datetime import date
    with app.test_request_context():
        assert i18n.percent(50.4) == "50,4\u00a0%"
        assert i18n.percent(100.0) == "100\u00a0%"
        assert i18n.day(date(2022, 3, 24)) == "24.03.2022"


def test_english_is_selectable(client, login_as):
    login_as("admin")
    client.post("/language/en", data={"next": "/"})
    assert "Schools" in client.get("/").text
    client.post("/language/ru", data={"next": "/"})
    assert "Школы" in client.get("/").text


def test_every_model_has_a_name_for_the_audit_log(app):
    from tracker.db import Base
    from tracker.labels import OBJECT_LABELS
    models = {mapper.class_.__name__ for mapper in Base.registry.mappers}
    assert sorted(models - set(OBJECT_LABELS)) == []
