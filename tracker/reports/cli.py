"""`flask report half-year --municipality NAME --period 2022-H1 -o FILE.docx`
(or `--school NAME` for a school's part, `--region NAME` for the regional summary)."""
from pathlib import Path

import click
from flask_babel import force_locale
from sqlalchemy import func, select

from tracker.db import db
from tracker.periods import BadPeriod, HalfYear
from tracker.schools.models import Municipality, Region, School


@click.group("report")
def report_group():
    """Reports built from the records."""


def _one(model, column, name: str, what: str, **filters):
    rows = db.session.scalars(select(model).where(
        func.lower(column) == name.strip().lower(),
        *[getattr(model, key) == value for key, value in filters.items()])).all()
    if not rows:
        raise click.ClickException(f"Unknown {what}: {name!r}.")
    if len(rows) > 1:
        raise click.ClickException(f"{len(rows)} {what}s are named {name!r}: add --region to "
                                   "choose one.")
    return rows[0]


def _submitted_or_built(municipality, period) -> bytes:
    """The DOCX as submitted for a closed period (byte for byte), else generated now."""
    from tracker import storage
    from tracker.freezing import submitted_report
    from tracker.reports.halfyear import build_municipal_report
    row = submitted_report(municipality.id, period.code)
    if row is None:
        return build_municipal_report(municipality, period)
    with storage.open_file(row.stored_name) as stored:
        return stored.read()


@report_group.command("half-year")
@click.option("--municipality", "municipality_name", help="the municipality's name")
@click.option("--school", "school_name", help="a school's short name (needs --municipality)")
@click.option("--region", "region_name",
              help="the region: alone for the regional summary, or to tell municipalities apart")
@click.option("--period", "period_code", required=True, help="a half-year, e.g. 2022-H1")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="the DOCX file to write")
def half_year(municipality_name, school_name, region_name, period_code, output):
    """Write the half-year report of a municipality, a school or a region as DOCX."""
    from tracker.reports.halfyear import (
        build_regional_report,
        build_school_report,
    )
    try:
        period = HalfYear.parse(period_code)
    except BadPeriod:
        raise click.BadParameter(f"{period_code!r} is not a half-year; use e.g. 2022-H1.",
                                 param_hint="--period") from None
    region = _one(Region, Region.name, region_name, "region") if region_name else None
    with force_locale("ru"):
        if municipality_name:
            scope = {"region_id": region.id} if region else {}
            municipality = _one(Municipality, Municipality.name, municipality_name,
                                "municipality", **scope)
            if school_name:
                school = _one(School, School.short_name, school_name, "school",
                              municipality_id=municipality.id)
                data = build_school_report(school, period)
            else:
                data = _submitted_or_built(municipality, period)
        elif region and not school_name:
            data = build_regional_report(region, period)
        else:
            raise click.UsageError("Give --municipality (with --school for a school's part) "
                                   "or --region alone for the regional summary.")
    Path(output).write_bytes(data)
    click.echo(f"Written {output} ({len(data) // 1024} KB).")
