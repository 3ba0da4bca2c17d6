"""The printable visit sheet (DOCX, A4, Times New Roman), built from plain data."""
import re
from dataclasses import dataclass, field
from io import BytesIO

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from flask_babel import gettext as _

from tracker.i18n import day
from tracker.storage.checks import visible_name
from tracker.visits.models import Recommendation, Visit, VisitAttachment, VisitNote

FONT = "Times New Roman"


@dataclass
class VisitSheet:
    school: str
    municipality: str
    curator: str
    day: str
    kind: str
    format: str
    status: str
    purpose: str
    agenda: str
    findings: str
    participants: list[tuple[str, str]] = field(default_factory=list)
    checklist: list[tuple[str, str]] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)
    recommendations: list[tuple[str, str, str, str]] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)


def concerns(recommendation: Recommendation) -> str:
    """«Рисковое направление: …; Мероприятие: …», or empty when it concerns nothing named."""
    parts = []
    if recommendation.risk_direction is not None:
        parts.append(_("Risk direction") + ": " + recommendation.risk_direction.name)
    if recommendation.measure is not None:
        parts.append(_("Measure") + ": " + recommendation.measure.title)
    return "; ".join(parts)


def sheet_data(visit: Visit, notes: list[VisitNote],
               attachments: list[VisitAttachment] = ()) -> VisitSheet:
    """The sheet's content; `notes` and `attachments` are only those the requester may read."""
    from tracker.visits.forms import (FORMAT_LABELS, KIND_LABELS, RECOMMENDATION_LABELS,
                                      STATUS_LABELS)
    def answer(checked: bool) -> str:
        return _("yes") if checked else _("no")
    lessons = (_("yes, %(n)s", n=visit.lessons_observed_count) if visit.lessons_observed
               else _("no"))
    return VisitSheet(
        school=visit.school.full_name, municipality=visit.school.municipality.name,
        curator=visit.curator.full_name, day=day(visit.day), kind=str(KIND_LABELS[visit.kind]),
        format=str(FORMAT_LABELS[visit.format]),
        status=str(STATUS_LABELS[visit.shown_status()]), purpose=visit.purpose,
        agenda=visit.agenda, findings=visit.findings,
        participants=[(p.name, p.position) for p in visit.participants],
        checklist=[(_("The risk profile was discussed"), answer(visit.risk_profile_discussed)),
                   (_("The documents are present and sound"), answer(visit.documents_sound)),
                   (_("Measures are on time"), answer(visit.measures_on_time)),
                   (_("Evidence of the measures is present"), answer(visit.evidence_present)),
                   (_("Lessons were observed"), lessons)],
        notes=[(day(n.created_at), n.text) for n in notes],
        recommendations=[(r.text, concerns(r), day(r.due_on),
                          str(RECOMMENDATION_LABELS[r.status])) for r in visit.recommendations],
        attachments=[visible_name(a.original_name) for a in attachments],
    )


def _set_font(document) -> None:
    style = document.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for name in ("Title", "Heading 1", "Heading 2"):
        heading = document.styles[name]
        heading.font.name = FONT
        rpr = heading.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:ascii"), FONT)
        rpr.get_or_add_rFonts().set(qn("w:hAnsi"), FONT)
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), FONT)


def _table(document, header: tuple[str, ...], rows) -> None:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = text
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text or ""


def _section(document, title: str, text: str) -> None:
    document.add_heading(title, level=2)
    document.add_paragraph(text or "—")


def visit_sheet(data: VisitSheet) -> BytesIO:
    document = Document()
    _set_font(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    document.add_heading(_("Curator's visit sheet"), level=1)
    _table(document, (_("Field"), _("Value")), [
        (_("School"), data.school), (_("Municipality"), data.municipality),
        (_("Curator"), data.curator), (_("Date"), data.day), (_("Kind of visit"), data.kind),
        (_("Format"), data.format), (_("Status"), data.status)])
    document.add_heading(_("Participants"), level=2)
    _table(document, (_("Full name"), _("Position")), data.participants)
    _section(document, _("Purpose"), data.purpose)
    _section(document, _("Agenda"), data.agenda)
    document.add_heading(_("What was checked"), level=2)
    _table(document, (_("Item"), _("Result")), data.checklist)
    _section(document, _("Findings"), data.findings)
    document.add_heading(_("Recommendations"), level=2)
    _table(document, (_("Recommendation"), _("Concerns"), _("Due date"), _("Status")),
           data.recommendations)
    if data.notes:
        document.add_heading(_("Notes"), level=2)
        _table(document, (_("Date"), _("Note")), data.notes)
    if data.attachments:
        document.add_heading(_("Files"), level=2)
        for name in data.attachments:
            document.add_paragraph(name, style="List Bullet")
    document.add_paragraph()
    document.add_paragraph(_("Curator: ____________ / %(name)s", name=data.curator))
    document.add_paragraph(_("Director: ____________"))
    buffer = BytesIO()
    document.save(buffer)
    buffer.seek(0)
    return buffer


def file_name(visit: Visit) -> str:
    """«Лист посещения МАОУ «СОШ № 5» 24.03.2022.docx», safe for every file system."""
    title = _("Visit sheet")
    name = f"{title} {visit.school.short_name} {day(visit.day)}.docx"
    return re.sub(r'[\\/:*?"<>|]+', " ", name)
