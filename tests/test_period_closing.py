"""Closing a period on the demo: the submitted figures stay as submitted while the records
change, targets and values are read-only, changes are listed as corrections, the DOCX is the
stored one byte for byte, and the region returns, the coordinator resubmits, the region approves."""
import hashlib
import json
from decimal import Decimal

import pytest
from sqlalchemy import and_, exists, select

from tracker.audit import cli_actor
from tracker.auth.models import Role, User
from tracker.closing import services
from tracker.closing.lifecycle import PeriodState, Step, StepRefused
from tracker.closing.models import PeriodClosing
from tracker.db import db
from tracker.demo import data
from tracker.demo.seed import load_demo
from tracker.indicators import services as indicators
from tracker.periods import HalfYear
from tracker.programs.measure_models import Evidence, Measure, Verdict
from tracker.programs.models import AntiRiskProgram
from tracker.schools.models import Municipality, School

from tests import factories
from tests.conftest import sign_in
from tests.program_factories import make_evidence

H1 = HalfYear(2022, 1)


@pytest.fixture
def demo(app):
    with cli_actor("tests"):
        load_demo()
    db.session.commit()
    return db.session.scalar(select(Municipality).where(Municipality.name == data.MUNICIPALITY))


def _user(login: str) -> User:
    return db.session.scalar(select(User).where(User.login == login))


def _submit(demo, comment="Отчёт за 1 полугодие"):
    closing = services.take_step(municipality=demo, period=H1, step=Step.SUBMIT,
                                 user=_user("coordinator"), comment=comment, confirmed=True)
    db.session.commit()
    return closing


def _accept_late_evidence(demo) -> Measure:
    """A measure done in the half-year without accepted evidence gets some accepted now."""
    accepted = exists().where(Evidence.measure_id == Measure.id,
                              Evidence.verdict == Verdict.ACCEPTED)
    measure = db.session.scalars(select(Measure).join(AntiRiskProgram).join(School).where(
        School.municipality_id == demo.id, Measure.done_on.between(H1.starts_on, H1.ends_on),
        ~accepted).order_by(Measure.id)).first()
    director = db.session.scalar(select(User).where(and_(
        User.role == Role.DIRECTOR, User.school_id == measure.program.school_id)))
    make_evidence(measure, director, verdict=Verdict.ACCEPTED)
    db.session.commit()
    return measure


def _evidence(demo, *, live=False):
    level = indicators.TargetLevel("municipality", demo.id)
    from tracker.indicators.scope import low_result_school_ids
    value, = indicators.indicator_values(low_result_school_ids(2022, municipality_id=demo.id),
                                         H1, level, codes=("evidence_accepted",), live=live)
    return value.fraction.numerator, value.fraction.denominator


def _trend_point(demo, *, live):
    """The trend chart's last point (2022-H1) of the share of measures with accepted evidence."""
    from tracker.indicators.dashboard import municipal_dashboard
    chart = municipal_dashboard(demo, H1, "evidence_accepted", live=live).charts["trend"]
    assert chart.table.rows[-1] == H1.label
    return chart.table.columns[0].values[-1]


def test_submission_asks_to_confirm_missing_data_and_writes_nothing_until_then(demo):
    with pytest.raises(services.MissingData) as missing:
        services.take_step(municipality=demo, period=H1, step=Step.SUBMIT,
                           user=_user("coordinator"))
    assert missing.value.missing  # the demo's August values are not typed in yet
    db.session.rollback()
    assert db.session.scalar(select(PeriodClosing)) is None
    with pytest.raises(StepRefused):  # the region cannot approve what was never submitted
        services.take_step(municipality=demo, period=H1, step=Step.APPROVE,
                           user=_user("region"))


def test_submitted_figures_stay_while_the_records_change(demo, client, runner, tmp_path):
    before = _evidence(demo)
    closing = _submit(demo)
    late = _accept_late_evidence(demo)
    assert _evidence(demo) == before
    assert _evidence(demo, live=True) == (before[0] + 1, before[1])

    sign_in(client, _user("coordinator"))
    page = client.get(f"/indicators/municipality/{demo.id}?period=2022-H1").text
    assert 'data-testid="submission-notice"' in page and "представлены" in page
    changed = page[page.index('data-testid="changed-after-submission"'):]
    assert f"{before[0]} из {before[1]}" in changed and f"{before[0] + 1} из {before[1]}" in changed
    live = client.get(f"/indicators/municipality/{demo.id}?period=2022-H1&live=1").text
    assert "Текущие данные" in live
    assert _trend_point(demo, live=False) == pytest.approx(100 * before[0] / before[1])
    assert _trend_point(demo, live=True) == pytest.approx(100 * (before[0] + 1) / before[1])

    records = client.get(f"/indicators/school/{late.program.school_id}/evidence_accepted"
                         "?period=2022-H1").text
    note = records[records.index('data-testid="records-note"'):]
    assert "представлен" in note and "в нынешнем виде" in note
    period_page = client.get(f"/periods/municipality/{demo.id}?period=2022-H1").text
    assert 'data-testid="corrections"' in period_page and "Подтверждающие документы" in period_page

    listed = runner.invoke(args=["indicators", "--municipality", data.MUNICIPALITY, "--period",
                                 "2022-H1", "--format", "json"])
    row, = [r for r in json.loads(listed.output) if r["code"] == "evidence_accepted"]
    assert (row["numerator"], row["denominator"]) == before
    current = runner.invoke(args=["indicators", "--municipality", data.MUNICIPALITY, "--period",
                                  "2022-H1", "--format", "json", "--live"])
    row, = [r for r in json.loads(current.output) if r["code"] == "evidence_accepted"]
    assert row["numerator"] == before[0] + 1

    first = client.get(f"/reports/municipality/{demo.id}/report.docx?period=2022-H1").data
    second = client.get(f"/reports/municipality/{demo.id}/report.docx?period=2022-H1").data
    assert first == second
    assert hashlib.sha256(first).hexdigest() == closing.snapshot.sha256
    output = tmp_path / "отчёт.docx"
    result = runner.invoke(args=["report", "half-year", "--municipality", data.MUNICIPALITY,
                                 "--period", "2022-H1", "-o", str(output)])
    assert result.exit_code == 0 and output.read_bytes() == first


def test_targets_values_and_narrative_of_a_submitted_period_are_read_only(demo, client):
    _submit(demo)
    level = indicators.TargetLevel("municipality", demo.id)
    with pytest.raises(services.PeriodFrozen):
        indicators.set_target(code="teachers_with_plan", period=H1, level=level,
                              value=Decimal(10))
    db.session.rollback()
    sign_in(client, _user("coordinator"))
    response = client.post(f"/indicators/municipality/{demo.id}/targets?period=2022-H1",
                           data={"teachers_with_plan": "10"})
    assert response.status_code == 422 and "только для чтения" in response.text
    db.session.expire_all()
    target = db.session.scalar(select(indicators.IndicatorTarget).where(
        indicators.IndicatorTarget.code == "teachers_with_plan",
        indicators.IndicatorTarget.municipality_id == demo.id,
        indicators.IndicatorTarget.period == "2022-H1"))
    assert target is None or target.value != Decimal(10)


def test_return_resubmit_approve_and_a_reopen_needs_a_reason(demo, client):
    _submit(demo)
    region = _user("region")
    with pytest.raises(StepRefused):
        services.take_step(municipality=demo, period=H1, step=Step.RETURN, user=region)
    db.session.rollback()
    services.take_step(municipality=demo, period=H1, step=Step.RETURN, user=region,
                       comment="Не хватает данных о курсах")
    db.session.commit()
    assert services.state_of(demo.id, "2022-H1") == PeriodState.RETURNED
    _submit(demo, "Исправлено")
    services.take_step(municipality=demo, period=H1, step=Step.APPROVE, user=region)
    db.session.commit()
    closing = services.closing_of(demo.id, "2022-H1")
    assert [step.step for step in closing.steps] == ["submit", "return", "submit", "approve"]
    assert len(closing.snapshots) == 2
    sign_in(client, region)
    page = client.get(f"/periods/region/{demo.region_id}?period=2022-H1").text
    assert "утверждён" in page
    history = client.get(f"/periods/municipality/{demo.id}?period=2022-H1").text
    assert "Не хватает данных о курсах" in history


def test_another_municipality_cannot_see_or_step_the_period(demo, client):
    elsewhere = db.session.scalar(select(Municipality).where(Municipality.id != demo.id))
    stranger = factories.make_user(Role.COORDINATOR, municipality=elsewhere)
    db.session.commit()
    sign_in(client, stranger)
    assert client.get(f"/periods/municipality/{demo.id}?period=2022-H1").status_code == 404
    response = client.post(f"/periods/municipality/{demo.id}/step?period=2022-H1",
                           data={"step": "submit", "confirmed": "y"})
    assert response.status_code in (400, 404)
    assert db.session.scalar(select(PeriodClosing)) is None


def test_the_coordinator_is_told_of_a_return_and_of_deadlines(demo, runner):
    from datetime import date, timedelta

    from tracker.notifications.models import Notification
    _submit(demo)
    services.take_step(municipality=demo, period=H1, step=Step.RETURN, user=_user("region"),
                       comment="Нет данных о курсах")
    db.session.commit()
    told = db.session.scalars(select(Notification).where(
        Notification.user_id == _user("coordinator").id)).all()
    assert [n.kind for n in told] == ["period_returned"]
    assert told[0].params["reason"] == "Нет данных о курсах"
    due = date(2022, 7, 20)
    services.set_deadline(region_id=demo.region_id, period=H1, due_on=due)
    db.session.commit()
    for _run in range(2):  # a second run the same day tells nobody twice
        result = runner.invoke(args=["notify", "due", "--date",
                                     (due - timedelta(days=7)).isoformat()])
        assert result.exit_code == 0, result.output
    kinds = [n.kind for n in db.session.scalars(select(Notification).where(
        Notification.user_id == _user("coordinator").id))]
    assert kinds.count("deadline_soon") == 1


def test_two_coordinators_submitting_at_once_one_wins_the_other_is_told(demo, client):
    """Both opened the returned period at the same version; the second submission is refused
    with a message and stores no second snapshot."""
    _submit(demo)
    services.take_step(municipality=demo, period=H1, step=Step.RETURN, user=_user("region"),
                       comment="Уточните выводы")
    db.session.commit()
    version = str(services.closing_of(demo.id, "2022-H1").version)
    second = factories.make_user(Role.COORDINATOR, municipality=demo)
    db.session.commit()
    url = f"/periods/municipality/{demo.id}/step?period=2022-H1"
    data = {"step": "submit", "version": version, "confirmed": "y", "comment": "Исправлено"}
    sign_in(client, _user("coordinator"))
    assert client.post(url, data=data).status_code == 302
    sign_in(client, second)
    late = client.post(url, data=dict(data, comment="И я исправила"))
    assert late.status_code == 422
    assert "Запись изменена другим пользователем" in late.text
    db.session.expire_all()
    closing = services.closing_of(demo.id, "2022-H1")
    assert closing.state == PeriodState.SUBMITTED and len(closing.snapshots) == 2
    assert [step.comment for step in closing.steps][-1] == "Исправлено"
