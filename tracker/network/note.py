"""«Аналитическая справка о сетевом взаимодействии»: a municipality's note for a year or a
school year, as plain data for the reports' DOCX writer.

Every table is filled from the records: participation by organization with subtotals per type
and the total (sums of numerators and denominators), communities and groups with their counts
and growth, clusters with their members and ranks, plan and fact over two periods, events and
winners; the conclusions and recommendations are the coordinator's text.
"""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import func, select

from tracker.db import db
from tracker.i18n import day, number
from tracker.network import counting, labels
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.network.note_models import NetworkNoteText
from tracker.network.note_tables import (cluster_blocks, community_rows, participation_rows,
                                         plan_fact_rows)
from tracker.network.models import OrganizationStaffCount
from tracker.periods import SchoolYear, Year, label_of
from tracker.reports.document import Bullets, Heading, Paragraph, ReportDocument, Table
from tracker.reports.models import paragraphs_of
from tracker.schools.models import Municipality, School

PRIZES = ("winner", "diploma_1", "diploma_2", "diploma_3")


@dataclass
class Note:
    document: ReportDocument
    warnings: list[str] = field(default_factory=list)


def counts_period(municipality_id: int, span: Year | SchoolYear) -> str:
    """The span's half-year whose counts stand for it: the later one once it has data."""
    codes = [h.code for h in span.half_years]
    latest = db.session.scalar(select(func.max(OrganizationStaffCount.period)).join(School)
                               .where(School.municipality_id == municipality_id,
                                      OrganizationStaffCount.period.in_(codes)))
    return latest or codes[-1]


def note_text(municipality_id: int, span: Year | SchoolYear) -> NetworkNoteText | None:
    return db.session.scalar(select(NetworkNoteText).where(
        NetworkNoteText.municipality_id == municipality_id,
        NetworkNoteText.period == span.code))


def _participation(note: Note, municipality: Municipality, period: str) -> None:
    rows = counting.participation(municipality.id, period)
    note.document.add(Heading(_("Participation of organizations in network communities")))
    if not any(r.has_count for r in rows):
        note.warnings.append(_("No teacher counts of the organizations for the period."))
    note.document.add(Table(
        [_("Organization"), _("Teachers"), _("In network communities"), _("Share"),
         _("Source")], participation_rows(rows), widths_cm=[6.5, 2.3, 2.8, 2.2, 3.0],
        caption=_("Teachers taking part in network communities, %(period)s",
                  period=label_of(period)), total_row=True))
    for row in rows:
        if row.disagrees:
            note.warnings.append(_(
                "%(name)s: %(entered)s participants entered, but one community alone lists "
                "%(largest)s of its teachers.", name=row.short_name, entered=row.entered,
                largest=row.largest))
            note.document.add(Paragraph(note.warnings[-1], italic=True))


def _communities(note: Note, municipality: Municipality, span: Year | SchoolYear,
                 period: str) -> None:
    note.document.add(Heading(_("Communities and their groups")))
    communities_total = counting.communities(municipality.id, period)
    groups_total = counting.groups(municipality.id)
    note.document.add(Paragraph(_("Number of communities: %(communities)s; number of groups in "
                                  "them: %(groups)s.", communities=number(communities_total),
                                  groups=number(groups_total))))
    rows = community_rows(municipality.id, span, period)
    if rows:
        note.document.add(Table([_("Community"), _("Kind"), _("Groups"), _("Organizations"),
                                 _("Members over the years")], rows,
                                widths_cm=[5.5, 3.0, 1.8, 2.4, 4.1]))
    note.document.add(*cluster_blocks(municipality.id, span.half_years[-1].code))


def _plan_and_fact(note: Note, municipality: Municipality, span: Year | SchoolYear) -> None:
    rows = plan_fact_rows(municipality.id, (span.year - 1, span.year))
    if rows:
        note.document.add(Heading(_("Plan and fact of the network indicators")),
                          Table([_("Year"), _("Indicator"), _("Plan"), _("Fact")], rows,
                                widths_cm=[1.6, 8.0, 2.4, 4.7]))


def _events(note: Note, municipality: Municipality, span: Year | SchoolYear) -> None:
    events = db.session.scalars(select(MethodicalEvent).where(
        MethodicalEvent.municipality_id == municipality.id,
        MethodicalEvent.held_on.between(span.starts_on, span.ends_on))
        .order_by(MethodicalEvent.held_on)).all()
    winners = dict(db.session.execute(
        select(EventParticipation.event_id, func.count(EventParticipation.id))
        .where(EventParticipation.event_id.in_([e.id for e in events]),
               EventParticipation.role.in_(PRIZES))
        .group_by(EventParticipation.event_id)).all()) if events else {}
    note.document.add(Heading(_("Events and winners")))
    if not events:
        note.document.add(Paragraph(_("No events have been recorded for the period."),
                                    italic=True))
        return
    note.document.add(Table(
        [_("Date"), _("Event"), _("Kind"), _("Participants"), _("Winners and prize-winners")],
        [[day(e.held_on), e.title, str(labels.EVENT_KINDS[e.kind]),
          number(e.participants_count), number(winners.get(e.id, 0))] for e in events],
        widths_cm=[2.3, 6.4, 3.2, 2.3, 2.5]))


def _conclusions(note: Note, text: NetworkNoteText | None) -> None:
    for title, name, warning in (
            (_("Conclusions"), "conclusions", _("The conclusions have not been written.")),
            (_("Recommendations"), "recommendations",
             _("The recommendations have not been written."))):
        lines = paragraphs_of(getattr(text, name, ""))
        note.document.add(Heading(title))
        if not lines:
            note.warnings.append(warning)
        if not lines:
            note.document.add(Paragraph(_("Not written yet."), italic=True))
        elif name == "recommendations":
            note.document.add(Bullets(lines))
        else:
            note.document.add(*(Paragraph(line) for line in lines))


def build_note(municipality: Municipality, span: Year | SchoolYear) -> Note:
    period = counts_period(municipality.id, span)
    note = Note(ReportDocument(title=_("Analytical note on network interaction")))
    note.document.add(Paragraph(_("%(municipality)s, %(span)s", municipality=municipality.name,
                                  span=span.label), centered=True))
    _participation(note, municipality, period)
    _communities(note, municipality, span, period)
    _plan_and_fact(note, municipality, span)
    _events(note, municipality, span)
    _conclusions(note, note_text(municipality.id, span))
    return note

