"""Demo: the concept documents, anti-risk programs and measures of the three 500+ schools as the
reference report describes them (1 полугодие 2022), in mixed statuses, with generated evidence
files and some of the curator's verdicts."""
from datetime import UTC, date, datetime

from tracker.db import db
from tracker.demo import data
from tracker.programs.demo_files import store
from tracker.programs.measure_models import Evidence, Measure, MeasureComment
from tracker.programs.models import (AntiRiskProgram, ConceptDocument, DocumentVersion,
                                     ProgramIndicator, ReviewTransition)
from tracker.risks.demo import (COMPETENCE, ENVIRONMENT, EQUIPMENT, FAILURE, STAFF, TRAINING)

S5, S7, S17 = "МАОУ «СОШ № 5»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»", "МБОУ «СОШ № 17»"
D = date


def at(day: date, hour: int = 3) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


# evidence: (file name or https link, verdict, curator's comment)
ACCEPTED, PENDING, RETURNED = "accepted", "pending", "needs_work"

# school -> direction -> (review status, goal, tasks, indicators, measures)
# measure: (task number, title, due date, responsible, status, evidence, reason)
PROGRAMS = {
    S5: {
        STAFF: ("approved", "Укомплектовать школу педагогическими кадрами",
                ["Привлечь в школу узких специалистов", "Закрепить молодых педагогов"],
                [("Количество трудоустроенных педагогических работников", "чел.", "0", "3")],
                [(1, "Трудоустройство педагогических работников (логопед, педагог-психолог, "
                     "педагог-организатор)", D(2022, 4, 30), "Директор", "confirmed",
                  [("Приказы о приёме на работу.pdf", ACCEPTED, "")], "")]),
        COMPETENCE: ("approved", "Повысить предметную и методическую компетентность педагогов",
                     ["Запустить школьный проект профессионального роста",
                      "Наладить мониторинг педагогической деятельности"],
                     [("Доля педагогов, участвующих в проекте", "%", "0", "60")],
                     [(1, "Школьный проект «Развитие социального капитала МАОУ «СОШ № 5» как "
                          "условие профессионального роста педагогов»", D(2022, 3, 31),
                       "Заместитель директора по НМР", "done",
                       [("Приказ о запуске проекта.pdf", PENDING, "")], ""),
                      (2, "Мониторинг педагогической деятельности педагогических работников "
                          "по приказу по школе", D(2022, 4, 15), "Заместитель директора по УВР",
                       "done", [("Справка по итогам мониторинга.docx", RETURNED,
                                 "Приложите приказ школы о проведении мониторинга и сводную "
                                 "таблицу результатов.")], ""),
                      (1, "Практико-ориентированный семинар «Использование цифровых ресурсов "
                          "в образовательном процессе»", D(2022, 10, 14),
                       "Заместитель директора по НМР", "planned", [], "")]),
        FAILURE: ("approved", "Снизить долю обучающихся с рисками учебной неуспешности",
                  ["Внедрить критериальное оценивание", "Изучить мотивацию обучающихся"],
                  [("Доля учителей, применяющих критериальное оценивание", "%", "15", "80")],
                  [(1, "Внедрение технологии критериального оценивания образовательных "
                       "результатов", D(2022, 5, 20), "Заместитель директора по УВР",
                    "confirmed", [("Положение о критериальном оценивании.docx", ACCEPTED, "")],
                    ""),
                   (2, "Исследование удовлетворённости школьной жизнью и уровня мотивации",
                    D(2022, 5, 31), "Педагог-психолог", "done",
                    [("Результаты исследования мотивации.xlsx", ACCEPTED, "")], ""),
                   (1, "Представление опыта «Формирующее оценивание в школе. Формы, методы и "
                       "ресурсы»", D(2022, 11, 30), "Заместитель директора по НМР",
                    "planned", [], "")]),
    },
    S7: {
        EQUIPMENT: ("approved", "Обеспечить учебные кабинеты необходимым оборудованием",
                    ["Оценить оснащённость кабинетов", "Организовать закупки"],
                    [("Доля кабинетов, оснащённых по нормативу", "%", "45", "70")],
                    [(1, "Мониторинг обеспечения оборудованием учебных кабинетов и перечень "
                         "оборудования для закупки", D(2022, 3, 31), "Заместитель директора по АХЧ",
                      "confirmed", [("Перечень необходимого оборудования.xlsx", ACCEPTED, "")],
                      ""),
                     (2, "Заключение контракта на покупку учебников", D(2022, 5, 31),
                      "Директор", "done", [("Контракт на поставку учебников.pdf", PENDING, "")],
                      "")]),
        STAFF: ("approved", "Обеспечить подготовку педагогических кадров для школы",
                ["Организовать целевое обучение", "Вести профориентацию на педагогические "
                 "профессии"],
                [("Количество выпускников, направленных на целевое обучение", "чел.", "0", "3")],
                [(1, "Договор с ТЛТУ на обучение 3 выпускников 9-х классов по направлению "
                     "«Учитель начальных классов»", D(2022, 6, 15), "Директор", "done",
                  [("Договор о целевом обучении.pdf", ACCEPTED, "")], ""),
                 (1, "Заявка на целевое обучение выпускников 11-х классов", D(2022, 6, 30),
                  "Директор", "done", [("Заявка на целевое обучение.pdf", PENDING, "")], ""),
                 (2, "Профориентационные мероприятия по педагогическим профессиям",
                  D(2022, 12, 20), "Педагог-организатор", "in_progress", [], ""),
                 (1, "Запрос ресурсов других организаций для реализации ООП в сетевой форме",
                  D(2022, 9, 30), "Директор", "planned", [], "")]),
        COMPETENCE: ("approved", "Повысить предметную и методическую компетентность педагогов",
                     ["Вовлечь педагогов в муниципальные методические мероприятия"],
                     [("Доля педагогов — участников ГМО и семинаров", "%", "40", "75")],
                     [(1, "Участие педагогов в городских семинарах «Школа – школе»",
                       D(2022, 5, 31), "Заместитель директора по НМР", "in_progress", [], "")]),
        TRAINING: ("approved", "Выстроить внутришкольную систему повышения квалификации",
                   ["Выявить профессиональные дефициты", "Составить индивидуальные карты "
                    "профессионального развития"],
                   [("Доля педагогов с индивидуальной картой развития", "%", "0", "100")],
                   [(1, "Мониторинг профессиональных дефицитов педагогических работников "
                        "(школьный и муниципальный)", D(2022, 4, 30), "Заместитель директора "
                        "по УВР", "done", [("Справка по мониторингу дефицитов.docx", ACCEPTED,
                                           "")], ""),
                    (2, "Формирование индивидуальных карт профессионального развития педагогов",
                     D(2022, 8, 31), "Заместитель директора по УВР", "in_progress", [], "")]),
        ENVIRONMENT: ("in_review", "Повысить качество образовательной и воспитательной среды",
                      ["Оценить комфортность среды"],
                      [("Доля удовлетворённых обучающихся", "%", "55", "70")],
                      [(1, "Диагностика комфортности образовательной среды", D(2022, 5, 31),
                        "Педагог-психолог", "postponed", [],
                        "Перенесено на сентябрь по решению педагогического совета")]),
    },
    S17: {
        COMPETENCE: ("approved", "Повысить предметную и методическую компетентность педагогов",
                     ["Выявить профессиональные затруднения", "Распространить эффективные "
                      "практики формирования читательской грамотности"],
                     [("Доля педагогов, прошедших диагностику затруднений", "%", "30", "90")],
                     [(1, "Мониторинг профессиональных затруднений и дефицитов педагогов",
                       D(2022, 3, 31), "Заместитель директора по УВР", "confirmed",
                       [("Справка по мониторингу затруднений.docx", ACCEPTED, "")], ""),
                      (1, "Результаты мониторинга на совещании и план работы", D(2022, 4, 15),
                       "Директор", "done", [("Протокол совещания.pdf", ACCEPTED, "")], ""),
                      (2, "Муниципальный семинар «Школа – школе» «Эффективные практики по "
                          "формированию читательской грамотности учащихся»", D(2022, 5, 23),
                       "Заместитель директора по НМР", "done",
                       [("Приказ МКУ ЦРО № 67 о семинаре.pdf", PENDING, "")], "")]),
        ENVIRONMENT: ("returned", "Повысить качество образовательной и воспитательной среды",
                      ["Изучить удовлетворённость участников образовательных отношений",
                       "Развивать проектную деятельность по профориентации"],
                      [("Доля родителей, удовлетворённых средой", "%", "60", "75")],
                      [(1, "Диагностика удовлетворённости и комфортности образовательной среды "
                           "(обучающиеся, родители)", D(2022, 4, 29), "Педагог-психолог", "done",
                        [("Справка по анкетированию.pdf", RETURNED,
                          "Нет сводной таблицы по классам: приложите её.")], ""),
                       (2, "Защита проектов обучающихся по профориентации", D(2022, 5, 27),
                        "Классные руководители", "done", [], "")]),
    },
}
PROGRAM_COMMENT = {S17: {ENVIRONMENT: "Уточните целевые показатели: укажите базовое значение "
                                      "по итогам анкетирования."}}


def _review(subject, *, director, curator, final: str, comment: str = "") -> None:
    """Transitions up to the final status: drafted, submitted, then the curator's answer."""
    submitted, answered = D(data.YEAR, 2, 25), D(data.YEAR, 3, 4)
    steps = [("draft", "in_review", director, submitted, "")]
    if final == "approved":
        steps.append(("in_review", "approved", curator, answered, ""))
    elif final == "returned":
        steps.append(("in_review", "returned", curator, answered, comment))
    for before, after, actor, day, text in steps:
        subject.transitions.append(ReviewTransition(from_status=before, to_status=after,
                                                    actor=actor, at=at(day), comment=text))
    subject.status = final
    subject.status_changed_at = at(steps[-1][3])


def load_programs(context) -> None:
    curator, coordinator = context.users["curator"], context.users["coordinator"]
    by_title = {}
    for short_name, programs in PROGRAMS.items():
        school = context.schools[short_name]
        director = context.users["director"] if short_name == S5 else context.users["admin"]
        for kind, title, final in (("concept", "Концепция развития на 2022–2024 годы",
                                    "approved"),
                                   ("medium_term", "Среднесрочная программа развития на 2022 год",
                                    "in_review" if short_name == S17 else "approved")):
            stored = store(f"{title}.docx", title)
            document = ConceptDocument(school=school, kind=kind, year=data.YEAR, title=title)
            document.versions.append(DocumentVersion(
                number=1, **stored.columns, uploaded_by=director,
                uploaded_at=at(D(data.YEAR, 2, 20))))
            _review(document, director=director, curator=curator, final=final)
            db.session.add(document)
        for direction_name, (final, goal, tasks, indicators, measures) in programs.items():
            program = AntiRiskProgram(
                school=school, direction=context.risk_directions[direction_name], goal=goal,
                tasks="\n".join(tasks), responsible="Директор, заместители директора",
                expected_results="Снижение уровня риска по направлению к концу 2022 года")
            program.indicators = [ProgramIndicator(name=n, unit=u, baseline=b, target=t)
                                  for n, u, b, t in indicators]
            _review(program, director=director, curator=curator, final=final,
                    comment=PROGRAM_COMMENT.get(short_name, {}).get(direction_name, ""))
            for task, title, due_on, responsible, status, evidence, reason in measures:
                measure = Measure(task=tasks[task - 1], title=title, due_on=due_on,
                                  responsible=responsible, status=status, reason=reason,
                                  expected_result="Выполнено в срок, подтверждено документами",
                                  evidence_kind="приказ, справка, протокол",
                                  done_on=due_on if status in ("done", "confirmed") else None)
                for name, verdict, comment in evidence:
                    measure.evidence.append(_evidence(name, verdict, comment, due_on,
                                                      director=director, curator=curator))
                program.measures.append(measure)
                by_title[title] = measure
            db.session.add(program)
    _comments(context, curator, coordinator, by_title)


def _evidence(name, verdict, comment, day, *, director, curator) -> Evidence:
    stored = store(name, name.rsplit(".", 1)[0])
    reviewed = verdict != PENDING
    return Evidence(**stored.columns, uploaded_by=director,
                    uploaded_at=at(day, 5), verdict=verdict, verdict_comment=comment,
                    reviewed_by=curator if reviewed else None,
                    reviewed_at=at(day, 9) if reviewed else None,
                    comment="Подтверждающий документ")


def _comments(context, curator, coordinator, by_title: dict[str, Measure]) -> None:
    thread = by_title["Мониторинг педагогической деятельности педагогических работников "
                      "по приказу по школе"]
    thread.comments = [
        MeasureComment(author=curator, at=at(D(2022, 4, 18)),
                       text="Справка принята к сведению, но без приказа мониторинг не "
                            "подтвердить."),
        MeasureComment(author=context.users["director"], at=at(D(2022, 4, 19)),
                       text="Приказ подписан, загрузим вместе со сводной таблицей."),
        MeasureComment(author=coordinator, at=at(D(2022, 4, 20)),
                       text="Прошу закрыть до конца апреля: мероприятие входит в отчёт "
                            "за полугодие."),
    ]
