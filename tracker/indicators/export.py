"""The indicator table as XLSX: numerators, denominators, plan, fact and status per indicator."""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from flask_babel import gettext as _

from tracker.indicators.calculations import Unit
from tracker.indicators.services import IndicatorValue


def plain_number(number, unit: Unit) -> float | int | str | None:
    """A fact or a plan for a table cell: 50.4, 7 (a count), «да» / «нет»."""
    if number is None:
        return None
    if unit == Unit.YES_NO:
        return _("yes") if float(number) else _("no")
    if unit == Unit.COUNT:
        return int(number)
    return round(float(number), 1)


def has_denominator(value: IndicatorValue) -> bool:
    """Shares and plan / fact counts have a denominator worth showing; plain counts do not."""
    return value.indicator.unit == Unit.PERCENT or value.indicator.plan_in_records


def indicator_table_rows(values: list[IndicatorValue], status_labels: dict) -> list[list]:
    rows = []
    for value in values:
        fraction, unit = value.fraction, value.indicator.unit
        rows.append([
            str(value.indicator.name),
            fraction.numerator if fraction and unit != Unit.YES_NO else None,
            fraction.denominator if fraction and has_denominator(value) else None,
            plain_number(value.fact, unit), plain_number(value.plan, unit),
            str(status_labels[value.status]),
        ])
    return rows


def indicator_workbook(title: str, header: list[str], rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Показатели"[:31]
    sheet.append([title])
    sheet["A1"].font = Font(bold=True)
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    for index, width in enumerate((70, 12, 12, 10, 10, 16), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
