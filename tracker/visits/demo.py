"""Demo visits: the demo curator's 2022-H1 visits to the three 500+ schools of Усть-Илимск.

At 30.06.2022 СОШ № 17 has not been visited since February: the coverage page flags it.
Recommendations concern the schools' verified risk directions and program measures; files are
generated and stored like uploads.
"""
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select

from tracker.db import db
from tracker.programs.demo_files import store
from tracker.programs.measure_models import Measure
from tracker.programs.models import AntiRiskProgram
from tracker.risks.demo import COMPETENCE, FAILURE, TRAINING
from tracker.visits.models import (NoteVisibility, Recommendation, RecommendationEvent, Visit,
                                   VisitAttachment, VisitNote, VisitParticipant)

SCHOOL_5, SCHOOL_7, SCHOOL_17 = ("МАОУ «СОШ № 5»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»",
                                 "МБОУ «СОШ № 17»")
TEAM_5 = [("Никитина Ольга Петровна", "директор"),
          ("Зайцева Ирина Львовна", "заместитель директора по УВР")]
MONITORING_5 = ("Мониторинг педагогической деятельности педагогических работников по приказу "
                "по школе")
CHECKED_ALL = dict(risk_profile_discussed=True, documents_sound=True, measures_on_time=True,
                   evidence_present=True)

# school, planned on, visited on (None: not done), status, kind, format, purpose, checklist,
# findings, participants, notes (text, for the school), recommendations (text, due, status,
# concerns: a risk direction's name and/or a measure's title, history [(login, action, text,
# file name or None)])
VISITS = (
    (SCHOOL_5, date(2022, 2, 3), date(2022, 2, 3), "completed", "setup", "in_person",
     "Знакомство с управленческой командой, предварительный анализ рискового профиля",
     dict(risk_profile_discussed=True), "Рисковый профиль в целом подтверждён; основные "
     "направления: низкая учебная мотивация, высокая доля обучающихся с рисками учебной "
     "неуспешности.",
     TEAM_5,
     [("Школа готова к работе по проекту; команда сформирована.", True)],
     [("Разработать концепцию развития школы с учётом подтверждённых рисковых направлений",
       date(2022, 3, 15), "closed", (None, None),
       [("director", "answered",
         "Концепция утверждена приказом от 11.03.2022, размещена на сайте.", None),
        ("curator", "closed", "Принято.", None)])]),
    (SCHOOL_5, date(2022, 3, 24), date(2022, 3, 24), "completed", "consultation", "in_person",
     "Консультирование по среднесрочной программе и антирисковым программам",
     CHECKED_ALL, "Среднесрочная программа разработана; в антирисковых программах не для "
     "всех мер указаны показатели.",
     TEAM_5,
     [("Рекомендованы вебинары ФИОКО по разработке антирисковых программ.", True),
      ("Директору нужна поддержка при распределении нагрузки в команде; "
       "обсудить с координатором.", False)],
     [("Дополнить справку по мониторингу педагогической деятельности приказом и сводной "
       "таблицей результатов",
       date(2022, 4, 29), "returned", (COMPETENCE, MONITORING_5),
       [("director", "answered", "Приказ и таблица подготовлены.", None),
        ("curator", "returned", "Сводная таблица не приложена к справке; дополнить.", None)]),
      ("Провести педагогический совет по результатам ВПР с анализом по классам",
       date(2022, 5, 20), "answered", (FAILURE, None),
       [("director", "answered", "Педсовет проведён 13.05.2022, протокол № 7.",
         "Протокол педсовета № 7 от 13.05.2022.pdf")])]),
    (SCHOOL_5, date(2022, 6, 2), date(2022, 6, 2), "completed", "monitoring", "remote",
     "Мониторинг выполнения мер антирисковых программ за полугодие",
     dict(CHECKED_ALL, lessons_observed=True, lessons_observed_count=3),
     "Меры выполняются в срок; подтверждающие документы загружены.",
     [("Никитина Ольга Петровна", "директор")], [],
     [("Организовать взаимопосещение уроков учителями начальных классов",
       date(2022, 6, 24), "open", (COMPETENCE, None), [])]),
    (SCHOOL_7, date(2022, 2, 10), date(2022, 2, 10), "completed", "setup", "in_person",
     "Первое посещение: знакомство со школой и её данными", dict(risk_profile_discussed=True),
     "Рисковый профиль требует уточнения по направлению «Низкое качество преодоления языковых "
     "и культурных барьеров».",
     [("Директор школы", "директор")], [], []),
    (SCHOOL_7, date(2022, 4, 14), date(2022, 4, 14), "completed", "consultation", "in_person",
     "Консультация по концептуальным документам", CHECKED_ALL,
     "Документы разработаны, требуют доработки разделов мониторинга.",
     [("Директор школы", "директор")], [],
     [("Дополнить программу развития разделом мониторинга", date(2022, 5, 13), "closed",
       (TRAINING, None),
       [("curator", "answered",
         "Раздел мониторинга добавлен (ответ внесён куратором со слов школы).", None),
        ("curator", "closed", "Принято.", None)])]),
    (SCHOOL_7, date(2022, 5, 26), date(2022, 5, 26), "completed", "monitoring", "in_person",
     "Мониторинг: посещение уроков", dict(CHECKED_ALL, lessons_observed=True,
                                          lessons_observed_count=4),
     "На уроках используются приёмы формирующего оценивания.", [("Директор школы", "директор")],
     [], []),
    (SCHOOL_7, date(2022, 6, 23), None, "planned", "final", "in_person",
     "Итоговое посещение за полугодие", {}, "", [], [], []),
    (SCHOOL_17, date(2022, 2, 17), date(2022, 2, 17), "completed", "setup", "in_person",
     "Первое посещение: знакомство с управленческой командой", dict(risk_profile_discussed=True),
     "Команда школы сформирована; рисковый профиль обсуждён.", [("Директор школы", "директор")],
     [], [("Назначить ответственного за загрузку подтверждающих документов", date(2022, 3, 31),
           "open", (COMPETENCE, None), [])]),
    (SCHOOL_17, date(2022, 4, 21), None, "cancelled", "consultation", "remote",
     "Консультация по антирисковым программам", {}, "", [], [], []),
)
# (school, planned on) -> files the curator attached: (file name, for the school)
ATTACHMENTS = {
    (SCHOOL_5, date(2022, 3, 24)): [("Лист посещения МАОУ «СОШ № 5» 24.03.2022 (подписан).pdf",
                                     True),
                                    ("Рабочие заметки куратора 24.03.2022.docx", False)],
    (SCHOOL_7, date(2022, 5, 26)): [("Карта наблюдения урока 26.05.2022.xlsx", True)],
}


def load_visits(context) -> None:
    curator = context.users["curator"]
    for (school, planned_on, visited_on, status, kind, format, purpose, checklist, findings,
         participants, notes, recommendations) in VISITS:
        visit = Visit(school=context.schools[school], curator=curator, planned_on=planned_on,
                      visited_on=visited_on, status=status, kind=kind, format=format,
                      purpose=purpose, findings=findings, **checklist)
        visit.participants = [VisitParticipant(name=name, position=position, position_in_list=i)
                              for i, (name, position) in enumerate(participants)]
        visit.notes = [VisitNote(author=curator, text=text, created_at=_at(planned_on),
                                 visibility=_visibility(for_school))
                       for text, for_school in notes]
        visit.attachments = [_attachment(name, for_school, curator, planned_on)
                             for name, for_school in ATTACHMENTS.get((school, planned_on), ())]
        for text, due_on, state, (direction, measure), history in recommendations:
            visit.recommendations.append(Recommendation(
                text=text, due_on=due_on, status=state, created_at=_at(planned_on),
                risk_direction=context.risk_directions[direction] if direction else None,
                measure=_measure(visit.school, measure) if measure else None,
                events=[_event(context.users[login], action, note, file_name,
                               _at(due_on - timedelta(days=4 - 2 * step)))
                        for step, (login, action, note, file_name) in enumerate(history)]))
        db.session.add(visit)


def _visibility(for_school: bool) -> str:
    return NoteVisibility.SCHOOL if for_school else NoteVisibility.INTERNAL


def _attachment(name: str, for_school: bool, curator, day: date) -> VisitAttachment:
    stored = store(name, name.rsplit(".", 1)[0])
    return VisitAttachment(**stored.columns,
                           visibility=_visibility(for_school), uploaded_by=curator,
                           created_at=_at(day))


def _event(author, action: str, text: str, file_name: str | None,
           at: datetime) -> RecommendationEvent:
    stored = store(file_name, file_name.rsplit(".", 1)[0]) if file_name else None
    return RecommendationEvent(author=author, action=action, text=text, at=at,
                               **(stored.columns if stored else {}))


def _measure(school, title: str) -> Measure:
    """A measure of the school's programs, loaded (and flushed) by the programs' demo before."""
    return db.session.scalars(select(Measure).join(AntiRiskProgram).where(
        AntiRiskProgram.school_id == school.id, Measure.title == title)).one()


def _at(day: date) -> datetime:
    """Demo records are dated in 2022, when they would have been written (UTC)."""
    return datetime.combine(day, time(8, 0), tzinfo=UTC)
