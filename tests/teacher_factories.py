"""Factories for teachers and their records."""
from datetime import date
from itertools import count

from tracker.db import db
from tracker.teachers.models import (CourseCompletion, DeficitDomain, DevelopmentPlan,
                                     Diagnostic, DiagnosticResult, Mentorship, PlanItem, Teacher,
                                     name_key)

_seq = count(1)


def make_domain(name: str | None = None) -> DeficitDomain:
    domain = DeficitDomain(name=name or f"область {next(_seq)}")
    db.session.add(domain)
    db.session.flush()
    return domain


def make_teacher(school, full_name: str | None = None, *, is_active: bool = True) -> Teacher:
    full_name = full_name or f"Педагогова Мария Ивановна {next(_seq)}"
    teacher = Teacher(school=school, full_name=full_name, name_key=name_key(full_name),
                      position="учитель", subjects="математика", experience_years=5,
                      is_active=is_active)
    db.session.add(teacher)
    db.session.flush()
    return teacher


def make_diagnostic(teacher, domain, *, deficits: str = "формирующее оценивание",
                    held_on: date = date(2022, 3, 1)) -> Diagnostic:
    diagnostic = Diagnostic(teacher=teacher, held_on=held_on, provider="cnppm")
    diagnostic.results.append(DiagnosticResult(domain=domain, score=40, level="low",
                                               deficits=deficits))
    db.session.add(diagnostic)
    db.session.flush()
    return diagnostic


def make_plan(teacher, *, status: str = "approved", period: str = "2022-H1") -> DevelopmentPlan:
    plan = DevelopmentPlan(teacher=teacher, period=period, status=status)
    plan.items.append(PlanItem(deficit="формирующее оценивание", activity="course",
                               due_on=date(2022, 6, 30)))
    db.session.add(plan)
    db.session.flush()
    return plan


def make_course(teacher, *, provider: str = "iro", registry: bool = True,
                completed_on: date = date(2022, 3, 1), hours: int = 36) -> CourseCompletion:
    course = CourseCompletion(teacher=teacher, program_title=f"Программа {next(_seq)}",
                              provider=provider, hours=hours, completed_on=completed_on,
                              is_federal_registry=registry)
    db.session.add(course)
    db.session.flush()
    return course


def make_pair(mentor, mentee, *, starts_on: date = date(2021, 9, 1),
              ends_on: date | None = None) -> Mentorship:
    pair = Mentorship(school_id=mentor.school_id, mentor=mentor, mentee=mentee,
                      form="teacher_teacher", starts_on=starts_on, ends_on=ends_on)
    db.session.add(pair)
    db.session.flush()
    return pair

