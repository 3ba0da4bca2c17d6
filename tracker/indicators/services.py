"""Indicator values for a scope and a period: facts from providers or entered values, targets,
statuses. Targets and entered values are set here too (callers commit)."""
import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, select

from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.freezing import ensure_editable, submitted_values
from tracker.indicators import catalogue, metrics
from tracker.indicators.figures import FigureRefused, check_periodicity, checked_figure
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


class BadTarget(DomainError):
    """A target that does not fit the indicator's unit; `field` names the indicator (its code,
    the form's field), the message names the indicator in words."""

    def __init__(self, indicator: Indicator, message):
        super().__init__(_l("%(indicator)s: %(message)s", indicator=indicator.name,
                            message=message))
        self.field = indicator.code
        self.reason = message


def check_target(indicator: Indicator, value: Decimal) -> Decimal:
    """A target in the indicator's unit: a share 0–100 %, a count a non-negative whole number,
    yes/no 1 or 0, a number anything."""
    try:  # the one check of a figure by unit (figures.py)
        value = checked_figure(indicator.unit, value)
    except FigureRefused as refused:
        raise BadTarget(indicator, refused.message) from None
    if abs(value) >= TARGET_LIMIT:
        raise BadTarget(indicator, _l("a number below 100 000 000."))
    return value


TARGET_LIMIT = Decimal(10) ** 8  # what the column (10 digits, 2 after the point) holds


class BadPeriodOfTarget(BadTarget):
    """A target for a period of another kind than the indicator's periodicity."""


def check_period(indicator: Indicator, period: Period) -> None:
    try:
        check_periodicity(indicator, period)
    except FigureRefused as refused:
        raise BadPeriodOfTarget(indicator, refused.message) from None


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
                     codes: tuple[str, ...] | None = None, *, live: bool = False
                     ) -> list[IndicatorValue]:
    """Every indicator of the place's catalogue (or the listed ones) for the schools of
    `school_ids` in `period`: of a municipality or a school whose period is submitted, the
    submitted figures, unless `live`."""
    if not live and level.kind in ("municipality", "school"):
        submitted = submitted_values(level, period, codes)
        if submitted is not None:
            return submitted
    return _values(indicators_for(level, period, codes), resolved(school_ids), period,
                   targets_for(period, level), level)


def find_indicator(level: TargetLevel, code: str) -> Indicator:
    indicator = catalogue.find(level.kind, level.id, code)
    if indicator is None:
        raise UnknownIndicator()
    return indicator


def trend_values(school_ids: Select, periods: list[Period], level: TargetLevel,
                 code: str, *, live: bool = False) -> list[IndicatorValue]:
    """One indicator in each of `periods` (their targets read at once); a submitted period
    gives its submitted figure unless `live`, as its own dashboard does."""
    school_ids = resolved(school_ids)
    column = _TARGET_COLUMNS[level.kind]
    targets = dict(db.session.execute(select(IndicatorTarget.period, IndicatorTarget.value).where(
        IndicatorTarget.code == code, IndicatorTarget.period.in_([p.code for p in periods]),
        column == level.id)).all())
    indicator = find_indicator(level, code)
    return [_submitted_one(level, period, code, live) or _values(
        [indicator], school_ids, period,
        {code: targets[period.code]} if period.code in targets else {}, level)[0]
            for period in periods]


def _submitted_one(level: TargetLevel, period: Period, code: str,
                   live: bool) -> IndicatorValue | None:
    if live or level.kind not in ("municipality", "school"):
        return None
    submitted = submitted_values(level, period, (code,))
    return submitted[0] if submitted else None


@dataclass
class PlanFactRow:
    """One indicator over several periods of its kind: plan, fact and status in each."""

    indicator: Indicator
    values: list[IndicatorValue]


def plan_fact(school_ids_for: Callable[[Period], Select], periods: list[Period],
              level: TargetLevel) -> list[PlanFactRow]:
    """Every indicator of the periods' kind (the place's catalogue) in each of `periods`, oldest
    first, counted over `school_ids_for(period)` (the schools that period's dashboard counts);
    the targets of all the periods are read in one query."""
    if not periods:
        return []
    indicators = indicators_for(level, periods[-1])
    targets: dict[str, dict[str, Decimal]] = {period.code: {} for period in periods}
    rows = db.session.execute(select(IndicatorTarget.period, IndicatorTarget.code,
                                     IndicatorTarget.value).where(
        IndicatorTarget.period.in_(list(targets)), _TARGET_COLUMNS[level.kind] == level.id))
    for period_code, code, value in rows:
        targets[period_code][code] = value
    by_period = [_values(indicators, resolved(school_ids_for(period)), period,
                         targets[period.code], level) for period in periods]
    return [PlanFactRow(indicator, [values[index] for values in by_period])
            for index, indicator in enumerate(indicators)]


def _values(indicators: list[Indicator], school_ids: Select, period: Period,
            targets: dict[str, Decimal], level: TargetLevel) -> list[IndicatorValue]:
    by_schools = [i.code for i in indicators if not i.is_computed and i.level == Level.SCHOOL]
    entered = entered_fractions(by_schools, school_ids, period) if by_schools else {}
    once = [i.code for i in indicators if not i.is_computed and i.level == Level.MUNICIPALITY]
    typed = municipal_entries(once, _municipalities_of(level), period) if once else {}
    computed = [i for i in indicators if i.is_computed]
    counted = dict(zip((i.id for i in computed), metrics.count_all(
        [(i.metric, i.filters) for i in computed], school_ids, period)))
    values = []
    for indicator in indicators:
        if indicator.code in typed:
            value = _typed_once(indicator, typed[indicator.code].values(), level)
        else:
            by_school = (counted[indicator.id] if indicator.is_computed
                         else entered[indicator.code])
            fraction = total(by_school.values()) if by_school else None
            if indicator.is_computed and by_school is not None:
                fraction = metrics.total_of(indicator.metric, school_ids, period,
                                            indicator.filters) or fraction or Fraction(0, 0)
            value = IndicatorValue(indicator, fraction, None, Status.NO_DATA, by_school or {})
        value.target = targets.get(indicator.code)
        value.status = status(value.fact, value.plan, expected=still_expected(indicator, period),
                              direction=indicator.direction)
        values.append(value)
    return values


def still_expected(indicator: Indicator, period: Period, today: date | None = None) -> bool:
    """An entered value not typed in is «ожидается» until its due month is over, counted as of
    the period's reference day (its last day, or today while it runs): 2022-H1's August value
    is expected as of 30.06.2022; a value due in May of that half-year has no data by then."""
    if indicator.is_computed:
        return False
    reference = period.as_of(today)
    if not indicator.expected_month:
        return reference < period.ends_on
    return reference <= due_day(indicator.expected_month, period)


def due_day(month: int, period: Period) -> date:
    """The last day of the first `month` that ends on or after the period's start."""
    for year in range(period.starts_on.year, period.ends_on.year + 2):
        last = date(year, month, calendar.monthrange(year, month)[1])
        if last >= period.starts_on:
            return last
    return period.ends_on


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


def _municipality_of(level: TargetLevel) -> int | None:
    """Whose period a target or a value belongs to (a region's targets belong to none)."""
    if level.kind == "municipality":
        return level.id
    if level.kind == "school":
        return db.session.scalar(select(School.municipality_id).where(School.id == level.id))
    return None


def remove_target(*, code: str, period: Period, level: TargetLevel) -> None:
    """No target any more («план не задан»)."""
    ensure_editable(_municipality_of(level), period.code)
    target = _target(code, period, level)
    if target is not None:
        db.session.delete(target)
        db.session.flush()


def set_target(*, code: str, period: Period, level: TargetLevel, value: Decimal,
               version=None) -> IndicatorTarget:
    """Set a target; a value the unit does not allow raises BadTarget, a period of another
    periodicity than the indicator's BadPeriodOfTarget."""
    indicator = find_indicator(level, code)
    ensure_editable(_municipality_of(level), period.code)
    value = check_target(indicator, value)
    check_period(indicator, period)
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


def set_school_targets(*, code: str, period: Period, municipality_id: int,
                       values: dict[int, Decimal | None]) -> None:
    """One indicator's targets for many schools of a municipality at once (None: no target);
    the indicator is looked up once and the schools' current targets read in one query."""
    indicator = find_indicator(TargetLevel("municipality", municipality_id), code)
    ensure_editable(municipality_id, period.code)
    check_period(indicator, period)
    checked = {school_id: None if value is None else check_target(indicator, value)
               for school_id, value in values.items()}
    inside = set(db.session.scalars(select(School.id).where(
        School.municipality_id == municipality_id, School.id.in_(list(checked)))))
    if inside != set(checked):
        raise ValueError("schools of another municipality")  # the views never send them
    current = {target.school_id: target for target in db.session.scalars(select(IndicatorTarget)
               .where(IndicatorTarget.code == code, IndicatorTarget.period == period.code,
                      IndicatorTarget.school_id.in_(list(checked))))}
    for school_id, value in checked.items():
        target = current.get(school_id)
        if value is None:
            if target is not None:
                db.session.delete(target)
        elif target is None:
            db.session.add(IndicatorTarget(code=code, period=period.code, school_id=school_id,
                                           value=value))
        elif target.value != value:
            target.value = value
    db.session.flush()


def school_targets_of(code: str, period: Period, school_ids: list[int]) -> dict[int, Decimal]:
    return dict(db.session.execute(select(IndicatorTarget.school_id, IndicatorTarget.value).where(
        IndicatorTarget.code == code, IndicatorTarget.period == period.code,
        IndicatorTarget.school_id.in_(school_ids))).all())


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
    ensure_editable(_municipality_of(place), period.code)
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
    ensure_editable(_municipality_of(place), period.code)
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
