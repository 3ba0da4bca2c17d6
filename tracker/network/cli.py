"""`flask import organizations FILE --municipality NAME`, `flask import staff-counts FILE
--municipality NAME --period P`, and `flask network summary --municipality NAME --period P`."""
from pathlib import Path

import click
from flask import current_app
from flask_babel import force_locale
from sqlalchemy import func, select

from tracker.audit import cli_actor
from tracker.db import db
from tracker.network import importing, organizations_import
from tracker.network.xlsx import NotAWorkbook, open_table_file
from tracker.periods import BadPeriod, HalfYear, Periodicity, parse
from tracker.schools.models import Municipality, School


def find_municipality(name: str) -> Municipality:
    rows = db.session.scalars(select(Municipality).where(
        func.lower(Municipality.name) == name.strip().lower())).all()
    if len(rows) != 1:
        raise click.ClickException(f"Unknown municipality: {name!r}." if not rows else
                                   f"{len(rows)} municipalities are named {name!r}.")
    return rows[0]


def _read(file: Path):
    try:
        return open_table_file(file.read_bytes(), file.name)
    except NotAWorkbook as error:
        raise click.ClickException(f"The file is not a readable XLSX or CSV table: {error}") \
            from None


def _refuse_on_errors(plan: importing.Plan) -> None:
    for error in plan.errors:
        click.echo(f"лист «{error.sheet}», строка {error.row}, столбец «{error.column}»: "
                   f"{error.reason}", err=True)
    if plan.errors:
        raise click.ClickException(f"{len(plan.errors)} error(s): nothing was written.")


def _write(apply, dry_run: bool, actor: str):
    with cli_actor(actor):
        try:
            outcome = apply()
            if dry_run:
                db.session.rollback()
                click.echo("Dry run: the file is correct. Nothing was written.")
                return None
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    return outcome


@click.command("organizations")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--municipality", "municipality_name", required=True)
@click.option("--dry-run", is_flag=True, help="Check the file and write nothing.")
def import_organizations(file: Path, municipality_name: str, dry_run: bool):
    """Import a municipality's organizations (and departments) from XLSX or CSV."""
    municipality = find_municipality(municipality_name)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        plan = organizations_import.check_organizations(_read(file), municipality=municipality)
    _refuse_on_errors(plan)
    done = _write(lambda: organizations_import.apply_organizations(
        plan, municipality=municipality), dry_run, "cli:import-organizations")
    if done:
        click.echo(f"Organizations of {municipality.name}: {done['created']} created, "
                   f"{done['updated']} updated.")


@click.command("staff-counts")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--municipality", "municipality_name", required=True)
@click.option("--period", "period_code", required=True,
              help="the half-year of rows without one, e.g. 2022-H1")
@click.option("--dry-run", is_flag=True, help="Check the file and write nothing.")
def import_staff_counts(file: Path, municipality_name: str, period_code: str, dry_run: bool):
    """Import teachers and participants in network communities per organization."""
    municipality = find_municipality(municipality_name)
    try:
        period = HalfYear.parse(period_code).code
    except BadPeriod:
        raise click.BadParameter(f"{period_code!r} is not a half-year; use e.g. 2022-H1.",
                                 param_hint="--period") from None
    school_ids = select(School.id).where(School.municipality_id == municipality.id)
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        plan = importing.check_counts(_read(file), municipality_id=municipality.id,
                                      school_ids=school_ids, period=period)
    _refuse_on_errors(plan)
    if _write(lambda: importing.apply_counts(plan) or True, dry_run, "cli:import-staff-counts"):
        click.echo(f"Staff counts of {municipality.name}: {len(plan.items['counts'])} "
                   f"organizations, {len(plan.items['members'])} community member rows.")


@click.command("network-note")
@click.option("--municipality", "municipality_name", required=True)
@click.option("--period", "span_code", required=True,
              help="a year (2022) or a school year (2021/22)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="the DOCX file to write")
def network_note(municipality_name: str, span_code: str, output: str):
    """Write «Аналитическая справка о сетевом взаимодействии» as DOCX."""
    from tracker.network.note import build_note
    from tracker.reports.docx import build_docx
    municipality = find_municipality(municipality_name)
    try:
        span = parse(span_code)
        if span.periodicity == Periodicity.HALF_YEAR:
            raise BadPeriod(span_code)
    except BadPeriod:
        raise click.BadParameter(f"{span_code!r} is neither a year (2022) nor a school year "
                                 "(2021/22).", param_hint="--period") from None
    with force_locale("ru"):
        note = build_note(municipality, span)
        data = build_docx(note.document)
        for warning in note.warnings:
            click.echo(f"внимание: {warning}", err=True)
    Path(output).write_bytes(data)
    click.echo(f"Written {output} ({len(data) // 1024} KB).")


def register(import_group: click.Group, cli: click.Group, report_group: click.Group) -> None:
    import_group.add_command(import_organizations)
    import_group.add_command(import_staff_counts)
    report_group.add_command(network_note)
    cli.add_command(network_group)


@click.group("network")
def network_group():
    """Network communities: figures from the records."""


@network_group.command("summary")
@click.option("--municipality", "municipality_name", required=True)
@click.option("--period", "period_code", required=True, help="a half-year, e.g. 2022-H1")
@click.option("--format", "output_format", type=click.Choice(["json", "text"]), default="text",
              show_default=True)
def summary(municipality_name: str, period_code: str, output_format: str):
    """Teachers, participants, their share (Σ/Σ), communities and groups per organization type
    and in total."""
    import json

    from tracker.network.summary import network_summary
    municipality = find_municipality(municipality_name)
    try:
        period = HalfYear.parse(period_code).code
    except BadPeriod:
        raise click.BadParameter(f"{period_code!r} is not a half-year; use e.g. 2022-H1.",
                                 param_hint="--period") from None
    figures = network_summary(municipality, period)
    if output_format == "json":
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['municipality']}, {figures['period']}")
    for line in (*figures["types"], {"org_type": "total", **figures["total"]}):
        share = line["share"]
        click.echo(f"  {line['org_type']:<6} organizations {line['organizations']:>4}  "
                   f"teachers {line['teachers']:>6}  participants {line['participants']:>6}  "
                   f"share {share['percent'] if share['percent'] is not None else '—'} %  "
                   f"communities {line['communities']:>3}  groups {line['groups']:>3}")
    for item in figures["disagreements"]:
        click.echo(f"  ! {item['organization']}: entered {item['entered']}, memberships "
                   f"{item['memberships']} (largest community {item['largest_community']})")
