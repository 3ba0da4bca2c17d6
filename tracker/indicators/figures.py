"""What a figure of an indicator may be, by unit: the one check targets, entered values, forms,
spreadsheet and JSON imports go through. A share is 0–100 %, a count a whole number not below
zero, yes/no is да or нет, a number anything within the column's range."""
from decimal import Decimal, InvalidOperation

from flask_babel import lazy_gettext as _l

from tracker.errors import DomainError
from tracker.indicators.calculations import Unit
from tracker.periods import PERIODICITY_LABELS

LIMIT = Decimal("1e12")  # the columns keep 14 digits, 2 after the point


class FigureRefused(DomainError):
    """A figure that does not fit its indicator; `field` names what was wrong."""

    def __init__(self, message, field: str = "value"):
        super().__init__(message)
        self.field = field


def as_decimal(value) -> Decimal:
    """A typed or imported number («41,5», 41.5, "41.5") as a Decimal; FigureRefused otherwise."""
    if isinstance(value, bool):
        raise FigureRefused(_l("Enter a number, e.g. 41,5."))
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace(" ", ""))
    except (InvalidOperation, ValueError):
        raise FigureRefused(_l("Enter a number, e.g. 41,5.")) from None
    if not number.is_finite() or abs(number) >= LIMIT:
        raise FigureRefused(_l("Enter a number, e.g. 41,5."))
    return number


def checked_figure(unit: str, value) -> Decimal:
    """The figure of a target or a typed value, checked against the unit."""
    if unit == Unit.YES_NO:
        if value in (True, 1, "1", "да", "yes"):
            return Decimal(1)
        if value in (False, 0, "0", "нет", "no"):
            return Decimal(0)
        raise FigureRefused(_l("Enter «yes» or «no»."))
    number = as_decimal(value)
    if unit == Unit.PERCENT and not 0 <= number <= 100:
        raise FigureRefused(_l("A share is from 0 to 100 %."))
    if unit == Unit.COUNT and (number < 0 or number != number.to_integral_value()):
        raise FigureRefused(_l("A count is a whole number, not negative."))
    return number


def check_periodicity(indicator, period) -> None:
    """A period of the indicator's own kind (a yearly indicator has no half-year values)."""
    if period.periodicity != indicator.periodicity:
        raise FigureRefused(_l("The indicator is counted per period of the kind «%(kind)s»: "
                               "%(period)s does not fit.",
                               kind=PERIODICITY_LABELS[indicator.periodicity],
                               period=period.label), field="period")
