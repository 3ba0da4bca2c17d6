"""The demo loader of teachers, diagnostics, plans, mentoring and courses (see demo_data)."""
import random
from datetime import date, timedelta

from sqlalchemy import select

from tracker.db import db
from tracker.teachers import demo_data as data
from tracker.teachers.models import (Activity, CourseCompletion, CourseProvider, DeficitDomain,
                                     DevelopmentPlan, Diagnostic, DiagnosticProvider,
                                     DiagnosticResult, Level, MentoringForm, MentoringProgram,
                                     Mentorship, MentorshipStatus, PlanItem, PlanStatus, Teacher,
                                     name_key)

PERIOD = "2022-H1"
H1_START, H1_END = date(2022, 1, 10), date(2022, 6, 25)
SCHOOL_YEAR = date(2021, 9, 1)  # the start of the school year of the half-year


def _day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, (end - start).days))


def _person(rng: random.Random) -> str:
    surname, father = rng.choice(data.MALE_SURNAMES), rng.choice(data.FATHERS)
    if rng.random() < 0.8:
        surname = surname[:-1] + "ая" if surname.endswith("ий") else surname + "а"
        return f"{surname} {rng.choice(data.FEMALE_NAMES)} {father}на"
    return f"{surname} {rng.choice(data.MALE_NAMES)} {father}ич"


def default_domains() -> dict[str, DeficitDomain]:
    """The default domains, created when missing (the migration also inserts them)."""
    existing = {d.name: d for d in db.session.scalars(select(DeficitDomain))}
    for position, name in enumerate(data.DOMAINS, start=1):
        if name not in existing:
            existing[name] = DeficitDomain(name=name, position=position)
            db.session.add(existing[name])
    return existing


def _teachers(rng, school, active: int, inactive: int) -> list[Teacher]:
    staff, keys = [], set()
    while len(staff) < active + inactive:
        full_name = _person(rng)
        if name_key(full_name) in keys:
            continue
        keys.add(name_key(full_name))
        position, subjects = rng.choice(data.POSITIONS[:1] * 8 + data.POSITIONS[1:])
        staff.append(Teacher(school=school, full_name=full_name, name_key=name_key(full_name),
                             position=position, subjects=rng.choice(subjects),
                             experience_years=rng.randint(0, 40),
                             is_active=len(staff) < active))
    db.session.add_all(staff)
    return staff


def _diagnose(rng, teacher, domains) -> Diagnostic:
    diagnostic = Diagnostic(teacher=teacher, held_on=_day(rng, date(2022, 2, 1), date(2022, 4, 29)),
                            provider=rng.choice([DiagnosticProvider.CNPPM] * 3
                                                + [DiagnosticProvider.IRO]))
    for name in data.DOMAINS:
        score = rng.randint(30, 95)
        level = Level.LOW if score < 50 else Level.MEDIUM if score < 75 else Level.HIGH
        deficits = rng.choice(data.DEFICITS[name]) if level != Level.HIGH else ""
        diagnostic.results.append(DiagnosticResult(domain=domains[name], score=score,
                                                   level=level, deficits=deficits))
    db.session.add(diagnostic)
    return diagnostic


def _plan(teacher, diagnostic, status) -> None:
    plan = DevelopmentPlan(teacher=teacher, period=PERIOD, status=status, diagnostic=diagnostic)
    for result in diagnostic.results:
        if result.deficits:
            plan.items.append(PlanItem(
                deficit=result.deficits, activity=data.ACTIVITY_FOR_DOMAIN[result.domain.name],
                due_on=date(2022, 6, 30), result_form="справка, сертификат",
                is_done=status == PlanStatus.APPROVED and result.score >= 45))
    if not plan.items:
        plan.items.append(PlanItem(deficit="поддержание квалификации",
                                   activity=Activity.SELF_STUDY, due_on=date(2022, 6, 30)))
    db.session.add(plan)


def _course(rng, teacher, provider, start, end, *,
            registry: bool | None = None) -> CourseCompletion:
    title, hours, in_registry, topic = rng.choice(
        [c for c in data.COURSES if registry is None or c[2] == registry])
    course = CourseCompletion(teacher=teacher, program_title=title, hours=hours,
                              provider=provider, completed_on=_day(rng, start, end),
                              is_federal_registry=in_registry, topic=topic)
    db.session.add(course)
    return course


def _courses_by_direction(rng, courses: list[CourseCompletion], eligible: list[Teacher]) -> None:
    """Municipal courses of the autumn of 2021 for teachers who already have a recent course, so
    that each direction's teachers in the school year 2021/22 are the reference's (the other
    course figures do not move: the providers' half-year tables and the three years' count)."""
    for topic, target in data.TOPIC_TEACHERS.items():
        have = {c.teacher for c in courses if c.topic == topic and c.completed_on >= SCHOOL_YEAR
                and c.teacher.is_active}
        title, hours = data.TOPIC_COURSES[topic]
        for teacher in rng.sample([t for t in eligible if t not in have], target - len(have)):
            db.session.add(CourseCompletion(
                teacher=teacher, program_title=title, hours=hours, provider=CourseProvider.OTHER,
                completed_on=_day(rng, date(2021, 9, 15), date(2021, 12, 20)),
                is_federal_registry=False, topic=topic))


def _mentoring(rng, short_name, school, staff) -> None:
    approved = None if short_name == data.WITHOUT_APPROVED_PROGRAM else date(2021, 9, 1)
    db.session.add(MentoringProgram(
        school=school, title="Программа наставничества педагогических работников",
        approved_on=approved, approval_order="приказ № 112" if approved else ""))
    people = rng.sample(staff, 6)
    for mentor, mentee in zip(people[::2], people[1::2]):
        db.session.add(Mentorship(school=school, mentor=mentor, mentee=mentee,
                                  form=rng.choice(list(MentoringForm)),
                                  starts_on=date(2021, 9, 15), status=MentorshipStatus.ACTIVE))
    db.session.add(Mentorship(school=school, mentor=people[0], mentee=people[-1],
                              form=MentoringForm.PEER_TO_PEER, starts_on=date(2020, 9, 1),
                              ends_on=date(2021, 5, 31), status=MentorshipStatus.FINISHED))


def load_teachers(context) -> None:
    rng = random.Random(data.SEED)
    domains = default_domains()
    active, inactive, by_school = [], [], {}
    for short_name, (n_active, n_inactive) in data.STAFF.items():
        school = context.schools[short_name]
        staff = _teachers(rng, school, n_active, n_inactive)
        by_school[short_name] = staff[:n_active]
        active += staff[:n_active]
        inactive += staff[n_active:]
        _mentoring(rng, short_name, school, staff[:n_active])

    diagnosed = rng.sample(active, data.DIAGNOSED)
    diagnostics = {t: _diagnose(rng, t, domains) for t in diagnosed + inactive}
    with_plan = rng.sample(diagnosed, data.WITH_APPROVED_PLAN + data.WITH_DRAFT_PLAN)
    for i, teacher in enumerate(with_plan + inactive):
        draft = data.WITH_APPROVED_PLAN <= i < len(with_plan)
        _plan(teacher, diagnostics[teacher], PlanStatus.DRAFT if draft else PlanStatus.APPROVED)

    without_course = set(rng.sample(active, data.WITHOUT_RECENT_COURSE))
    courses = []
    for i, teacher in enumerate(active + inactive):
        if teacher not in without_course:
            courses.append(_course(rng, teacher, rng.choice(list(CourseProvider)),
                                   date(2019, 8, 1), date(2021, 12, 20)))
        elif i % 2:  # an old course: outside the three years
            _course(rng, teacher, CourseProvider.IRO, date(2017, 9, 1), date(2019, 5, 31))

    for short_name, (in_registry, outside) in data.IRO_2022_H1.items():
        listeners = rng.sample([t for t in by_school[short_name] if t not in without_course],
                               in_registry + outside + data.ACADEMY_2022_H1.get(short_name, 0))
        for i, teacher in enumerate(listeners):
            if i < in_registry + outside:
                courses.append(_course(rng, teacher, CourseProvider.IRO, H1_START, H1_END,
                                       registry=i < in_registry))
            else:
                courses.append(_course(rng, teacher, CourseProvider.ACADEMY, H1_START, H1_END,
                                       registry=True))
    _courses_by_direction(rng, courses, [t for t in active if t not in without_course])
