"""Plain factory functions for tests. They add and flush; tests commit when they need to."""
from datetime import date
from functools import lru_cache
from itertools import count

from argon2 import PasswordHasher

from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.schools.models import (LegalForm, Municipality, Region, ResultCategory, School,
                                    SchoolYearStatus)

from tests.upload_corpus import PDF

PASSWORD = "correct-horse-42"
_seq = count(1)


def _n() -> int:
    return next(_seq)


@lru_cache(maxsize=1)
def _password_hash() -> str:
    """Hashing with argon2 costs ~50 ms: hash the shared test password once."""
    return PasswordHasher().hash(PASSWORD)


def make_region(name: str | None = None) -> Region:
    region = Region(name=name or f"Область {_n()}")
    db.session.add(region)
    db.session.flush()
    return region


def make_category(region: Region | None = None, name: str | None = None) -> ResultCategory:
    category = ResultCategory(region=region or make_region(), name=name or f"категория {_n()}")
    db.session.add(category)
    db.session.flush()
    return category


def make_municipality(region: Region | None = None, name: str | None = None) -> Municipality:
    municipality = Municipality(region=region or make_region(), name=name or f"Город {_n()}")
    db.session.add(municipality)
    db.session.flush()
    return municipality


def make_legal_form(name: str | None = None) -> LegalForm:
    legal_form = LegalForm(name=name or f"МОУ-{_n()}")
    db.session.add(legal_form)
    db.session.flush()
    return legal_form


def make_group_kind(name: str | None = None, *, is_cluster: bool = False):
    from tracker.network.group_models import GroupKind
    kind = GroupKind(name=name or f"Группа-{_n()}", is_cluster=is_cluster)
    db.session.add(kind)
    db.session.flush()
    return kind


def make_school(municipality: Municipality | None = None, short_name: str | None = None,
                *, category: ResultCategory | None = None, year: int = 2022,
                project_500: bool = False, org_type: str = "oo",
                parent: School | None = None) -> School:
    municipality = municipality or make_municipality()
    n = _n()
    school = School(municipality=municipality, short_name=short_name or f"МБОУ «СОШ № {n}»",
                    full_name=f"Муниципальное бюджетное общеобразовательное учреждение № {n}",
                    legal_form="МБОУ", org_type=org_type, parent=parent)
    if category is not None or project_500:
        school.year_statuses.append(SchoolYearStatus(year=year, category=category,
                                                     is_project_500=project_500))
    db.session.add(school)
    db.session.flush()
    return school


def make_user(role: str = Role.ADMIN, *, school: School | None = None,
              municipality: Municipality | None = None, region: Region | None = None,
              login: str | None = None, is_active: bool = True) -> User:
    if role == Role.DIRECTOR:
        school = school or make_school()
    if school is not None:
        municipality = municipality or school.municipality
    if role == Role.COORDINATOR:
        municipality = municipality or make_municipality()
    if municipality is not None:
        region = region or municipality.region
    if role in (Role.REGIONAL, Role.CURATOR):
        region = region or make_region()
    user = User(login=login or f"{role}{_n()}", full_name=f"Тестов {role} {_n()}", role=role,
                school=school, municipality=municipality, region=region,
                password_hash=_password_hash(), is_active=is_active)
    db.session.add(user)
    db.session.flush()
    return user


def make_assignment(curator: User, school: School, *, starts_on: date = date(2022, 1, 10),
                    ends_on: date | None = None) -> CuratorAssignment:
    assignment = CuratorAssignment(curator=curator, school=school, starts_on=starts_on,
                                   ends_on=ends_on)
    db.session.add(assignment)
    db.session.flush()
    return assignment


def make_visit(school: School, curator: User, *, planned_on: date = date(2022, 3, 1),
               visited_on: date | None = date(2022, 3, 1), status: str = "completed",
               kind: str = "consultation", format: str = "in_person"):
    from tracker.visits.models import Visit
    visit = Visit(school=school, curator=curator, planned_on=planned_on, visited_on=visited_on,
                  status=status, kind=kind, format=format)
    db.session.add(visit)
    db.session.flush()
    return visit


def make_recommendation(visit, *, text: str = "Провести педсовет", due_on: date = date(2022, 4, 1),
                        status: str = "open"):
    from tracker.visits.models import Recommendation
    recommendation = Recommendation(visit=visit, text=text, due_on=due_on, status=status)
    db.session.add(recommendation)
    db.session.flush()
    return recommendation


def make_note(visit, author: User, text: str = "Заметка", *, for_school: bool = True):
    from tracker.visits.models import VisitNote
    note = VisitNote(visit=visit, author=author, text=text,
                     visibility="school" if for_school else "internal")
    db.session.add(note)
    db.session.flush()
    return note


def make_attachment(visit, uploader: User, *, name: str = "Лист посещения.pdf",
                    data: bytes = PDF, for_school: bool = True):
    from tracker import storage
    from tracker.visits.models import VisitAttachment
    stored = storage.save_bytes(name, data)
    attachment = VisitAttachment(
        visit=visit, uploaded_by=uploader, **stored.columns,
        visibility="school" if for_school else "internal")
    db.session.add(attachment)
    db.session.flush()
    return attachment


def make_answer(recommendation, author: User, *, text: str = "Выполнено",
                file_name: str | None = "Протокол.pdf", data: bytes = PDF):
    """The school's answer to a recommendation, with an evidence file unless file_name is None."""
    from tracker import storage
    from tracker.visits.models import RecommendationEvent
    stored = storage.save_bytes(file_name, data) if file_name else None
    event = RecommendationEvent(recommendation=recommendation, author=author, action="answered",
                                text=text, **(stored.columns if stored else {}))
    recommendation.status = "answered"
    db.session.add(event)
    db.session.flush()
    return event


def make_event(municipality: Municipality | None = None, *, kind: str = "competition",
               level: str = "municipal", held_on: date = date(2022, 4, 20),
               title: str | None = None, host: School | None = None):
    from tracker.network.event_models import MethodicalEvent
    event = MethodicalEvent(municipality=municipality or make_municipality(),
                            title=title or f"Мероприятие {_n()}", kind=kind, level=level,
                            held_on=held_on, host_school=host)
    db.session.add(event)
    db.session.flush()
    return event


def make_participation(event, school: School, role: str = "participant", nomination: str = ""):
    from tracker.network.event_models import EventParticipation
    participation = EventParticipation(event=event, school=school, role=role,
                                       nomination=nomination)
    db.session.add(participation)
    db.session.flush()
    return participation


def make_community(municipality: Municipality | None = None, *, kind: str = "network",
                   name: str | None = None):
    from tracker.network.models import Community
    community = Community(municipality=municipality or make_municipality(),
                          name=name or f"Сообщество {_n()}", kind=kind)
    db.session.add(community)
    db.session.flush()
    return community


def make_addressed(municipality: Municipality, author: User, *, text: str = "Рекомендация",
                   data: bytes = PDF):
    """A recommendation of the region to the municipality, answered with a file."""
    from tracker import storage
    from tracker.addressed.models import AddressedRecommendation, AddressedStep
    item = AddressedRecommendation(
        municipality=municipality, indicator_code="teachers_with_plan", period="2022-H1",
        threshold=25, text=text, due_on=date(2022, 9, 1), issued_by=author, status="answered",
        numerator_at_issue=1, denominator_at_issue=9)
    stored = storage.save_bytes("Ответ.pdf", data)
    item.steps.append(AddressedStep(author=author, action="answered", text="Меры приняты",
                                    **stored.columns))
    db.session.add(item)
    db.session.flush()
    return item
