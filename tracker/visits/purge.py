"""A person's name removed from a school's visits (a teacher's data purged on request): the
participant lists name them by a pseudonym, and so do the visits' texts.

Rows are rewritten with table UPDATEs: an ORM change would copy the old name into a new audit
event, which is exactly what a purge must not leave behind (the audit is rewritten after)."""
from dataclasses import dataclass, field

from sqlalchemy import or_, select

from tracker.db import db
from tracker.visits.models import (Recommendation, RecommendationEvent, Visit, VisitNote,
                                   VisitParticipant)

# model -> its free-text columns that may name a person
TEXTS = {Visit: ("purpose", "agenda", "findings"), VisitNote: ("text",),
         Recommendation: ("text",), RecommendationEvent: ("text",)}


@dataclass
class Removed:
    participants: int = 0
    texts: int = 0
    names: set[str] = field(default_factory=set)  # the spellings found, for the audit rewrite


def remove_person(*, school_id: int, key: str, names: set[str], pseudonym: str,
                  key_of) -> Removed:
    """`key_of(name)` is the matching form of a name (case, «ё», spaces do not matter)."""
    removed = Removed()
    visits = select(Visit.id).where(Visit.school_id == school_id)
    table = VisitParticipant.__table__
    for participant_id, name in db.session.execute(
            select(VisitParticipant.id, VisitParticipant.name)
            .where(VisitParticipant.visit_id.in_(visits))):
        if key_of(name) == key:
            db.session.execute(table.update().where(table.c.id == participant_id)
                               .values(name=pseudonym))
            removed.participants += 1
            removed.names.add(name)
    spellings = sorted(names | removed.names, key=len, reverse=True)
    recommendations = select(Recommendation.id).where(Recommendation.visit_id.in_(visits))
    scopes = {Visit: Visit.id.in_(visits), VisitNote: VisitNote.visit_id.in_(visits),
              Recommendation: Recommendation.visit_id.in_(visits),
              RecommendationEvent: RecommendationEvent.recommendation_id.in_(recommendations)}
    for model, columns in TEXTS.items():
        removed.texts += _replace_in(model, columns, scopes[model], spellings, pseudonym)
    return removed


def _replace_in(model, columns: tuple[str, ...], scope, spellings: list[str],
                pseudonym: str) -> int:
    table = model.__table__
    mentions = or_(*(table.c[column].contains(name, autoescape=True)
                     for column in columns for name in spellings))
    changed = 0
    for row in db.session.execute(select(table.c.id, *(table.c[c] for c in columns))
                                  .where(scope, mentions)):
        values = {}
        for column, text in zip(columns, row[1:]):
            cleaned = text or ""
            for name in spellings:
                cleaned = cleaned.replace(name, pseudonym)
            if cleaned != (text or ""):
                values[column] = cleaned
        if values:
            if "version" in table.c:  # an edit opened before the purge must not restore it
                values["version"] = table.c.version + 1
            db.session.execute(table.update().where(table.c.id == row[0]).values(**values))
            changed += 1
    return changed
