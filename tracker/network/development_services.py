"""Recording, correcting and deleting methodical developments (forms have checked the fields)."""
from datetime import date

from tracker.db import db
from tracker.forms import ensure_version
from tracker.network.development_models import MethodicalDevelopment, author_names

DEVELOPMENT_FIELDS = ("school_id", "title", "authors", "kind", "reach", "dated_on",
                      "publication", "link")


def _clean(fields: dict) -> dict:
    return {"school_id": fields["school_id"], "title": " ".join(fields["title"].split()),
            "authors": "\n".join(author_names(fields["authors"])), "kind": fields["kind"],
            "reach": fields["reach"], "dated_on": fields["dated_on"],
            "publication": fields.get("publication") or None,
            "link": (fields.get("link") or "").strip() if fields.get("publication") else ""}


def record_development(*, school_id: int, title: str, authors: str, kind: str, reach: str,
                       dated_on: date, publication: str | None = None,
                       link: str = "") -> MethodicalDevelopment:
    development = MethodicalDevelopment(**_clean(locals()))
    db.session.add(development)
    db.session.flush()
    return development


def update_development(development: MethodicalDevelopment, *, version,
                       **fields) -> MethodicalDevelopment:
    ensure_version(development, version)
    for name, value in _clean(fields).items():
        setattr(development, name, value)
    db.session.flush()
    return development


def delete_development(development: MethodicalDevelopment) -> None:
    db.session.delete(development)
    db.session.flush()
