"""The school's part of the half-year report, for its director: its listing and verified risk
directions, its indicators, measures, teachers and the events it took part in."""
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.i18n import day
from tracker.indicators.scope import single_school_ids
from tracker.indicators.services import TargetLevel
from tracker.network import labels
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.periods import HalfYear
from tracker.reports.document import Bullets, Paragraph, Signature, Table
from tracker.reports.halfyear import indicators, measures, teachers
from tracker.reports.halfyear.assembly import AssembledReport
from tracker.reports.halfyear.context import ReportContext, Section, school_context
from tracker.reports.halfyear.events import events_span
from tracker.reports.halfyear.schools import verified_directions
from tracker.schools.models import School


def listing_section(ctx: ReportContext, school: School) -> Section:
    section = Section("listing", _("The school in the program"))
    status = ctx.statuses.get(school.id)
    if status is None or status.category is None:
        section.blocks.append(Paragraph(_("The school is not on the regional list of schools "
                                          "with low educational results of %(year)s.",
                                          year=ctx.year)))
    else:
        section.blocks.append(Paragraph(_("Result category of %(year)s: %(category)s.",
                                          year=ctx.year, category=status.category.name)))
    if status and status.is_project_500:
        section.blocks.append(Paragraph(_("The school takes part in the federal project "
                                          "«500+».")))
    directions = verified_directions([school.id], ctx.year).get(school.id, [])
    if directions:
        section.blocks += [Paragraph(_("Verified risk directions:")), Bullets(directions)]
    elif status and status.is_project_500:
        section.warnings.append(_("The risk profile is not verified."))
    return section


def school_events_section(ctx: ReportContext, school: School) -> Section:
    section = Section("events", _("Methodical events"))
    starts, ends = events_span(ctx.period)
    rows = db.session.execute(
        select(MethodicalEvent, EventParticipation)
        .join(EventParticipation, EventParticipation.event_id == MethodicalEvent.id)
        .where(EventParticipation.school_id == school.id,
               MethodicalEvent.held_on.between(starts, ends))
        .order_by(MethodicalEvent.held_on, MethodicalEvent.id)).all()
    if not rows:
        section.blocks.append(Paragraph(_("The school took part in no recorded event of the "
                                          "school year.")))
        return section
    section.blocks.append(Table(
        [_("Date"), _("Event"), _("Kind"), _("Participation")],
        [[day(event.held_on), event.title, str(labels.EVENT_KINDS[event.kind]),
          labels.participation_cell(mark.role, nomination=mark.nomination, event_kind=event.kind)]
         for event, mark in rows], widths_cm=[2.3, 8.0, 3.0, 3.2]))
    return section


def director_signature(school: School) -> Signature:
    names = db.session.scalars(select(User.full_name).where(
        User.role == Role.DIRECTOR, User.school_id == school.id, User.is_active.is_(True))).all()
    return Signature(_("Director"), names[0] if len(names) == 1 else "")


def school_report(school: School, period: HalfYear, *, charts: bool = True,
                  today: date | None = None) -> AssembledReport:
    ctx = school_context(school, period, charts=charts, today=today)
    sections = [
        listing_section(ctx, school),
        indicators.indicators_section(ctx, single_school_ids(school.id),
                                      TargetLevel("school", school.id)),
        measures.measures_section(ctx),
        teachers.teachers_section(ctx),
        school_events_section(ctx, school),
    ]
    for section in sections:
        section.comment_field = None  # the coordinator's comments are about the municipality
    return AssembledReport(
        _("Report of the school on the program of support of schools with low educational "
          "results"), f"{school.short_name}, {ctx.municipality.name}, {period.label}", sections,
        director_signature(school))
