"""A monitoring as a JSON document, to move a catalogue with its targets and entered values
between installations (docs/monitoring.md describes the format, version 1).

Export writes a region's catalogue with the region's targets, or a municipality's own indicators
with the targets and entered values of the municipality and its schools. Import into a
municipality is all-or-nothing: every problem is reported with its JSON path
(«$.targets[2].value: …») and nothing is written unless there is none.
"""
from dataclasses import dataclass, field
from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import db
from tracker.errors import DomainError
from tracker.indicators import catalogue, catalogue_services, services
from tracker.indicators.calculations import Unit
from tracker.indicators.figures import FigureRefused, checked_figure
from tracker.indicators.models import EnteredValue, Indicator, IndicatorTarget, Level, Source
from tracker.periods import BadPeriod, parse
from tracker.schools.models import Municipality, Region, School

FORMAT = 1
# JSON keys of an indicator and the catalogue's fields they fill
INDICATOR_KEYS = {"code": "code", "name": "name_ru", "name_en": "name_en", "unit": "unit",
                  "periodicity": "periodicity", "level": "level", "direction": "direction",
                  "expected_month": "expected_month", "source": "source", "metric": "metric",
                  "filters": "filters"}
FIELD_KEYS = {column: key for key, column in INDICATOR_KEYS.items()}


# --- export ----------------------------------------------------------------------------------

def export_region(region: Region) -> dict:
    indicators = catalogue.indicators_of(region.id, include_retired=True)
    indicators = [i for i in indicators if i.region_id == region.id]
    targets = db.session.scalars(select(IndicatorTarget).where(
        IndicatorTarget.region_id == region.id)).all()
    return _document(indicators, [_target_row(t) for t in targets], [])


def export_municipality(municipality: Municipality) -> dict:
    own = [i for i in catalogue.indicators_of(None, municipality.id, include_retired=True)
           if i.municipality_id == municipality.id]
    schools = select(School.id).where(School.municipality_id == municipality.id)
    targets = db.session.scalars(select(IndicatorTarget).where(
        (IndicatorTarget.municipality_id == municipality.id)
        | IndicatorTarget.school_id.in_(schools))).all()
    values = db.session.scalars(select(EnteredValue).where(
        (EnteredValue.municipality_id == municipality.id)
        | EnteredValue.school_id.in_(schools))).all()
    units = {i.code: i.unit for i in catalogue.for_place("municipality", municipality.id,
                                                          include_retired=True)}
    return _document(own, [_target_row(t) for t in targets],
                     [_value_row(v, units.get(v.code)) for v in values])


def _document(indicators: list[Indicator], targets: list[dict], values: list[dict]) -> dict:
    order = _row_order
    return {"format": FORMAT, "indicators": [_indicator_row(i) for i in indicators],
            "targets": sorted(targets, key=order), "values": sorted(values, key=order)}


def _row_order(row: dict):
    return row["indicator"], row["period"], row.get("school", "")


def _indicator_row(indicator: Indicator) -> dict:
    row = {key: getattr(indicator, column) for key, column in INDICATOR_KEYS.items()}
    if indicator.source == Source.ENTERED:
        del row["metric"], row["filters"]
    elif not row["filters"]:
        del row["filters"]
    for optional in ("name_en", "expected_month"):
        if not row[optional]:
            del row[optional]
    if indicator.is_retired:
        row["retired"] = True
    return row


def _target_row(target: IndicatorTarget) -> dict:
    row = {"indicator": target.code, "period": target.period, "value": _number(target.value)}
    if target.school is not None:
        row["school"] = target.school.short_name
    return row


def _value_row(entry: EnteredValue, unit: str | None) -> dict:
    row = {"indicator": entry.code, "period": entry.period}
    if entry.school is not None:
        row["school"] = entry.school.short_name
    if entry.flag is not None:
        row["value"] = entry.flag
    elif entry.denominator is not None:
        row["numerator"], row["denominator"] = entry.numerator, entry.denominator
    else:
        row["value"] = _number(entry.value)
    return row


def _number(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


# --- import ----------------------------------------------------------------------------------

@dataclass
class ImportOutcome:
    added: int = 0
    updated: int = 0
    kept: int = 0  # already in the catalogue as they are (a region's, or unchanged)
    targets: int = 0
    values: int = 0
    problems: list[str] = field(default_factory=list)


class Refused(Exception):
    """A problem at a JSON path; collected, never raised out of the import."""

    def __init__(self, path: str, message):
        super().__init__(f"{path}: {message}")


def import_document(document, municipality: Municipality, *, by_id: int | None = None
                    ) -> ImportOutcome:
    """Apply the document to the municipality (flushed, not committed). The caller commits when
    `problems` is empty and rolls back otherwise."""
    outcome = ImportOutcome()
    if not isinstance(document, dict):
        outcome.problems.append("$: " + _("a JSON object is expected."))
        return outcome
    if document.get("format") != FORMAT:
        outcome.problems.append("$.format: " + _("the format must be %(n)s.", n=FORMAT))
        return outcome
    sections = {}
    for key in ("indicators", "targets", "values"):
        rows = document.get(key, [])
        if not isinstance(rows, list):
            outcome.problems.append(f"$.{key}: " + _("a list is expected."))
            rows = []
        sections[key] = rows
    for index, row in enumerate(sections["indicators"]):
        _attempt(outcome, lambda: _import_indicator(row, municipality, outcome),
                 f"$.indicators[{index}]")
    for key, apply in (("targets", _import_target), ("values", _import_value)):
        for index, row in enumerate(sections[key]):
            _attempt(outcome, lambda: apply(row, municipality, outcome, by_id),
                     f"$.{key}[{index}]")
    return outcome


def _attempt(outcome: ImportOutcome, apply, path: str) -> None:
    """Run one row and report its problem. The services check a row before they add anything,
    so a refused row leaves nothing behind (and the caller rolls back when any was refused)."""
    try:
        apply()
    except Refused as refused:
        outcome.problems.append(_prefixed(path, str(refused)))
    except catalogue_services.IndicatorError as error:
        outcome.problems.append(f"{path}.{FIELD_KEYS.get(error.field, error.field)}: {error}")
    except FigureRefused as error:
        outcome.problems.append(f"{path}.{error.field}: {error}")
    except DomainError as error:
        outcome.problems.append(f"{path}: {error}")


def _prefixed(path: str, text: str) -> str:
    return f"{path}{text}" if text.startswith((".", "[")) else f"{path}: {text}"


def _object(row) -> dict:
    if not isinstance(row, dict):
        raise Refused("", _("an object is expected."))
    return row


def _import_indicator(row, municipality: Municipality, outcome: ImportOutcome) -> None:
    row = _object(row)
    unknown = sorted(set(row) - set(INDICATOR_KEYS) - {"retired"})
    if unknown:
        raise Refused(f".{unknown[0]}", _("unknown key."))
    fields = {column: row.get(key) for key, column in INDICATOR_KEYS.items() if key in row}
    existing = catalogue.find("municipality", municipality.id, str(row.get("code") or ""))
    if existing is None:
        indicator = catalogue_services.add_indicator(municipality_id=municipality.id, **fields)
        outcome.added += 1
    elif existing.municipality_id != municipality.id:
        _same_meaning(existing, catalogue_services.clean_fields(fields))
        outcome.kept += 1
        return
    else:
        clean = catalogue_services.clean_fields(fields)
        _same_meaning(existing, clean)
        if all(getattr(existing, key) == value for key, value in clean.items()):
            outcome.kept += 1
        else:
            catalogue_services.update_indicator(existing, **fields)
            outcome.updated += 1
        indicator = existing
    if bool(row.get("retired")) != indicator.is_retired:
        catalogue_services.retire_indicator(indicator, retired=bool(row.get("retired")))


def _same_meaning(existing: Indicator, clean: dict) -> None:
    """An indicator already in the catalogue keeps its unit and periodicity."""
    for key in ("unit", "periodicity", "level", "source"):
        if clean[key] != getattr(existing, key):
            raise Refused(f".{FIELD_KEYS[key]}", _(
                "the catalogue already has this indicator with another value «%(value)s».",
                value=getattr(existing, key)))


def _placed(row: dict, municipality: Municipality) -> tuple[Indicator, object, School | None]:
    """The indicator, the period and the school (or None: the municipality) of a row."""
    code = row.get("indicator")
    indicator = catalogue.find("municipality", municipality.id, str(code or ""),
                               include_retired=False)
    if indicator is None:
        raise Refused(".indicator", _("no indicator «%(code)s» in the catalogue.",
                                      code=code or "—"))
    try:
        period = parse(str(row.get("period") or ""), indicator.periodicity)
    except BadPeriod:
        raise Refused(".period", _("«%(period)s» is not a period of this indicator's "
                                   "periodicity.", period=row.get("period") or "—")) from None
    school = None
    if "school" in row:
        school = db.session.scalar(select(School).where(
            School.municipality_id == municipality.id,
            School.short_name == str(row.get("school") or "")))
        if school is None:
            raise Refused(".school", _("no school «%(name)s» in %(municipality)s.",
                                       name=row.get("school") or "—",
                                       municipality=municipality.name))
    return indicator, period, school


def _import_target(row, municipality: Municipality, outcome: ImportOutcome, by_id) -> None:
    row = _object(row)
    indicator, period, school = _placed(row, municipality)
    if "value" not in row:
        raise Refused(".value", _("the value is missing."))
    value = checked_figure(indicator.unit, row["value"])
    level = (services.TargetLevel("school", school.id) if school is not None
             else services.TargetLevel("municipality", municipality.id))
    services.set_target(code=indicator.code, period=period, level=level, value=value)
    outcome.targets += 1


def _import_value(row, municipality: Municipality, outcome: ImportOutcome, by_id) -> None:
    row = _object(row)
    indicator, period, school = _placed(row, municipality)
    place = {"school_id": school.id} if school is not None \
        else {"municipality_id": municipality.id}
    if indicator.unit == Unit.PERCENT and indicator.level == Level.SCHOOL:
        typed = {"numerator": _whole(row, "numerator"), "denominator": _whole(row, "denominator")}
    elif indicator.unit == Unit.YES_NO:
        typed = {"flag": row.get("value")}
    else:
        if row.get("value") is None:
            raise Refused(".value", _("the value is missing."))
        typed = {"value": row["value"]}
    services.enter_value(code=indicator.code, period=period, by_id=by_id, **place, **typed)
    outcome.values += 1


def _whole(row: dict, key: str) -> int:
    value = row.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise Refused(f".{key}", _("a whole number, not negative, is expected."))
    return value
