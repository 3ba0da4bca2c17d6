"""Reading a spreadsheet (the first sheet of an XLSX workbook, or a CSV file) as rows of text.

XLSX files are checked before openpyxl opens them: a zip with the OOXML content types, a bounded
number of entries and a bounded unpacked size. CSV: UTF-8 (with or without BOM) or Windows-1251,
separated by semicolons or commas.
"""
import csv
import io
import zipfile
from datetime import date, datetime
from pathlib import Path

from flask_babel import gettext as _

MAX_ROWS = 20_000
MAX_ZIP_ENTRIES = 200
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024


class BadFile(Exception):
    """The file cannot be read at all (the message is for the user)."""


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


def _check_xlsx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            names = {entry.filename for entry in entries}
    except zipfile.BadZipFile:
        raise BadFile(_("The file is not an XLSX workbook.")) from None
    if "[Content_Types].xml" not in names or len(entries) > MAX_ZIP_ENTRIES \
            or sum(entry.file_size for entry in entries) > MAX_UNZIPPED_BYTES:
        raise BadFile(_("The file is not an XLSX workbook or is too large when unpacked."))


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
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook
        _check_xlsx(path)
        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            rows = [[_cell(v) for v in row] for row in workbook.worksheets[0].iter_rows(
                values_only=True)]
        finally:
            workbook.close()
    elif path.suffix.lower() == ".csv":
        rows = read_csv(path.read_bytes())
    else:
        raise BadFile(_("Only XLSX and CSV files are accepted."))
    while rows and not any(rows[-1]):
        rows.pop()
    if len(rows) > MAX_ROWS + 1:
        raise BadFile(_("The file has more than %(n)s rows.", n=MAX_ROWS))
    return rows


