"""The work around listed schools: risk profiles, anti-risk programs with measures and evidence,
curator visits with follow-ups; per municipality: methodical events with participations;
indicator targets and entered values."""
import random
from datetime import UTC, date, datetime, timedelta

from tracker.indicators.defaults import DEFAULT_CATALOGUE

from benchmark.rows import RegionInfo, Rows, SchoolInfo, chance, day_between
from benchmark.scales import PERIOD

TODAY = PERIOD.ends_on  # the data are as of the end of the measured half-year
LEVELS = ("high", "medium", "low", "none")


def school_work(rows: Rows, rng: random.Random, school: SchoolInfo, directions: list[int]) -> None:
    if not school.is_listed:
        return
    chosen = _risk_profile(rows, rng, school, directions)
    for direction_id in chosen:
        _program(rows, rng, school, direction_id)
    _visits(rows, rng, school)
    if chance(rng, 0.5):
        rows.add("indicator_entered_values", code="methodical_dynamics", period=PERIOD.code,
                 school_id=school.id, flag=chance(rng, 0.7), entered_by_id=school.director_id)


def _risk_profile(rows: Rows, rng: random.Random, school: SchoolInfo,
                  directions: list[int]) -> list[int]:
    verified = chance(rng, 0.7)
    at = datetime(2021, 10, rng.randint(1, 28), 10, tzinfo=UTC) if verified else None
    profile_id = rows.add("risk_profiles", school_id=school.id, year=PERIOD.year,
                          verified_by_id=school.curator_id if verified else None, verified_at=at)
    chosen = []
    for direction_id in directions:
        level = rng.choices(LEVELS, (15, 30, 30, 25))[0]
        is_chosen = level in ("high", "medium") and len(chosen) < 3 and chance(rng, 0.45)
        if is_chosen:
            chosen.append(direction_id)
        rows.add("risk_profile_entries", profile_id=profile_id, direction_id=direction_id,
                 level=level, is_chosen=is_chosen, is_verified=verified,
                 verified_by_id=school.curator_id if verified else None, verified_at=at)
    return chosen


def _program(rows: Rows, rng: random.Random, school: SchoolInfo, direction_id: int) -> None:
    status = rng.choices(("approved", "in_review", "returned", "draft"), (60, 15, 10, 15))[0]
    program_id = rows.add("anti_risk_programs", school_id=school.id, direction_id=direction_id,
                          goal="Снижение доли обучающихся с рисками учебной неуспешности",
                          tasks="Провести диагностику\nОрганизовать повышение квалификации\n"
                                "Обеспечить методическое сопровождение",
                          responsible="заместитель директора по УВР", status=status)
    rows.add("program_indicators", program_id=program_id, name="Доля педагогов, прошедших КПК",
             unit="%", baseline=str(rng.randint(30, 70)), target="100")
    for number in range(rng.randint(4, 8)):
        _measure(rows, rng, school, program_id, number)


def _measure(rows: Rows, rng: random.Random, school: SchoolInfo, program_id: int,
             number: int) -> None:
    due_on = day_between(rng, date(2021, 10, 1), date(2022, 12, 20))
    done_on, reason = None, ""
    if due_on <= TODAY:
        status = rng.choices(("done", "confirmed", "not_done", "postponed", "in_progress"),
                             (40, 30, 10, 10, 10))[0]
    else:
        status = rng.choices(("planned", "in_progress", "done"), (60, 30, 10))[0]
    if status in ("done", "confirmed"):
        late = chance(rng, 0.25)
        done_on = min(TODAY, due_on + timedelta(days=rng.randint(1, 30) if late
                                                else -rng.randint(0, 20)))
    elif status in ("not_done", "postponed"):
        reason = "нет специалиста" if status == "not_done" else "перенесено на следующий год"
    measure_id = rows.add("measures", program_id=program_id, task="Провести диагностику",
                          title=f"Мероприятие {number + 1}", due_on=due_on,
                          responsible="заместитель директора", status=status, reason=reason,
                          done_on=done_on, evidence_kind="справка")
    if done_on and chance(rng, 0.85):
        _evidence(rows, rng, school, measure_id, done_on)


def _evidence(rows: Rows, rng: random.Random, school: SchoolInfo, measure_id: int,
              done_on: date) -> None:
    uploaded = datetime(done_on.year, done_on.month, done_on.day, 9, tzinfo=UTC)
    attempts = 2 if chance(rng, 0.1) else 1  # a re-upload after «требует доработки»
    replaced = None
    for attempt in range(attempts):
        verdict = "needs_work" if attempt < attempts - 1 else rng.choices(
            ("accepted", "pending", "needs_work"), (70, 20, 10))[0]
        reviewed = verdict != "pending"
        replaced = rows.add(
            "evidence", measure_id=measure_id, replaces_id=replaced,
            stored_name=f"{rng.getrandbits(128):032x}", original_name="справка.pdf",
            content_type="application/pdf", size=rng.randint(20_000, 900_000),
            uploaded_by_id=school.director_id, uploaded_at=uploaded, verdict=verdict,
            reviewed_by_id=school.curator_id if reviewed else None,
            reviewed_at=uploaded + timedelta(days=3) if reviewed else None)


def _visits(rows: Rows, rng: random.Random, school: SchoolInfo) -> None:
    for _ in range(rng.randint(2, 5)):
        planned_on = day_between(rng, date(2021, 9, 15), date(2022, 9, 30))
        if planned_on > TODAY:
            status, visited_on = "planned", None
        else:
            status = rng.choices(("completed", "cancelled", "planned"), (90, 5, 5))[0]
            visited_on = planned_on if status == "completed" else None
        visit_id = rows.add(
            "visits", school_id=school.id, curator_id=school.curator_id, planned_on=planned_on,
            visited_on=visited_on, kind=rng.choice(("setup", "consultation", "monitoring")),
            format=rng.choice(("in_person", "in_person", "remote")), status=status,
            purpose="Методическое сопровождение", risk_profile_discussed=chance(rng, 0.5),
            documents_sound=chance(rng, 0.6), measures_on_time=chance(rng, 0.6),
            evidence_present=chance(rng, 0.5))
        if visited_on and chance(rng, 0.5):
            rows.add("recommendations", visit_id=visit_id,
                     text="Обновить план работы с обучающимися с рисками",
                     due_on=visited_on + timedelta(days=30),
                     status=rng.choice(("open", "answered", "closed", "returned")))


EVENTS = (("competition", "municipal", "Конкурс «Учитель года»"),
          ("competition", "municipal", "Конкурс методических разработок"),
          ("competition", "regional", "Региональный конкурс «Педагогический дебют»"),
          ("school_to_school", "municipal", "Семинар «Школа – школе»"),
          ("conference", "municipal", "Августовская педагогическая конференция"),
          ("webinar", "regional", "Вебинар по функциональной грамотности"))


def municipal_events(rows: Rows, rng: random.Random, municipality_id: int,
                     schools: list[SchoolInfo]) -> None:
    for period in (PERIOD.previous(), PERIOD):
        for kind, level, title in EVENTS:
            host = rng.choice(schools)
            event_id = rows.add(
                "methodical_events", municipality_id=municipality_id, title=title, kind=kind,
                level=level, held_on=day_between(rng, period.starts_on, period.ends_on),
                host_school_id=host.id if kind == "school_to_school" else None)
            taking_part = 0.6 if kind == "competition" else 0.35
            for school in schools:
                if school is host and kind == "school_to_school":
                    role = "organizer"
                elif chance(rng, taking_part):
                    role = rng.choices(("participant", "winner", "diploma_1", "diploma_2",
                                        "diploma_3", "presented"), (70, 5, 5, 5, 5, 10))[0]
                else:
                    continue
                rows.add("event_participations", event_id=event_id, school_id=school.id,
                         role=role, teachers=rng.randint(1, 4))


TARGETED = [i.code for i in DEFAULT_CATALOGUE if i.is_computed and i.unit == "percent"]


def targets(rows: Rows, rng: random.Random, region: RegionInfo) -> None:
    """Plans of the region and of each municipality: the measured half-year and the three
    before it (the trend chart draws them)."""
    periods = [PERIOD, PERIOD.previous(), PERIOD.previous().previous()]
    levels = [("region_id", region.id)] + [("municipality_id", m)
                                           for m in region.municipality_ids]
    for column, level_id in levels:
        for period in periods:
            for code in TARGETED:
                rows.add("indicator_targets", code=code, period=period.code,
                         value=rng.choice((60, 70, 80, 90, 100)), **{column: level_id})
