"""Files of the network import (XLSX, or CSV for a one-table import): safe opening, reading
rows by their headers, and the template files."""
import io
import re
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font

from tracker.network.headers import match_columns
from tracker.spreadsheets import BadFile, Guard, GuardedBook, open_workbook

__all__ = ["BadFile", "CsvBook", "open_table_file", "read_rows"]

MAX_ROWS = 5000


class CsvBook:
    """A CSV file read like a workbook of one sheet (what `read_rows` needs of a workbook)."""

    SHEET = "CSV"

    def __init__(self, rows: list[list[str]]):
        self.rows = rows
        self.sheetnames = [self.SHEET]

    def __getitem__(self, _name):
        return self

    def iter_rows(self, values_only=True, max_row=None):
        return iter([tuple(row) for row in self.rows[:max_row]])


def open_table_file(data: bytes, filename: str) -> GuardedBook:
    """An XLSX workbook, or a CSV file as a workbook of one sheet, read through the import guard
    (BadFile when it is unreadable or too large)."""
    guard = Guard(max_rows=MAX_ROWS)
    if (filename or "").lower().endswith(".csv"):
        from tracker.teachers.spreadsheet import read_csv
        return GuardedBook(CsvBook(read_csv(data)), guard)
    return GuardedBook(open_workbook(data), guard)


@dataclass
class SheetRow:
    number: int       # the row number as Excel shows it
    values: dict      # header -> cell value


def sheet_of(workbook, sheet: str, *, or_the_only_one: bool = False) -> str | None:
    """The sheet to read: the named one, or (when allowed) the only sheet of the file."""
    if sheet in workbook.sheetnames:
        return sheet
    if or_the_only_one and len(workbook.sheetnames) == 1:
        return workbook.sheetnames[0]
    return None


def header_row(workbook, sheet: str) -> tuple:
    return next(workbook[sheet].iter_rows(values_only=True, max_row=1), ())


def read_rows(workbook, sheet: str, headers: tuple[str, ...], *,
              or_the_only_one: bool = False) -> list[SheetRow] | None:
    """Rows of `sheet` under its header row, blank rows skipped, each column found by its
    header or a variant of it (tracker.network.headers); None when there is no sheet."""
    sheet = sheet_of(workbook, sheet, or_the_only_one=or_the_only_one)
    if sheet is None:
        return None
    rows = workbook[sheet].iter_rows(values_only=True)
    index = match_columns(next(rows, ()), headers)
    result = []
    for number, cells in enumerate(rows, start=2):
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        result.append(SheetRow(number, {
            header: (cells[i] if i is not None and i < len(cells) else None)
            for header, i in index.items()}))
    return result


_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[–—‑-]")


def normalize(value) -> str:
    """Case, quotes, dashes and spaces (also in «№ 5» / «№5») do not matter in matching."""
    text = "" if value is None else str(value)
    text = _DASHES.sub("-", text.replace("«", '"').replace("»", '"').replace("“", '"')
                       .replace("”", '"').replace("ё", "е").replace("Ё", "Е"))
    text = text.replace(" - ", "-").replace("- ", "-").replace(" -", "-")
    return _SPACES.sub(" ", text).replace("№ ", "№").strip().lower()


def text(value) -> str:
    return "" if value is None else _SPACES.sub(" ", str(value)).strip()


def as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text(value))
    if match:
        day, month, year = map(int, match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None


def as_count(value) -> int | None:
    """A whole non-negative number, or None when the cell does not hold one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return value if value >= 0 else None
    raw = text(value)
    return int(raw) if raw.isdigit() else None


def build_template(sheets: list[tuple[str, tuple[str, ...], list[tuple]]]) -> bytes:
    """An XLSX with one sheet per (name, headers, example rows), headers in bold."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, headers, examples in sheets:
        sheet = workbook.create_sheet(name)
        sheet.append(list(headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in examples:
            sheet.append(list(row))
        for column, header in zip(sheet.iter_cols(max_row=1), headers):
            sheet.column_dimensions[column[0].column_letter].width = max(14, len(header) + 4)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
