"""A world with objects on each side of every access boundary, for the access matrix.

Region 1 has municipalities M1 and M2; region 2 has M3. The principal of every role works in M1:
the director at school «Альфа», the curator assigned to «Альфа» (and, until 2022, to «Гамма»).
Each `Side` is a set of objects with the roles that may see them and edit them:

  inside     school «Альфа» in M1 and M1 itself: every role's own scope
  sibling    school «Бета» in M1, with another director and another curator
  ended      school «Гамма» in M1, the principal curator's ended assignment (his old visit)
  neighbour  school «Дельта» in M2, the other municipality of the same region
  outside    school «Омега» in M3, another region
  foreign    a visit at «Альфа» recorded by another curator: seen by all, edited by its author
  internal   an internal note and attachment at «Альфа»: never shown to the school

`markers` are texts the page of an object shows (URL argument → text); `private` texts must not
appear on any page of a role that may not see the side. Features add their objects to
`_school_objects` / `_municipal_objects` and their plain URL arguments to `PLAIN_ARGUMENTS`.
"""
from dataclasses import dataclass, field
from datetime import date

from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators.catalogue_services import add_indicator
from tracker.network.development_services import record_development

from tests import factories, program_factories, teacher_factories
from tests.upload_corpus import pdf_bytes

ALL_ROLES = frozenset(Role)
MUNICIPAL = frozenset({Role.ADMIN, Role.REGIONAL, Role.COORDINATOR})
REGIONAL = frozenset({Role.ADMIN, Role.REGIONAL})
ADMIN_ONLY = frozenset({Role.ADMIN})


@dataclass
class Side:
    name: str
    seen_by: frozenset
    edited_by: frozenset | None = None
    ids: dict[str, int] = field(default_factory=dict)
    markers: dict[str, str] = field(default_factory=dict)
    private: list[str] = field(default_factory=list)

    def __post_init__(self):
        if self.edited_by is None:
            self.edited_by = self.seen_by

    def add(self, key: str, obj, marker: str | None = None) -> None:
        self.ids[key] = obj.id
        if marker:
            self.markers[key] = marker


@dataclass
class World:
    principals: dict[str, object] = field(default_factory=dict)
    sides: dict[str, Side] = field(default_factory=dict)

    @property
    def inside(self) -> dict[str, int]:
        return self.sides["inside"].ids

    @property
    def outside(self) -> dict[str, int]:
        return self.sides["outside"].ids


def file_data(label: str) -> bytes:
    """A small PDF whose bytes name the side it belongs to (the download's content marker)."""
    return pdf_bytes(label)


def build_world() -> World:
    world = World()
    region1, region2 = factories.make_region("Область Альфа"), factories.make_region("Область Омега")
    m1 = factories.make_municipality(region1, "Город Альфа")
    m2 = factories.make_municipality(region1, "Город Дельта")
    m3 = factories.make_municipality(region2, "Город Омега")
    category = factories.make_category(region1)
    schools = {label: factories.make_school(place, f"МБОУ «СОШ {label}»", category=category,
                                            project_500=True)
               for label, place in (("Альфа", m1), ("Бета", m1), ("Гамма", m1),
                                    ("Дельта", m2), ("Омега", m3))}
    curator = factories.make_user(Role.CURATOR, region=region1, municipality=m1)
    factories.make_assignment(curator, schools["Альфа"])
    director = factories.make_user(Role.DIRECTOR, school=schools["Альфа"])
    world.principals = {
        Role.ADMIN: factories.make_user(Role.ADMIN),
        Role.REGIONAL: factories.make_user(Role.REGIONAL, region=region1),
        Role.COORDINATOR: factories.make_user(Role.COORDINATOR, municipality=m1),
        Role.CURATOR: curator,
        Role.DIRECTOR: director,
    }
    shared = _shared_references(region1, category)
    sides = {name: Side(name, seen_by) for name, seen_by in (
        ("inside", ALL_ROLES), ("sibling", MUNICIPAL), ("ended", MUNICIPAL),
        ("neighbour", REGIONAL), ("outside", ADMIN_ONLY))}
    other_in = factories.make_user(Role.CURATOR, region=region1, municipality=m1)
    people = {  # side: (school, its curator today or None, author of its visit, its director)
        "inside": (schools["Альфа"], other_in, curator, director),
        "sibling": (schools["Бета"], other_in, other_in, None),
        "ended": (schools["Гамма"], None, curator, None),
        "neighbour": (schools["Дельта"], factories.make_user(Role.CURATOR, region=region1),
                      None, None),
        "outside": (schools["Омега"], factories.make_user(Role.CURATOR, region=region2),
                    None, None),
    }
    for name, (school, today, author, head) in people.items():
        side = sides[name]
        if name == "ended":
            side.add("assignment_id", factories.make_assignment(
                curator, school, starts_on=date(2021, 9, 1), ends_on=date(2022, 6, 1)))
        else:
            side.add("assignment_id", factories.make_assignment(today, school))
        _school_objects(side, school, author or today, head, shared)
    for name, municipality in (("inside", m1), ("neighbour", m2), ("outside", m3)):
        _municipal_objects(sides[name], municipality, schools)
    sides["inside"].ids.update(shared)
    sides["inside"].add("region_id", region1, region1.name)
    sides["outside"].add("region_id", region2, region2.name)
    sides["foreign"] = _foreign_visit(schools["Альфа"], other_in)
    sides["internal"] = _internal_files(sides["inside"], curator)
    world.sides = sides
    db.session.commit()
    return world


def _shared_references(region, category) -> dict[str, int]:
    """Reference lists every side shares (their pages are the admin's)."""
    direction = program_factories.make_direction()
    return {"category_id": category.id, "direction_id": direction.id,
            "suggestion_id": program_factories.make_suggestion(direction).id,
            "domain_id": teacher_factories.make_domain().id,
            "legal_form_id": factories.make_legal_form().id,
            "group_kind_id": factories.make_group_kind().id}


def _school_objects(side: Side, school, curator, director, shared) -> None:
    """Everything a school has, each object named after the side."""
    label = school.short_name.split()[-1].strip("»")
    director = director or factories.make_user(Role.DIRECTOR, school=school)
    side.add("school_id", school, school.short_name)
    other_director = factories.make_user(Role.DIRECTOR, school=school)
    other_director.full_name = f"Директорова {label}"
    side.add("user_id", other_director, other_director.full_name)
    _visit_objects(side, school, curator, director, label)
    _teacher_objects(side, school, label, shared["domain_id"])
    _program_objects(side, school, director, label, shared["direction_id"])
    development = record_development(
        school_id=school.id, title=f"Разработка {label}", authors=f"Педагогова {label}",
        kind="lesson", reach="municipal", dated_on=date(2022, 3, 1))
    side.add("development_id", development, development.title)
    side.private += [school.short_name, development.title]


def _visit_objects(side: Side, school, curator, director, label: str) -> None:
    visit = factories.make_visit(school, curator)
    note = factories.make_note(visit, curator, f"Заметка для школы {label}")
    open_one = factories.make_recommendation(visit, text=f"Рекомендация {label}")
    answered = factories.make_recommendation(visit, text=f"Исполненная рекомендация {label}",
                                             status="answered")
    side.add("visit_id", visit, note.text)
    side.add("recommendation_id", open_one, open_one.text)
    side.add("attachment_id", factories.make_attachment(
        visit, curator, name=f"Лист {label}.pdf", data=file_data(f"attachment {side.name}")),
        f"attachment {side.name}")
    side.add("recommendation_event_id", factories.make_answer(
        answered, director, data=file_data(f"answer {side.name}")), f"answer {side.name}")
    side.private += [note.text, open_one.text]


def _teacher_objects(side: Side, school, label: str, domain_id: int) -> None:
    tf = teacher_factories
    teacher = tf.make_teacher(school, f"Педагогова {label} Ивановна")
    other = tf.make_teacher(school, f"Наставникова {label} Петровна")
    plan = tf.make_plan(teacher)
    domain = db.session.get(tf.DeficitDomain, domain_id)
    side.add("teacher_id", teacher, teacher.full_name)
    side.add("plan_id", plan, teacher.full_name)
    side.ids.update(diagnostic_id=tf.make_diagnostic(teacher, domain).id,
                    item_id=plan.items[0].id, mentorship_id=tf.make_pair(teacher, other).id)
    side.private += [teacher.full_name]


def _program_objects(side: Side, school, director, label: str, direction_id: int) -> None:
    pf = program_factories
    direction = db.session.get(pf.RiskDirection, direction_id)
    program = pf.make_program(school, direction, goal=f"Цель программы {label}")
    measure = pf.make_measure(program, title=f"Мера {label}")
    document = pf.make_document(school, director, title=f"Концепция {label}",
                                data=file_data(f"document {side.name}"))
    side.ids.update(profile_id=pf.make_profile(school, [direction]).id,
                    indicator_id=pf.make_indicator(program).id)
    side.add("program_id", program, program.goal)
    side.add("measure_id", measure, measure.title)
    side.add("evidence_id", pf.make_evidence(measure, director,
                                             data=file_data(f"evidence {side.name}")),
             f"evidence {side.name}")
    side.add("document_id", document, document.title)
    side.add("version_id", document.versions[0], f"document {side.name}")
    side.private += [program.goal, measure.title]


def _municipal_objects(side: Side, municipality, schools) -> None:
    label = municipality.name.split()[-1]
    event = factories.make_event(municipality, title=f"Семинар {label}")
    factories.make_participation(event, schools[label])
    side.add("municipality_id", municipality, municipality.name)
    side.add("event_id", event, event.title)
    side.add("community_id", factories.make_community(municipality, name=f"Сообщество {label}"),
             f"Сообщество {label}")
    issuer = factories.make_user(Role.REGIONAL, region=municipality.region)
    addressed = factories.make_addressed(municipality, issuer, text=f"Рекомендация региона {label}",
                                         data=file_data(f"addressed {side.name}"))
    side.add("addressed_id", addressed, addressed.text)
    side.add("step_id", addressed.steps[0], f"addressed {side.name}")
    side.private.append(addressed.text)
    own = add_indicator(municipality_id=municipality.id, code="survey",
                        name_ru=f"Опрос родителей {label}", unit="percent", source="entered")
    side.add("catalogue_indicator_id", own, own.name_ru)
    side.private.append(own.name_ru)


def _foreign_visit(school, author) -> Side:
    """Another curator's visit at the principal curator's own school."""
    side = Side("foreign", ALL_ROLES, edited_by=ALL_ROLES - {Role.CURATOR})
    visit = factories.make_visit(school, author)
    note = factories.make_note(visit, author, "Заметка другого куратора")
    recommendation = factories.make_recommendation(visit, text="Рекомендация другого куратора")
    side.add("visit_id", visit, note.text)
    side.add("recommendation_id", recommendation, recommendation.text)
    side.add("attachment_id", factories.make_attachment(
        visit, author, name="Лист другого куратора.pdf", data=file_data("attachment foreign")),
        "attachment foreign")
    return side


def _internal_files(inside: Side, curator) -> Side:
    """An internal note and attachment on the inside visit: the school never sees them."""
    from tracker.visits.models import Visit
    side = Side("internal", ALL_ROLES - {Role.DIRECTOR})
    visit = db.session.get(Visit, inside.ids["visit_id"])
    note = factories.make_note(visit, curator, "Служебная заметка куратора", for_school=False)
    attachment = factories.make_attachment(visit, curator, name="Служебная справка.pdf",
                                           data=file_data("attachment internal"),
                                           for_school=False)
    side.add("attachment_id", attachment, "attachment internal")
    side.private += [note.text, "Служебная справка"]
    return side


# URL arguments that are not object ids, with the value to use
PLAIN_ARGUMENTS = {"lang": "ru", "name": "plotly-cartesian-4.1.1.min.js", "code": "pupils_basic_1_4"}
