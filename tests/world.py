"""A small world with something inside and outside every role's scope, for the access tests.

Region 1 has municipalities M1 and M2; region 2 has M3. `inside` objects sit in M1, where the
principal of every role works; `outside` objects sit in M3, outside every role but admin.
Features add their objects to `build_world` and their URL arguments to `ARGUMENTS`.
"""
from dataclasses import dataclass, field

from tracker.auth.models import Role
from tracker.db import db

from tests import factories, program_factories


@dataclass
class World:
    principals: dict[str, object] = field(default_factory=dict)
    inside: dict[str, int] = field(default_factory=dict)
    outside: dict[str, int] = field(default_factory=dict)


def build_world() -> World:
    world = World()
    region1, region2 = factories.make_region(), factories.make_region()
    category = factories.make_category(region1)
    m1 = factories.make_municipality(region1)
    factories.make_municipality(region1)
    m3 = factories.make_municipality(region2)
    school_in = factories.make_school(m1, category=category, project_500=True)
    school_out = factories.make_school(m3)

    curator = factories.make_user(Role.CURATOR, region=region1, municipality=m1)
    factories.make_assignment(curator, school_in)
    world.principals = {
        Role.ADMIN: factories.make_user(Role.ADMIN),
        Role.REGIONAL: factories.make_user(Role.REGIONAL, region=region1),
        Role.COORDINATOR: factories.make_user(Role.COORDINATOR, municipality=m1),
        Role.CURATOR: curator,
        Role.DIRECTOR: factories.make_user(Role.DIRECTOR, school=school_in),
    }
    # objects to act on are never the principals themselves
    other_curator_in = factories.make_user(Role.CURATOR, region=region1, municipality=m1)
    other_curator_out = factories.make_user(Role.CURATOR, region=region2)
    world.inside.update(
        school_id=school_in.id,
        user_id=factories.make_user(Role.DIRECTOR, school=school_in).id,
        assignment_id=factories.make_assignment(other_curator_in, school_in).id,
        category_id=category.id,
        legal_form_id=factories.make_legal_form().id,
        group_kind_id=factories.make_group_kind().id,
        municipality_id=m1.id,
        region_id=region1.id,
    )
    _add_network(world, school_in, school_out)
    world.outside.update(
        school_id=school_out.id,
        user_id=factories.make_user(Role.DIRECTOR, school=school_out).id,
        assignment_id=factories.make_assignment(other_curator_out, school_out).id,
        municipality_id=m3.id,
        region_id=region2.id,
    )
    _add_visits(world, school_in, school_out, curator, other_curator_out, m1, m3)
    from tests.teacher_factories import add_to_world as add_teachers
    add_teachers(world, school_in, school_out)
    _add_programs(world, school_in, school_out)
    db.session.commit()
    return world


def _add_visits(world, school_in, school_out, curator, curator_out, m1, m3) -> None:
    """Visits with a recommendation answered with a file, and a file the school may see."""
    director_in = world.principals[Role.DIRECTOR]
    director_out = factories.make_user(Role.DIRECTOR, school=school_out)
    for school, author, director, target, municipality in (
            (school_in, curator, director_in, world.inside, m1),
            (school_out, curator_out, director_out, world.outside, m3)):
        visit = factories.make_visit(school, author)
        answered = factories.make_recommendation(visit, status="answered")
        target.update(visit_id=visit.id, municipality_id=municipality.id,
                      recommendation_id=factories.make_recommendation(visit).id,
                      attachment_id=factories.make_attachment(visit, author).id,
                      recommendation_event_id=factories.make_answer(answered, director).id)


def _add_network(world: World, school_in, school_out) -> None:
    event_in = factories.make_event(school_in.municipality)
    event_out = factories.make_event(school_out.municipality)
    factories.make_participation(event_in, school_in)
    factories.make_participation(event_out, school_out)
    world.inside.update(event_id=event_in.id,
                        community_id=factories.make_community(school_in.municipality).id)
    world.outside.update(event_id=event_out.id,
                         community_id=factories.make_community(school_out.municipality).id)


def _add_programs(world: World, school_in, school_out) -> None:
    """Risk profiles, documents, programs, measures and evidence inside and outside."""
    pf = program_factories
    direction = pf.make_direction()
    director_in = world.principals[Role.DIRECTOR]
    director_out = factories.make_user(Role.DIRECTOR, school=school_out)
    world.inside.update(direction_id=direction.id,
                        suggestion_id=pf.make_suggestion(direction).id)
    for school, director, target in ((school_in, director_in, world.inside),
                                     (school_out, director_out, world.outside)):
        profile = pf.make_profile(school, [direction])
        program = pf.make_program(school, direction)
        measure = pf.make_measure(program)
        document = pf.make_document(school, director)
        target.update(profile_id=profile.id, program_id=program.id,
                      indicator_id=pf.make_indicator(program).id, measure_id=measure.id,
                      evidence_id=pf.make_evidence(measure, director).id,
                      document_id=document.id, version_id=document.versions[0].id)


# URL arguments that are not object ids, with the value to use
PLAIN_ARGUMENTS = {"lang": "ru", "name": "plotly-4.1.1.min.js", "code": "pupils_basic_1_4"}
