"""Matching a spreadsheet's columns by their headers, the way coordinators write them.

Case, «ё», spacing, punctuation and a unit in brackets do not matter («Численность педагогов
(чел.)» is «численность педагогов»), and each column has the common variants of its header
(«Тип», «Тип ОО», «Вид организации»…). One helper for every network import, so a coordinator's
own table imports without retyping its headers.
"""
import re

# The app's header (as in its template files) -> the other headers meaning the same column.
VARIANTS: dict[str, tuple[str, ...]] = {
    "Организация": ("Образовательная организация", "Наименование ОО", "ОО", "Учреждение",
                    "Краткое наименование", "Сокращенное наименование", "Краткое название"),
    "Полное наименование": ("Полное название", "Наименование", "Полное наименование ОО",
                            "Полное наименование организации", "Наименование организации",
                            "Название"),
    "Тип": ("Тип ОО", "Тип организации", "Вид организации", "Вид ОО", "Вид", "Тип учреждения"),
    "Организационно-правовая форма": ("ОПФ", "Правовая форма", "Форма"),
    "Муниципальное образование": ("Муниципалитет", "МО", "Район", "Город"),
    "Входит в организацию": ("Отделение организации", "Головная организация",
                             "Структурное подразделение организации", "Основная организация",
                             "Родительская организация"),
    "Полугодие": ("Период",),
    "Педагогов": ("Всего педагогов", "Численность педагогов", "Количество педагогов",
                  "Педагогических работников", "Численность педагогических работников",
                  "Всего педагогических работников", "Кол-во педагогов"),
    "Из них в сетевых сообществах": (
        "В сетевых сообществах", "Педагогов в сетевых сообществах",
        "Участников сетевых сообществ", "Участники сетевых сообществ",
        "Количество участников сетевых сообществ", "Из них участников сетевых сообществ",
        "Численность участников сетевых сообществ", "Участвуют в сетевых сообществах"),
}

_BRACKETS = re.compile(r"\([^)]*\)")
_PUNCTUATION = re.compile(r"[.,:;!?*\"«»'’]")
_SPACES = re.compile(r"\s+")


def header_key(value) -> str:
    """The form of a header that matching compares."""
    text = "" if value is None else str(value)
    text = _BRACKETS.sub(" ", text.replace("ё", "е").replace("Ё", "Е"))
    text = _PUNCTUATION.sub(" ", text).replace("–", "-").replace("—", "-")
    return _SPACES.sub(" ", text).strip().lower()


def match_columns(found, wanted) -> dict[str, int | None]:
    """For each wanted header, the index of the column holding it among `found` (a header
    row), by its own name first and then by its variants; None when the file has none."""
    positions: dict[str, int] = {}
    for index, value in enumerate(found):
        positions.setdefault(header_key(value), index)
    taken: set[int] = set()
    result: dict[str, int | None] = {}
    for header in wanted:
        names = (header, *VARIANTS.get(header, ()))
        index = next((positions[key] for key in map(header_key, names)
                      if key in positions and positions[key] not in taken), None)
        if index is not None:
            taken.add(index)
        result[header] = index
    return result
