"""Where each computed indicator gets its numbers: one SQL aggregation per indicator, grouped by
school over a scoped select of school ids. Features register their providers here.

A provider is `provider(school_ids: Select, period: HalfYear) -> dict[school_id, Fraction]`;
schools missing from its answer have no records for it. An indicator without a provider
shows «нет данных», never a made-up number.
"""
from collections.abc import Callable

from sqlalchemy import Select, select

from tracker.db import db
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


def entered_fractions(code: str, school_ids: Select, period: HalfYear) -> dict[int, Fraction]:
    rows = db.session.execute(
        select(EnteredValue.school_id, EnteredValue.numerator, EnteredValue.denominator,
               EnteredValue.flag)
        .where(EnteredValue.code == code, EnteredValue.period == period.code,
               EnteredValue.school_id.in_(school_ids)))
    result = {}
    for school_id, numerator, denominator, flag in rows:
        if flag is not None:
            result[school_id] = Fraction(int(flag), 1)
        elif denominator is not None:
            result[school_id] = Fraction(numerator or 0, denominator)
    return result
