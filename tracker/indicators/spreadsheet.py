"""Targets and values from a spreadsheet: each row names an indicator, a period and (for a
school's figure) a school, with a plan, a fact or both. The rows become the targets and values of
a monitoring document (exchange.py), so a sheet is checked and written exactly like a JSON file,
all or nothing; problems are reported by row number."""
import re
from dataclasses import dataclass, field
from io import BytesIO

from flask_babel import force_locale
from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from tracker.indicators import catalogue, exchange
from tracker.network.xlsx import normalize, read_rows, text
from tracker.periods import Periodicity, choices, parse_or_none
from tracker.schools.models import Municipality

SHEET = "Значения"
INDICATOR, PERIOD, SCHOOL = "Показатель", "Период", "Школа (пусто: муниципалитет)"
PLAN, FACT = "План", "Факт"
REACHED, PUPILS = "Достигли уровня", "Всего учащихся"
HEADERS = (INDICATOR, PERIOD, SCHOOL, PLAN, FACT, REACHED, PUPILS)
# what a problem's JSON key is called in the sheet
COLUMNS = {"indicator": INDICATOR, "period": PERIOD, "school": SCHOOL, "numerator": REACHED,
           "denominator": PUPILS}
_PATH = re.compile(r"^\$\.(targets|values)\[(\d+)\](?:\.(\w+))?: (.*)$")


@dataclass
class SheetImport:
    document: dict
    rows: list[tuple[str, int]] = field(default_factory=list)  # (section, sheet row) per entry
    problems: list[str] = field(default_factory=list)


def document_of(workbook, municipality: Municipality) -> SheetImport:
    """The sheet's rows as a monitoring document (indicators by name or code, periods by code
    or in words); rows it cannot even read are problems already."""
    found = SheetImport({"format": exchange.FORMAT, "targets": [], "values": []})
    rows = read_rows(workbook, SHEET, HEADERS, or_the_only_one=True)
    if rows is None:
        found.problems.append(_("The file has no sheet «%(sheet)s».", sheet=SHEET))
        return found
    indicators = _indicators(municipality)
    periods = _periods_in_words()
    for row in rows:
        entry = {"indicator": _indicator_code(row.values[INDICATOR], indicators),
                 "period": _period_code(row.values[PERIOD], periods)}
        school = text(row.values[SCHOOL])
        if school:
            entry["school"] = school
        if text(row.values[PLAN]):
            _add(found, "targets", row.number, {**entry, "value": row.values[PLAN]})
        typed = {key: _whole(row.values[column]) for key, column in (("numerator", REACHED),
                                                                      ("denominator", PUPILS))
                 if text(row.values[column])}
        if text(row.values[FACT]):
            typed["value"] = _fact(row.values[FACT])
        if typed:
            _add(found, "values", row.number, {**entry, **typed})
        if not text(row.values[PLAN]) and not typed:
            found.problems.append(_("Row %(row)s: neither a plan nor a fact.", row=row.number))
    return found


def _add(found: SheetImport, section: str, number: int, entry: dict) -> None:
    found.document[section].append(entry)
    found.rows.append((section, number))


def _indicators(municipality: Municipality) -> dict[str, str]:
    """Name or code (normalised) -> code, for the municipality's catalogue."""
    result = {}
    for indicator in catalogue.for_place("municipality", municipality.id):
        result[normalize(indicator.name_ru)] = indicator.code
        result[normalize(indicator.code)] = indicator.code
    return result


def _indicator_code(value, indicators: dict[str, str]) -> str:
    return indicators.get(normalize(value), text(value))


def _periods_in_words() -> dict[str, str]:
    with force_locale("ru"):
        return {normalize(period.label): period.code for kind in Periodicity
                for period in choices(kind)}


def _period_code(value, periods: dict[str, str]) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))  # a year typed as a number
    written = text(value)
    if parse_or_none(written) is not None:
        return written
    return periods.get(normalize(written), written)


def _whole(value):
    """9, 9.0 or «9» as 9; anything else as it is (the import names it)."""
    written = text(value).replace(",", ".")
    try:
        number = float(written)
    except ValueError:
        return value
    return int(number) if number.is_integer() else value


def _fact(value):
    """«да» / «нет» for yes/no indicators, otherwise the number as typed."""
    word = normalize(value)
    return {"да": True, "нет": False}.get(word, value)


def row_problems(found: SheetImport, problems: list[str]) -> list[str]:
    """The document's problems («$.values[3].value: …») told by sheet row and column."""
    told = []
    for problem in problems:
        match = _PATH.match(problem)
        if not match:
            told.append(problem)
            continue
        section, index, key, message = match.groups()
        number = _row_number(found, section, int(index))
        column = COLUMNS.get(key) or (PLAN if section == "targets" else FACT)
        told.append(_("Row %(row)s, «%(column)s»: %(message)s", row=number, column=column,
                      message=message))
    return told


def _row_number(found: SheetImport, section: str, index: int) -> int:
    numbers = [number for kind, number in found.rows if kind == section]
    return numbers[index]


def template() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for column, width in zip("ABCDEFG", (60, 22, 28, 10, 10, 16, 16)):
        sheet.column_dimensions[column].width = width
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()
