"""Changing a catalogue: a region's indicators, a municipality's own additions. An indicator
with values or targets is retired, never deleted, and its unit or periodicity never changes
(its history would silently change meaning). Services flush; the caller commits."""
import re

from flask_babel import lazy_gettext as _l
from sqlalchemy import exists, func, or_, select

from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.indicators import metrics
from tracker.indicators.calculations import Direction, Unit
from tracker.indicators.models import (EnteredValue, Indicator, IndicatorTarget, Level,
                                       Periodicity, Source)
from tracker.schools.models import Municipality, School

CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
FIELDS = ("code", "name_ru", "name_en", "unit", "periodicity", "level", "direction",
          "expected_month", "source", "metric", "filters")
FIELD_LABELS = {
    "code": _l("Code"), "name_ru": _l("Name"), "name_en": _l("Name in English"),
    "unit": _l("Unit"), "periodicity": _l("Periodicity"), "level": _l("Counted at"),
    "direction": _l("Better when"), "expected_month": _l("Month the value is due"),
    "source": _l("Source"), "metric": _l("Metric"), "filters": _l("Filters"),
}


class IndicatorError(DomainError):
    """A field of an indicator that cannot be accepted; `field` names it."""

    def __init__(self, field: str, message):
        super().__init__(_l("%(field)s: %(message)s", field=FIELD_LABELS.get(field, field),
                            message=message))
        self.field = field


def _choice(fields: dict, key: str, allowed, default=None) -> str:
    value = fields.get(key) or default
    if value not in {str(member) for member in allowed}:
        raise IndicatorError(key, _l("unknown value «%(value)s».", value=value or "—"))
    return str(value)


def clean_fields(fields: dict) -> dict:
    """The indicator's fields checked and normalised; the first wrong one raises."""
    code = str(fields.get("code") or "").strip()
    if not CODE.match(code):
        raise IndicatorError("code", _l("Latin lowercase letters, digits and «_», starting "
                                        "with a letter, up to 40 characters."))
    name = str(fields.get("name_ru") or "").strip()
    if not name or len(name) > 500:
        raise IndicatorError("name_ru", _l("a name of up to 500 characters is required."))
    clean = {"code": code, "name_ru": name,
             "name_en": str(fields.get("name_en") or "").strip()[:500],
             "unit": _choice(fields, "unit", Unit),
             "periodicity": _choice(fields, "periodicity", Periodicity, Periodicity.HALF_YEAR),
             "level": _choice(fields, "level", Level, Level.SCHOOL),
             "direction": _choice(fields, "direction", Direction, Direction.HIGHER),
             "source": _choice(fields, "source", Source)}
    clean["expected_month"] = _month(fields.get("expected_month"))
    clean["metric"], clean["filters"] = None, {}
    if clean["source"] == Source.COMPUTED:
        clean["metric"] = str(fields.get("metric") or code)
        if clean["metric"] not in metrics.METRICS:
            raise IndicatorError("metric", _l("no metric «%(value)s» in the tracker.",
                                              value=clean["metric"]))
        try:
            clean["filters"] = metrics.check_filters(fields.get("filters") or {})
        except metrics.BadFilter as error:
            raise IndicatorError("filters", error.message) from None
    elif fields.get("filters"):
        raise IndicatorError("filters", _l("only a computed indicator has filters."))
    return clean


def _month(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not str(value).isdigit() or not 1 <= int(value) <= 12:
        raise IndicatorError("expected_month", _l("a month from 1 to 12."))
    return int(value)


def _code_taken(code: str, region_id: int | None, municipality_id: int | None,
                except_id: int | None = None) -> bool:
    """A code is one indicator within a municipality's view: its region's and its own."""
    if municipality_id is not None:
        owners = or_(Indicator.municipality_id == municipality_id,
                     Indicator.region_id == select(Municipality.region_id).where(
                         Municipality.id == municipality_id).scalar_subquery())
    else:  # a region's code must not clash with any of its municipalities' own codes either
        owners = or_(Indicator.region_id == region_id, Indicator.municipality_id.in_(
            select(Municipality.id).where(Municipality.region_id == region_id)))
    stmt = select(Indicator.id).where(Indicator.code == code, owners)
    if except_id is not None:
        stmt = stmt.where(Indicator.id != except_id)
    return db.session.scalar(stmt) is not None


def add_indicator(*, region_id: int | None = None, municipality_id: int | None = None,
                  **fields) -> Indicator:
    clean = clean_fields(fields)
    if _code_taken(clean["code"], region_id, municipality_id):
        raise IndicatorError("code", _l("the code «%(code)s» is already in the catalogue.",
                                        code=clean["code"]))
    position = db.session.scalar(select(func.coalesce(func.max(Indicator.position), 0)).where(
        Indicator.region_id == region_id if region_id is not None
        else Indicator.municipality_id == municipality_id)) + 1
    indicator = Indicator(region_id=region_id, municipality_id=municipality_id,
                          position=position, **clean)
    db.session.add(indicator)
    db.session.flush()
    return indicator


def has_history(indicator: Indicator) -> bool:
    """Values or targets recorded for it (in the places its catalogue covers)."""
    places = _places(indicator)
    return bool(db.session.scalar(select(or_(
        exists().where(IndicatorTarget.code == indicator.code, places(IndicatorTarget)),
        exists().where(EnteredValue.code == indicator.code, places(EnteredValue))))))


def _places(indicator: Indicator):
    if indicator.municipality_id is not None:
        municipalities = select(Municipality.id).where(
            Municipality.id == indicator.municipality_id)
    else:
        municipalities = select(Municipality.id).where(
            Municipality.region_id == indicator.region_id)
    schools = select(School.id).where(School.municipality_id.in_(municipalities))

    def where(model):
        conditions = [model.school_id.in_(schools)]
        if hasattr(model, "municipality_id"):
            conditions.append(model.municipality_id.in_(municipalities))
        if hasattr(model, "region_id") and indicator.region_id is not None:
            conditions.append(model.region_id == indicator.region_id)
        return or_(*conditions)
    return where


def update_indicator(indicator: Indicator, *, version=None, **fields) -> Indicator:
    if version is not None:
        ensure_version(indicator, version)
    clean = clean_fields({"code": indicator.code, **fields})
    if clean["code"] != indicator.code:
        raise IndicatorError("code", _l("the code of an indicator does not change."))
    changed = [key for key in ("unit", "periodicity", "level", "source")
               if clean[key] != getattr(indicator, key)]
    if changed and has_history(indicator):
        raise IndicatorError(changed[0], _l(
            "the indicator has values or targets; retire it and add a new one instead."))
    for key, value in clean.items():
        setattr(indicator, key, value)
    db.session.flush()
    return indicator


def retire_indicator(indicator: Indicator, *, retired: bool = True) -> Indicator:
    """Out of the dashboards from now on; its values, targets and name stay in the history."""
    indicator.is_retired = retired
    db.session.flush()
    return indicator


def delete_indicator(indicator: Indicator) -> None:
    if has_history(indicator):
        raise DomainError(_l("The indicator has values or targets: retire it instead."))
    db.session.delete(indicator)
    db.session.flush()
