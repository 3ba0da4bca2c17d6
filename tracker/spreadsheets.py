"""The guard every spreadsheet import goes through (teachers, organizations, staff counts, the
network): an XLSX is refused before openpyxl opens it when its zip would unpack to too much, and
while its rows are read when it has too many rows or cells or takes too long. A 144 KB file can
declare a million rows or a sheet of 16,384 columns; openpyxl would pad every one of them."""
import io
import time
import zipfile

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l

from tracker.errors import DomainError

MAX_ENTRIES = 2000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Spreadsheets pack well (styles, repeated strings), but not a hundredfold beyond a few MB.
MAX_RATIO = 100
RATIO_FROM_BYTES = 5 * 1024 * 1024
MAX_CELLS = 2_000_000
MAX_ROW_NUMBER = 100_000  # blank rows included: a stray cell far below the data
MAX_SECONDS = 10  # gunicorn ends a worker after 30 s; IMPORT_MAX_SECONDS overrides it
REQUIRED_ENTRIES = ("[Content_Types].xml", "xl/workbook.xml")


class BadFile(DomainError):
    """The file cannot be imported (the message is for the user); nothing has been written."""

    message = _l("The file is not a readable XLSX workbook.")


def check_package(data: bytes) -> None:
    """Refuse a zip that is not a workbook or would unpack to too much, before any parsing."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise BadFile(_l("The file is not a readable XLSX workbook.")) from None
    with archive:
        entries = archive.infolist()
    if len(entries) > MAX_ENTRIES:
        raise BadFile(_l("The workbook has too many parts (more than %(n)s).", n=MAX_ENTRIES))
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(sum(entry.compress_size for entry in entries), 1)
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > RATIO_FROM_BYTES
                                         and unpacked / packed > MAX_RATIO):
        raise BadFile(_l("The workbook unpacks to more than %(mb)s MB: split it into smaller "
                         "files.", mb=MAX_UNPACKED_BYTES // (1024 * 1024)))
    names = {entry.filename for entry in entries}
    if not all(name in names for name in REQUIRED_ENTRIES):
        raise BadFile(_l("The file is not a readable XLSX workbook."))


class Guard:
    """The row, cell and time budget of one import, shared by every sheet it reads."""

    def __init__(self, *, max_rows: int, seconds: float | None = None):
        self.max_rows = max_rows
        self.cells = MAX_CELLS
        if seconds is None:
            seconds = (current_app.config.get("IMPORT_MAX_SECONDS", MAX_SECONDS)
                       if has_app_context() else MAX_SECONDS)
        self.deadline = time.monotonic() + seconds

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise BadFile(_l("The file takes too long to read: split it into smaller files."))

    def rows(self, sheet, *, max_row: int | None = None):
        """The sheet's rows as tuples of values, as wide as their last cell; more non-empty rows
        than the import allows, too many cells or too much time refuse the whole file."""
        self.check_time()
        filled = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True, max_row=max_row), 1):
            if number > MAX_ROW_NUMBER:
                raise BadFile(_l("The sheet goes on beyond row %(n)s: delete the empty rows "
                                 "below the data.", n=f"{MAX_ROW_NUMBER:,}".replace(",", " ")))
            self.cells -= max(len(values), 1)  # a row without cells still costs its reading
            if self.cells < 0:
                raise BadFile(_l("The file has more than %(n)s cells: split it into smaller "
                                 "files.", n=f"{MAX_CELLS:,}".replace(",", " ")))
            if any(value is not None and str(value).strip() for value in values):
                filled += 1
                if filled > self.max_rows + 1:  # the header row and max_rows below it
                    raise BadFile(_l("The file has more than %(n)s rows.", n=self.max_rows))
            self.check_time()
            yield values


def open_workbook(data: bytes):
    """An openpyxl read-only workbook of a checked package (values, not formulas)."""
    from openpyxl import load_workbook

    check_package(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a damaged file
        raise BadFile(_l("The file is not a readable XLSX workbook.")) from None
    for sheet in workbook.worksheets:
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # a declared dimension is not trusted for padding
    return workbook


class GuardedBook:
    """A workbook whose sheets are read through a guard (what the importers need of one)."""

    def __init__(self, book, guard: Guard):
        self.book, self.guard = book, guard
        self.sheetnames = list(book.sheetnames)

    def __getitem__(self, name):
        return GuardedSheet(self.book[name], self.guard)


class GuardedSheet:
    def __init__(self, sheet, guard: Guard):
        self.sheet, self.guard = sheet, guard

    def iter_rows(self, values_only=True, max_row=None):
        return self.guard.rows(self.sheet, max_row=max_row)
