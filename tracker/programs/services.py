"""The review workflow, concept documents and anti-risk programs. Callers commit."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker.auth.models import User
from tracker.db import db, utcnow
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.programs.models import (AntiRiskProgram, ConceptDocument, DocumentVersion,
                                     ProgramIndicator, ReviewStatus, ReviewTransition)
from tracker.risks.models import RiskDirection
from tracker.schools.models import School
from tracker.storage import StoredFile

PROGRAM_FIELDS = ("goal", "tasks", "expected_results", "responsible")

# action: (statuses it starts from, status it leads to)
TRANSITIONS = {
    "submit": ((ReviewStatus.DRAFT, ReviewStatus.RETURNED), ReviewStatus.IN_REVIEW),
    "return": ((ReviewStatus.IN_REVIEW,), ReviewStatus.RETURNED),
    "approve": ((ReviewStatus.IN_REVIEW,), ReviewStatus.APPROVED),
}


class TransitionNotAllowed(DomainError):
    message = _l("This step is not possible in the current status.")


class CommentRequired(DomainError):
    message = _l("Explain what has to be corrected: a comment is required to return it.")


class DuplicateProgram(DomainError):
    message = _l("The school already has a program for this risk direction.")


class NothingToSubmit(DomainError):
    message = _l("Upload the document before sending it for review.")


def _move(subject, *, to: ReviewStatus, actor: User, comment: str = "") -> ReviewTransition:
    transition = ReviewTransition(from_status=subject.status, to_status=to.value, actor=actor,
                                  comment=comment.strip(), at=utcnow())
    subject.transitions.append(transition)
    subject.status = to.value
    subject.status_changed_at = transition.at
    db.session.flush()
    return transition


def review_step(subject, *, action: str, actor: User, comment: str = "") -> ReviewTransition:
    """Submit, return (with a comment) or approve a document or a program."""
    if action not in TRANSITIONS:
        raise TransitionNotAllowed()
    sources, target = TRANSITIONS[action]
    if subject.status not in sources:
        raise TransitionNotAllowed()
    if action == "return" and not (comment or "").strip():
        raise CommentRequired()
    if action == "submit" and isinstance(subject, ConceptDocument) and not subject.versions:
        raise NothingToSubmit()
    return _move(subject, to=target, actor=actor, comment=comment)


def _reopen_if_approved(subject, actor: User, comment) -> None:
    """Changing an approved document or program starts a new round of review."""
    if subject.status == ReviewStatus.APPROVED:
        _move(subject, to=ReviewStatus.DRAFT, actor=actor, comment=str(comment))


# --- concept documents -----------------------------------------------------------------------

def document_for(school: School, *, kind: str, year: int) -> ConceptDocument | None:
    return db.session.scalar(select(ConceptDocument).where(
        ConceptDocument.school_id == school.id, ConceptDocument.kind == kind,
        ConceptDocument.year == year))


def add_document_version(school: School, *, kind: str, year: int, title: str, note: str,
                         stored: StoredFile, actor: User, version=None) -> DocumentVersion:
    """A new file for the school's document of that kind and year (created on first upload)."""
    document = document_for(school, kind=kind, year=year)
    if document is None:
        document = ConceptDocument(school=school, kind=kind, year=year, title=title.strip())
        db.session.add(document)
    else:
        if version is not None:
            ensure_version(document, version)
        if document.status == ReviewStatus.IN_REVIEW:
            raise DomainError(_l("The document is being reviewed: wait for the curator's answer."))
        _reopen_if_approved(document, actor, _l("A new version was uploaded."))
        if title.strip():
            document.title = title.strip()
    number = (db.session.scalar(select(func.max(DocumentVersion.number))
                                .where(DocumentVersion.document_id == document.id))
              if document.id else None) or 0
    row = DocumentVersion(number=number + 1, **stored.columns, note=note.strip(),
                          uploaded_by=actor)
    document.versions.append(row)
    document.updated_at = utcnow()
    db.session.flush()
    return row


# --- anti-risk programs ----------------------------------------------------------------------

def create_program(school: School, *, direction: RiskDirection, **fields) -> AntiRiskProgram:
    if db.session.scalar(select(AntiRiskProgram.id).where(
            AntiRiskProgram.school_id == school.id,
            AntiRiskProgram.direction_id == direction.id)):
        raise DuplicateProgram()
    program = AntiRiskProgram(school=school, direction=direction,
                              **{k: (fields.get(k) or "").strip() for k in PROGRAM_FIELDS})
    db.session.add(program)
    db.session.flush()
    return program


def update_program(program: AntiRiskProgram, *, version, actor: User, **fields) -> None:
    ensure_version(program, version)
    if program.status == ReviewStatus.IN_REVIEW:
        raise DomainError(_l("The program is being reviewed: wait for the curator's answer."))
    _reopen_if_approved(program, actor, _l("The approved program was changed."))
    for name in PROGRAM_FIELDS:
        setattr(program, name, (fields.get(name) or "").strip())
    db.session.flush()


def add_indicator(program: AntiRiskProgram, *, name: str, unit: str = "", baseline: str = "",
                  target: str = "") -> ProgramIndicator:
    indicator = ProgramIndicator(name=name.strip(), unit=unit.strip(), baseline=baseline.strip(),
                                 target=target.strip())
    program.indicators.append(indicator)
    program.updated_at = utcnow()
    db.session.flush()
    return indicator


def delete_indicator(indicator: ProgramIndicator) -> None:
    indicator.program.updated_at = utcnow()
    db.session.delete(indicator)
    db.session.flush()
