"""A municipality with a big monitoring of its own: 36 indicators added to its region's 14, so
that its catalogue has 50 (the case page.municipality.50). A mix as municipalities write them:
the registered metrics narrowed by organization type or status, shares typed by every school,
figures typed once for the municipality, yes/no; most per half-year, a few per calendar or
school year; targets for some. It is the second municipality of the first region, so the bench
municipality keeps its figures. Seeded on its own: the rest of the data do not change."""
import random
from dataclasses import dataclass, field

from tracker.periods import SchoolYear, Year

from benchmark.rows import RegionInfo, Rows, chance
from benchmark.scales import PERIOD

OWN_INDICATORS = 36
HALF, YEAR, SCHOOL_YEAR = "halfyear", "year", "schoolyear"
OO, OTHERS = ["oo"], ["doo", "udo"]
PROJECT_500 = {"status": "project_500"}


@dataclass(frozen=True)
class Own:
    code: str
    name_ru: str
    unit: str  # percent, count, number, yes_no
    source: str = "entered"
    level: str = "school"
    periodicity: str = HALF
    metric: str | None = None
    filters: dict = field(default_factory=dict)
    direction: str = "higher"
    expected_month: int | None = None
    target: tuple[int, int] | None = None  # a target drawn between these


def _computed(code: str, name_ru: str, metric: str, filters: dict, unit: str = "percent",
              target: tuple[int, int] | None = None) -> Own:
    return Own(code, name_ru, unit, "computed", metric=metric, filters=filters, target=target)


def _share(code: str, name_ru: str, month: int | None = 8, direction: str = "higher",
           target: tuple[int, int] | None = None, periodicity: str = HALF) -> Own:
    """Pupils counted by every school (numerator of denominator)."""
    return Own(code, name_ru, "percent", expected_month=month, direction=direction,
               target=target, periodicity=periodicity)


def _once(code: str, name_ru: str, unit: str, periodicity: str = HALF, month: int | None = 6,
          target: tuple[int, int] | None = None) -> Own:
    """A figure typed once for the whole municipality."""
    return Own(code, name_ru, unit, level="municipality", periodicity=periodicity,
               expected_month=month, target=target)


CATALOGUE_50 = (
    _computed("plan_oo", "Доля педагогов ОО с индивидуальными программами развития",
              "teachers_with_plan", {"org_type": OO}, target=(50, 90)),
    _computed("plan_500", "Доля педагогов школ проекта 500+ с индивидуальными программами",
              "teachers_with_plan", PROJECT_500, target=(50, 90)),
    _computed("diagnosed_oo", "Доля педагогов ОО, прошедших диагностику дефицитов",
              "teachers_diagnosed", {"org_type": OO}, target=(60, 95)),
    _computed("diagnosed_500", "Доля педагогов школ 500+, прошедших диагностику дефицитов",
              "teachers_diagnosed", PROJECT_500),
    _computed("courses_oo", "Доля педагогов ОО, прошедших КПК за 3 года", "teachers_courses_3y",
              {"org_type": OO}, target=(90, 100)),
    _computed("courses_doo_udo", "Доля педагогов ДОО и УДО, прошедших КПК за 3 года",
              "teachers_courses_3y", {"org_type": OTHERS}),
    _computed("courses_500", "Доля педагогов школ 500+, прошедших КПК за 3 года",
              "teachers_courses_3y", PROJECT_500),
    _computed("mentoring_500", "Доля школ 500+, реализующих программы наставничества",
              "schools_with_mentoring", PROJECT_500, target=(70, 100)),
    _computed("on_time_500", "Доля мероприятий школ 500+, выполненных в срок",
              "measures_on_time", PROJECT_500),
    _computed("evidence_oo", "Доля мероприятий ОО с принятыми подтверждениями",
              "evidence_accepted", {"org_type": OO}),
    _computed("visits_500", "Визиты кураторов в школы 500+ (план / факт)", "visits",
              PROJECT_500, unit="count"),
    _computed("competitions_500", "Доля школ 500+, представивших педагогов на конкурсы",
              "schools_in_competitions", PROJECT_500, target=(40, 80)),
    _computed("net_orgs_oo", "Доля ОО, включённых в работу сетевых сообществ",
              "organizations_in_communities", {"org_type": OO}, target=(30, 60)),
    _computed("net_teachers", "Доля педагогов, участвующих в сетевых сообществах",
              "teachers_in_communities", {}),
    _computed("net_communities", "Сетевые сообщества с участием ШНОР", "communities", {},
              unit="count"),
    _share("olympiad_share", "Доля обучающихся, принявших участие в школьном этапе ВсОШ",
           month=12, target=(20, 50)),
    _share("reading_4", "Доля обучающихся 4 классов с базовым уровнем читательской грамотности",
           target=(60, 90)),
    _share("math_literacy_8", "Доля обучающихся 8 классов с базовым уровнем математической "
                              "грамотности", target=(55, 85)),
    _share("science_literacy_8", "Доля обучающихся 8 классов с базовым уровнем "
                                 "естественнонаучной грамотности"),
    _share("failing_share", "Доля обучающихся, не освоивших образовательную программу",
           month=7, direction="lower", target=(2, 8)),
    _share("risk_pupils", "Доля обучающихся с рисками учебной неуспешности", month=6,
           direction="lower"),
    _share("extra_education", "Доля обучающихся, охваченных дополнительным образованием",
           month=None, target=(60, 85)),
    _share("gia_math_pass", "Доля выпускников 9 классов, сдавших ОГЭ по математике",
           month=7, target=(85, 98)),
    _share("profile_classes", "Доля обучающихся 10–11 классов в профильных классах",
           periodicity=SCHOOL_YEAR, month=10),
    Own("young_teachers", "Молодые педагоги (стаж до 3 лет)", "count", expected_month=None),
    Own("avg_vpr_score", "Средний балл ВПР по русскому языку, 5 класс", "number",
        expected_month=8),
    Own("parent_club", "Работает родительский клуб", "yes_no", expected_month=None),
    Own("self_assessment", "Проведено самообследование образовательной организации", "yes_no",
        periodicity=YEAR, expected_month=4),
    _once("methodists", "Методисты муниципальной методической службы", "count", target=(3, 8)),
    _once("seminars", "Муниципальные семинары для ШНОР", "count", target=(4, 10)),
    _once("budget_thousands", "Средства на повышение квалификации, тыс. руб.", "number",
          periodicity=YEAR, month=12),
    _once("survey_satisfaction", "Удовлетворённость родителей качеством образования (опрос)",
          "percent", month=12, target=(70, 90)),
    _once("mentors_trained", "Наставники, прошедшие обучение", "count"),
    _once("network_program", "Утверждена муниципальная программа сетевого взаимодействия",
          "yes_no", target=None),
    _once("roadmap_adopted", "Принята дорожная карта поддержки ШНОР", "yes_no",
          periodicity=SCHOOL_YEAR, month=9),
    _once("transport_routes", "Маршруты подвоза обучающихся", "count", periodicity=YEAR,
          month=None),
)
assert len(CATALOGUE_50) == OWN_INDICATORS
assert len({own.code for own in CATALOGUE_50}) == OWN_INDICATORS


def catalogue_50(rows: Rows, region: RegionInfo) -> int:
    """The 36 indicators of the region's second municipality, their values and targets;
    answers the municipality's id."""
    rng = random.Random("bench-catalogue-50")
    municipality_id = region.municipality_ids[1]
    schools = [school for school in region.schools if school.municipality_id == municipality_id]
    coordinator_id = next(user["id"] for user in rows.tables["users"]
                          if user["login"] == f"coordinator-{municipality_id}")
    for position, own in enumerate(CATALOGUE_50, start=1):
        rows.add("indicators", code=own.code, name_ru=own.name_ru, name_en="", unit=own.unit,
                 periodicity=own.periodicity, level=own.level, direction=own.direction,
                 expected_month=own.expected_month, source=own.source, metric=own.metric,
                 filters=dict(own.filters), municipality_id=municipality_id, position=position,
                 in_report_table=True, is_retired=False, version=1)
        period = _period_of(own)
        if own.source == "entered" and own.level == "school":
            for school in schools:
                if chance(rng, 0.9):  # a few schools have not typed theirs in yet
                    rows.add("indicator_entered_values", code=own.code, period=period,
                             school_id=school.id, entered_by_id=school.director_id,
                             **_figure(rng, own))
        elif own.source == "entered":
            rows.add("indicator_entered_values", code=own.code, period=period,
                     municipality_id=municipality_id, entered_by_id=coordinator_id,
                     **_figure(rng, own))
        if own.target:
            for target_period in (PERIOD, PERIOD.previous()):
                rows.add("indicator_targets", code=own.code, period=target_period.code,
                         value=rng.randint(*own.target), municipality_id=municipality_id)
    return municipality_id


def _period_of(own: Own) -> str:
    """The measured half-year, or the calendar or school year it falls in."""
    if own.periodicity == YEAR:
        return Year(PERIOD.year).code
    if own.periodicity == SCHOOL_YEAR:
        return SchoolYear.containing(PERIOD.starts_on).code
    return PERIOD.code


def _figure(rng: random.Random, own: Own) -> dict:
    if own.unit == "yes_no":
        return {"flag": chance(rng, 0.7)}
    if own.unit == "percent" and own.level == "school":
        pupils = rng.randint(20, 400)
        low, high = (0.0, 0.2) if own.direction == "lower" else (0.4, 0.95)
        return {"numerator": round(pupils * rng.uniform(low, high)), "denominator": pupils}
    if own.unit == "percent":
        return {"value": round(rng.uniform(50, 95), 1)}
    if own.unit == "number":
        return {"value": round(rng.uniform(10, 500), 1)}
    return {"value": rng.randint(1, 40)}
