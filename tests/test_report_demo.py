"""The demo municipality's 2022-H1 report reproduces the reference report: sections in order,
the ШНОР and their categories, the 500+ schools and their risk directions, the indicator table,
the courses table and the events tables (values from the reference report)."""
import shutil
import subprocess
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from sqlalchemy import select

from tracker.db import db
from tracker.i18n import percent
from tracker.indicators.models import EnteredValue
from tracker.indicators.services import TargetLevel, set_target, targets_for
from tracker.periods import HalfYear
from tracker.reports.halfyear import build_municipal_report
from tracker.schools.models import Municipality

PERIOD = HalfYear(2022, 1)
NOK, S1, S2, S5 = ("МАОУ «Экспериментальный лицей «НОК»»", "МБОУ «СОШ № 1»", "МБОУ «СОШ № 2»",
                   "МАОУ «СОШ № 5»")
S7, S15, S17 = "МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 15»", "МБОУ «СОШ № 17»"

SECTIONS = [
    "Основание", "Цель и задачи программы", "Школы с низкими образовательными результатами",
    "Школы федерального проекта «500+» и верифицированные рисковые направления",
    "Распределение задач: школа, муниципальный координатор, куратор", "Показатели программы",
    "Выполнение мероприятий антирисковых программ", "Профессиональное развитие педагогов",
    "Дефицит педагогических кадров", "Консультационная служба и рабочая группа",
    "Методические мероприятия", "Сетевое взаимодействие", "Выводы",
    "Приоритетные задачи на следующий период",
]


@pytest.fixture
def demo(runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    return db.session.scalar(select(Municipality).where(Municipality.name == "Усть-Илимск"))


def open_report(municipality) -> Document:
    return Document(BytesIO(build_municipal_report(municipality, PERIOD)))


def table_starting(document, *header) -> list[list[str]]:
    """The rows (header included) of the first table whose header starts with `header`."""
    for table in document.tables:
        first = [cell.text for cell in table.rows[0].cells]
        if first[:len(header)] == list(header):
            return [[cell.text for cell in row.cells] for row in table.rows]
    raise AssertionError(f"no table with the header {header}")


def tables_starting(document, *header) -> list[list[list[str]]]:
    found = []
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        if rows[0][:len(header)] == list(header):
            found.append(rows)
    return found


def test_sections_schools_and_risk_directions(demo):
    document = open_report(demo)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTIONS
    schools = table_starting(document, "№ п/п", "Организация", "Категория результатов")[1:]
    names = ["№ 17»", "Экспериментальный лицей", "№ 1»", "№ 5»", "№ 7 имени Пичуева", "№ 15»",
             "№ 2»"]
    assert [any(name in row[1] for _ in [0]) for row, name in zip(schools, names)] == [True] * 7
    assert [row[2] for row in schools] == ["базово неуспевающая"] * 2 + [
        "умеренно неуспевающая"] * 2 + ["сильно неуспевающая"] * 3
    project = table_starting(document, "№ п/п", "Школа", "Верифицированные рисковые направления")
    assert {row[1]: row[2].split("\n") for row in project[1:]} == {
        S5: ["Дефицит педагогических кадров",
             "Недостаточная предметная и методическая компетентность педагогических работников",
             "Высокая доля обучающихся с рисками учебной неуспешности"],
        S7: ["Низкий уровень оснащения школы", "Дефицит педагогических кадров",
             "Недостаточная предметная и методическая компетентность педагогических работников",
             "Несформированность внутришкольной системы повышения квалификации",
             "Пониженный уровень качества школьной образовательной и воспитательной среды"],
        S17: ["Недостаточная предметная и методическая компетентность педагогических работников",
              "Пониженный уровень качества школьной образовательной и воспитательной среды"],
    }
    assert [row[1] for row in project[1:]] == [S5, S7, S17]  # the reference's order
    goal = next(p.text for p in document.paragraphs if p.text.startswith("Цель муниципальной"))
    assert "совершенствование предметных и методических компетенций" in goal
    signature = document.tables[-1].rows[0].cells
    assert [c.text for c in signature] == ["Муниципальный координатор", "Белова Марина Сергеевна"]


def test_indicator_table_plan_and_fact(demo):
    level = TargetLevel("municipality", demo.id)
    set_target(code="teachers_with_plan", period=PERIOD, level=level, value=Decimal(100))
    db.session.commit()
    targets = targets_for(PERIOD, level)
    document = open_report(demo)
    rows = table_starting(document, "№ п/п", "Показатель", "План", "Факт", "Из расчёта")[1:]
    by_name = {row[1]: row[2:] for row in rows}

    def row(start: str) -> list[str]:
        return next(values for name, values in by_name.items() if name.startswith(start))

    nbsp = "\u00a0"
    expected = {  # the reference report's figures: fact and what it is computed from
        "Доля педагогических работников, прошедших КПК": (f"98,6{nbsp}%", "493 из 500"),
        "Доля ШНОР, представивших педагогов": (f"100{nbsp}%", "7 из 7"),
        "Доля ШНОР, реализующих программы наставничества": (f"85,7{nbsp}%", "6 из 7"),
        "Доля педагогических работников, прошедших диагностику": (f"83{nbsp}%", "415 из 500"),
        "Доля педагогических работников, имеющих индивидуальные": (f"50,4{nbsp}%", "252 из 500"),
    }
    for start, (fact, basis) in expected.items():
        assert row(start)[1:] == [fact, basis], start
    assert row("Доля педагогических работников, имеющих индивидуальные")[0] == f"100{nbsp}%"
    codes = {"Доля педагогических работников, прошедших КПК": "teachers_courses_3y",
             "Доля ШНОР, представивших педагогов": "schools_in_competitions",
             "Доля ШНОР, реализующих программы наставничества": "schools_with_mentoring",
             "Доля педагогических работников, прошедших диагностику": "teachers_diagnosed"}
    for start, code in codes.items():  # the plan column is whatever targets_for says
        target = targets.get(code)
        assert row(start)[0] == ("—" if target is None else percent(float(target))), start
    pupils = [values for name, values in by_name.items() if name.startswith("Доля учащихся")]
    assert len(pupils) == 5 and all(v[1] == "ожидается (август)" for v in pupils)
    entered = db.session.scalar(select(EnteredValue.flag).where(
        EnteredValue.code == "methodical_dynamics", EnteredValue.period == PERIOD.code))
    dynamics = row("Наличие динамики")[1]
    assert dynamics == ("ожидается (июнь)" if entered is None else ("да" if entered else "нет"))


def test_courses_table(demo):
    rows = table_starting(open_report(demo), "Школа", "По ДПП Академии Минпросвещения, "
                          "входящим в фед. реестр")
    header, *body = rows
    iro_in = header.index("По ДПП ГАУ ДПО ИРО, входящим в фед. реестр")
    iro_out = header.index("По ДПП ГАУ ДПО ИРО, не входящим в фед. реестр")
    figures = {row[0]: (row[iro_in], row[iro_out]) for row in body}
    assert figures == {  # the reference report's table of ИРО listeners, 1st half of 2022
        S17: ("8", "9"), NOK: ("2", "2"), S1: ("1", "0"), S5: ("8", "2"), S7: ("8", "3"),
        S15: ("3", "4"), S2: ("2", "1"), "Итого": ("32", "21")}


def test_events_tables(demo):
    document = open_report(demo)
    tables = tables_starting(document, "№ п/п", "Школа")
    competition, conferences, webinars = (
        next(t for t in tables if any(word in t[0][2] for word in words))
        for words in (["Педагогический импульс"], ["III городская"], ["Системный подход"]))
    assert {row[1]: row[2] for row in competition[1:]}[NOK] == (
        "+ (победитель в номинации «Мастер педагогических дебатов»)")
    assert sum(row[2].startswith("+") for row in competition[1:]) == 7
    participation = "+ (участие, без обобщения опыта)"
    assert {row[1]: row[2:] for row in conferences[1:]} == {
        NOK: ["+", "+ (диплом 2 степени)", "+"], S1: ["+", "+ (диплом 3 степени)", "+"],
        S2: ["-", "+", "+"], S5: ["+", "+", participation], S7: ["-", "+ (диплом 3 степени)", "+"],
        S15: ["-", "-", "+"], S17: ["+", "+", participation]}
    assert [row[1] for row in conferences[1:]] == [NOK, S1, S2, S5, S7, S15, S17]
    assert {row[1]: row[2:] for row in webinars[1:]} == {
        NOK: ["+", "-", "-"], S1: ["+", "-", "-"], S2: ["+", "+", "-"], S5: ["-", "-", "+"],
        S7: ["-", "+", "+"], S15: ["организатор", "-", "+"], S17: ["-", "-", "+"]}
    seminars = table_starting(document, "№ п/п", "Организатор", "Тема и приказ")[1:]
    assert len(seminars) == 9
    by_host = {row[1]: row for row in seminars}
    assert "читательской грамотности" in by_host[S17][2] and "№ 67" in by_host[S17][2]
    assert "36 педагогов" in by_host[S17][3]
    winners = [p.text for p in document.paragraphs if "победитель в номинации" in p.text]
    assert len(winners) == 3


@pytest.mark.libreoffice
def test_libreoffice_converts_the_demo_report(demo, tmp_path):
    source = tmp_path / "otchet.docx"
    source.write_bytes(build_municipal_report(demo, PERIOD))
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "otchet.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 50_000  # text, tables and the two charts
