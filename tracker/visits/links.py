"""What a recommendation may concern: the school's verified risk directions of the visit's year
and the measures of its anti-risk programs of that year."""
from flask_babel import gettext as _
from sqlalchemy import Select, select

from tracker.db import db
from tracker.i18n import day
from tracker.programs.measure_models import Measure
from tracker.programs.models import AntiRiskProgram
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry
from tracker.visits.models import Visit

CHOICE_LENGTH = 140


def linkable_directions(visit: Visit) -> Select:
    return (select(RiskDirection)
            .join(RiskProfileEntry, RiskProfileEntry.direction_id == RiskDirection.id)
            .join(RiskProfile, RiskProfile.id == RiskProfileEntry.profile_id)
            .where(RiskProfile.school_id == visit.school_id,
                   RiskProfile.year == visit.day.year, RiskProfileEntry.is_verified)
            .order_by(RiskDirection.position, RiskDirection.id))


def linkable_measures(visit: Visit) -> Select:
    return (select(Measure)
            .join(AntiRiskProgram, AntiRiskProgram.id == Measure.program_id)
            .join(RiskDirection, RiskDirection.id == AntiRiskProgram.direction_id)
            .where(AntiRiskProgram.school_id == visit.school_id,
                   RiskDirection.year == visit.day.year)
            .order_by(RiskDirection.position, Measure.due_on, Measure.id))


def _short(text: str) -> str:
    return text if len(text) <= CHOICE_LENGTH else text[:CHOICE_LENGTH - 1].rstrip() + "…"


def direction_choices(visit: Visit) -> list[tuple[int, str]]:
    return [(d.id, _short(d.name)) for d in db.session.scalars(linkable_directions(visit))]


def measure_choices(visit: Visit) -> list[tuple[int, str]]:
    rows = db.session.execute(linkable_measures(visit).with_only_columns(
        Measure.id, Measure.title, Measure.due_on))
    return [(ident, f"{_short(title)} · {_('due %(day)s', day=day(due_on))}")
            for ident, title, due_on in rows]
