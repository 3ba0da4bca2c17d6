"""Teachers and their records: diagnostics with results per domain, development plans with
items, course completions over the last years, mentoring programs and pairs (docs/domain.md).
Shares follow the reference report for low-result schools, lower elsewhere."""
import random
from datetime import date

from tracker.teachers.demo_data import (ACTIVITY_FOR_DOMAIN, COURSES, DEFICITS, DOMAINS, FATHERS,
                                        FEMALE_NAMES, MALE_NAMES, MALE_SURNAMES, POSITIONS)
from tracker.teachers.models import name_key

from benchmark.rows import Rows, SchoolInfo, chance, day_between
from benchmark.scales import PERIOD

# share of teachers: (listed school, other school)
DIAGNOSED = (0.83, 0.4)
APPROVED_PLAN = (0.5, 0.2)
DRAFT_PLAN = (0.12, 0.05)
RECENT_COURSE = (0.985, 0.9)
RUNS_MENTORING = (0.85, 0.3)
GENERIC_DEFICITS = ("работа с обучающимися с рисками учебной неуспешности",)
PLAN_PERIODS = (PERIOD.previous().code, PERIOD.code)


def school_staff(rows: Rows, rng: random.Random, school: SchoolInfo, teachers: int,
                 domains: list[tuple[int, str]]) -> None:
    """`domains`: (id, name) of the deficit domains the database holds."""
    share = 0 if school.is_listed else 1
    names: set[str] = set()
    for _ in range(teachers):
        teacher_id = _teacher(rows, rng, school, names)
        diagnostic_id = _diagnostics(rows, rng, teacher_id, domains, DIAGNOSED[share])
        _plans(rows, rng, teacher_id, diagnostic_id, share)
        _courses(rows, rng, teacher_id, RECENT_COURSE[share])
    if chance(rng, RUNS_MENTORING[share]):
        _mentoring(rows, rng, school)


def _teacher(rows: Rows, rng: random.Random, school: SchoolInfo, names: set[str]) -> int:
    while True:
        surname, father = rng.choice(MALE_SURNAMES), rng.choice(FATHERS)
        if chance(rng, 0.8):
            full_name = f"{surname}а {rng.choice(FEMALE_NAMES)} {father}на"
        else:
            full_name = f"{surname} {rng.choice(MALE_NAMES)} {father}ич"
        if name_key(full_name) not in names:
            break
    names.add(name_key(full_name))
    position, subjects = rng.choice(POSITIONS[:1] * 8 + POSITIONS[1:])
    teacher_id = rows.add("teachers", school_id=school.id, full_name=full_name,
                          name_key=name_key(full_name), position=position,
                          subjects=rng.choice(subjects), experience_years=rng.randint(0, 45),
                          is_active=chance(rng, 0.96))
    school.teacher_ids.append(teacher_id)
    return teacher_id


def _diagnostics(rows: Rows, rng: random.Random, teacher_id: int,
                 domains: list[tuple[int, str]], share: float) -> int | None:
    if not chance(rng, share):
        return None
    held = [day_between(rng, date(2021, 9, 1), date(2022, 5, 31))]
    if chance(rng, 0.15):
        held.append(day_between(rng, date(2020, 10, 1), date(2021, 5, 31)))
    latest = None
    for held_on in held:
        diagnostic_id = rows.add(
            "diagnostics", teacher_id=teacher_id, held_on=held_on,
            provider=rng.choice(("cnppm", "cnppm", "iro", "school", "other")))
        latest = latest or diagnostic_id
        for domain_id, name in domains:
            score = rng.randint(20, 100)
            level = "high" if score >= 75 else "medium" if score >= 50 else "low"
            rows.add("diagnostic_results", diagnostic_id=diagnostic_id, domain_id=domain_id,
                     score=score, level=level,
                     deficits="" if level == "high" else rng.choice(
                         DEFICITS.get(name, GENERIC_DEFICITS)))
    return latest


def _plans(rows: Rows, rng: random.Random, teacher_id: int, diagnostic_id: int | None,
           share: int) -> None:
    for period in PLAN_PERIODS:
        draw = rng.random()
        if draw < APPROVED_PLAN[share]:
            status = "done" if chance(rng, 0.1) else "approved"
        elif draw < APPROVED_PLAN[share] + DRAFT_PLAN[share]:
            status = "draft"
        else:
            continue
        plan_id = rows.add("development_plans", teacher_id=teacher_id, period=period,
                           status=status, diagnostic_id=diagnostic_id)
        for _ in range(rng.randint(1, 3)):
            domain = rng.choice(DOMAINS)
            rows.add("plan_items", plan_id=plan_id, deficit=rng.choice(DEFICITS[domain]),
                     activity=ACTIVITY_FOR_DOMAIN[domain],
                     due_on=day_between(rng, date(2021, 10, 1), date(2022, 12, 20)),
                     result_form="справка", is_done=status == "done" or chance(rng, 0.4))


def _courses(rows: Rows, rng: random.Random, teacher_id: int, share: float) -> None:
    taken: set[tuple[str, date]] = set()
    windows = []
    if chance(rng, share):
        windows.append((date(2019, 7, 1), PERIOD.ends_on))
        if chance(rng, 0.4):
            windows.append((date(2020, 1, 1), PERIOD.ends_on))
    if chance(rng, 0.3):
        windows.append((date(2016, 1, 1), date(2019, 6, 30)))  # older than three years
    for start, end in windows:
        title, hours, registry, topic = rng.choice(COURSES)
        completed_on = day_between(rng, start, end)
        if (title, completed_on) in taken:
            continue
        taken.add((title, completed_on))
        rows.add("course_completions", teacher_id=teacher_id, program_title=title,
                 provider=rng.choice(("academy", "iro", "iro", "other")), hours=hours,
                 completed_on=completed_on, is_federal_registry=registry, topic=topic.value)


def _mentoring(rows: Rows, rng: random.Random, school: SchoolInfo) -> None:
    approved = chance(rng, 0.9)
    rows.add("mentoring_programs", school_id=school.id,
             title="Программа наставничества педагогических работников",
             approved_on=day_between(rng, date(2021, 8, 1), date(2022, 3, 1)) if approved
             else None, approval_order="приказ № 45-од" if approved else "")
    if len(school.teacher_ids) < 2:
        return
    for _ in range(rng.randint(1, 4)):
        mentor_id, mentee_id = rng.sample(school.teacher_ids, 2)
        status = rng.choices(("active", "finished", "cancelled"), (75, 20, 5))[0]
        starts_on = day_between(rng, date(2021, 9, 1), date(2022, 2, 1))
        rows.add("mentorships", school_id=school.id, mentor_id=mentor_id, mentee_id=mentee_id,
                 form=rng.choice(("teacher_teacher", "peer_to_peer", "experienced_young")),
                 starts_on=starts_on, status=status,
                 ends_on=date(2022, 5, 31) if status == "finished" else None)
