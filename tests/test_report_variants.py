"""The school's part of the report and the regional summary, built from plain records."""
from datetime import date
from io import BytesIO

from docx import Document

from tests import factories, program_factories, teacher_factories
from tracker.auth.models import Role
from tracker.db import db
from tracker.periods import HalfYear
from tracker.reports.halfyear import build_regional_report, build_school_report

H1 = HalfYear(2022, 1)


def headings(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 1"]


def cells(document, first_header: str) -> list[list[str]]:
    table = next(t for t in document.tables if t.rows[0].cells[0].text == first_header)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_school_report_has_its_own_part_only(app):
    region = factories.make_region()
    category = factories.make_category(region, "умеренно неуспевающая")
    town = factories.make_municipality(region)
    school = factories.make_school(town, "МАОУ «СОШ № 3»", category=category, project_500=True)
    neighbour = factories.make_school(town, "МАОУ «СОШ № 8»", category=category)
    director = factories.make_user(Role.DIRECTOR, school=school)
    direction = program_factories.make_direction(name="Дефицит педагогических кадров")
    program_factories.make_profile(school, [direction])
    program = program_factories.make_program(school, direction)
    program_factories.make_measure(program, title="Приём педагога-психолога",
                                   due_on=date(2022, 4, 1))
    event = factories.make_event(town, kind="webinar", title="Вебинар о грамотности",
                                 held_on=date(2022, 3, 3))
    factories.make_participation(event, school, role="presented")
    factories.make_participation(event, neighbour)
    domain = teacher_factories.make_domain()
    diagnosed, _undiagnosed = (teacher_factories.make_teacher(school) for _ in range(2))
    teacher_factories.make_diagnostic(diagnosed, domain)
    teacher_factories.make_diagnostic(teacher_factories.make_teacher(neighbour), domain)
    db.session.commit()
    document = Document(BytesIO(build_school_report(school, H1)))
    assert headings(document) == ["Школа в программе", "Показатели программы",
                                  "Выполнение мероприятий антирисковых программ",
                                  "Профессиональное развитие педагогов",
                                  "Методические мероприятия",
                                  "Приложение 1. Выполнение мероприятий антирисковых программ"]
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Категория результатов 2022 года: умеренно неуспевающая." in text
    summary = cells(document, "Школа, рисковое направление")
    # one measure due 01.04.2022, not done by the half-year's end: overdue
    assert summary[1:] == [["МАОУ «СОШ № 3»", "1", "0", "0", "1", "0"],
                           ["— Дефицит педагогических кадров", "1", "0", "0", "1", "0"]]
    measures = next(t for t in document.tables if t.rows[0].cells[1].text == "Рисковое направление")
    assert [[c.text for c in row.cells][2] for row in measures.rows[1:]] == [
        "Приём педагога-психолога"]
    nbsp = "\u00a0"
    development = cells(document, "Школа")    # the first table headed «Школа»: development
    assert development[0][1] == "Педагогов по списку"
    assert development[1:] == [["МАОУ «СОШ № 3»", "2", f"1 (50{nbsp}%)", f"0 (0{nbsp}%)",
                                f"0 (0{nbsp}%)", "нет"]]
    indicators = {row[1]: row[2:] for row in cells(document, "№ п/п")[1:]}
    assert indicators["Доля педагогических работников, прошедших диагностику профессиональных "
                      "дефицитов"] == ["—", f"50{nbsp}%", "1 из 2"]   # the neighbour's not in it
    assert indicators["Доля ШНОР, реализующих программы наставничества"] == [
        "—", f"0{nbsp}%", "0 из 1"]
    courses = next(t for t in document.tables if t.rows[0].cells[-1].text == "Итого")
    assert [[c.text for c in row.cells] for row in courses.rows[1:]] == [
        ["МАОУ «СОШ № 3»", "0", "0", "0"]]
    events = cells(document, "Дата")
    assert events[1:] == [["03.03.2022", "Вебинар о грамотности", "Вебинар", "+"]]
    assert "МАОУ «СОШ № 8»" not in text + str([cells(document, "Школа")])
    signature = next(t for t in document.tables if len(t.rows) == 1
                     and t.rows[0].cells[0].text == "Директор").rows[0].cells
    assert [c.text for c in signature] == ["Директор", director.full_name]


def test_regional_summary_sums_numerators_and_denominators(app):
    region = factories.make_region("Область")
    category = factories.make_category(region)
    domain = teacher_factories.make_domain()
    small, large = (factories.make_municipality(region, name) for name in ("Альфа", "Бета"))
    staff = {small: (2, 1), large: (3, 3)}  # teachers, of them diagnosed
    for municipality, (teachers, diagnosed) in staff.items():
        school = factories.make_school(municipality, category=category)
        for n in range(teachers):
            teacher = teacher_factories.make_teacher(school)
            if n < diagnosed:
                teacher_factories.make_diagnostic(teacher, domain)
    factories.make_school(factories.make_municipality(region, "Гамма"))  # no ШНОР at all
    db.session.commit()
    document = Document(BytesIO(build_regional_report(region, H1)))
    assert headings(document) == ["Показатели региона",
                                  "Показатели по муниципальным образованиям",
                                  "Муниципальные образования"]
    table = cells(document, "Муниципальное образование")
    nbsp = "\u00a0"
    none_of = {"Альфа": f"0 из 2 (0{nbsp}%)", "Бета": f"0 из 3 (0{nbsp}%)", "Гамма": "—",
               "Итого по региону": f"0 из 5 (0{nbsp}%)"}
    schools = {"Альфа": f"0 из 1 (0{nbsp}%)", "Бета": f"0 из 1 (0{nbsp}%)", "Гамма": "—",
               "Итого по региону": f"0 из 2 (0{nbsp}%)"}
    expected = {   # each column from the records above: teachers, the diagnosed, the schools
        "Доля педагогических работников, прошедших КПК за последние 3 года": none_of,
        "Доля ШНОР, представивших педагогов на муниципальные конкурсы педагогического "
        "мастерства": schools,
        "Доля ШНОР, реализующих программы наставничества": schools,
        "Доля педагогических работников, прошедших диагностику профессиональных дефицитов": {
            "Альфа": f"1 из 2 (50{nbsp}%)", "Бета": f"3 из 3 (100{nbsp}%)", "Гамма": "—",
            "Итого по региону": f"4 из 5 (80{nbsp}%)"},     # not the mean of 50 % and 100 %
        "Доля педагогических работников, имеющих индивидуальные программы развития": none_of,
        "Доля мероприятий, выполненных в срок": dict.fromkeys(none_of, "—"),   # no measures
        "Доля мероприятий с принятыми подтверждающими документами": dict.fromkeys(none_of, "—"),
    }
    assert table[0] == ["Муниципальное образование", *expected]
    for column, title in enumerate(expected, start=1):
        assert {row[0]: row[column] for row in table[1:]} == expected[title], title
    region = cells(document, "№ п/п")
    facts = {row[1]: (row[3], row[4]) for row in region[1:]}
    assert facts["Доля педагогических работников, прошедших диагностику профессиональных "
                 "дефицитов"] == (f"80{nbsp}%", "4 из 5")
    assert facts["Доля ШНОР, реализующих программы наставничества"] == (f"0{nbsp}%", "0 из 2")
    assert all(row[2] == "—" for row in region[1:])                 # no targets were set
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Школ с низкими результатами: 1, из них в проекте «500+»: 0." in text
    assert "Школ с низкими результатами: 0, из них в проекте «500+»: 0." in text   # Гамма


def test_regional_summary_counts_the_submitted_municipalities_and_names_the_missing(app):
    """Once a municipality submits, the summary counts only those that did (their submitted
    figures, «*» until approved) and names the others."""
    from tracker.auth.models import Role
    from tracker.closing import services as closing
    from tracker.closing.lifecycle import Step
    region = factories.make_region("Область")
    category = factories.make_category(region)
    domain = teacher_factories.make_domain()
    municipalities = {}
    for name, teachers, diagnosed in (("Альфа", 2, 1), ("Бета", 3, 3)):
        municipality = municipalities[name] = factories.make_municipality(region, name)
        school = factories.make_school(municipality, category=category)
        for n in range(teachers):
            teacher = teacher_factories.make_teacher(school)
            if n < diagnosed:
                teacher_factories.make_diagnostic(teacher, domain)
    coordinator = factories.make_user(Role.COORDINATOR, municipality=municipalities["Бета"])
    db.session.commit()
    closing.take_step(municipality=municipalities["Бета"], period=H1, step=Step.SUBMIT,
                      user=coordinator, confirmed=True)
    db.session.commit()
    document = Document(BytesIO(build_regional_report(region, H1)))
    table = cells(document, "Муниципальное образование")
    column = next(i for i, title in enumerate(table[0]) if "диагностику" in title)
    nbsp = "\u00a0"
    assert {row[0]: row[column] for row in table[1:]} == {
        "Альфа": "—", "Бета*": f"3 из 3 (100{nbsp}%)",
        "Итого по региону": f"3 из 3 (100{nbsp}%)"}
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Не представили данные: Альфа." in text


def test_curator_visits_table_counts_the_records_of_the_half_year(app):
    """Planned (not cancelled), held and missed visits of the half-year, open recommendations and
    the last visit, per school a curator supported; each figure written out from the records."""
    from tracker.reports.halfyear import build_municipal_report
    region = factories.make_region()
    category = factories.make_category(region, "низкие результаты")
    town = factories.make_municipality(region)
    first = factories.make_school(town, "МБОУ «СОШ № 4»", category=category)
    second = factories.make_school(town, "МБОУ «СОШ № 9»", category=category)
    factories.make_school(town, "МБОУ «СОШ № 11»", category=category)   # no curator: no row
    curator = factories.make_user(Role.CURATOR, municipality=town)
    factories.make_assignment(curator, first)
    factories.make_assignment(curator, second)
    factories.make_visit(first, curator, planned_on=date(2022, 3, 1), visited_on=date(2022, 3, 2))
    factories.make_visit(first, curator, planned_on=date(2022, 5, 10), visited_on=None,
                         status="planned")                                 # missed by 30.06
    factories.make_visit(first, curator, planned_on=date(2022, 4, 1), visited_on=None,
                         status="cancelled")                               # not in the plan
    factories.make_visit(first, curator, planned_on=date(2022, 9, 1), visited_on=None,
                         status="planned")                                 # the next half-year
    held = factories.make_visit(second, curator, planned_on=date(2022, 6, 20),
                                visited_on=date(2022, 6, 20))
    factories.make_recommendation(held, due_on=date(2022, 9, 1))
    factories.make_recommendation(held, text="Закрыто", status="closed")
    db.session.commit()
    document = Document(BytesIO(build_municipal_report(town, H1)))
    visits = next(t for t in document.tables if t.rows[0].cells[1].text == "Запланировано")
    assert [c.text for c in visits.rows[0].cells] == [
        "Школа", "Запланировано", "Проведено визитов", "Пропущено визитов",
        "Открытые рекомендации", "Последнее посещение"]
    assert [[c.text for c in row.cells] for row in visits.rows[1:]] == [
        ["МБОУ «СОШ № 4»", "2", "1", "1", "0", "02.03.2022"],
        ["МБОУ «СОШ № 9»", "1", "1", "0", "1", "20.06.2022"]]


def test_a_half_year_without_visits_says_so_in_russian(app):
    from tracker.reports.halfyear import build_municipal_report
    region = factories.make_region()
    town = factories.make_municipality(region)
    factories.make_school(town, "МБОУ «СОШ № 4»", category=factories.make_category(region, "н"))
    db.session.commit()
    document = Document(BytesIO(build_municipal_report(town, H1)))
    assert "Визиты кураторов за полугодие не внесены." in [p.text for p in document.paragraphs]
    assert not any(t.rows[0].cells[1].text == "Запланировано" for t in document.tables
                   if len(t.columns) > 1)
