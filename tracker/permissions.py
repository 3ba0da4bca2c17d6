"""Who may do what. The one home of every access rule.

Three layers: role gates declared on every endpoint (`public`, `signed_in`, `role_required`),
scoped selects for every list (`visible_schools(user)` and friends), and `can_view` / `can_edit`
predicates for single objects, used through `get_visible_or_404`. Out of scope answers 404.
"""
from collections.abc import Callable
from datetime import date

from flask import abort, current_app, request
from flask_login import current_user
from sqlalchemy import ColumnElement, Select, and_, false, not_, or_, select, true

from tracker import audit
from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.network.models import Community
from tracker.schools.models import Municipality, Region, School
from tracker.visits.models import (NoteVisibility, Recommendation, RecommendationEvent, Visit,
                                   VisitAttachment, VisitNote)

PUBLIC = "public"
SIGNED_IN = "signed-in"
PUBLIC_ENDPOINTS = {"static"}

MANAGERS = (Role.ADMIN, Role.COORDINATOR)
SCHOOL_EDITORS = (Role.ADMIN, Role.COORDINATOR)


# --- role gates: every view declares one ---------------------------------------------------

def public(view: Callable) -> Callable:
    view.access_rule = PUBLIC
    return view


def signed_in(view: Callable) -> Callable:
    """Any active user; the view narrows to the user's scope itself."""
    view.access_rule = SIGNED_IN
    return view


def role_required(*roles: Role) -> Callable[[Callable], Callable]:
    def decorate(view: Callable) -> Callable:
        view.access_rule = frozenset(roles)
        return view
    return decorate


def access_rule(endpoint: str | None):
    if endpoint in PUBLIC_ENDPOINTS:
        return PUBLIC
    view = current_app.view_functions.get(endpoint) if endpoint else None
    return getattr(view, "access_rule", None)


def enforce_access_rule():
    """before_request: login required by default, role gates, and fail closed on a missing rule."""
    if request.endpoint is None:
        return None
    rule = access_rule(request.endpoint)
    if rule is None:
        current_app.logger.error("endpoint %s declares no access rule", request.endpoint)
        abort(403)
    if rule == PUBLIC:
        return None
    if not current_user.is_authenticated:
        from tracker.extensions import login_manager
        return login_manager.unauthorized()
    if rule != SIGNED_IN and current_user.role not in rule:
        audit.record_denied(reason="role")
        abort(403)
    return None


# --- scoped selects --------------------------------------------------------------------------

def curated_school_ids(user: User, on: date | None = None) -> Select:
    day = on or date.today()
    return select(CuratorAssignment.school_id).where(
        CuratorAssignment.curator_id == user.id,
        CuratorAssignment.starts_on <= day,
        or_(CuratorAssignment.ends_on.is_(None), CuratorAssignment.ends_on >= day),
    )


def school_scope(user: User) -> ColumnElement[bool]:
    """SQL condition on School for the schools `user` may see."""
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.REGIONAL:
        return School.municipality_id.in_(
            select(Municipality.id).where(Municipality.region_id == user.region_id)
        )
    if user.role == Role.COORDINATOR:
        return School.municipality_id == user.municipality_id
    if user.role == Role.CURATOR:
        return School.id.in_(curated_school_ids(user))
    if user.role == Role.DIRECTOR:
        return School.id == user.school_id
    return false()


def visible_schools(user: User) -> Select:
    return select(School).where(school_scope(user))


def visible_school_ids(user: User) -> Select:
    return select(School.id).where(school_scope(user))


def municipality_scope(user: User) -> ColumnElement[bool]:
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.REGIONAL:
        return Municipality.region_id == user.region_id
    if user.role == Role.COORDINATOR:
        return Municipality.id == user.municipality_id
    return Municipality.id.in_(select(School.municipality_id).where(school_scope(user)))


def visible_municipalities(user: User) -> Select:
    return select(Municipality).where(municipality_scope(user)).order_by(Municipality.name)


def visible_regions(user: User) -> Select:
    return select(Region).where(
        Region.id.in_(select(Municipality.region_id).where(municipality_scope(user)))
    ).order_by(Region.name)


def user_scope(user: User) -> ColumnElement[bool]:
    """Accounts a manager may see and manage: admins all, coordinators those of the municipality
    whose whole scope lies inside it.

    An account is managed only by someone whose scope covers all of the account's: a curator who
    also works in another municipality (or whose home municipality is another) is managed by an
    admin, never by one of the coordinators, who could otherwise reset the password and read the
    other municipality's visits as that curator.
    """
    if user.role == Role.ADMIN:
        return true()
    if user.role == Role.COORDINATOR:
        return _inside_municipality(user.municipality_id)
    return User.id == user.id


def _inside_municipality(municipality_id: int) -> ColumnElement[bool]:
    """SQL condition on User: the account reaches this municipality and nothing beyond it (its
    home municipality, its school, the schools it works at today or is assigned to later)."""
    here = select(School.id).where(School.municipality_id == municipality_id)
    elsewhere = select(School.id).where(School.municipality_id != municipality_id)
    today = date.today()
    works_elsewhere = select(CuratorAssignment.curator_id).where(
        CuratorAssignment.school_id.in_(elsewhere),
        or_(CuratorAssignment.ends_on.is_(None), CuratorAssignment.ends_on >= today))
    reaches_here = or_(
        User.municipality_id == municipality_id, User.school_id.in_(here),
        User.id.in_(select(CuratorAssignment.curator_id).where(
            CuratorAssignment.school_id.in_(here))))
    # every operand is true or false, never NULL, so that the NOT below keeps its meaning
    reaches_beyond = or_(
        User.role.in_((Role.ADMIN, Role.REGIONAL)),
        and_(User.municipality_id.is_not(None), User.municipality_id != municipality_id),
        and_(User.school_id.is_not(None), User.school_id.in_(elsewhere)),
        User.id.in_(works_elsewhere))
    return and_(reaches_here, not_(reaches_beyond))


def visible_users(user: User) -> Select:
    return select(User).where(user_scope(user))


# --- teachers (tracker/teachers) ------------------------------------------------------------

STAFF_EDITORS = (Role.ADMIN, Role.COORDINATOR, Role.DIRECTOR)


def visible_teachers(user: User) -> Select:
    """Teachers (personal data) of the schools in the user's scope only."""
    from tracker.teachers.models import Teacher
    return select(Teacher).join(School, School.id == Teacher.school_id).where(school_scope(user))


def can_edit_staff(user: User, school: School) -> bool:
    """Directors keep their school's teachers' records; coordinators and admins theirs."""
    return user.role in STAFF_EDITORS and can_view_school(user, school)
# --- network: communities and methodical events (municipal objects) ------------------------

NETWORK_VIEWERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)
EVENT_VIEWERS = tuple(Role)


def visible_communities(user: User) -> Select:
    return select(Community).where(Community.municipality_id.in_(
        select(Municipality.id).where(municipality_scope(user))))


def visible_events(user: User) -> Select:
    return select(MethodicalEvent).where(MethodicalEvent.municipality_id.in_(
        select(Municipality.id).where(municipality_scope(user))))


def _network_rule(user: User, obj, edit: bool) -> bool | None:
    """View/edit rules of communities and events; None when `obj` is not one of them."""
    if isinstance(obj, (Community, MethodicalEvent)):
        viewers = NETWORK_VIEWERS if isinstance(obj, Community) else EVENT_VIEWERS
        if user.role not in viewers or (edit and user.role not in MANAGERS):
            return False
        return db.session.scalar(select(Municipality.id).where(
            Municipality.id == obj.municipality_id, municipality_scope(user))) is not None
    if isinstance(obj, EventParticipation):
        if edit:
            return user.role in MANAGERS and can_view(user, obj.event)
        return can_view_school(user, obj.school)
    return None


# --- predicates on one object ----------------------------------------------------------------

def can_view_school(user: User, school: School) -> bool:
    return db.session.scalar(
        select(School.id).where(School.id == school.id, school_scope(user))
    ) is not None


def can_view(user: User, obj) -> bool:
    if isinstance(obj, School):
        return can_view_school(user, obj)
    if isinstance(obj, Municipality):
        return db.session.scalar(
            select(Municipality.id).where(Municipality.id == obj.id, municipality_scope(user))
        ) is not None
    if isinstance(obj, User):
        return db.session.scalar(
            select(User.id).where(User.id == obj.id, user_scope(user))
        ) is not None
    if isinstance(obj, Region):
        return user.role == Role.ADMIN or (user.role == Role.REGIONAL
                                           and user.region_id == obj.id)
    if isinstance(obj, VisitAttachment) and not obj.is_for_school:
        return sees_internal_notes(user) and can_view_school(user, obj.school)
    if _is_indicator(obj):
        return can_manage_indicator(user, obj)
    declared = _declared_rule(user, obj, edit=False)
    if declared is not None:
        return declared
    school = getattr(obj, "school", None)
    if isinstance(school, School):
        return can_view_school(user, school)
    network = _network_rule(user, obj, edit=False)
    if network is not None:
        return network
    raise TypeError(f"no view rule for {type(obj).__name__}")


def can_edit(user: User, obj) -> bool:
    if isinstance(obj, School):
        return user.role in SCHOOL_EDITORS and can_view(user, obj)
    if isinstance(obj, User):
        return can_manage_user(user, obj)
    if isinstance(obj, CuratorAssignment):
        return user.role in MANAGERS and can_view(user, obj.school)
    if isinstance(obj, Visit):
        return can_edit_visit(user, obj)
    if isinstance(obj, (Recommendation, VisitAttachment)):
        return can_edit_visit(user, obj.visit)
    if isinstance(obj, RecommendationEvent):
        return False  # the history of a follow-up is never rewritten
    if getattr(obj, "__module__", "") == "tracker.teachers.models":
        return can_edit_staff(user, obj.school)
    if _is_indicator(obj):
        return can_manage_indicator(user, obj)
    network = _network_rule(user, obj, edit=True)
    if network is not None:
        return network
    if isinstance(obj, school_work_types()):
        return user.role in SCHOOL_WORKERS and can_view(user, obj)
    declared = _declared_rule(user, obj, edit=True)
    if declared is not None:
        return declared
    raise TypeError(f"no edit rule for {type(obj).__name__}")


def _declared_rule(user: User, obj, edit: bool) -> bool | None:
    """The rule of a model that declares its `viewers` and `editors` (roles) and reaches its
    place through `.school` or `.municipality`; None for the others."""
    roles = getattr(type(obj), "editors" if edit else "viewers", None)
    if roles is None:
        return None
    return can_add(user, type(obj), getattr(obj, "school", None) or obj.municipality, edit=edit)


def can_add(user: User, model: type, place: School | Municipality, *, edit: bool = True) -> bool:
    """For a model declaring its roles: whether `user` may record one at `place` (a school or a
    municipality) and edit those recorded there (or, with edit=False, see them)."""
    return user.role in (model.editors if edit else model.viewers) and can_view(user, place)


def can_manage_user(manager: User, target: User) -> bool:
    """Admins manage everyone; a coordinator manages directors and curators of the municipality."""
    if manager.role == Role.ADMIN:
        return True
    if manager.role != Role.COORDINATOR or manager.id == target.id:
        return False
    return target.role in COORDINATOR_CREATES and can_view(manager, target)


COORDINATOR_CREATES = (Role.DIRECTOR, Role.CURATOR)


def can_place_account(manager: User, *, region_id: int | None, municipality_id: int | None,
                      school_id: int | None) -> bool:
    """Whether `manager` may give an account this scope: every place named lies within the
    manager's own scope (the account stays one the manager covers whole)."""
    if manager.role == Role.ADMIN:
        return True
    places = ((region_id, Region.id, select(Municipality.region_id).where(
        municipality_scope(manager))),
        (municipality_id, Municipality.id, select(Municipality.id).where(
            municipality_scope(manager))),
        (school_id, School.id, visible_school_ids(manager)))
    return all(db.session.scalar(select(column).where(column == ident, column.in_(scope)))
               is not None for ident, column, scope in places if ident)


def creatable_roles(user: User) -> tuple[Role, ...]:
    if user.role == Role.ADMIN:
        return tuple(Role)
    if user.role == Role.COORDINATOR:
        return COORDINATOR_CREATES
    return ()


def can_assign_curators(user: User, school: School) -> bool:
    return user.role in MANAGERS and can_view(user, school)


# --- curator visits ----------------------------------------------------------------------------
# Visits and their follow-ups are seen with the school; only a curator assigned to the school
# today records them; the school sees notes and attachments meant for it, never the internal
# ones (an internal attachment answers 404 to the school, like an object out of scope). The
# evidence a director attaches to an answer is seen by whoever sees the recommendation.

def visible_visits(user: User) -> Select:
    return select(Visit).where(Visit.school_id.in_(visible_school_ids(user)))


def visible_recommendations(user: User) -> Select:
    return (select(Recommendation).join(Recommendation.visit)
            .where(Visit.school_id.in_(visible_school_ids(user))))


def sees_internal_notes(user: User) -> bool:
    """Internal notes and attachments: the curators and the coordinators, never the school."""
    return user.role != Role.DIRECTOR


def note_scope(user: User) -> ColumnElement[bool]:
    """SQL condition on VisitNote for the notes `user` may read (on top of the visit's scope)."""
    if sees_internal_notes(user):
        return true()
    return VisitNote.visibility == NoteVisibility.SCHOOL


def attachment_scope(user: User) -> ColumnElement[bool]:
    """SQL condition on VisitAttachment, as note_scope for notes."""
    if sees_internal_notes(user):
        return true()
    return VisitAttachment.visibility == NoteVisibility.SCHOOL


def can_record_visit(user: User, school: School) -> bool:
    if user.role != Role.CURATOR:
        return False
    return db.session.scalar(
        select(School.id).where(School.id == school.id, School.id.in_(curated_school_ids(user)))
    ) is not None


def can_edit_visit(user: User, visit: Visit) -> bool:
    return visit.curator_id == user.id and can_record_visit(user, visit.school)


def can_answer(user: User, recommendation: Recommendation) -> bool:
    return user.role == Role.DIRECTOR and user.school_id == recommendation.visit.school_id


def can_set_coverage_threshold(user: User, municipality: Municipality) -> bool:
    return user.role in MANAGERS and can_view(user, municipality)


# --- risk profiles, concept documents, anti-risk programs, measures, evidence ---------------

SCHOOL_WORKERS = (Role.ADMIN, Role.DIRECTOR)  # edit a school's profile, programs and evidence
REVIEWERS = (Role.ADMIN, Role.CURATOR)  # verify profiles, review documents, judge evidence
DISCUSSANTS = (Role.ADMIN, Role.COORDINATOR, Role.CURATOR, Role.DIRECTOR)  # measure comments
HEATMAP_VIEWERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR, Role.CURATOR)
PIPELINE_VIEWERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)


def school_work_types() -> tuple[type, ...]:
    from tracker.programs.measure_models import Evidence, Measure
    from tracker.programs.models import (AntiRiskProgram, ConceptDocument, DocumentVersion,
                                         ProgramIndicator)
    from tracker.risks.models import RiskProfile
    return (RiskProfile, ConceptDocument, DocumentVersion, AntiRiskProgram, ProgramIndicator,
            Measure, Evidence)


def can_work_on_school(user: User, school: School) -> bool:
    """Create a school's profile, documents and programs: its director (or an admin)."""
    return user.role in SCHOOL_WORKERS and can_view(user, school)


def can_review(user: User, obj) -> bool:
    """Verify a profile, review a document or program, judge evidence: the school's curator."""
    return user.role in REVIEWERS and can_view(user, obj)


def can_comment(user: User, obj) -> bool:
    return user.role in DISCUSSANTS and can_view(user, obj)


def visible_programs(user: User) -> Select:
    from tracker.programs.models import AntiRiskProgram
    return select(AntiRiskProgram).join(School, AntiRiskProgram.school_id == School.id).where(
        school_scope(user))


def visible_measures(user: User) -> Select:
    from tracker.programs.measure_models import Measure
    from tracker.programs.models import AntiRiskProgram
    return (select(Measure).join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
            .join(School, AntiRiskProgram.school_id == School.id).where(school_scope(user)))


def visible_evidence(user: User) -> Select:
    from tracker.programs.measure_models import Evidence, Measure
    from tracker.programs.models import AntiRiskProgram
    return (select(Evidence).join(Measure, Evidence.measure_id == Measure.id)
            .join(AntiRiskProgram, Measure.program_id == AntiRiskProgram.id)
            .join(School, AntiRiskProgram.school_id == School.id).where(school_scope(user)))


def visible_documents(user: User) -> Select:
    from tracker.programs.models import ConceptDocument
    return select(ConceptDocument).join(School, ConceptDocument.school_id == School.id).where(
        school_scope(user))


# --- the one fetch helper --------------------------------------------------------------------

def get_visible_or_404(model, ident, *, edit: bool = False):
    """Load an object the current user may see (and edit); otherwise answer 404 (403 to edit
    what they may only see). Denials outside the scope are recorded in the audit."""
    obj = db.session.get(model, ident)
    if obj is None:
        abort(404)
    if not can_view(current_user, obj):
        audit.record_denied(object_type=model.__name__, object_id=ident, reason="scope")
        abort(404)
    if edit and not can_edit(current_user, obj):
        audit.record_denied(object_type=model.__name__, object_id=ident, reason="edit")
        abort(403)
    return obj


# --- indicators ------------------------------------------------------------------------------

def can_edit_indicator_values(user: User, school: School) -> bool:
    """Entered indicator values: the school's director, its coordinator, an admin."""
    if user.role == Role.DIRECTOR:
        return user.school_id == school.id
    return user.role in MANAGERS and can_view(user, school)


CATALOGUE_EDITORS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)


def _is_indicator(obj) -> bool:
    from tracker.indicators.models import Indicator
    return isinstance(obj, Indicator)


def can_manage_indicator(user: User, indicator) -> bool:
    """A region's indicators: its regional coordinator (or an admin). A municipality's own
    additions: its coordinator, its region's coordinator, an admin. Everyone else answers 404:
    a municipal coordinator reads the region's catalogue on the list, never through its pages."""
    if user.role == Role.ADMIN:
        return True
    if user.role == Role.REGIONAL:
        region_id = indicator.region_id or db.session.scalar(
            select(Municipality.region_id).where(Municipality.id == indicator.municipality_id))
        return region_id == user.region_id
    if user.role == Role.COORDINATOR:
        return indicator.municipality_id is not None \
            and indicator.municipality_id == user.municipality_id
    return False


def can_manage_catalogue_of(user: User, place) -> bool:
    """Add indicators to a region's catalogue, or to a municipality's own additions."""
    if isinstance(place, Region):
        return user.role in (Role.ADMIN, Role.REGIONAL) and can_view(user, place)
    return user.role in CATALOGUE_EDITORS and can_view(user, place)


# --- the half-year report (tracker/reports) --------------------------------------------------

REPORT_VIEWERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)  # the municipal report
REGION_REPORT_VIEWERS = (Role.ADMIN, Role.REGIONAL)


def can_edit_report_narrative(user: User, municipality: Municipality) -> bool:
    """The report's narrative: the municipality's coordinator (or an admin); regions only read."""
    return user.role in MANAGERS and can_view(user, municipality)
