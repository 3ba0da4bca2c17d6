"""Percentages are formatted without Babel's number formatter (for speed); they must read exactly
as Babel writes them, in both languages."""
import pytest
from flask_babel import force_locale, format_decimal

from tracker.i18n import percent

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
