"""Compiled message catalogues (.po → .mo). Compiling is part of installing
(scripts/compile_translations.py); the running application only checks, so that it can run from a
read-only tree."""
import logging
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).parent / "translations"
log = logging.getLogger(__name__)


def stale_catalogues(root: Path = TRANSLATIONS) -> list[Path]:
    """The .po files whose .mo is missing or older than the .po."""
    stale = []
    for po_path in sorted(root.glob("*/LC_MESSAGES/messages.po")):
        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
            stale.append(po_path)
    return stale


def compile_catalogue(po_path: Path) -> None:
    with po_path.open("rb") as source:
        catalog = read_po(source)
    mo_path = po_path.with_suffix(".mo")
    temporary = mo_path.with_suffix(".mo.tmp")
    with temporary.open("wb") as target:
        write_mo(target, catalog)
    temporary.replace(mo_path)


def compile_stale(root: Path = TRANSLATIONS) -> list[Path]:
    stale = stale_catalogues(root)
    for po_path in stale:
        compile_catalogue(po_path)
    return stale


def warn_if_stale(root: Path = TRANSLATIONS) -> None:
    """At start: say so when the install step was skipped (pages would show English ids)."""
    stale = stale_catalogues(root)
    if stale:
        log.warning("translations not compiled (%s): run scripts/compile_translations.py",
                    ", ".join(str(path.parent.parent.name) for path in stale))
