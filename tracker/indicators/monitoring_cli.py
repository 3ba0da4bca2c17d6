"""`flask monitoring export [--region NAME | --municipality NAME] > monitoring.json` and
`flask monitoring import monitoring.json --municipality NAME [--dry-run]` (docs/monitoring.md)."""
import json

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from sqlalchemy import func, select

from tracker.audit import cli_actor
from tracker.db import db
from tracker.indicators import exchange
from tracker.schools.models import Municipality, Region

monitoring_group = AppGroup("monitoring", help="Move a monitoring between installations.")


def _named(model, name: str, option: str):
    found = db.session.scalars(select(model).where(
        func.lower(model.name) == name.strip().lower())).all()
    if len(found) != 1:
        raise click.BadParameter(f"no single {model.__tablename__[:-1]} named {name!r}",
                                 param_hint=option)
    return found[0]


@monitoring_group.command("export")
@click.option("--region", "region_name", help="the region whose catalogue to write")
@click.option("--municipality", "municipality_name",
              help="the municipality whose own indicators, targets and values to write")
def export_command(region_name, municipality_name):
    """Write the monitoring as JSON to standard output."""
    if bool(region_name) == bool(municipality_name):
        raise click.UsageError("Give either --region or --municipality.")
    if region_name:
        document = exchange.export_region(_named(Region, region_name, "--region"))
    else:
        document = exchange.export_municipality(
            _named(Municipality, municipality_name, "--municipality"))
    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


@monitoring_group.command("import")
@click.argument("path", type=click.File("rb"))
@click.option("--municipality", "municipality_name", required=True)
@click.option("--dry-run", is_flag=True, help="check the file and write nothing")
def import_command(path, municipality_name, dry_run):
    """Read a monitoring JSON into a municipality: all of it, or nothing when a problem is found."""
    municipality = _named(Municipality, municipality_name, "--municipality")
    try:
        document = json.loads(path.read())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise click.ClickException(f"not a JSON file: {error}") from None
    with cli_actor("cli:monitoring-import"), force_locale("ru"):
        outcome = exchange.import_document(document, municipality)
        if outcome.problems or dry_run:
            db.session.rollback()
        else:
            db.session.commit()
    for problem in outcome.problems:
        click.echo(problem, err=True)
    if outcome.problems:
        raise click.ClickException(f"{len(outcome.problems)} problem(s): nothing was written.")
    click.echo(f"indicators: {outcome.added} added, {outcome.updated} updated, "
               f"{outcome.kept} already there; targets: {outcome.targets}; "
               f"values: {outcome.values}" + (" (dry run: nothing was written)" if dry_run else ""))
