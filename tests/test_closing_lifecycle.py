import pytest
from flask_babel import force_locale

from tracker.auth.models import Role
from tracker.closing.lifecycle import PeriodState, Step, StepRefused, is_frozen, next_state


def test_the_full_journey_submit_return_resubmit_approve_reopen():
    state = next_state(PeriodState.OPEN, Step.SUBMIT, Role.COORDINATOR)
    assert state == PeriodState.SUBMITTED and is_frozen(state)
    state = next_state(state, Step.RETURN, Role.REGIONAL, reason="нет выводов")
    assert state == PeriodState.RETURNED and not is_frozen(state)
    state = next_state(state, Step.SUBMIT, Role.COORDINATOR)
    state = next_state(state, Step.APPROVE, Role.REGIONAL)
    assert state == PeriodState.APPROVED and is_frozen(state)
    assert next_state(state, Step.REOPEN, Role.ADMIN, reason="ошибка") == PeriodState.OPEN


@pytest.mark.parametrize("state, step, role, reason, expected", [
    (PeriodState.OPEN, Step.APPROVE, Role.REGIONAL, None, "Утвердить можно только"),
    (PeriodState.SUBMITTED, Step.SUBMIT, Role.COORDINATOR, None, "уже представлен"),
    (PeriodState.APPROVED, Step.REOPEN, Role.REGIONAL, "  ", "Укажите причину"),
    (PeriodState.SUBMITTED, Step.RETURN, Role.REGIONAL, "", "Укажите причину"),
    (PeriodState.SUBMITTED, Step.APPROVE, Role.COORDINATOR, None, "не может"),
    (PeriodState.APPROVED, Step.REOPEN, Role.COORDINATOR, "причина", "не может"),
    (PeriodState.OPEN, Step.REOPEN, Role.ADMIN, "причина", "уже открыт"),
])
def test_bad_steps_are_refused_with_a_russian_message(app, state, step, role, reason, expected):
    with app.test_request_context(), force_locale("ru"):
        with pytest.raises(StepRefused) as refused:
            next_state(state, step, role, reason)
        assert expected in str(refused.value)
