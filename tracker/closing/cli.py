"""`flask period submit --municipality NAME --period P --user LOGIN [--comment TEXT] [--force]`,
`flask period approve|return|reopen … --user LOGIN --comment REASON`, and
`flask period status --municipality NAME --period P`."""
import click
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy import func, select

from tracker.audit import cli_actor
from tracker.auth.models import User
from tracker.closing import services
from tracker.closing.lifecycle import Step, StepRefused
from tracker.db import db
from tracker.periods import BadPeriod, HalfYear
from tracker.schools.models import Municipality

period_group = AppGroup("period", help="Submit, approve, return or reopen a period.")


def _municipality(name: str) -> Municipality:
    found = db.session.scalars(select(Municipality).where(
        func.lower(Municipality.name) == name.strip().lower())).all()
    if len(found) != 1:
        raise click.BadParameter(f"no single municipality named {name!r}",
                                 param_hint="--municipality")
    return found[0]


def _period(code: str) -> HalfYear:
    try:
        return HalfYear.parse(code)
    except BadPeriod:
        raise click.BadParameter(f"{code!r} is not a half-year; use e.g. 2022-H1.",
                                 param_hint="--period") from None


def _step_command(step: Step, help_text: str):
    @period_group.command(step.value, help=help_text)
    @click.option("--municipality", "municipality_name", required=True)
    @click.option("--period", "period_code", required=True, help="a half-year, e.g. 2022-H1")
    @click.option("--user", "login", required=True, help="who takes the step (their login)")
    @click.option("--comment", default="", help="a comment; the reason of a return or reopening")
    @click.option("--force", is_flag=True, help="submit even though data is missing")
    def command(municipality_name, period_code, login, comment, force):
        municipality, period = _municipality(municipality_name), _period(period_code)
        user = db.session.scalar(select(User).where(User.login == login))
        if user is None:
            raise click.BadParameter(f"no user {login!r}", param_hint="--user")
        with cli_actor(f"cli:{login}"), force_locale("ru"):
            try:
                services.take_step(municipality=municipality, period=period, step=step,
                                   user=user, comment=comment, confirmed=force)
            except services.MissingData as missing:
                db.session.rollback()
                for item in missing.missing:
                    click.echo(f"missing: {item}", err=True)
                raise click.ClickException("data is missing: complete it or pass --force") \
                    from None
            except StepRefused as refused:
                db.session.rollback()
                raise click.ClickException(str(refused)) from None
            db.session.commit()
        _echo_status(municipality, period)
    return command


for _step, _help in ((Step.SUBMIT, "Submit the period to the region (keeps its snapshot)."),
                     (Step.APPROVE, "Approve a submitted period."),
                     (Step.RETURN, "Return a submitted period, with the reason."),
                     (Step.REOPEN, "Reopen a period, with the reason.")):
    _step_command(_step, _help)


@period_group.command("status")
@click.option("--municipality", "municipality_name", required=True)
@click.option("--period", "period_code", required=True, help="a half-year, e.g. 2022-H1")
def status_command(municipality_name, period_code):
    """Print the state of the period, its history and the submitted DOCX's SHA-256."""
    _echo_status(_municipality(municipality_name), _period(period_code))


def _echo_status(municipality: Municipality, period: HalfYear) -> None:
    closing = services.closing_of(municipality.id, period.code)
    if closing is None:
        click.echo(f"{municipality.name} {period.code}: open")
        return
    click.echo(f"{municipality.name} {period.code}: {closing.state} since "
               f"{closing.state_since:%Y-%m-%d %H:%M}")
    for step in closing.steps:
        who = step.by.login if step.by else "—"
        click.echo(f"  {step.at:%Y-%m-%d %H:%M} {step.step} by {who}"
                   + (f": {step.comment}" if step.comment else ""))
    if closing.snapshot is not None:
        click.echo(f"  report sha256 {closing.snapshot.sha256}")
