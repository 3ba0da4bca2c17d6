"""Indicator values for a scope and a period: facts from providers or entered values, targets,
statuses. Targets and entered values are set here too (callers commit)."""
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.indicators import catalogue, metrics
from tracker.indicators.figures import check_periodicity, checked_figure
from tracker.indicators.calculations import (Fraction, Status, Unit, fact_value, plan_of, status,
                                             total)
from tracker.indicators.models import EnteredValue, Indicator, IndicatorTarget, Level
from tracker.indicators.providers import entered_fractions, municipal_entries
from tracker.indicators.scope import resolved
from tracker.periods import Period
from tracker.schools.models import Municipality, School


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
    direct: Decimal | bool | None = None  # a value typed once for the whole place

    @property
    def fact(self) -> float | None:
        if self.direct is not None:
            return float(self.direct)
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
    """The place's indicators of the period's periodicity (or the listed ones, in that order);
    a school is not shown the indicators counted once per municipality."""
    indicators = [indicator for indicator in catalogue.for_place(
        level.kind, level.id, periodicity=period.periodicity)
        if level.kind != "school" or indicator.level != Level.MUNICIPALITY]
    if not codes:
        return indicators
    by_code = {indicator.code: indicator for indicator in indicators}
    return [by_code[code] for code in codes if code in by_code]


def indicator_values(school_ids: Select, period: Period, level: TargetLevel,
                     codes: tuple[str, ...] | None = None) -> list[IndicatorValue]:
    """Every indicator of the place's catalogue (or the listed ones) for the schools of
    `school_ids` in `period`."""
    return _values(indicators_for(level, period, codes), resolved(school_ids), period,
                   targets_for(period, level), level)


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
                    {code: targets[period.code]} if period.code in targets else {}, level)[0]
            for period in periods]


def _values(indicators: list[Indicator], school_ids: Select, period: Period,
            targets: dict[str, Decimal], level: TargetLevel) -> list[IndicatorValue]:
    by_schools = [i.code for i in indicators if not i.is_computed and i.level == Level.SCHOOL]
    entered = entered_fractions(by_schools, school_ids, period) if by_schools else {}
    once = [i.code for i in indicators if not i.is_computed and i.level == Level.MUNICIPALITY]
    typed = municipal_entries(once, _municipalities_of(level), period) if once else {}
    values = []
    for indicator in indicators:
        if indicator.code in typed:
            value = _typed_once(indicator, typed[indicator.code].values(), level)
        else:
            by_school = (entered[indicator.code] if not indicator.is_computed
                         else _computed(indicator, school_ids, period))
            fraction = total(by_school.values()) if by_school else None
            if indicator.is_computed and by_school is not None:
                fraction = metrics.total_of(indicator.metric, school_ids, period,
                                            indicator.filters) or fraction or Fraction(0, 0)
            value = IndicatorValue(indicator, fraction, None, Status.NO_DATA, by_school or {})
        value.target = targets.get(indicator.code)
        value.status = status(value.fact, value.plan, expected=not indicator.is_computed,
                              direction=indicator.direction)
        values.append(value)
    return values


def _municipalities_of(level: TargetLevel) -> Select | list[int]:
    if level.kind == "region":
        return select(Municipality.id).where(Municipality.region_id == level.id)
    if level.kind == "municipality":
        return [level.id]
    return select(School.municipality_id).where(School.id == level.id)


def _typed_once(indicator: Indicator, entries, level: TargetLevel) -> IndicatorValue:
    """A value typed per municipality: the municipality's own, or over a region the sum of a
    count or number (shares and yes/no typed as such cannot be summed: left out)."""
    entries = list(entries)
    direct = None
    if level.kind != "region" and entries:
        entry = entries[0]
        direct = entry.flag if entry.flag is not None else entry.value
    elif entries and indicator.unit in (Unit.COUNT, Unit.NUMBER):
        direct = sum((entry.value or 0 for entry in entries), Decimal(0))
    return IndicatorValue(indicator, None, None, Status.NO_DATA, {}, direct)


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


def enter_value(*, code: str, period: Period, school_id: int | None = None,
                municipality_id: int | None = None, numerator: int | None = None,
                denominator: int | None = None, value=None, flag: bool | None = None,
                by_id: int | None = None, version=None) -> EnteredValue:
    """Type in a school's value (or, for an indicator counted per municipality, the
    municipality's): pupils counted for a share of a school, else the figure or yes/no."""
    place = (TargetLevel("school", school_id) if school_id is not None
             else TargetLevel("municipality", municipality_id))
    indicator = find_indicator(place, code)
    fields = _entered_fields(indicator, place, period, numerator, denominator, value, flag)
    entry = _entry(code, period, place)
    if entry is None:
        entry = EnteredValue(code=code, period=period.code, **{_ENTRY_COLUMNS[place.kind]:
                                                               place.id})
        db.session.add(entry)
    elif version is not None:
        ensure_version(entry, version)
    for name, typed in fields.items():
        setattr(entry, name, typed)
    entry.entered_by_id = by_id
    entry.entered_at = utcnow()
    db.session.flush()
    return entry


def clear_value(*, code: str, period: Period, school_id: int | None = None,
                municipality_id: int | None = None) -> None:
    """No value any more («ожидается» again)."""
    place = (TargetLevel("school", school_id) if school_id is not None
             else TargetLevel("municipality", municipality_id))
    entry = _entry(code, period, place)
    if entry is not None:
        db.session.delete(entry)
        db.session.flush()


_ENTRY_COLUMNS = {"school": "school_id", "municipality": "municipality_id"}


def _entry(code: str, period: Period, place: TargetLevel) -> EnteredValue | None:
    return db.session.scalar(select(EnteredValue).where(
        EnteredValue.code == code, EnteredValue.period == period.code,
        getattr(EnteredValue, _ENTRY_COLUMNS[place.kind]) == place.id))


def _entered_fields(indicator: Indicator, place: TargetLevel, period: Period, numerator,
                    denominator, value, flag) -> dict:
    if indicator.is_computed:
        raise DomainError(_l("This indicator is computed from the records; it cannot be entered."))
    if (place.kind == "school") != (indicator.level == Level.SCHOOL):
        raise DomainError(_l("This indicator is entered once for the municipality.")
                          if place.kind == "school"
                          else _l("This indicator is entered by each school."))
    check_periodicity(indicator, period)
    empty = {"numerator": None, "denominator": None, "value": None, "flag": None}
    if indicator.unit == Unit.YES_NO:
        return {**empty, "flag": bool(checked_figure(Unit.YES_NO, flag))}
    if indicator.unit == Unit.PERCENT and place.kind == "school":
        if denominator is None or numerator is None or not 0 <= numerator <= denominator \
                or denominator < 1:
            raise BadValue()
        return {**empty, "numerator": int(numerator), "denominator": int(denominator)}
    return {**empty, "value": checked_figure(indicator.unit, value)}
