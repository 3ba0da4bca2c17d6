"""Language choice and Russian formats for numbers and dates."""
from datetime import date, datetime
from functools import cache
from pathlib import Path

from babel.numbers import get_decimal_symbol, get_group_symbol
from flask import Flask, current_app, g, has_request_context, request, session
from flask_babel import format_date, format_datetime, format_decimal, get_locale, gettext

TRANSLATIONS = Path(__file__).parent / "translations"


def select_locale() -> str:
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang") if has_request_context() else None
    if chosen in languages:
        return chosen
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def percent(value: float | None, digits: int = 1) -> str:
    """50.4 -> «50,4 %» in Russian, «50.4%» in English."""
    if value is None:
        return "—"
    return _percent(value, digits, str(get_locale()))


def _percent(value: float, digits: int, locale: str) -> str:
    number = _decimal(round(value, digits), digits, locale)
    return f"{number}\u00a0%" if locale == "ru" else f"{number}%"


@cache
def _separators(locale: str) -> dict[int, str]:
    return str.maketrans({",": get_group_symbol(locale), ".": get_decimal_symbol(locale)})


def _decimal(value: float, digits: int, locale: str) -> str:
    """What format_decimal(value, "#,##0.#…") gives, without its cost: a dashboard formats
    hundreds of shares (scripts/bench.py); tests/test_i18n_numbers.py checks they agree."""
    text = f"{value:,.{digits}f}"
    if digits:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_separators(locale))


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "dd.MM.yyyy HH:mm")
    return format_date(value, "dd.MM.yyyy")


def month_name(month: int) -> str:
    """8 -> «август» (the stand-alone form, as in «ожидается (август)»)."""
    return format_date(date(2000, month, 1), "LLLL")


def share(fraction) -> str:
    """A fraction as the page shows it: «252 из 500 (50,4 %)». A dashboard shows hundreds, so the
    wording is translated once per request (a gettext call cost as much as the rest)."""
    if fraction is None:
        return gettext("no data")
    if not fraction.denominator:
        return gettext("%(n)s of 0", n=fraction.numerator)
    locale = str(get_locale())
    return _once_per_request("%(n)s of %(d)s (%(p)s)", locale) % {
        "n": fraction.numerator, "d": fraction.denominator,
        "p": _percent(fraction.percent, 1, locale)}


def _once_per_request(message: str, locale: str) -> str:
    """gettext(message), kept for the request per language (force_locale may switch it)."""
    if not has_request_context():
        return gettext(message)
    translated = g.setdefault("translated", {})
    if (locale, message) not in translated:
        translated[locale, message] = gettext(message)
    return translated[locale, message]


def number(value) -> str:
    if value is None:
        return "—"
    if type(value) is int:  # counts fill whole tables: Babel's formatter only for fractions
        return _decimal(value, 0, str(get_locale()))
    return format_decimal(value)


def register_filters(app: Flask) -> None:
    app.jinja_env.filters.update(percent=percent, day=day, number=number, share=share,
                              month_name=month_name)
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale())
    app.jinja_env.globals["request_path"] = lambda: request.full_path.rstrip("?")
