"""The indicators the tracker knows: code, name, unit, how the value is obtained.

Computed indicators take their numerator and denominator from the records (see providers.py);
entered ones are typed per school and period, and are «ожидается (месяц)» until entered.
"""
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from tracker.indicators.calculations import Unit

COMPUTED, ENTERED = "computed", "entered"


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: Unit
    source: str
    expected_month: int | None = None  # entered values: the month they are due (8 = август)
    in_report_table: bool = True
    # a plan / fact count: the numerator is the fact, the denominator the plan from the records
    plan_in_records: bool = False

    @property
    def is_computed(self) -> bool:
        return self.source == COMPUTED


def _pupils(code: str, name: str) -> Indicator:
    return Indicator(code, name, Unit.PERCENT, ENTERED, expected_month=8)


CATALOGUE: tuple[Indicator, ...] = (
    _pupils("pupils_basic_1_4", _l(
        "Share of pupils of grades 1–4 reaching the basic level of subject preparation")),
    _pupils("pupils_basic_5_9", _l(
        "Share of pupils of grades 5–9 reaching the basic level of subject preparation")),
    _pupils("pupils_meta_5_9", _l(
        "Share of pupils of grades 5–9 reaching a high level of meta-subject preparation")),
    _pupils("pupils_basic_10_11", _l(
        "Share of pupils of grades 10–11 reaching the basic level of subject preparation")),
    _pupils("pupils_meta_10_11", _l(
        "Share of pupils of grades 10–11 reaching a high level of meta-subject preparation")),
    Indicator("teachers_courses_3y", _l(
        "Share of teachers who completed professional development courses in the last 3 years"),
        Unit.PERCENT, COMPUTED),
    Indicator("schools_in_competitions", _l(
        "Share of low-result schools that sent teachers to municipal professional competitions"),
        Unit.PERCENT, COMPUTED),
    Indicator("schools_with_mentoring", _l(
        "Share of low-result schools running mentoring programs"), Unit.PERCENT, COMPUTED),
    Indicator("teachers_diagnosed", _l(
        "Share of teachers who passed the diagnostics of professional deficits"),
        Unit.PERCENT, COMPUTED),
    Indicator("teachers_with_plan", _l(
        "Share of teachers with individual development plans"), Unit.PERCENT, COMPUTED),
    Indicator("methodical_dynamics", _l(
        "Positive dynamics of methodical activity (use of the municipal methodical service, "
        "network forms; teachers who shared their experience)"), Unit.YES_NO, ENTERED,
        expected_month=6),
    Indicator("measures_on_time", _l("Share of measures done on time"), Unit.PERCENT, COMPUTED,
              in_report_table=False),
    Indicator("evidence_accepted", _l("Share of done measures with accepted evidence"),
              Unit.PERCENT, COMPUTED, in_report_table=False),
    Indicator("visits", _l("Curator visits (plan / fact)"), Unit.COUNT, COMPUTED,
              in_report_table=False, plan_in_records=True),
)

BY_CODE = {indicator.code: indicator for indicator in CATALOGUE}


def get(code: str) -> Indicator:
    return BY_CODE[code]
