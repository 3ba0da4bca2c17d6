"""Where each computed indicator gets its numbers: one SQL aggregation per indicator, grouped by
school over a scoped select of school ids. Features register their providers here.

A provider is `provider(school_ids: Select, period: HalfYear) -> dict[school_id, Fraction]`;
schools missing from its answer have no records for it. An indicator without a provider
shows «нет данных», never a made-up number.
"""
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from flask_babel import gettext as _
from sqlalchemy import Select, select

from tracker.auth.models import User
from tracker.db import db
from tracker.i18n import day
from tracker.indicators.catalogue import CATALOGUE
from tracker.indicators.calculations import Fraction
from tracker.indicators.models import EnteredValue
from tracker.periods import HalfYear

Provider = Callable[[Select, HalfYear], dict[int, Fraction]]

PROVIDERS: dict[str, Provider] = {}


def provides(code: str) -> Callable[[Provider], Provider]:
    def register(function: Provider) -> Provider:
        PROVIDERS[code] = function
        return function
    return register


def entered_fractions(codes: list[str], school_ids: Select, period: HalfYear
                      ) -> dict[str, dict[int, Fraction]]:
    """The values typed in for the schools, per indicator code (one query for them all)."""
    rows = db.session.execute(
        select(EnteredValue.code, EnteredValue.school_id, EnteredValue.numerator,
               EnteredValue.denominator, EnteredValue.flag)
        .where(EnteredValue.code.in_(codes), EnteredValue.period == period.code,
               EnteredValue.school_id.in_(school_ids)))
    result: dict[str, dict[int, Fraction]] = {code: {} for code in codes}
    for code, school_id, numerator, denominator, flag in rows:
        if flag is not None:
            result[code][school_id] = Fraction(int(flag), 1)
        elif denominator is not None:
            result[code][school_id] = Fraction(numerator or 0, denominator)
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


Drilldown = Callable[[int, HalfYear], RecordList]

DRILLDOWNS: dict[str, Drilldown] = {}


def drills(code: str) -> Callable[[Drilldown], Drilldown]:
    def register(function: Drilldown) -> Drilldown:
        DRILLDOWNS[code] = function
        return function
    return register


def entered_records(code: str, school_id: int, period: HalfYear) -> RecordList:
    """The value typed in for the school, with who entered it and when."""
    rows = db.session.execute(
        select(EnteredValue, User.full_name).outerjoin(User, User.id == EnteredValue.entered_by_id)
        .where(EnteredValue.code == code, EnteredValue.period == period.code,
               EnteredValue.school_id == school_id)).all()
    records = RecordList([_("Value"), _("Entered by"), _("When")])
    for entry, who in rows:
        text = (_("yes") if entry.flag else _("no")) if entry.flag is not None \
            else f"{entry.numerator} / {entry.denominator}"
        records.rows.append(RecordRow([text, who or "—", day(entry.entered_at)]))
    return records


def _register_entered_drilldowns() -> None:
    for indicator in CATALOGUE:
        if not indicator.is_computed:
            DRILLDOWNS[indicator.code] = partial(entered_records, indicator.code)


_register_entered_drilldowns()
