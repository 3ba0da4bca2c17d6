"""Indicator values for a scope and a period: facts from providers or entered values, targets,
statuses. Targets and entered values are set here too (callers commit)."""
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.indicators import catalogue, metrics
from tracker.indicators.calculations import (Fraction, Status, Unit, fact_value, plan_of, status,
                                             total)
from tracker.indicators.models import EnteredValue, Indicator, IndicatorTarget
from tracker.indicators.providers import entered_fractions
from tracker.indicators.scope import resolved
from tracker.periods import Period


@dataclass
class TargetLevel:
    """Whose target applies: ("municipality", 7), ("region", 1) or ("school", 12)."""

    kind: str
    id: int


@dataclass
class IndicatorValue:
    indicator: Indicator
    fraction: Fraction | None
    target: Decimal | None
    status: Status
    by_school: dict[int, Fraction] = field(default_factory=dict)

    @property
    def fact(self) -> float | None:
        if self.indicator.unit == Unit.YES_NO:
            return None if self.fraction is None else float(self.fraction.numerator > 0)
        return fact_value(self.indicator.unit, self.fraction)

    @property
    def plan(self) -> Decimal | float | None:
        """The explicit target, or for a plan / fact count the plan in the records."""
        return plan_of(self.target, self.fraction, plan_in_records=self.indicator.plan_in_records)


class BadValue(DomainError):
    message = _l("The number of pupils reaching the level cannot exceed the number of pupils.")


class UnknownIndicator(DomainError):
    message = _l("There is no such indicator in the catalogue.")


def indicators_for(level: TargetLevel, period: Period,
                   codes: tuple[str, ...] | None = None) -> list[Indicator]:
    """The place's indicators of the period's periodicity (or the listed ones, in that order)."""
    indicators = catalogue.for_place(level.kind, level.id, periodicity=period.periodicity)
    if not codes:
        return indicators
    by_code = {indicator.code: indicator for indicator in indicators}
    return [by_code[code] for code in codes if code in by_code]


def indicator_values(school_ids: Select, period: Period, level: TargetLevel,
                     codes: tuple[str, ...] | None = None) -> list[IndicatorValue]:
    """Every indicator of the place's catalogue (or the listed ones) for the schools of
    `school_ids` in `period`."""
    return _values(indicators_for(level, period, codes), resolved(school_ids), period,
                   targets_for(period, level))


def find_indicator(level: TargetLevel, code: str) -> Indicator:
    indicator = catalogue.find(level.kind, level.id, code)
    if indicator is None:
        raise UnknownIndicator()
    return indicator


def trend_values(school_ids: Select, periods: list[Period], level: TargetLevel,
                 code: str) -> list[IndicatorValue]:
    """One indicator in each of `periods` (their targets read at once)."""
    school_ids = resolved(school_ids)
    column = _TARGET_COLUMNS[level.kind]
    targets = dict(db.session.execute(select(IndicatorTarget.period, IndicatorTarget.value).where(
        IndicatorTarget.code == code, IndicatorTarget.period.in_([p.code for p in periods]),
        column == level.id)).all())
    indicator = find_indicator(level, code)
    return [_values([indicator], school_ids, period,
                    {code: targets[period.code]} if period.code in targets else {})[0]
            for period in periods]


def _values(indicators: list[Indicator], school_ids: Select, period: Period,
            targets: dict[str, Decimal]) -> list[IndicatorValue]:
    entered_codes = [i.code for i in indicators if not i.is_computed]
    entered = entered_fractions(entered_codes, school_ids, period) if entered_codes else {}
    values = []
    for indicator in indicators:
        by_school = (entered[indicator.code] if not indicator.is_computed
                     else _computed(indicator, school_ids, period))
        fraction = total(by_school.values()) if by_school is not None and by_school else None
        if indicator.is_computed and by_school is not None and fraction is None:
            fraction = Fraction(0, 0)
        value = IndicatorValue(indicator, fraction, targets.get(indicator.code), Status.NO_DATA,
                               by_school or {})
        value.status = status(value.fact, value.plan, expected=not indicator.is_computed)
        values.append(value)
    return values


def _computed(indicator: Indicator, school_ids: Select, period: Period):
    return metrics.count(indicator.metric, school_ids, period, indicator.filters)


_TARGET_COLUMNS = {"region": IndicatorTarget.region_id,
                   "municipality": IndicatorTarget.municipality_id,
                   "school": IndicatorTarget.school_id}


def targets_for(period: Period, level: TargetLevel) -> dict[str, Decimal]:
    column = _TARGET_COLUMNS[level.kind]
    rows = db.session.execute(select(IndicatorTarget.code, IndicatorTarget.value).where(
        IndicatorTarget.period == period.code, column == level.id))
    return dict(rows.all())


LEVEL_COLUMNS = {"region": "region_id", "municipality": "municipality_id", "school": "school_id"}


def _target(code: str, period: Period, level: TargetLevel) -> IndicatorTarget | None:
    return db.session.scalar(select(IndicatorTarget).where(
        IndicatorTarget.code == code, IndicatorTarget.period == period.code,
        getattr(IndicatorTarget, LEVEL_COLUMNS[level.kind]) == level.id))


def remove_target(*, code: str, period: Period, level: TargetLevel) -> None:
    """No target any more («план не задан»)."""
    target = _target(code, period, level)
    if target is not None:
        db.session.delete(target)
        db.session.flush()


def set_target(*, code: str, period: Period, level: TargetLevel, value: Decimal,
               version=None) -> IndicatorTarget:
    find_indicator(level, code)
    target = _target(code, period, level)
    if target is None:
        target = IndicatorTarget(code=code, period=period.code,
                                 **{LEVEL_COLUMNS[level.kind]: level.id})
        db.session.add(target)
    elif version is not None:
        ensure_version(target, version)
    target.value = value
    db.session.flush()
    return target


def enter_value(*, code: str, period: Period, school_id: int, numerator: int | None = None,
                denominator: int | None = None, flag: bool | None = None, by_id: int | None = None,
                version=None) -> EnteredValue:
    indicator = find_indicator(TargetLevel("school", school_id), code)
    if indicator.is_computed:
        raise DomainError(_l("This indicator is computed from the records; it cannot be entered."))
    if indicator.unit != Unit.YES_NO and (denominator is None or numerator is None
                                          or numerator > denominator or numerator < 0):
        raise BadValue()
    entry = db.session.scalar(select(EnteredValue).where(
        EnteredValue.code == code, EnteredValue.period == period.code,
        EnteredValue.school_id == school_id))
    if entry is None:
        entry = EnteredValue(code=code, period=period.code, school_id=school_id)
        db.session.add(entry)
    elif version is not None:
        ensure_version(entry, version)
    if indicator.unit == Unit.YES_NO:
        entry.flag, entry.numerator, entry.denominator = bool(flag), None, None
    else:
        entry.flag, entry.numerator, entry.denominator = None, numerator, denominator
    entry.entered_by_id = by_id
    db.session.flush()
    return entry
