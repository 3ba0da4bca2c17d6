"""Teacher development: diagnostics, individual plans, courses in three years and mentoring per
school (the indicators' own providers, so the figures match the indicator table), the
municipality-wide course figures of the narrative, and the course listeners of the half-year by
provider and federal registry."""
from flask_babel import gettext as _
from flask_babel import ngettext

from tracker.i18n import number, percent, share
from tracker.indicators.calculations import Fraction, total
from tracker.indicators.metrics import METRICS
from tracker.reports.document import Paragraph, Table
from tracker.reports.halfyear.context import ReportContext, Section, id_select
from tracker.reports.halfyear.course_figures import course_figures
from tracker.periods import SchoolYear
from tracker.teachers import queries
from tracker.teachers.labels import COURSE_TOPIC
from tracker.teachers.models import CourseProvider, CourseTopic

SHARE_CODES = ("teachers_diagnosed", "teachers_with_plan", "teachers_courses_3y")
MENTORING = "schools_with_mentoring"


def _cell(fraction: Fraction | None) -> str:
    if fraction is None or not fraction.denominator:
        return "—"
    return f"{number(fraction.numerator)} ({percent(fraction.percent)})"


def development_table(ctx: ReportContext) -> tuple[Table, dict, dict[int, int]]:
    school_ids = id_select(ctx.school_ids)
    shares = {code: METRICS[code].count(school_ids, ctx.period) for code in SHARE_CODES}
    mentoring = METRICS[MENTORING].count(school_ids, ctx.period)
    staff = queries.active_teachers(ctx.school_ids)
    rows = []
    for school in ctx.schools:
        running = mentoring.get(school.id)
        rows.append([school.short_name, number(staff.get(school.id, 0)),
                     *[_cell(shares[code].get(school.id)) for code in SHARE_CODES],
                     _("yes") if running and running.numerator else _("no")])
    totals = {code: total(shares[code].values()) for code in SHARE_CODES}
    totals[MENTORING] = total(mentoring.values())
    if len(ctx.schools) > 1:
        rows.append([_("Total"), number(sum(staff.values())),
                     *[_cell(totals[code]) for code in SHARE_CODES],
                     _cell(totals[MENTORING])])
    table = Table([_("School"), _("Teachers on the roster"), _("Passed the diagnostics"),
                   _("Have an approved individual plan"), _("Courses in the last 3 years"),
                   _("Runs mentoring")], rows, total_row=len(ctx.schools) > 1,
                  caption=_("Professional development of teachers"))
    return table, totals, staff


def courses_table(ctx: ReportContext) -> tuple[Table, list[str]]:
    """ИРО listeners of the half-year per school, in the federal registry and outside it, as the
    reference report counts them; with the schools that recorded no course at all."""
    listeners = queries.course_listeners(ctx.school_ids, ctx.period)
    rows, sums, silent = [], [0, 0], []
    for school in ctx.schools:
        mine = {(p, r): n for (s, p, r), n in listeners.items() if s == school.id}
        values = [mine.get((CourseProvider.IRO, True), 0), mine.get((CourseProvider.IRO, False), 0)]
        if not sum(mine.values()):
            silent.append(school.short_name)
        sums = [a + b for a, b in zip(sums, values)]
        rows.append([school.short_name, *[number(v) for v in values], number(sum(values))])
    if len(ctx.schools) > 1:
        rows.append([_("Total"), *[number(v) for v in sums], number(sum(sums))])
    table = Table([_("School"), _("ИРО, federal registry"), _("ИРО, outside the registry"),
                   _("Total")], rows, total_row=len(ctx.schools) > 1,
                  caption=_("Listeners of the ИРО programs in the half-year (people)"))
    return table, silent


def _first_upper(label: str) -> str:
    return label[:1].upper() + label[1:]


def topics_table(ctx: ReportContext, teachers: int) -> tuple[Table | None, list[str]]:
    """The share of the schools' teachers (the roster of the development table) with a course of
    each direction in the school year up to the half-year's end; a warning when courses were
    completed but none says its direction."""
    school_year = SchoolYear.containing(ctx.period.ends_on)
    counts = queries.teachers_by_course_topic(ctx.school_ids, school_year.starts_on,
                                              ctx.period.ends_on)
    if not any(topic for topic in counts):
        return None, ([_("No course of the school year %(year)s has its direction stated: the "
                         "shares of the course directions are not counted.",
                         year=school_year.code)] if counts else [])
    rows = [[_first_upper(str(COURSE_TOPIC[topic])),
             share(Fraction(counts.get(topic.value, 0), teachers))]
            for topic in CourseTopic if topic != CourseTopic.OTHER]
    return Table([_("Direction of the courses"), _("Teachers who completed such a course")],
                 rows, widths_cm=[9.0, 7.0],
                 caption=_("Directions of the courses of the schools' teachers in the school "
                           "year %(year)s", year=school_year.code)), []


def teachers_section(ctx: ReportContext) -> Section:
    section = Section("teachers", _("Professional development of teachers"),
                      comment_field="comment_teachers")
    if not ctx.schools:
        return section
    development, totals, staff = development_table(ctx)
    section.blocks += [
        Paragraph(_("Passed the diagnostics of professional deficits: %(diagnosed)s of the "
                    "teachers; have an approved individual development plan: %(plans)s; "
                    "completed courses in the last three years: %(courses)s.",
                    diagnosed=share(totals["teachers_diagnosed"]),
                    plans=share(totals["teachers_with_plan"]),
                    courses=share(totals["teachers_courses_3y"]))),
        development,
        Paragraph(_("Mentoring programs run in %(mentoring)s schools.",
                    mentoring=share(totals[MENTORING]))),
    ]
    figures, warnings = course_figures(ctx)
    topics, topic_warnings = topics_table(ctx, sum(staff.values()))
    courses, silent = courses_table(ctx)
    section.blocks += [*figures, *([topics] if topics else []), courses]
    section.warnings += warnings + topic_warnings
    no_staff = [s.short_name for s in ctx.schools if not staff.get(s.id)]
    if no_staff:
        section.warnings.append(ngettext(
            "%(num)s school has not entered its teachers: %(schools)s.",
            "%(num)s schools have not entered their teachers: %(schools)s.",
            len(no_staff), schools=", ".join(no_staff)))
    if silent:
        section.warnings.append(ngettext(
            "%(num)s school has not entered course data for the half-year: %(schools)s.",
            "%(num)s schools have not entered course data for the half-year: %(schools)s.",
            len(silent), schools=", ".join(silent)))
    return section
