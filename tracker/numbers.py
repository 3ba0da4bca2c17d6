"""One parser for every number a person types or a spreadsheet holds: «41,5», «41.5», «1 234,5»,
«35 %». Forms (tracker.forms.NumberField), imports and the command line all read numbers here."""
import re
from decimal import Decimal, InvalidOperation

# spaces of every kind people and spreadsheets put between thousands
_GROUPING = re.compile(r"[\s\u00a0\u202f']")
_PLAIN = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
MAX_DIGITS = 15


class NotANumber(ValueError):
    """The text is not a number a person would write."""


def parse_number(raw, *, percent_sign: bool = True) -> Decimal | None:
    """The number in `raw` (a str, int, float or Decimal), None for an empty cell.

    A decimal comma or point is accepted; grouping spaces are ignored; a trailing «%» is dropped
    when `percent_sign` is true. Anything else (two separators, letters, NaN, more than
    MAX_DIGITS digits) raises NotANumber."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber(raw)
    if isinstance(raw, (int, float, Decimal)):
        return _checked(Decimal(str(raw)))
    text = _GROUPING.sub("", str(raw))
    if percent_sign and text.endswith("%"):
        text = text[:-1]
    if not text:
        return None
    if not _PLAIN.match(text):
        raise NotANumber(raw)
    return _checked(Decimal(text.replace(",", ".")))


def parse_integer(raw) -> int | None:
    """A whole number («1 234», «12,0»); a fractional one raises NotANumber."""
    value = parse_number(raw, percent_sign=False)
    if value is None:
        return None
    if value != value.to_integral_value():
        raise NotANumber(raw)
    return int(value)


def _checked(value: Decimal) -> Decimal:
    try:
        if not value.is_finite() or len(value.as_tuple().digits) > MAX_DIGITS:
            raise NotANumber(value)
    except InvalidOperation:
        raise NotANumber(value) from None
    return value
