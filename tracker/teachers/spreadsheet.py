"""Reading a spreadsheet (the first sheet of an XLSX workbook, or a CSV file) as rows of text.

XLSX files go through the shared import guard (tracker/spreadsheets.py): the package is bounded
before openpyxl opens it, rows, cells and time while it is read. CSV: UTF-8 (with or without BOM)
or Windows-1251, separated by semicolons or commas.
"""
import csv
import io
from datetime import date, datetime
from pathlib import Path

from flask_babel import gettext as _

from tracker.spreadsheets import BadFile, Guard, open_workbook

__all__ = ["BadFile", "MAX_ROWS", "read_csv", "read_table"]

MAX_ROWS = 20_000


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_csv(raw: bytes) -> list[list[str]]:
    """The rows of a CSV file in UTF-8 (with or without BOM) or Windows-1251, separated by
    semicolons or commas, as text."""
    for encoding in ("utf-8-sig", "cp1251"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadFile(_("The CSV file is not in UTF-8 or Windows-1251."))
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    return [[cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_table(path: Path) -> list[list[str]]:
    """All non-empty rows of the first sheet (XLSX) or of a CSV file, as text."""
    guard = Guard(max_rows=MAX_ROWS)
    if path.suffix.lower() == ".xlsx":
        workbook = open_workbook(path.read_bytes())
        try:
            rows = [[_cell(v) for v in row] for row in guard.rows(workbook.worksheets[0])]
        finally:
            workbook.close()
    elif path.suffix.lower() == ".csv":
        rows = read_csv(path.read_bytes())
    else:
        raise BadFile(_("Only XLSX and CSV files are accepted."))
    while rows and not any(rows[-1]):
        rows.pop()
    if sum(1 for row in rows if any(row)) > MAX_ROWS + 1:
        raise BadFile(_("The file has more than %(n)s rows.", n=MAX_ROWS))
    return rows


