"""The region's figures against a threshold, issuing copies to municipalities, the municipality's
answer and the region's decision."""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from tracker.addressed.models import (AWAITING_MUNICIPALITY, AddressedRecommendation,
                                      AddressedStatus, AddressedStep)
from tracker.auth.models import User
from tracker.auth.people import coordinators_of
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.indicators import catalogue
from tracker.indicators.calculations import Direction, Fraction, Unit
from tracker.indicators.dashboard import regional_dashboard
from tracker.indicators.models import Indicator
from tracker.notifications.models import NotificationKind
from tracker.notifications.services import notify
from tracker.periods import Period, parse
from tracker.schools.models import Municipality, Region
from tracker.storage import StoredFile
from tracker.urls import Link


class NoMunicipalityChosen(DomainError):
    message = _l("Choose at least one municipality.")


class NotOfTheRegion(DomainError):
    message = _l("A chosen municipality belongs to another region.")


class NotAwaitingAnswer(DomainError):
    message = _l("The recommendation is not waiting for the municipality's answer.")


class NotAwaitingDecision(DomainError):
    message = _l("The recommendation has no answer to decide on.")


class ReasonRequired(DomainError):
    message = _l("Say why the answer is returned.")


THRESHOLD_UNITS = (Unit.PERCENT, Unit.COUNT, Unit.NUMBER)


@dataclass
class MunicipalFigure:
    municipality: Municipality
    fraction: Fraction | None
    misses: bool  # below the threshold (above it when lower is better)


def figure_value(fraction: Fraction | None, unit: str) -> float | None:
    """The number a threshold is compared with: a share in percent, else the count."""
    if fraction is None:
        return None
    return fraction.percent if unit == Unit.PERCENT else float(fraction.numerator)


def misses(value: float | None, threshold: Decimal, direction: str) -> bool:
    if value is None:
        return False
    return value > threshold if direction == Direction.LOWER else value < threshold


def municipal_figures(region: Region, period: Period, indicator: Indicator,
                      threshold: Decimal) -> list[MunicipalFigure]:
    """Every municipality of the region with its figure of the indicator, as the region's
    dashboard counts it, and whether it misses the threshold."""
    _board, rows = regional_dashboard(region, period)
    found = []
    for row in rows:
        fraction = row.cells.get(indicator.code)
        found.append(MunicipalFigure(row.municipality, fraction, misses(
            figure_value(fraction, indicator.unit), threshold, indicator.direction)))
    return found


def issue(*, region: Region, period: Period, indicator: Indicator, threshold: Decimal,
          municipality_ids: list[int], text: str, due_on: date,
          author: User) -> list[AddressedRecommendation]:
    """One copy per chosen municipality, each with its figure at issue."""
    if not municipality_ids:
        raise NoMunicipalityChosen()
    figures = {f.municipality.id: f.fraction
               for f in municipal_figures(region, period, indicator, threshold)}
    if any(municipality_id not in figures for municipality_id in municipality_ids):
        raise NotOfTheRegion()
    copies = []
    for municipality_id in dict.fromkeys(municipality_ids):
        fraction = figures[municipality_id]
        copies.append(AddressedRecommendation(
            municipality_id=municipality_id, indicator_code=indicator.code, period=period.code,
            threshold=threshold, text=text.strip(), due_on=due_on, issued_by_id=author.id,
            numerator_at_issue=fraction.numerator if fraction else None,
            denominator_at_issue=fraction.denominator if fraction else None))
    db.session.add_all(copies)
    db.session.flush()
    for item in copies:
        _tell(coordinators_of(item.municipality_id), NotificationKind.ADDRESSED_ISSUED, item,
              due_on=item.due_on.isoformat())
    return copies


def _tell(users, kind: NotificationKind, item: AddressedRecommendation, **params) -> None:
    notify(users, kind, link=Link("addressed.detail", addressed_id=item.id),
           municipality=item.municipality.name, recommendation=item.text, **params)


def answer(recommendation: AddressedRecommendation, *, version, author: User, text: str,
           stored: StoredFile | None = None) -> AddressedRecommendation:
    ensure_version(recommendation, version)
    if recommendation.status not in AWAITING_MUNICIPALITY:
        raise NotAwaitingAnswer()
    _step(recommendation, author, AddressedStatus.ANSWERED, text,
          **(stored.columns if stored else {}))
    _tell([recommendation.issued_by], NotificationKind.ADDRESSED_ANSWERED, recommendation,
          answer=(text or "").strip())
    return recommendation


def decide(recommendation: AddressedRecommendation, *, version, author: User, close: bool,
           comment: str = "") -> AddressedRecommendation:
    ensure_version(recommendation, version)
    if recommendation.status != AddressedStatus.ANSWERED:
        raise NotAwaitingDecision()
    if not close and not (comment or "").strip():
        raise ReasonRequired()
    _step(recommendation, author, AddressedStatus.CLOSED if close else AddressedStatus.RETURNED,
          comment)
    if not close:
        _tell(coordinators_of(recommendation.municipality_id),
              NotificationKind.ADDRESSED_RETURNED, recommendation, reason=comment.strip())
    return recommendation


def _step(recommendation, author, status, text, **file) -> AddressedRecommendation:
    recommendation.status = status
    recommendation.steps.append(AddressedStep(author=author, action=status,
                                              text=(text or "").strip(), **file))
    db.session.flush()
    return recommendation


def region_indicators(region: Region, period: Period) -> list[Indicator]:
    """The region's indicators of the period's kind a threshold can apply to."""
    return [indicator for indicator in catalogue.for_place("region", region.id,
                                                           periodicity=period.periodicity)
            if indicator.unit in THRESHOLD_UNITS]


def current_figures(recommendations: list[AddressedRecommendation]) -> dict[int, Fraction | None]:
    """Each recommendation's municipality's figure of its indicator now (one dashboard per
    region and period)."""
    boards: dict[tuple[int, str], dict] = {}
    figures = {}
    for item in recommendations:
        key = (item.municipality.region_id, item.period)
        if key not in boards:
            region = db.session.get(Region, key[0])
            _board, rows = regional_dashboard(region, parse(item.period))
            boards[key] = {row.municipality.id: row.cells for row in rows}
        figures[item.id] = boards[key].get(item.municipality_id, {}).get(item.indicator_code)
    return figures


def indicator_of(item: AddressedRecommendation) -> Indicator | None:
    return db.session.scalar(select(Indicator).where(
        Indicator.region_id == item.municipality.region_id,
        Indicator.code == item.indicator_code))


def indicator_names(items: list[AddressedRecommendation]) -> dict[int, str]:
    """Each recommendation's indicator by its name in the region's catalogue (one query)."""
    regions = {item.municipality.region_id for item in items}
    codes = {item.indicator_code for item in items}
    names = {(indicator.region_id, indicator.code): indicator.name
             for indicator in db.session.scalars(select(Indicator).where(
                 Indicator.region_id.in_(regions), Indicator.code.in_(codes)))}
    return {item.id: names.get((item.municipality.region_id, item.indicator_code),
                               item.indicator_code) for item in items}
