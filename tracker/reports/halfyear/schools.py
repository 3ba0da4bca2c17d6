"""The schools: the ШНОР with their categories, the 500+ schools with their verified risk
directions, and who does what (schools, the municipal coordinator, curators)."""
from flask_babel import gettext as _
from flask_babel import lazy_pgettext
from sqlalchemy import or_, select

from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.network.queries import number_order
from tracker.i18n import day
from tracker.reports.document import Bullets, Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry


def low_result_section(ctx: ReportContext) -> Section:
    section = Section("schools", _("Schools with low educational results"),
                      comment_field="comment_schools")
    if not ctx.schools:
        section.warnings.append(_("No school of the municipality is on the regional list of "
                                  "%(year)s.", year=ctx.year))
        return section
    document = listing_document(ctx.narrative)
    if document:
        section.blocks.append(Paragraph(_("The list is approved by: %(document)s.",
                                          document=document)))
    else:
        section.warnings.append(ReportWarning(
            _("The document behind the list of schools with low results (what, who, number and "
              "date) is not filled in."), ctx.narrative_link()))
    section.blocks += [
        Paragraph(_("In %(year)s the regional list of schools with low educational results "
                    "includes %(count)s schools of the municipality:",
                    year=ctx.year, count=len(ctx.schools))),
        Table([_("No."), _("Organization"), _("Result category")],
              [[str(n), school.full_name, _category(ctx, school)]
               for n, school in enumerate(ctx.schools, start=1)], widths_cm=[1.2, 11.3, 4.0]),
    ]
    return section


def listing_document(narrative) -> str:
    """«Распоряжение Министерства образования … от 21.01.2022 № 55-46-мр «Об утверждении …»»,
    from what the coordinator filled in ("" when the document is not named)."""
    if not narrative.listing_document.strip():
        return ""
    text = narrative.listing_document.strip()
    if narrative.listing_date:
        text += " " + _("of %(day)s", day=day(narrative.listing_date))
    if narrative.listing_number.strip():
        text += " " + _("No. %(number)s", number=narrative.listing_number.strip())
    if narrative.listing_title.strip():
        text += f" «{narrative.listing_title.strip().strip('«»')}»"
    return text


def _category(ctx: ReportContext, school) -> str:
    status = ctx.statuses.get(school.id)
    return status.category.name if status and status.category else "—"


def verified_directions(school_ids: list[int], year: int) -> dict[int, list[str]]:
    """{school_id: names of the risk directions the curator verified}, in the list's order."""
    rows = db.session.execute(
        select(RiskProfile.school_id, RiskDirection.name)
        .join(RiskProfileEntry, RiskProfileEntry.profile_id == RiskProfile.id)
        .join(RiskDirection, RiskDirection.id == RiskProfileEntry.direction_id)
        .where(RiskProfile.school_id.in_(school_ids), RiskProfile.year == year,
               RiskProfileEntry.is_verified.is_(True))
        .order_by(RiskProfile.school_id, RiskDirection.position, RiskDirection.id))
    result: dict[int, list[str]] = {}
    for school_id, name in rows:
        result.setdefault(school_id, []).append(name)
    return result


def project_500_section(ctx: ReportContext) -> Section:
    section = Section("project_500", _("Schools of the federal project «500+» and their "
                                       "verified risk directions"))
    schools = sorted(ctx.schools_500, key=lambda s: number_order(s.short_name))
    if not schools:
        section.blocks.append(Paragraph(_("No school of the municipality takes part in the "
                                          "project «500+» in %(year)s.", year=ctx.year)))
        return section
    directions = verified_directions([s.id for s in schools], ctx.year)
    section.blocks = [
        Paragraph(_("In %(year)s the federal project «500+» includes %(count)s schools:",
                    year=ctx.year, count=len(schools))),
        Table([_("No."), _("School"), _("Verified risk directions")],
              [[str(n), school.short_name, "\n".join(directions.get(school.id, [])) or "—"]
               for n, school in enumerate(schools, start=1)], widths_cm=[1.2, 5.0, 10.3]),
    ]
    missing = [s.short_name for s in schools if s.id not in directions]
    if missing:
        section.warnings.append(_("The risk profile is not verified: %(schools)s.",
                                  schools=", ".join(missing)))
    return section


# A context of their own: «Monitoring» is also a kind of visit.
SCHOOL_TASKS = (lazy_pgettext("report role task", "Objective self-assessment"),
                lazy_pgettext("report role task", "Goal setting"),
                lazy_pgettext("report role task", "Development program"),
                lazy_pgettext("report role task", "Monitoring"))
COORDINATOR_TASKS = (lazy_pgettext("report role task", "Following the course of the project"),
                     lazy_pgettext("report role task",
                                   "Consulting, methodical and resource support when needed"))
CURATOR_TASKS = (lazy_pgettext("report role task", "Expert review"),
                 lazy_pgettext("report role task", "Consulting"),
                 lazy_pgettext("report role task", "Visiting the school"))


def curators_by_school(school_ids: list[int], period) -> dict[int, list[str]]:
    """Curators assigned to each school at some point of the half-year."""
    rows = db.session.execute(
        select(CuratorAssignment.school_id, User.full_name)
        .join(User, User.id == CuratorAssignment.curator_id)
        .where(CuratorAssignment.school_id.in_(school_ids),
               CuratorAssignment.starts_on <= period.ends_on,
               or_(CuratorAssignment.ends_on.is_(None),
                   CuratorAssignment.ends_on >= period.starts_on))
        .order_by(User.full_name).distinct())
    result: dict[int, list[str]] = {}
    for school_id, name in rows:
        result.setdefault(school_id, []).append(name)
    return result


def coordinators(municipality_id: int) -> list[str]:
    return list(db.session.scalars(
        select(User.full_name).where(User.role == Role.COORDINATOR, User.is_active.is_(True),
                                     User.municipality_id == municipality_id)
        .order_by(User.full_name)))


def roles_section(ctx: ReportContext) -> Section:
    section = Section("roles", _("Who does what: the school, the municipal coordinator, the "
                                 "curator"))
    schools = sorted(ctx.schools_500 or ctx.schools, key=lambda s: number_order(s.short_name))
    curators = curators_by_school([s.id for s in schools], ctx.period)
    by_curator: dict[str, list[str]] = {}
    for school in schools:
        for name in curators.get(school.id, []):
            by_curator.setdefault(name, []).append(school.short_name)
    people = coordinators(ctx.municipality.id)
    section.blocks = [
        Paragraph(_("The work with the schools of the project follows the municipal program and "
                    "the regional roadmap: the municipal coordinator, the curator and the school "
                    "act together.")),
        Table([_("Participant"), _("Who"), _("Tasks")], [
            [_("School"), "\n".join(s.short_name for s in schools) or "—",
             "\n".join(str(task) for task in SCHOOL_TASKS)],
            [_("Municipal coordinator"), "\n".join(people) or "—",
             "\n".join(str(task) for task in COORDINATOR_TASKS)],
            [_("Curator"), "\n".join(f"{name}: {', '.join(names)}"
                                     for name, names in sorted(by_curator.items())) or "—",
             "\n".join(str(task) for task in CURATOR_TASKS)],
        ], widths_cm=[4.0, 7.0, 5.5]),
    ]
    steps = ctx.narrative.curator_steps
    if steps:
        section.blocks += [Paragraph(_("The curator's algorithm:")), Bullets(steps)]
    else:
        section.warnings.append(ReportWarning(_("The curator's algorithm is not filled in."),
                                              ctx.narrative_link()))
    without = [s.short_name for s in ctx.schools_500 if s.id not in curators]
    if without:
        section.warnings.append(_("No curator is assigned in the half-year: %(schools)s.",
                                  schools=", ".join(without)))
    if not people:
        section.warnings.append(_("The municipality has no municipal coordinator account."))
    return section
