"""A seeded fuzzer of every form and query parameter the pages offer.

It reads each page a role may open, takes every form on it (its action, fields and the values a
browser would send back), then sends each form — and each page's query string — with a few
fields replaced by hostile values: NUL bytes, integers beyond any column's range, strings beyond
any column's length, odd numbers, dates and Unicode. URL integers beyond range are tried too.
Every answer must be below 500.
"""
import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

# what views read from the query string besides their filter forms (pagination included)
QUERY_NAMES = ("municipality", "period", "token", "school_id", "next", "kind", "focus", "page",
               "per_page", "year", "q", "status", "lang")
# last, so that they cannot hide an object from the forms tried before them
DESTRUCTIVE = re.compile(r"delete|purge|deactivat|remove|end_|archive|logout|close|cancel|reset")


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    choices: dict[str, list[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)


class FormParser(HTMLParser):
    def __init__(self, page_url: str):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms: list[Form] = []
        self.form: Form | None = None
        self.select: str | None = None
        self.textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            action = a.get("action") or self.page_url
            self.form = Form(action=action, method=(a.get("method") or "get").upper())
            self.forms.append(self.form)
            return
        name = a.get("name") or a.get("form-field")
        if self.form is None or not name:
            return
        kind = (a.get("type") or "text").lower()
        if tag == "input":
            if kind == "file":
                self.form.files.append(name)
            elif kind in ("submit", "button", "image", "reset"):
                pass
            elif kind in ("checkbox", "radio"):
                self.form.choices.setdefault(name, []).append(a.get("value") or "y")
                if "checked" in a:
                    self.form.fields.setdefault(name, []).append(a.get("value") or "y")
            else:
                self.form.fields.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select":
            self.select = name
            self.form.fields.setdefault(name, [])
        elif tag == "option" and self.select:
            value = a.get("value", "")
            self.form.choices.setdefault(self.select, []).append(value)
            if "selected" in a or not self.form.fields[self.select]:
                self.form.fields[self.select] = [value]
        elif tag == "textarea":
            self.textarea = name
            self.form.fields[name] = [""]

    def handle_data(self, data):
        if self.textarea and self.form is not None:
            self.form.fields[self.textarea] = [self.form.fields[self.textarea][0] + data]

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None


def forms_on(page_url: str, html_text: str) -> list[Form]:
    parser = FormParser(page_url)
    parser.feed(html_text)
    return parser.forms


BIG_INTEGERS = ("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
                "99999999999999999999999999999999", "1" * 400, "1e309", "-0", "00000000001")
ODD_NUMBERS = ("NaN", "inf", "-inf", "1,5", "1.5", "1 000", "٣", "²", "0x10", "1_000", "--1",
               "+", "1e5", "12,345,678.9", "−5", ",", ".")
ODD_DATES = ("9999-12-31", "0001-01-01", "2022-02-30", "31.12.99999", "0000-00-00",
             "2022-13-01", "1969-12-31", "99999-01-01", "2022-1-1T25:61")
ODD_TEXTS = ("", " ", "\t\n", "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\u202eabc",
             "😀" * 50, "\ufeff", "\u0301", "ё" * 3, "../../etc/passwd", "{{7*7}}", "\\x00",
             "a\r\nSet-Cookie: x=1")


def nul_values(rng: random.Random) -> str:
    return rng.choice(("\x00", "abc\x00", "\x00" * 10, "Школа\x00№ 1"))


def long_text(rng: random.Random) -> str:
    return rng.choice(("я", "a", "1", "Щ ")) * rng.choice((65, 101, 201, 256, 301, 501, 1001,
                                                           2001, 5001, 20001, 100001))


def hostile(rng: random.Random, current: str, choices: list[str]) -> str:
    """One hostile value for a field whose normal value is `current`."""
    kind = rng.random()
    if kind < 0.18:
        return nul_values(rng)
    if kind < 0.36:
        return rng.choice(BIG_INTEGERS)
    if kind < 0.54:
        return long_text(rng)
    if kind < 0.64:
        return rng.choice(ODD_NUMBERS)
    if kind < 0.72:
        return rng.choice(ODD_DATES)
    if kind < 0.84:
        return rng.choice(ODD_TEXTS)
    if kind < 0.92 and choices:
        return rng.choice(choices) + rng.choice(("", "0", "\x00", "9" * 12))
    return current + rng.choice(("\x00", "9" * 20, "я" * 3000))


def mutate(rng: random.Random, values: dict[str, list[str]], choices: dict[str, list[str]],
           names: list[str]) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    """The form with one or two of `names` made hostile, or all of them (a value is sometimes
    sent twice); what was changed. One bad field among good ones reaches the view's action,
    all bad ones try many values per request."""
    data = {name: list(vals) for name, vals in values.items()}
    changed = []
    count = rng.choice((1, 2, len(names), len(names)))
    for name in rng.sample(names, min(len(names), count)):
        current = (data.get(name) or [""])[0]
        value = hostile(rng, current, choices.get(name, []))
        data[name] = [value, hostile(rng, current, [])] if rng.random() < 0.05 else [value]
        changed.append((name, value))
    return data, changed


def split_url(url: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(url)
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        query.setdefault(name, []).append(value)
    return parts.path, query


def shown(value: str, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else f"{text[:limit]}… ({len(value)} chars)"
