"""The end of the report: conclusions, priorities for the next half-year, the signature."""
from flask_babel import gettext as _

from tracker.reports.document import Bullets, Paragraph, Signature
from tracker.reports.halfyear.context import ReportContext, Section
from tracker.reports.halfyear.schools import coordinators
from tracker.reports.models import paragraphs_of


def conclusions_section(ctx: ReportContext) -> Section:
    section = Section("conclusions", _("Conclusions"))
    texts = paragraphs_of(ctx.narrative.conclusions)
    section.blocks = [Paragraph(text) for text in texts]
    if not texts:
        section.warnings.append(_("The conclusions are not filled in."))
    return section


def priorities_section(ctx: ReportContext) -> Section:
    section = Section("priorities", _("Priorities for the next half-year"))
    items = ctx.narrative.priority_list
    if items:
        section.blocks = [Paragraph(_("The following tasks remain priorities:")),
                          Bullets(items)]
    else:
        section.warnings.append(_("The priorities for the next half-year are not filled in."))
    return section


def signature(ctx: ReportContext) -> tuple[Signature, list[str]]:
    """The signatory of the narrative, else the municipality's coordinator account."""
    position = ctx.narrative.signatory_position.strip() or _("Municipal coordinator")
    name = ctx.narrative.signatory_name.strip()
    if name:
        return Signature(position, name), []
    people = coordinators(ctx.municipality.id)
    return (Signature(position, people[0] if len(people) == 1 else ""),
            [_("The signatory is not filled in.")])
