"""The half-year report (DOMAIN §10) assembled from the records: the municipal report, the
school's part for its director and the regional summary. Each section is a function of the
report context returning its blocks and warnings; `build_*` return the DOCX bytes."""
from datetime import date

from flask_babel import gettext as _

from tracker.indicators.scope import low_result_school_ids
from tracker.indicators.services import TargetLevel
from tracker.periods import HalfYear
from tracker.reports.docx import build_docx
from tracker.reports.halfyear import (
    closing,
    events,
    indicators,
    measures,
    network,
    passport,
    school_texts,
    schools,
    staffing,
    teachers,
)
from tracker.reports.halfyear.assembly import AssembledReport, slug, with_comments
from tracker.reports.halfyear.context import municipal_context
from tracker.schools.models import Municipality


def municipal_report(municipality: Municipality, period: HalfYear, *, charts: bool = True,
                     today: date | None = None) -> AssembledReport:
    ctx = municipal_context(municipality, period, charts=charts, today=today)
    school_ids = low_result_school_ids(period.year, municipality_id=municipality.id)
    sections = with_comments(ctx, [
        passport.basis_section(ctx),
        passport.goal_section(ctx),
        schools.low_result_section(ctx),
        schools.project_500_section(ctx),
        schools.roles_section(ctx),
        indicators.indicators_section(ctx, school_ids,
                                      TargetLevel("municipality", municipality.id)),
        school_texts.transition_section(ctx),
        measures.measures_section(ctx),
        teachers.teachers_section(ctx),
        staffing.shortage_section(ctx),
        staffing.consultations_section(ctx),
        events.events_section(ctx),
        network.network_section(ctx),
        closing.conclusions_section(ctx),
        closing.priorities_section(ctx),
    ])
    signature, missing = closing.signature(ctx)
    return AssembledReport(passport.title(), passport.subtitle(ctx), sections, signature,
                           missing)


def build_municipal_report(municipality: Municipality, period: HalfYear | str) -> bytes:
    """The DOCX of the municipality's half-year report (for the bench and the CLI)."""
    if isinstance(period, str):
        period = HalfYear.parse(period)
    return build_docx(municipal_report(municipality, period).document())


def file_names(place_name: str, period: HalfYear) -> tuple[str, str]:
    """(ASCII, Russian) file names: «otchet-ust-ilimsk-2022-h1.docx», «Отчёт Усть-Илимск,
    1 полугодие 2022.docx» (the words of the period, never its code)."""
    ascii_name = f"otchet-{slug(place_name)}-{period.code.lower()}.docx"
    label = _("Report")
    return ascii_name, f"{label} {place_name}, {period.label}.docx"



def build_school_report(school, period: HalfYear) -> bytes:
    from tracker.reports.halfyear.school import school_report
    return build_docx(school_report(school, period).document())


def build_regional_report(region, period: HalfYear) -> bytes:
    from tracker.reports.halfyear.regional import regional_report
    return build_docx(regional_report(region, period).document())
