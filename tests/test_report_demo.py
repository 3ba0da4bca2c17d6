"""The demo municipality's 2022-H1 report reproduces the reference report: sections in order,
the ШНОР and their categories, the 500+ schools and their risk directions, the indicator table,
the courses table and the events tables (values from the reference report)."""
import re
import shutil
import subprocess
from collections import Counter
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from sqlalchemy import select

from tracker.db import db
from tracker.indicators.models import EnteredValue
from tracker.indicators.services import TargetLevel, set_target
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
    "Переход школ в эффективный режим работы",
    "Выполнение мероприятий антирисковых программ", "Профессиональное развитие педагогов",
    "Дефицит педагогических кадров", "Консультационная служба и рабочая группа",
    "Методические мероприятия", "Сетевое взаимодействие", "Выводы",
    "Приоритетные задачи на следующий период",
    "Приложение 1. Выполнение мероприятий антирисковых программ",
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
    assert signature_cells(document) == ["Муниципальный координатор", "Белова Марина Сергеевна"]


def signature_cells(document) -> list[str]:
    """The signature: the two-cell borderless table before the appendix."""
    for table in document.tables:
        cells = [cell.text for cell in table.rows[0].cells]
        if len(table.rows) == 1 and len(cells) == 2 and "координатор" in cells[0]:
            return cells
    raise AssertionError("no signature")


def test_indicator_table_plan_and_fact(demo):
    document = open_report(demo)
    rows = table_starting(document, "№ п/п", "Показатель", "План", "Факт", "Из расчёта")[1:]
    by_name = {row[1]: row[2:] for row in rows}

    def row(start: str) -> list[str]:
        return next(values for name, values in by_name.items() if name.startswith(start))

    nbsp = "\u00a0"
    expected = {  # plan: the demo's targets; fact and basis: the reference report's figures
        "Доля педагогических работников, прошедших КПК": ("100", "98,6", "493 из 500"),
        "Доля ШНОР, представивших педагогов": ("100", "100", "7 из 7"),
        "Доля ШНОР, реализующих программы наставничества": ("85", "85,7", "6 из 7"),
        "Доля педагогических работников, прошедших диагностику": ("80", "83", "415 из 500"),
        "Доля педагогических работников, имеющих индивидуальные": ("100", "50,4", "252 из 500"),
    }
    for start, (plan, fact, basis) in expected.items():
        assert row(start) == [f"{plan}{nbsp}%", f"{fact}{nbsp}%", basis], start
    pupils = [values for name, values in by_name.items() if name.startswith("Доля учащихся")]
    assert [v[:2] for v in pupils] == [["90\u00a0%", "ожидается (август)"]] * 2 + [
        ["10\u00a0%", "ожидается (август)"], ["90\u00a0%", "ожидается (август)"],
        ["10\u00a0%", "ожидается (август)"]]
    entered = db.session.scalars(select(EnteredValue.flag).where(
        EnteredValue.code == "methodical_dynamics", EnteredValue.period == PERIOD.code)).all()
    assert entered and all(entered)  # the demo enters «да», as the reference reports
    assert row("Наличие динамики")[:2] == ["да", "да"]  # plan and fact, never «План: 1»


def test_indicator_plan_follows_a_changed_target(demo):
    level = TargetLevel("municipality", demo.id)
    set_target(code="teachers_diagnosed", period=PERIOD, level=level, value=Decimal(95))
    db.session.commit()
    rows = table_starting(open_report(demo), "№ п/п", "Показатель", "План")[1:]
    diagnosed = next(r for r in rows if r[1].startswith("Доля педагогических работников, "
                                                        "прошедших диагностику"))
    assert diagnosed[2] == "95\u00a0%"


def test_courses_table(demo):
    header, *body = table_starting(open_report(demo), "Школа",
                                   "По ДПП ГАУ ДПО ИРО, входящим в фед. реестр")
    assert header == ["Школа", "По ДПП ГАУ ДПО ИРО, входящим в фед. реестр",
                      "По ДПП ГАУ ДПО ИРО, не входящим в фед. реестр", "Итого"]
    assert {row[0]: row[1:] for row in body} == {  # the reference's ИРО listeners, 2022 H1
        S17: ["8", "9", "17"], NOK: ["2", "2", "4"], S1: ["1", "0", "1"],
        S5: ["8", "2", "10"], S7: ["8", "3", "11"], S15: ["3", "4", "7"], S2: ["2", "1", "3"],
        "Итого": ["32", "21", "53"]}


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


DATE = re.compile(r"\b\d{2}\.\d{2}\.\d{4}\b")
PAGES = range(15, 26)  # the reference report has 21 pages


@pytest.mark.libreoffice
@pytest.mark.pdftotext
def test_libreoffice_lays_out_the_demo_report_without_split_dates(demo, tmp_path):
    """Converted to PDF as a recipient would print it: every date of the document is found
    whole in the PDF's text (a column too narrow splits «31.03.2022» over two lines), and the
    page count stays near the reference's."""
    data = build_municipal_report(demo, PERIOD)
    source = tmp_path / "otchet.docx"
    source.write_bytes(data)
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=300)
    pdf = tmp_path / "otchet.pdf"
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 50_000  # text, tables and the two charts
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    document = Document(BytesIO(data))
    written = [p.text for p in document.paragraphs] + [
        cell.text for table in document.tables for row in table.rows for cell in row.cells]
    dates = Counter(found for part in written for found in DATE.findall(part))
    printed = Counter(DATE.findall(text))
    assert sum(dates.values()) > 20
    assert {date: count for date, count in dates.items() if printed[date] < count} == {}
    pages = text.count("\f") + (0 if text.endswith("\f") else 1)
    assert pages in PAGES, pages


def test_development_table_totals_are_the_headline_figures(demo):
    """The per-school development table adds up to the indicator figures of the reference."""
    header, *body = table_starting(open_report(demo), "Школа", "Педагогов по списку", "Прошли диагностику")
    *schools, total = body
    assert {row[0] for row in schools} == {NOK, S1, S2, S5, S7, S15, S17}
    nbsp = "\u00a0"
    assert total == ["Итого", "500", f"415 (83{nbsp}%)", f"252 (50,4{nbsp}%)",
                     f"493 (98,6{nbsp}%)", f"6 (85,7{nbsp}%)"]
    assert sum(int(row[1]) for row in schools) == 500
    for column in (2, 3, 4):
        assert sum(int(row[column].split()[0]) for row in schools) == int(total[column].split()[0])


def _counts(cell: str) -> tuple[int, int]:
    """«555 / 1 121 (49,5 %)» → (555, 1121)."""
    participants, teachers = cell.split("(")[0].replace("\u00a0", "").split("/")
    return int(participants), int(teachers)


def test_network_table_agrees_with_the_network_summary(demo, runner):
    """The report's participation table and `flask network summary` count the same records."""
    import json
    rows = table_starting(open_report(demo), "Организация",
                          "Педагоги в сетевых сообществах (от штатной численности)")
    summary = json.loads(runner.invoke(args=[
        "network", "summary", "--municipality", "Усть-Илимск", "--period", "2022-H1",
        "--format", "json"]).output)
    by_type = {row["org_type"]: (row["participants"], row["teachers"]) for row in summary["types"]}
    *schools, doo, oo, udo, total = rows[1:]
    assert {row[0] for row in schools} == {NOK, S1, S2, S5, S7, S15, S17}
    assert [_counts(row[1]) for row in (doo, oo, udo)] == [by_type["doo"], by_type["oo"],
                                                          by_type["udo"]]
    assert _counts(total[1]) == (summary["total"]["participants"], summary["total"]["teachers"])
    assert sum(_counts(row[1])[1] for row in schools) <= by_type["oo"][1]


def body_text(document) -> str:
    """Every paragraph and table cell of the document, the appendix included."""
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_measures_summary_and_appendix_without_file_names(demo):
    document = open_report(demo)
    assert not re.search(r"\.(docx|pdf|xlsx)\b", body_text(document))
    summary = table_starting(document, "Школа, рисковое направление")
    by_row = {row[0]: row[1:] for row in summary[1:]}
    # the demo's programs: S7 has 7 measures of the half-year, two overdue (one postponed)
    assert by_row[S7] == ["7", "5", "1", "2", "3"]
    assert by_row["— Низкий уровень оснащения школы"] == ["2", "2", "1", "0", "1"]
    assert by_row[S5] == ["5", "5", "2", "0", "3"]
    assert by_row[S17] == ["5", "5", "1", "0", "2"]
    assert by_row["Итого"] == ["17", "15", "4", "2", "8"]
    appendix = table_starting(document, "Школа", "Рисковое направление", "Мероприятие")
    assert appendix[0][3:] == ["Срок", "Выполнение", "Подтверждение принято"]
    assert len(appendix) - 1 == 17
    overdue = [row for row in appendix[1:] if "просрочено" in row[4]]
    assert [(row[0], row[2][:29]) for row in overdue] == [
        (S7, "Участие педагогов в городских"), (S7, "Диагностика комфортности обра")]
    accepted = {row[2][:30]: row[5] for row in appendix[1:]}
    assert accepted["Трудоустройство педагогических"] == "да"
    assert accepted["Заявка на целевое обучение выпу"[:30]] == "нет"


def test_the_demo_conclusions_agree_with_its_records(demo, app):
    """The demo's measures have overdue ones (СОШ № 7): its conclusions say so, so the report
    raises no contradiction; the text «all planned measures were done» would be flagged."""
    from tracker.reports.halfyear import municipal_report
    from tracker.reports.halfyear.closing import contradictions
    from tracker.reports.halfyear.context import municipal_context
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        report = municipal_report(demo, PERIOD, charts=False)
        section = next(s for s in report.sections if s.key == "conclusions")
        assert [w for w in section.warnings if "просроченные" in w] == []
        flagged = contradictions(municipal_context(demo, PERIOD, charts=False), [
            "Запланированные на первое полугодие 2022 года мероприятия программы выполнены."])
    assert flagged and "СОШ № 7" in flagged[0]


def test_a_schools_count_printed_in_two_sections_is_the_same(demo):
    """The teachers of a school (development table and network table) and its measures (summary
    and appendix, in all and overdue) agree wherever the demo report prints them."""
    document = open_report(demo)
    development = table_starting(document, "Школа", "Педагогов по списку")
    network = table_starting(document, "Организация",
                             "Педагоги в сетевых сообществах (от штатной численности)")
    teachers = {row[0]: int(row[1]) for row in development[1:-1]}
    staffed = {row[0]: _counts(row[1])[1] for row in network[1:] if row[0] in teachers}
    assert staffed == teachers and len(teachers) == 7

    summary = {row[0]: row[1:] for row in table_starting(document, "Школа, рисковое направление")}
    appendix = table_starting(document, "Школа", "Рисковое направление", "Мероприятие")[1:]
    with_programs = [school for school in teachers if school in summary]
    assert sorted(with_programs) == sorted([S5, S7, S17])
    for school in with_programs:
        listed = [row for row in appendix if row[0] == school]
        overdue = [row for row in listed if "просрочено" in row[4]]
        assert (int(summary[school][0]), int(summary[school][3])) == (len(listed), len(overdue))


def test_the_passport_names_the_list_document_and_the_curators_algorithm(demo):
    """The reference's basis of the ШНОР list and its curator's algorithm, from the narrative."""
    paragraphs = [p.text for p in open_report(demo).paragraphs]
    assert ("Перечень утверждён документом: Распоряжение Министерства образования Иркутской "
            "области от 21.01.2022 № 55-46-мр «Об утверждении перечня общеобразовательных "
            "организаций Иркутской области с низкими образовательными результатами и участников "
            "проекта «500+» в 2022 году».") in paragraphs
    steps = paragraphs.index("Алгоритм действий куратора:")
    assert paragraphs[steps + 1] == "Знакомство с методическими материалами ФГБУ «ФИОКО»"
    assert len([p for p in paragraphs[steps + 1:] if p.startswith(("Знакомство", "Предвар",
                                                                   "Подготовка", "Участие в вер",
                                                                   "Консультирование школьной"))
                ]) == 5


def test_the_schools_paragraphs_are_the_coordinators_and_name_the_overdue(demo, app):
    """The three 500+ schools each have the coordinator's paragraph (none drafted), and the one
    on СОШ № 7 names its overdue measures, as its records have them."""
    from tracker.reports.halfyear import municipal_report
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        section = next(s for s in municipal_report(demo, PERIOD, charts=False).sections
                       if s.key == "transition")
    texts = [block.text for block in section.blocks]
    assert sorted(next(name for name in (S5, S7, S17) if text.startswith(name))
                  for text in texts) == sorted([S5, S7, S17])
    assert section.warnings == []
    assert "просрочены" in next(text for text in texts if text.startswith(S7))


def test_the_municipality_wide_course_figures_are_the_references(demo):
    """All the town's teachers and those trained, and the half-year's listeners of the town beside
    the region's, as the reference prints them (the registry's total and the total summed)."""
    document = open_report(demo)
    paragraphs = [p.text for p in document.paragraphs]
    assert ("В целом по муниципалитету курсы повышения квалификации и профессиональной "
            "переподготовки прошли 351 из 660 (53,2\u00a0%) педагогов.") in paragraphs
    assert any(p.startswith("За полугодие 200 педагогических и административных работников")
               and "из них 92 —" in p for p in paragraphs)
    header, *rows = table_starting(document, "Муниципальное образование",
                                   "По ДПП Академии Минпросвещения, входящим в фед. реестр")
    assert header[2:] == ["По ДПП ГАУ ДПО ИРО, входящим в фед. реестр",
                          "Всего по ДПП, входящим в фед. реестр",
                          "По ДПП ГАУ ДПО ИРО, не входящим в фед. реестр", "Итого"]
    assert rows == [["Усть-Илимск", "35", "57", "92", "108", "200"],
                    ["Иркутская область", *[n.replace(" ", "\u00a0") for n in
                                               ("1 961", "2 791", "4 752", "3 972", "8 724")]]]


def test_the_course_directions_are_the_references_shares(demo):
    """Of the 500 teachers of the ШНОР, those with a course of each direction in 2021/22 (the
    reference: subject 63 %, functional literacy 35 %, the updated ФГОС 39 %, information
    security 30 %)."""
    header, *rows = table_starting(open_report(demo), "Направление курсов")
    shares = {row[0]: row[1] for row in rows}
    assert {name: shares[name] for name in ("Предметная направленность",
                                            "Функциональная грамотность", "Обновлённые ФГОС",
                                            "Информационная безопасность")} == {
        "Предметная направленность": "315 из 500 (63\u00a0%)",
        "Функциональная грамотность": "175 из 500 (35\u00a0%)",
        "Обновлённые ФГОС": "195 из 500 (39\u00a0%)",
        "Информационная безопасность": "150 из 500 (30\u00a0%)"}
