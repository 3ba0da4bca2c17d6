"""The indicator table as XLSX: numerators, denominators, plan, fact and status per indicator."""
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tracker.indicators.services import IndicatorValue


def indicator_table_rows(values: list[IndicatorValue], status_labels: dict) -> list[list]:
    rows = []
    for value in values:
        fraction = value.fraction
        rows.append([
            value.indicator.code, str(value.indicator.name),
            fraction.numerator if fraction else None,
            fraction.denominator if fraction and value.indicator.unit == "percent" else None,
            None if value.fact is None else round(value.fact, 1),
            None if value.target is None else float(value.target),
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
    for index, width in enumerate((22, 70, 12, 12, 10, 10, 16), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
