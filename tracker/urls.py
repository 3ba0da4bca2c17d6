"""URLs: redirect targets and ids in paths we accept from the outside, and the many links of a
table."""
from functools import lru_cache
from urllib.parse import quote, quote_plus, urlsplit

from flask import Flask, url_for
from werkzeug.routing import IntegerConverter

# Stand-ins routed in place of the values: within the bounded id range (IdConverter), and far
# above any id a table links to
_MARKER = 2_100_000_001
# werkzeug's quoting of a path segment (routing/converters.py) and of a query value (urls.py)
_PATH_SAFE, _QUERY_SAFE = "!$&'()*+,/:;=@", "!$'()*,/:;?@"

MAX_ID = 2**31 - 1  # the range of an INTEGER key on PostgreSQL; SQLite overflows at 2**63


class IdConverter(IntegerConverter):
    """<int:…> in a route: a number beyond any key's range is no page (404), not a database
    error."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ID, signed=False):
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class Link:
    """Where something leads (a notification, a report's warning): an endpoint and its
    arguments, routed only when shown."""

    def __init__(self, endpoint: str, **args):
        self.endpoint, self.args = endpoint, args

    def url(self) -> str:
        return url_for(self.endpoint, **self.args)

    def __repr__(self) -> str:
        return f"Link({self.endpoint!r}, {self.args!r})"


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


class LinkPattern:
    """url_for(endpoint, **fixed, name=value…) for the many links of a table, routed once and then
    filled in: `records = LinkPattern("indicators.records", "school_id", "code", period=…)`,
    `records(school.id, code)`. Routing every cell of a dashboard's tables cost more than its
    SQL (scripts/bench.py). Gives exactly what url_for gives; a value it cannot place (None,
    a list) goes to url_for."""

    def __init__(self, endpoint: str, *names: str, **fixed) -> None:
        self.endpoint, self.names, self.fixed = endpoint, names, fixed
        self.parts = _cut(url_for(endpoint, **fixed, **{
            name: _MARKER + i for i, name in enumerate(names)}), len(names))

    def __call__(self, *values) -> str:
        if self.parts is None or any(value is None or isinstance(value, (list, tuple, set, dict))
                                     for value in values):
            return url_for(self.endpoint, **self.fixed, **dict(zip(self.names, values)))
        text, places = self.parts
        pieces = [text[0]]
        for (index, in_query), after in zip(places, text[1:]):
            pieces += [_quoted(values[index], in_query), after]
        return "".join(pieces)


def _cut(url: str, count: int):
    """The routed URL as its texts between the values, and where each value goes."""
    query_starts = url.find("?") if "?" in url else len(url)
    found = []
    for index in range(count):
        marker = str(_MARKER + index)
        at = url.find(marker)
        if at < 0 or url.count(marker) != 1:
            return None
        found.append((at, index))
    text, places, done = [], [], 0
    for at, index in sorted(found):
        text.append(url[done:at])
        places.append((index, at > query_starts))
        done = at + len(str(_MARKER))
    text.append(url[done:])
    return text, places


@lru_cache(maxsize=4096)
def _quoted_text(value: str, in_query: bool) -> str:
    return quote_plus(value, safe=_QUERY_SAFE) if in_query else quote(value, safe=_PATH_SAFE)


def _quoted(value, in_query: bool) -> str:
    if type(value) is int:
        return str(value)
    return _quoted_text(str(value), in_query)


def register(app: Flask) -> None:
    app.jinja_env.globals["link_pattern"] = LinkPattern
