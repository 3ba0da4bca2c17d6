"""The end of the report: conclusions (drafted from the data, checked against it), priorities
for the next half-year, the signature."""
import re

from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.reports.document import Bullets, Paragraph, Signature
from tracker.programs.measure_queries import MeasureState
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section
from tracker.reports.halfyear.measures import measure_tallies
from tracker.reports.halfyear.schools import coordinators
from tracker.reports.models import paragraphs_of

# «все мероприятия выполнены», «мероприятия программы выполнены», «в полном объёме»: a claim that
# nothing is left undone, unless the same sentence names what was not done
_ALL_DONE = re.compile(r"мероприяти\w*[^.]*\b(выполнен|реализован)\w*|в полном объ[её]ме",
                       re.IGNORECASE)
_EXCEPT = re.compile(r"кроме|за исключением|не все|не выполн|просроч|перенес", re.IGNORECASE)


def drafted_conclusion(ctx: ReportContext) -> str:
    """The paragraph the conclusions start from, in the data's words: «Из 15 мероприятий
    полугодия выполнено 13, просрочено 2 (СОШ № 7: 2).»"""
    schools, tallies = measure_tallies(ctx)
    total = sum(t.total for t in tallies.values())
    done = sum(t.done for t in tallies.values())
    late = [(s.short_name, tallies[s.id].overdue) for s in schools if tallies[s.id].overdue]
    if not total:
        return _("No measures of the anti-risk programs fall in the half-year.")
    if not late:
        return ngettext("Of %(num)s measure of the half-year %(done)s is done, none is overdue.",
                        "Of %(num)s measures of the half-year %(done)s are done, none is "
                        "overdue.", total, done=done)
    return ngettext("Of %(num)s measure of the half-year %(done)s is done, %(overdue)s overdue "
                    "(%(where)s).", "Of %(num)s measures of the half-year %(done)s are done, "
                    "%(overdue)s overdue (%(where)s).", total, done=done,
                    overdue=sum(n for _s, n in late),
                    where="; ".join(f"{name}: {n}" for name, n in late))


def contradictions(ctx: ReportContext, texts: list[str]) -> list[ReportWarning]:
    """Where the coordinator's text says what the records do not: all measures done while
    some are overdue."""
    schools, tallies = measure_tallies(ctx)
    overdue = [s.short_name for s in schools if tallies[s.id].overdue]
    claims = [sentence for text in texts for sentence in re.split(r"(?<=[.!?])\s+", text)
              if _ALL_DONE.search(sentence) and not _EXCEPT.search(sentence)]
    if overdue and claims:
        return [ReportWarning(
            _("The conclusions say the measures were done («%(claim)s»), but measures are "
              "overdue: %(schools)s.", claim=claims[0][:120], schools=", ".join(overdue)),
            ctx.measures_link(state=MeasureState.OVERDUE))]
    return []


def conclusions_section(ctx: ReportContext) -> Section:
    section = Section("conclusions", _("Conclusions"))
    texts = paragraphs_of(ctx.narrative.conclusions)
    if texts:
        section.blocks = [Paragraph(text) for text in texts]
        section.warnings += contradictions(ctx, texts)
    else:
        section.blocks = [Paragraph(drafted_conclusion(ctx))]
        section.warnings.append(_("The conclusions are not filled in: the report holds the "
                                  "paragraph drafted from the data."))
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
