"""One number parser and one number field: «41,5» and «41.5» are the same number everywhere."""
from decimal import Decimal

import pytest
from flask_babel import force_locale
from werkzeug.datastructures import MultiDict

from tracker.forms import NumberField
from tracker.numbers import NotANumber, parse_integer, parse_number
from flask_wtf import FlaskForm


@pytest.mark.parametrize("raw, expected", [
    ("41,5", "41.5"), ("41.5", "41.5"), (" 1 234,5 ", "1234.5"), ("1\u00a0234", "1234"),
    ("35 %", "35"), ("35%", "35"), (",5", "0.5"), ("-2", "-2"), (7, "7"), (41.5, "41.5"),
    (Decimal("3.25"), "3.25"),
])
def test_numbers_are_read_as_people_write_them(raw, expected):
    assert parse_number(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["1,2,3", "1.2.3", "abc", "NaN", "inf", "1e5", "4 1,5x",
                                 "1" * 16, True, float("nan"), "--1", "\x00"])
def test_anything_else_is_refused(raw):
    with pytest.raises(NotANumber):
        parse_number(raw)


def test_empty_is_none():
    assert parse_number("") is None and parse_number("  ") is None and parse_number(None) is None


def test_integers():
    assert parse_integer("1 234") == 1234 and parse_integer("12,0") == 12
    with pytest.raises(NotANumber):
        parse_integer("12,5")
    with pytest.raises(NotANumber):
        parse_integer("35 %")


class _Form(FlaskForm):
    class Meta:
        csrf = False
    share = NumberField("Share", minimum=0, maximum=100, unit="%")
    count = NumberField("Count", minimum=0, integer=True)


def _form(app, **data):
    with app.test_request_context():
        form = _Form(formdata=MultiDict(data))
        valid = form.validate()
        return form, valid


def test_field_accepts_both_separators(app):
    for typed in ("37,5", "37.5"):
        form, valid = _form(app, share=typed, count="3")
        assert valid and form.share.data == Decimal("37.5")


def test_field_checks_bounds_and_keeps_what_was_typed(app):
    with app.test_request_context(), force_locale("ru"):
        form = _Form(formdata=MultiDict({"share": "150", "count": "2,5"}))
        assert not form.validate()
        assert "от 0 до 100" in str(form.share.errors[0])
        assert form.count.errors
        assert 'value="150"' in form.share() and 'value="2,5"' in form.count()


def test_field_shows_numbers_in_the_page_locale(app):
    with app.test_request_context(), force_locale("ru"):
        form = _Form(data={"share": Decimal("90.0"), "count": Decimal("41.50")})
        assert 'value="90"' in form.share() and 'inputmode="decimal"' in form.share()
        assert 'value="41,5"' in form.count()
    with app.test_request_context(), force_locale("en"):
        form = _Form(data={"share": Decimal("41.5")})
        assert 'value="41.5"' in form.share()
