"""Command-line entry points: `flask seed-demo`, `flask create-user`, and the features' groups
(`flask import`, `flask report`, `flask indicators`, `flask network`)."""
import click
from flask import Flask

from tracker.audit import cli_actor
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError


def register(app: Flask) -> None:
    from tracker.indicators.cli import indicators_command
    from tracker.indicators.monitoring_cli import monitoring_group
    app.cli.add_command(seed_demo)
    app.cli.add_command(create_user)
    app.cli.add_command(indicators_command)
    app.cli.add_command(monitoring_group)
    from tracker.teachers.cli import import_command
    from tracker.reports.cli import report_group
    from tracker.network import cli as network_cli
    network_cli.register(import_command, app.cli, report_group)
    app.cli.add_command(import_command)
    app.cli.add_command(report_group)
    from tracker.storage.cli import storage_group
    app.cli.add_command(storage_group)


@click.command("seed-demo")
def seed_demo():
    """Load the demo municipality (Усть-Илимск, 2022) and one demo account per role."""
    from tracker.demo.seed import DemoRefused, load_demo
    try:
        with cli_actor("cli:seed-demo"):
            outcome = load_demo()
    except DemoRefused as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    click.echo(outcome)
    from tracker.demo.data import DEMO_LOGINS, DEMO_PASSWORD
    click.echo("Demo logins (password «%s» for all):" % DEMO_PASSWORD)
    for login, description in DEMO_LOGINS:
        click.echo(f"  {login:<12} {description}")


@click.command("create-user")
@click.option("--login", required=True)
@click.option("--full-name", required=True)
@click.option("--role", type=click.Choice([r.value for r in Role]), default=Role.ADMIN.value,
              show_default=True)
@click.option("--region-id", type=int)
@click.option("--municipality-id", type=int)
@click.option("--school-id", type=int)
@click.password_option()
def create_user(login, full_name, role, region_id, municipality_id, school_id, password):
    """Create an account (for a real installation: the first administrator)."""
    from tracker.admin.services import create_user as create
    from tracker.auth.forms import MIN_PASSWORD_LENGTH
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    try:
        with cli_actor("cli:create-user"):
            user = create(login=login, full_name=full_name, role=role, password=password,
                          region_id=region_id, municipality_id=municipality_id,
                          school_id=school_id)
            db.session.commit()
    except DomainError as error:
        db.session.rollback()
        raise click.ClickException(f"Cannot create the user: {error}") from None
    click.echo(f"Created {user.login} ({user.role}).")
