"""Percentages are formatted without Babel's number formatter (for speed); they must read exactly
as Babel writes them, in both languages."""
import pytest
from flask_babel import force_locale, format_decimal

from tracker.i18n import number, percent, share

VALUES = [0, 0.04, 0.05, 0.06, 0.15, 0.25, 1, 9.95, 9.96, 33.333, 50, 50.4, 50.45, 50.55, 66.666,
          98.6, 99.94, 99.95, 99.96, 100, 100.0, 123.45, 999.95, 1234.56, 12345.678, 1e6 / 3]


@pytest.mark.parametrize("locale", ["ru", "en"])
@pytest.mark.parametrize("digits", [0, 1, 2])
def test_percent_reads_as_babel_writes_it(app, locale, digits):
    with app.test_request_context(), force_locale(locale):
        for value in VALUES:
            number = format_decimal(round(value, digits), format="#,##0." + "#" * digits)
            expected = f"{number}\u00a0%" if locale == "ru" else f"{number}%"
            assert percent(value, digits) == expected, value


def test_percent_of_nothing_is_a_dash(app):
    with app.test_request_context():
        assert percent(None) == "—"


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_counts_and_shares_read_as_babel_writes_them(app, locale):
    from tracker.indicators.calculations import Fraction
    with app.test_request_context(), force_locale(locale):
        for count in (0, 7, 999, 1000, 12345, 1234567, -4200):
            assert number(count) == format_decimal(count), count
        for _ in range(2):  # the second time from the request's translated wording
            expected = "252 из 500 (50,4\u00a0%)" if locale == "ru" else "252 of 500 (50.4%)"
            assert share(Fraction(252, 500)) == expected


def test_a_share_follows_a_language_switched_within_the_request(app):
    from tracker.indicators.calculations import Fraction
    with app.test_request_context():
        with force_locale("en"):
            assert share(Fraction(1, 4)) == "1 of 4 (25%)"
        with force_locale("ru"):
            assert share(Fraction(1, 4)) == "1 из 4 (25\u00a0%)"
