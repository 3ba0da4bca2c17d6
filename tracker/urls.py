"""What we accept from the outside in addresses: redirect targets, ids in paths."""
from urllib.parse import urlsplit

from flask import Flask
from werkzeug.routing import IntegerConverter

MAX_ID = 2**31 - 1  # the range of an INTEGER key on PostgreSQL; SQLite overflows at 2**63


class IdConverter(IntegerConverter):
    """<int:…> in a route: a number beyond any key's range is no page (404), not a database
    error."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


def register_converters(app: Flask) -> None:
    """Before any route is added: every <int:…> of every feature is bounded."""
    app.url_map.converters["int"] = IdConverter


def safe_next(target: str | None) -> str | None:
    """Return `target` only if it is a path on this site, never another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target
