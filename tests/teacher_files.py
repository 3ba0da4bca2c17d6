"""Spreadsheet files for import tests, generated (big ones) or read from tests/data/."""
from pathlib import Path

from openpyxl import Workbook

from tracker.teachers.importing import COLUMNS

DATA = Path(__file__).parent / "data"


def write_xlsx(path: Path, kind: str, rows: list[list]) -> Path:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Лист1")
    sheet.append([name for name, _required in COLUMNS[kind]])
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def many_teachers(count: int, *, bad_row: int | None = None) -> list[list]:
    """`count` teacher rows; the file row `bad_row` (header = row 1) has a non-number stage."""
    rows = [[f"Учителев{n} Иван Петрович", "учитель", "математика", n % 40, "да"]
            for n in range(count)]
    if bad_row is not None:
        rows[bad_row - 2][3] = "много"
    return rows
