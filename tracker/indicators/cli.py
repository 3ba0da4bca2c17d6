"""`flask indicators --municipality NAME --period 2022-H1 [--school NAME] [--format json|table]`."""
import json

import click
from flask_babel import force_locale
from sqlalchemy import select

from tracker.db import db
from tracker.indicators.calculations import Unit
from tracker.indicators.export import has_denominator, plain_number
from tracker.indicators.scope import low_result_school_ids, single_school_ids
from tracker.indicators.services import TargetLevel, indicator_values
from tracker.periods import BadPeriod, parse
from tracker.schools.models import Municipality, School


@click.command("indicators")
@click.option("--municipality", "municipality_name", required=True)
@click.option("--period", "period_code", required=True,
              help="a half-year (2022-H1), a calendar year (2023) or a school year (2021/22)")
@click.option("--school", "school_name", help="the short name of one school")
@click.option("--format", "output", type=click.Choice(["table", "json"]), default="table")
def indicators_command(municipality_name, period_code, school_name, output):
    """Print every indicator: code, name, numerator, denominator, value, target, status."""
    try:
        period = parse(period_code)
    except BadPeriod as error:
        raise click.BadParameter(str(error), param_hint="--period") from None
    municipality = db.session.scalar(select(Municipality).where(
        Municipality.name == municipality_name))
    if municipality is None:
        raise click.ClickException(f"No municipality named {municipality_name!r}.")
    if school_name:
        school = db.session.scalar(select(School).where(
            School.municipality_id == municipality.id, School.short_name == school_name))
        if school is None:
            raise click.ClickException(f"No school {school_name!r} in {municipality_name}.")
        school_ids, level = single_school_ids(school.id), TargetLevel("school", school.id)
    else:
        school_ids = low_result_school_ids(period.year, municipality_id=municipality.id)
        level = TargetLevel("municipality", municipality.id)
    with force_locale("ru"):
        rows = [_row(value) for value in indicator_values(school_ids, period, level)]
    if output == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for row in rows:
            click.echo(" | ".join(_text(row[key]) for key in row if key != "status_code"))


def _row(value) -> dict:
    fraction, unit = value.fraction, value.indicator.unit
    return {"code": value.indicator.code, "name": str(value.indicator.name),
            "numerator": fraction.numerator if fraction and unit != Unit.YES_NO else None,
            "denominator": fraction.denominator if fraction and has_denominator(value) else None,
            "value": plain_number(value.fact, unit), "target": plain_number(value.plan, unit),
            "status": _status_text(value), "status_code": str(value.status)}


def _status_text(value) -> str:
    from tracker.i18n import month_name
    from tracker.ui import STATUS_LABELS
    label = str(STATUS_LABELS[value.status])
    if value.status == "expected" and value.indicator.expected_month:
        return f"{label} ({month_name(value.indicator.expected_month)})"
    return label


def _text(item) -> str:
    if item is None:
        return "—"
    if isinstance(item, float):
        return f"{item:.1f}".replace(".", ",")
    return str(item)
