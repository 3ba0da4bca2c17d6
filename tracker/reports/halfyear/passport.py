"""The program passport: the title, the basis (roadmap, municipal program and their orders),
the goal and the tasks — written by the coordinator, carried over between half-years."""
from flask_babel import gettext as _

from tracker.periods import label_of
from tracker.reports.document import Bullets, Paragraph
from tracker.reports.halfyear.context import ReportContext, Section
from tracker.reports.models import paragraphs_of


def title() -> str:
    return _("Report on the implementation of the municipal program of methodical support of "
             "schools with low educational results")


def subtitle(ctx: ReportContext) -> str:
    return f"{ctx.municipality.name}, {ctx.period.label}"


def basis_section(ctx: ReportContext) -> Section:
    section = Section("basis", _("Basis"))
    texts = (paragraphs_of(ctx.narrative.roadmap_basis)
             + paragraphs_of(ctx.narrative.program_basis))
    section.blocks = [Paragraph(text) for text in texts]
    if not texts:
        section.warnings.append(_("The basis of the program (the regional roadmap, the municipal "
                                  "program and their orders) is not filled in."))
    if ctx.carried_from:
        section.warnings.append(_("The program passport is carried over from %(period)s: check "
                                  "it and save the narrative of this half-year.",
                                  period=label_of(ctx.carried_from)))
    return section


def goal_section(ctx: ReportContext) -> Section:
    section = Section("goal", _("Goal and tasks of the program"))
    goal, tasks = ctx.narrative.program_goal.strip(), ctx.narrative.task_list
    if goal:
        section.blocks.append(Paragraph(_("Goal of the municipal program: %(goal)s", goal=goal)))
    else:
        section.warnings.append(_("The goal of the program is not filled in."))
    if tasks:
        section.blocks += [Paragraph(_("Tasks of the municipal program:")),
                           Bullets(tasks, numbered=True)]
    else:
        section.warnings.append(_("The tasks of the program are not filled in."))
    return section
