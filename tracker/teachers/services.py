"""Changing teachers and their records. Services add and flush; callers commit."""
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from tracker import audit
from tracker.db import db
from tracker.errors import DomainError
from tracker.forms import ensure_version
from tracker.periods import BadPeriod, HalfYear
from tracker.teachers.models import (Activity, CourseCompletion, DeficitDomain, DevelopmentPlan,
                                     Diagnostic, DiagnosticResult, MentoringProgram, Mentorship,
                                     MentorshipStatus, PlanItem, PlanStatus, Teacher, name_key)
from tracker.visits.purge import remove_person

TEACHER_FIELDS = ("school_id", "full_name", "position", "subjects", "experience_years",
                  "is_active")
PLAN_FLOW = {PlanStatus.DRAFT: (PlanStatus.APPROVED,),
             PlanStatus.APPROVED: (PlanStatus.DONE, PlanStatus.DRAFT),
             PlanStatus.DONE: (PlanStatus.APPROVED,)}


class DuplicateTeacher(DomainError):
    message = _l("The school already has a teacher with this full name.")


class DuplicateRecord(DomainError):
    message = _l("Such a record already exists.")


class PlanExists(DomainError):
    message = _l("The teacher already has a plan for this half-year.")


class BadTransition(DomainError):
    message = _l("The plan cannot move to this status.")


class NotAPeriod(DomainError):
    message = _l("Enter a half-year as 2022-H1 or 2022-H2.")


class NotSameSchool(DomainError):
    message = _l("A pair is two different teachers of the school.")


def _ensure_unique_name(school_id: int, full_name: str, teacher_id: int | None = None) -> None:
    clash = db.session.scalar(select(Teacher.id).where(
        Teacher.school_id == school_id, Teacher.name_key == name_key(full_name),
        Teacher.id != (teacher_id or 0)))
    if clash is not None:
        raise DuplicateTeacher()


def create_teacher(*, school_id: int, full_name: str, position: str, subjects: str = "",
                   experience_years: int | None = None, is_active: bool = True) -> Teacher:
    full_name = " ".join(full_name.split())
    _ensure_unique_name(school_id, full_name)
    teacher = Teacher(school_id=school_id, full_name=full_name, name_key=name_key(full_name),
                      position=position.strip(), subjects=(subjects or "").strip(),
                      experience_years=experience_years, is_active=is_active)
    db.session.add(teacher)
    db.session.flush()
    return teacher


def update_teacher(teacher: Teacher, *, version, **fields) -> Teacher:
    ensure_version(teacher, version)
    fields["full_name"] = " ".join(fields["full_name"].split())
    _ensure_unique_name(fields["school_id"], fields["full_name"], teacher.id)
    for name in TEACHER_FIELDS:
        value = fields[name]
        setattr(teacher, name, value.strip() if isinstance(value, str) else value)
    teacher.name_key = name_key(teacher.full_name)
    db.session.flush()
    return teacher


def purge_teacher(teacher: Teacher) -> dict:
    """Remove the person's data on request (152-ФЗ) everywhere: the teacher's records stay,
    anonymized; the school's visits and the audit record name them by a pseudonym. Returns what
    was rewritten (counts and audit event ids, no names) for the audit of the purge itself."""
    pseudonym = f"Педагог № {teacher.id} (данные удалены)"
    names = {teacher.full_name}
    removed = remove_person(school_id=teacher.school_id, key=teacher.name_key, names=names,
                            pseudonym=pseudonym, key_of=name_key)
    teacher.full_name = pseudonym
    teacher.name_key = f"purged-{teacher.id}"
    teacher.subjects = ""
    teacher.experience_years = None
    teacher.is_active = False
    teacher.is_purged = True
    db.session.flush()
    rewritten = audit.pseudonymise(names | removed.names, pseudonym,
                                   municipality_id=teacher.audit_municipality_id)
    return {"visit_participants": removed.participants, "visit_texts": removed.texts,
            "audit_events": len(rewritten),
            "audit_event_ids": ", ".join(f"№ {event_id}" for event_id in rewritten)}


def record_diagnostic(*, teacher: Teacher, held_on: date, provider: str,
                      results: list[dict]) -> Diagnostic:
    """`results`: dicts of domain_id, score, level, deficits (domains without a level skipped)."""
    clash = db.session.scalar(select(Diagnostic.id).where(
        Diagnostic.teacher_id == teacher.id, Diagnostic.held_on == held_on,
        Diagnostic.provider == provider))
    if clash is not None:
        raise DuplicateRecord()
    diagnostic = Diagnostic(teacher=teacher, held_on=held_on, provider=provider)
    for result in results:
        if result.get("level"):
            diagnostic.results.append(DiagnosticResult(
                domain_id=result["domain_id"], score=result.get("score"), level=result["level"],
                deficits=(result.get("deficits") or "").strip()))
    db.session.add(diagnostic)
    db.session.flush()
    return diagnostic


def plan_from_diagnostic(diagnostic: Diagnostic, *, period: str) -> DevelopmentPlan:
    """A draft plan with one item per deficit the diagnostic found."""
    try:
        half_year = HalfYear.parse(period)
    except BadPeriod:
        raise NotAPeriod() from None
    clash = db.session.scalar(select(DevelopmentPlan.id).where(
        DevelopmentPlan.teacher_id == diagnostic.teacher_id,
        DevelopmentPlan.period == half_year.code))
    if clash is not None:
        raise PlanExists()
    plan = DevelopmentPlan(teacher=diagnostic.teacher, period=half_year.code,
                           diagnostic=diagnostic, status=PlanStatus.DRAFT)
    db.session.add(plan)
    for result, deficit in diagnostic.deficits:
        plan.items.append(PlanItem(deficit=f"{result.domain.name}: {deficit}"[:500],
                                   activity=Activity.COURSE, due_on=half_year.ends_on))
    db.session.flush()
    return plan


def set_plan_status(plan: DevelopmentPlan, *, status: str, version) -> None:
    ensure_version(plan, version)
    if status not in PLAN_FLOW.get(plan.status, ()):
        raise BadTransition()
    plan.status = status
    db.session.flush()


def add_plan_item(plan: DevelopmentPlan, *, deficit: str, activity: str, due_on: date | None,
                  result_form: str = "") -> PlanItem:
    item = PlanItem(plan=plan, deficit=deficit.strip(), activity=activity, due_on=due_on,
                    result_form=(result_form or "").strip())
    db.session.add(item)
    db.session.flush()
    return item


def toggle_item(item: PlanItem) -> None:
    item.is_done = not item.is_done
    db.session.flush()


def add_course(*, teacher: Teacher, program_title: str, provider: str, hours: int,
               completed_on: date, is_federal_registry: bool,
               topic: str | None = None) -> CourseCompletion:
    title = " ".join(program_title.split())
    clash = db.session.scalar(select(CourseCompletion.id).where(
        CourseCompletion.teacher_id == teacher.id, CourseCompletion.program_title == title,
        CourseCompletion.completed_on == completed_on))
    if clash is not None:
        raise DuplicateRecord()
    course = CourseCompletion(teacher=teacher, program_title=title, provider=provider,
                              hours=hours, completed_on=completed_on,
                              is_federal_registry=is_federal_registry, topic=topic or None)
    db.session.add(course)
    db.session.flush()
    return course


def add_mentorship(*, school_id: int, mentor: Teacher, mentee: Teacher, form: str,
                   starts_on: date) -> Mentorship:
    if mentor.id == mentee.id or {mentor.school_id, mentee.school_id} != {school_id}:
        raise NotSameSchool()
    pair = Mentorship(school_id=school_id, mentor=mentor, mentee=mentee, form=form,
                      starts_on=starts_on, status=MentorshipStatus.ACTIVE)
    db.session.add(pair)
    db.session.flush()
    return pair


def end_mentorship(pair: Mentorship, *, on: date) -> None:
    pair.ends_on = max(on, pair.starts_on)
    pair.status = MentorshipStatus.FINISHED
    db.session.flush()


def save_program(*, school_id: int, title: str, approved_on: date | None,
                 approval_order: str = "", version=None) -> MentoringProgram:
    program = db.session.scalar(select(MentoringProgram).where(
        MentoringProgram.school_id == school_id))
    if program is None:
        program = MentoringProgram(school_id=school_id)
        db.session.add(program)
    else:
        ensure_version(program, version)
    program.title, program.approved_on = title.strip(), approved_on
    program.approval_order = (approval_order or "").strip()
    db.session.flush()
    return program


def add_domain(*, name: str) -> DeficitDomain:
    name = " ".join(name.split())
    if db.session.scalar(select(DeficitDomain.id).where(
            func.lower(DeficitDomain.name) == name.lower())) is not None:
        raise DuplicateRecord()
    position = (db.session.scalar(select(func.max(DeficitDomain.position))) or 0) + 1
    domain = DeficitDomain(name=name, position=position)
    db.session.add(domain)
    db.session.flush()
    return domain
