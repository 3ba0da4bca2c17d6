"""Course figures of the whole municipality the tracker's records do not hold, typed into the
narrative: all its teachers and how many completed courses, and the half-year's listeners of
additional professional programs in the municipality beside the region's."""
from flask_babel import gettext as _

from tracker.i18n import number, share
from tracker.indicators.calculations import Fraction
from tracker.reports.document import Block, Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, ReportWarning
from tracker.reports.models import ReportNarrative

MUNICIPAL_LISTENERS = ("listeners_academy", "listeners_iro_registry", "listeners_iro_other")
REGION_LISTENERS = ("region_listeners_academy", "region_listeners_iro_registry",
                    "region_listeners_iro_other")


def listeners_row(name: str, narrative: ReportNarrative, fields: tuple[str, ...]) -> list[str] | None:
    """One row of the listeners table: academy, ИРО in the registry, the registry's total, ИРО
    outside the registry, the total; None when none of the three is entered (a blank counts 0)."""
    values = [getattr(narrative, field) for field in fields]
    if all(value is None for value in values):
        return None
    academy, iro_registry, iro_other = (value or 0 for value in values)
    registry = academy + iro_registry
    return [name, *[number(v) for v in (academy, iro_registry, registry, iro_other,
                                        registry + iro_other)]]


def trained_paragraph(ctx: ReportContext) -> tuple[list[Block], list[ReportWarning]]:
    trained = ctx.narrative.municipal_teachers_trained
    teachers = ctx.narrative.municipal_teachers_total
    if trained is None or not teachers:
        return [], [ReportWarning(_("How many of all the municipality's teachers completed "
                                    "courses or retraining is not filled in."),
                                  ctx.narrative_link())]
    return [Paragraph(_("In the municipality as a whole %(share)s teachers completed advanced "
                        "training courses or professional retraining.",
                        share=share(Fraction(trained, teachers))))], []


def listeners_blocks(ctx: ReportContext) -> tuple[list[Block], list[ReportWarning]]:
    municipal = listeners_row(ctx.municipality.name, ctx.narrative, MUNICIPAL_LISTENERS)
    if municipal is None:
        return [], [ReportWarning(_("The half-year's listeners of additional professional "
                                    "programs in the municipality are not filled in."),
                                  ctx.narrative_link())]
    rows = [municipal]
    region = listeners_row(ctx.municipality.region.name, ctx.narrative, REGION_LISTENERS)
    if region is not None:
        rows.append(region)
    table = Table([_("Municipality"), _("Academy of the Ministry, federal registry"),
                   _("ИРО, federal registry"), _("Federal registry, total"),
                   _("ИРО, outside the registry"), _("Total")], rows,
                  widths_cm=[4.0, 2.6, 2.4, 2.4, 2.4, 2.2],
                  caption=_("Listeners of additional professional programs in the half-year "
                            "(people)"))
    return [Paragraph(_("In the half-year %(total)s teaching and administrative staff completed "
                        "courses of the ИРО and of the Academy of the Ministry, %(registry)s of "
                        "them in programs of the federal registry.",
                        total=municipal[5], registry=municipal[3])), table], []


def course_figures(ctx: ReportContext) -> tuple[list[Block], list[ReportWarning]]:
    """The municipality-wide figures and their warnings; nothing in a school's own report."""
    if ctx.of_one_school:
        return [], []
    blocks, warnings = [], []
    for part in (trained_paragraph, listeners_blocks):
        more_blocks, more_warnings = part(ctx)
        blocks += more_blocks
        warnings += more_warnings
    return blocks, warnings
