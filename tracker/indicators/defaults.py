"""The default catalogue of a region: the fourteen indicators of the «500+» roadmap.

Every new region starts with it (and the demo's region has it); a region's coordinator then
edits, retires or adds indicators, and a municipality adds its own. The computed ones read a
metric of the same code (see metrics.py); the entered ones are typed per school and half-year,
«ожидается (месяц)» until their due month has passed.
"""
from dataclasses import dataclass, field

from sqlalchemy import event, insert

from tracker.indicators.calculations import Unit
from tracker.indicators.models import Indicator, Periodicity, Source
from tracker.schools.models import Region


@dataclass(frozen=True)
class DefaultIndicator:
    code: str
    name_ru: str
    name_en: str
    unit: Unit
    source: Source
    expected_month: int | None = None
    in_report_table: bool = True
    filters: dict = field(default_factory=dict)

    @property
    def is_computed(self) -> bool:
        return self.source == Source.COMPUTED

    def row(self, region_id: int, position: int) -> dict:
        return {"code": self.code, "name_ru": self.name_ru, "name_en": self.name_en,
                "unit": self.unit, "periodicity": Periodicity.HALF_YEAR, "level": "school",
                "direction": "higher", "expected_month": self.expected_month,
                "source": self.source,
                "metric": self.code if self.source == Source.COMPUTED else None,
                "filters": dict(self.filters), "region_id": region_id, "position": position,
                "in_report_table": self.in_report_table, "is_retired": False, "version": 1}


def _pupils(code: str, name_ru: str, name_en: str) -> DefaultIndicator:
    return DefaultIndicator(code, name_ru, name_en, Unit.PERCENT, Source.ENTERED,
                            expected_month=8)  # ВПР and ГИА results come in August


def _computed(code: str, name_ru: str, name_en: str, unit: Unit = Unit.PERCENT,
              in_report_table: bool = True) -> DefaultIndicator:
    return DefaultIndicator(code, name_ru, name_en, unit, Source.COMPUTED,
                            in_report_table=in_report_table)


DEFAULT_CATALOGUE: tuple[DefaultIndicator, ...] = (
    _pupils("pupils_basic_1_4",
            "Доля учащихся 1–4 классов, достигших базового уровня предметной подготовки",
            "Share of pupils of grades 1–4 reaching the basic level of subject preparation"),
    _pupils("pupils_basic_5_9",
            "Доля учащихся 5–9 классов, достигших базового уровня предметной подготовки",
            "Share of pupils of grades 5–9 reaching the basic level of subject preparation"),
    _pupils("pupils_meta_5_9",
            "Доля учащихся 5–9 классов, достигших высокого уровня метапредметной подготовки",
            "Share of pupils of grades 5–9 reaching a high level of meta-subject preparation"),
    _pupils("pupils_basic_10_11",
            "Доля учащихся 10–11 классов, достигших базового уровня предметной подготовки",
            "Share of pupils of grades 10–11 reaching the basic level of subject preparation"),
    _pupils("pupils_meta_10_11",
            "Доля учащихся 10–11 классов, достигших высокого уровня метапредметной подготовки",
            "Share of pupils of grades 10–11 reaching a high level of meta-subject preparation"),
    _computed("teachers_courses_3y",
              "Доля педагогических работников, прошедших КПК за последние 3 года",
              "Share of teachers who completed professional development courses in the last "
              "3 years"),
    _computed("schools_in_competitions",
              "Доля ШНОР, представивших педагогов на муниципальные конкурсы педагогического "
              "мастерства",
              "Share of low-result schools that sent teachers to municipal professional "
              "competitions"),
    _computed("schools_with_mentoring", "Доля ШНОР, реализующих программы наставничества",
              "Share of low-result schools running mentoring programs"),
    _computed("teachers_diagnosed",
              "Доля педагогических работников, прошедших диагностику профессиональных дефицитов",
              "Share of teachers who passed the diagnostics of professional deficits"),
    _computed("teachers_with_plan",
              "Доля педагогических работников, имеющих индивидуальные программы развития",
              "Share of teachers with individual development plans"),
    DefaultIndicator(
        "methodical_dynamics",
        "Наличие динамики уровня методической активности (использование ресурсов городской "
        "методической службы, в том числе в сетевой форме; педагоги, обобщившие опыт работы)",
        "Positive dynamics of methodical activity (use of the municipal methodical service, "
        "network forms; teachers who shared their experience)",
        Unit.YES_NO, Source.ENTERED, expected_month=6),
    _computed("measures_on_time", "Доля мероприятий, выполненных в срок",
              "Share of measures done on time", in_report_table=False),
    _computed("evidence_accepted", "Доля мероприятий с принятыми подтверждающими документами",
              "Share of done measures with accepted evidence", in_report_table=False),
    _computed("visits", "Визиты кураторов (план / факт)", "Curator visits (plan / fact)",
              Unit.COUNT, in_report_table=False),
)

DEFAULT_CODES = tuple(indicator.code for indicator in DEFAULT_CATALOGUE)


def default_rows(region_id: int) -> list[dict]:
    return [indicator.row(region_id, position)
            for position, indicator in enumerate(DEFAULT_CATALOGUE, start=1)]


@event.listens_for(Region, "after_insert")
def _seed_new_region(_mapper, connection, region: Region) -> None:
    """A new region (created by the administrator, the demo or an import) starts with the
    default catalogue, so that its dashboards and report have indicators from the first day."""
    connection.execute(insert(Indicator.__table__), default_rows(region.id))
