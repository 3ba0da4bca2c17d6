"""Which step of a period's lifecycle may follow which, and who may take it.

open → submitted (municipal coordinator, a comment) → approved, or returned with a reason
(regional coordinator); approved or returned → reopened (regional coordinator or admin, with a
reason). A refused step raises `StepRefused` and changes nothing."""
from enum import StrEnum

from flask_babel import lazy_gettext as _l

from tracker.auth.models import Role
from tracker.errors import DomainError


class PeriodState(StrEnum):
    OPEN = "open"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


class Step(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"


STATE_LABELS = {PeriodState.OPEN: _l("open"), PeriodState.SUBMITTED: _l("submitted"),
                PeriodState.RETURNED: _l("returned"), PeriodState.APPROVED: _l("approved")}
STEP_LABELS = {Step.SUBMIT: _l("submitted"), Step.APPROVE: _l("approved"),
               Step.RETURN: _l("returned"), Step.REOPEN: _l("reopened")}


class StepRefused(DomainError):
    message = _l("This step is not possible for the period now.")


FROZEN = frozenset({PeriodState.SUBMITTED, PeriodState.APPROVED})

_FROM = {Step.SUBMIT: {PeriodState.OPEN, PeriodState.RETURNED},
         Step.APPROVE: {PeriodState.SUBMITTED},
         Step.RETURN: {PeriodState.SUBMITTED},
         Step.REOPEN: {PeriodState.SUBMITTED, PeriodState.APPROVED, PeriodState.RETURNED}}
_TO = {Step.SUBMIT: PeriodState.SUBMITTED, Step.APPROVE: PeriodState.APPROVED,
       Step.RETURN: PeriodState.RETURNED, Step.REOPEN: PeriodState.OPEN}
_ROLES = {Step.SUBMIT: {Role.COORDINATOR}, Step.APPROVE: {Role.REGIONAL},
          Step.RETURN: {Role.REGIONAL}, Step.REOPEN: {Role.REGIONAL, Role.ADMIN}}
_NEEDS_REASON = {Step.RETURN, Step.REOPEN}

_WRONG_STATE = {
    Step.SUBMIT: _l("The period has already been submitted."),
    Step.APPROVE: _l("Only a submitted period can be approved."),
    Step.RETURN: _l("Only a submitted period can be returned."),
    Step.REOPEN: _l("The period is open already."),
}


def next_state(state: PeriodState, step: Step, role: Role, reason: str | None = None
               ) -> PeriodState:
    """The state after `step`, or `StepRefused` with the reason it is not allowed."""
    if role not in _ROLES[step]:
        raise StepRefused(_l("Your role cannot take this step."))
    if state not in _FROM[step]:
        raise StepRefused(_WRONG_STATE[step])
    if step in _NEEDS_REASON and not (reason or "").strip():
        raise StepRefused(_l("Give the reason."))
    return _TO[step]


def is_frozen(state: PeriodState) -> bool:
    """Submitted or approved: figures come from the snapshot, targets and values are read-only."""
    return state in FROZEN
