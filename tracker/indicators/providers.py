"""The records behind the figures: the entered values of a period, and the drill-downs features
register for their metrics (who is counted in a school's figure and who is not).

The figures of computed indicators come from the metrics (metrics.py); an indicator whose metric
no feature provides shows «нет данных», never a made-up number.
"""
from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import Select, select

from tracker.auth.models import User
from tracker.db import db
from tracker.i18n import day, number
from tracker.indicators.calculations import Fraction
from tracker.indicators.models import EnteredValue
from tracker.periods import Period


def entered_fractions(codes: list[str], school_ids: Select, period: Period
                      ) -> dict[str, dict[int, Fraction]]:
    """The values typed in for the schools, per indicator code (one query for them all): pupils
    counted as numerator / denominator, a count or number as the numerator, yes as 1 of 1."""
    rows = db.session.execute(
        select(EnteredValue.code, EnteredValue.school_id, EnteredValue.numerator,
               EnteredValue.denominator, EnteredValue.value, EnteredValue.flag)
        .where(EnteredValue.code.in_(codes), EnteredValue.period == period.code,
               EnteredValue.school_id.in_(school_ids)))
    result: dict[str, dict[int, Fraction]] = {code: {} for code in codes}
    for code, school_id, numerator, denominator, value, flag in rows:
        if flag is not None:
            result[code][school_id] = Fraction(int(flag), 1)
        elif denominator is not None:
            result[code][school_id] = Fraction(numerator or 0, denominator)
        elif value is not None:
            result[code][school_id] = Fraction(_plain(value), 0)
    return result


def _plain(value):
    """A stored figure as an int when whole (a count), else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def municipal_entries(codes: list[str], municipality_ids: Select | list[int], period: Period
                      ) -> dict[str, dict[int, EnteredValue]]:
    """The values typed in once per municipality, per indicator code and municipality."""
    rows = db.session.scalars(select(EnteredValue).where(
        EnteredValue.code.in_(codes), EnteredValue.period == period.code,
        EnteredValue.municipality_id.in_(municipality_ids)))
    result: dict[str, dict[int, EnteredValue]] = {code: {} for code in codes}
    for entry in rows:
        result[entry.code][entry.municipality_id] = entry
    return result


@dataclass
class RecordRow:
    cells: list[str]
    url: str | None = None
    counted: bool = True


@dataclass
class RecordList:
    """The records behind one school's figure: the counted ones and the rest."""

    columns: list[str]
    rows: list[RecordRow] = field(default_factory=list)

    @property
    def counted(self) -> list[RecordRow]:
        return [row for row in self.rows if row.counted]

    @property
    def not_counted(self) -> list[RecordRow]:
        return [row for row in self.rows if not row.counted]


Drilldown = Callable[[int, Period], RecordList]

DRILLDOWNS: dict[str, Drilldown] = {}  # metric code -> the records behind a school's figure


def drills(code: str) -> Callable[[Drilldown], Drilldown]:
    def register(function: Drilldown) -> Drilldown:
        DRILLDOWNS[code] = function
        return function
    return register


def entered_records(code: str, school_id: int, period: Period) -> RecordList:
    """The value typed in for the school, with who entered it and when."""
    rows = db.session.execute(
        select(EnteredValue, User.full_name).outerjoin(User, User.id == EnteredValue.entered_by_id)
        .where(EnteredValue.code == code, EnteredValue.period == period.code,
               EnteredValue.school_id == school_id)).all()
    records = RecordList([_("Value"), _("Entered by"), _("When")])
    for entry, who in rows:
        records.rows.append(RecordRow([entry_text(entry), who or "—", day(entry.entered_at)]))
    return records


def entry_text(entry: EnteredValue) -> str:
    """A typed value as the page shows it: «да», «9 / 10», «41,5»."""
    if entry.flag is not None:
        return _("yes") if entry.flag else _("no")
    if entry.denominator is not None:
        return f"{entry.numerator} / {entry.denominator}"
    return "—" if entry.value is None else number(entry.value)


def drilldown_of(indicator) -> Callable[[int, Period], RecordList] | None:
    """The records behind one school's figure of an indicator: its metric's drill-down, or for
    an entered indicator the value typed in."""
    if indicator.is_computed:
        return DRILLDOWNS.get(indicator.metric)
    return lambda school_id, period: entered_records(indicator.code, school_id, period)
