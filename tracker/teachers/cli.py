"""`flask import teachers|diagnostics|courses FILE --school "SHORT NAME" [--dry-run]`; the
network adds its own kinds to the same `flask import` group."""
from pathlib import Path

import click
from flask import current_app
from flask_babel import force_locale

from tracker.audit import cli_actor
from tracker.db import db
from tracker.teachers.import_writes import write
from tracker.teachers.importing import KINDS, BadFile, parse, school_by_short_name


@click.group("import")
def import_command():
    """Import records from XLSX or CSV files (all or nothing, every bad row listed)."""


def _school_import_command(kind: str) -> click.Command:
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--school", "short_name", required=True, help="The school's short name.")
    @click.option("--dry-run", is_flag=True, help="Check the file and write nothing.")
    def command(file: Path, short_name: str, dry_run: bool):
        _import_school_records(kind, file, short_name, dry_run)
    command.__doc__ = f"Import {kind} of a school from XLSX or CSV."
    return click.command(kind)(command)


def _import_school_records(kind: str, file: Path, short_name: str, dry_run: bool):
    school = school_by_short_name(short_name)
    if school is None:
        raise click.ClickException(f"No school with the short name «{short_name}».")
    click.echo(f"Reading {file.name}…")
    try:
        with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):  # errors in Russian
            parsed = parse(kind, file, school)
    except BadFile as error:
        raise click.ClickException(str(error)) from None
    errors = parsed.errors
    for error in errors:
        click.echo(f"строка {error.row}, столбец «{error.column}»: {error.message}", err=True)
    if errors:
        raise click.ClickException(f"{len(errors)} error(s) in {len(parsed.rows)} rows: "
                                   "nothing was written.")
    click.echo(f"{len(parsed.rows)} rows checked, no errors.")

    def progress(done: int, total: int) -> None:
        click.echo(f"  written {done} of {total}")

    try:
        with cli_actor("cli:import"):
            outcome = write(parsed, school=school, progress=progress, file_name=file.name)
            if dry_run:
                db.session.rollback()
                click.echo(f"Dry run: would have {outcome}. Nothing was written.")
                return
            db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    click.echo(f"Imported into {school.short_name}: {outcome}.")


for _kind in KINDS:
    import_command.add_command(_school_import_command(_kind))
