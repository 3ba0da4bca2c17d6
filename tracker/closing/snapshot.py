"""The figures of a submitted period, kept as they were, and read back as indicator values.

A snapshot holds, for the municipality and for each of its low-result schools, every
indicator's numerator, denominator, typed value, target and status, and per school the fractions
behind the municipality's figure (for its breakdown). Read back, they are `IndicatorValue`s like
the live ones, so every page and command shows them the same way."""
from decimal import Decimal

from sqlalchemy import select

from tracker.db import db
from tracker.indicators import catalogue
from tracker.indicators.calculations import Fraction, Status
from tracker.indicators.scope import low_result_school_ids, resolved, single_school_ids
from tracker.indicators.services import IndicatorValue, TargetLevel, indicator_values
from tracker.schools.models import School

MUNICIPALITY = "municipality"


def take(municipality_id: int, period) -> dict:
    """The live figures of the municipality and its low-result schools, as plain JSON."""
    school_ids = resolved(low_result_school_ids(period.year, municipality_id=municipality_id))
    figures = {MUNICIPALITY: [_row(value) for value in indicator_values(
        school_ids, period, TargetLevel("municipality", municipality_id), live=True)]}
    for school_id in db.session.scalars(select(School.id).where(School.id.in_(school_ids))):
        figures[str(school_id)] = [_row(value) for value in indicator_values(
            single_school_ids(school_id), period, TargetLevel("school", school_id), live=True)]
    return figures


def _row(value: IndicatorValue) -> dict:
    fraction = value.fraction
    return {"code": value.indicator.code,
            "fraction": None if fraction is None else [_plain(fraction.numerator),
                                                       _plain(fraction.denominator)],
            "direct": _plain(value.direct), "target": _plain(value.target),
            "status": str(value.status),
            "by_school": {str(school_id): [_plain(part.numerator), _plain(part.denominator)]
                          for school_id, part in value.by_school.items()}}


def _plain(number):
    if isinstance(number, Decimal):
        return int(number) if number == number.to_integral_value() else float(number)
    return number


def values_of(figures: dict, level: TargetLevel, codes: tuple[str, ...] | None = None
              ) -> list[IndicatorValue] | None:
    """The submitted values of the municipality or one of its schools (None: not in it)."""
    rows = figures.get(MUNICIPALITY if level.kind == "municipality" else str(level.id))
    if rows is None:
        return None
    indicators = {indicator.code: indicator for indicator in catalogue.for_place(
        level.kind, level.id, include_retired=True)}
    values = [_value(row, indicators[row["code"]]) for row in rows if row["code"] in indicators]
    if codes:
        by_code = {value.indicator.code: value for value in values}
        return [by_code[code] for code in codes if code in by_code]
    return values


def _value(row: dict, indicator) -> IndicatorValue:
    fraction = None if row["fraction"] is None else Fraction(*row["fraction"])
    target = None if row["target"] is None else Decimal(str(row["target"]))
    return IndicatorValue(indicator, fraction, target, Status(row["status"]),
                          {int(school_id): Fraction(*part)
                           for school_id, part in row["by_school"].items()},
                          row["direct"])
