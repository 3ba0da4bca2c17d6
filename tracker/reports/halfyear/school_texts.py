"""The paragraph on each school with anti-risk programs: how it moves to effective operation.
The coordinator's own text when written; otherwise one drafted from the school's records (its
verified directions, the half-year's measures and evidence, the curator's visits, the teachers'
plans), which the narrative form offers for editing."""
from dataclasses import dataclass

from flask_babel import gettext as _

from tracker.i18n import share
from tracker.indicators.metrics import METRICS
from tracker.reports.document import Paragraph
from tracker.reports.halfyear.context import ReportContext, ReportWarning, Section, id_select
from tracker.reports.halfyear.measures import Tally, measure_tallies
from tracker.reports.halfyear.schools import verified_directions
from tracker.reports.narrative import school_texts
from tracker.schools.models import School
from tracker.visits.coverage import school_coverage


@dataclass(frozen=True)
class SchoolParagraph:
    school: School
    text: str
    drafted: bool  # no text of the coordinator's: drafted from the records


def school_paragraphs(ctx: ReportContext) -> list[SchoolParagraph]:
    schools, _tallies = measure_tallies(ctx)
    written = school_texts([school.id for school in schools], ctx.period)
    drafts = drafted_texts(ctx)
    return [SchoolParagraph(school, written.get(school.id) or drafts[school.id],
                            school.id not in written) for school in schools]


def drafted_texts(ctx: ReportContext) -> dict[int, str]:
    """{school id: the paragraph drafted from its records} for each school with programs."""
    schools, tallies = measure_tallies(ctx)
    ids = [school.id for school in schools]
    directions = verified_directions(ids, ctx.year)
    visits = {row.school_id: row.done for row in school_coverage(ctx.municipality, ctx.period,
                                                                 today=ctx.today)}
    plans = METRICS["teachers_with_plan"].count(id_select(ids), ctx.period) if ids else {}
    return {school.id: _draft(school, tallies[school.id], directions.get(school.id, []),
                              visits.get(school.id, 0), plans.get(school.id))
            for school in schools}


def _draft(school: School, tally: Tally, directions: list[str], visits: int, plans) -> str:
    return _("%(school)s works on the risk directions: %(directions)s. Of %(total)s measures of "
             "the half-year %(done)s are done (%(accepted)s with accepted evidence), %(overdue)s "
             "overdue. Curator visits held: %(visits)s. Teachers with an approved individual "
             "plan: %(plans)s.", school=school.short_name,
             directions="; ".join(directions) or _("none verified"), total=tally.total,
             done=tally.done, accepted=tally.with_accepted, overdue=tally.overdue,
             visits=visits, plans=share(plans) if plans is not None else "—")


def transition_section(ctx: ReportContext) -> Section:
    section = Section("transition", _("Moving the schools to effective operation"))
    paragraphs = school_paragraphs(ctx)
    section.blocks = [Paragraph(paragraph.text) for paragraph in paragraphs]
    drafted = [paragraph.school.short_name for paragraph in paragraphs if paragraph.drafted]
    if drafted:
        section.warnings.append(ReportWarning(
            _("The paragraphs on these schools are drafted from the records: %(schools)s. Check "
              "and complete them in the narrative.", schools=", ".join(drafted)),
            ctx.narrative_link()))
    return section
