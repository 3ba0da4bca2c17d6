"""Demo targets and entered values of Усть-Илимск for 1 полугодие 2022.

The targets are the ones the municipal program «методического сопровождения ШНОР на 2022–2024
годы» would set for the half-year; the municipality's own half-year
report gives the grounds for each:

- plans (ИПР): «50,4% от запланированных 100»; the priorities add «к началу 22-23 учебного года
  разработать индивидуальные программы развития для всех педагогов» — 100 %;
- courses in 3 years: every teacher is to take ДПО at least once in three years (273-ФЗ, ст. 47),
  and the report finds that «далеко не все категории педагогов имеют курсовую подготовку за
  нужный период» — 100 %;
- competitions: every ШНОР presents its teachers at municipal competitions — 100 %;
- mentoring: six of the seven ШНОР run mentoring in the first year of the program — 85 %;
- diagnostics: the 2022 campaign of diagnostics of professional deficits covers at least four
  teachers in five (the report: «83% педагогов … прошли данную диагностику») — 80 %;
- pupils' results: the report shows them as «август» (ВПР and ГИА results come in August) and
  gives no figures; the targets below are the kind a municipal program sets (basic level for
  nine pupils in ten, a high meta-subject level for one in ten) and are edited on the Targets page;
- methodical dynamics: «да» («Руководители отмечают увеличение активности педагогов»);
- measures and evidence: «из запланированных мероприятий программы на первое полугодие 2022 года,
  выполнены все», «своевременно загружены подтверждающие документы» — 100 % each.

Curator visits have no target of their own: they are measured against the visits planned.
The entered value «наличие динамики методической активности: да» is the coordinator's, for each
of the seven ШНОР, from the heads' reports of the half-year.
"""
from decimal import Decimal

from tracker.db import db
from tracker.demo import data
from tracker.indicators.models import EnteredValue, IndicatorTarget
from tracker.periods import HalfYear

PERIOD = HalfYear(data.YEAR, 1)

TARGETS = {
    "pupils_basic_1_4": 90, "pupils_basic_5_9": 90, "pupils_meta_5_9": 10,
    "pupils_basic_10_11": 90, "pupils_meta_10_11": 10,
    "teachers_courses_3y": 100, "schools_in_competitions": 100, "schools_with_mentoring": 85,
    "teachers_diagnosed": 80, "teachers_with_plan": 100,
    "methodical_dynamics": 1,  # да
    "measures_on_time": 100, "evidence_accepted": 100,
}
DYNAMICS = "methodical_dynamics"


def load_indicators(context) -> None:
    for code, value in TARGETS.items():
        db.session.add(IndicatorTarget(code=code, period=PERIOD.code,
                                       municipality_id=context.municipality.id,
                                       value=Decimal(value)))
    coordinator = context.users["coordinator"]
    for short_name, _form, _full, category, _in_500 in data.SCHOOLS:
        if category:
            db.session.add(EnteredValue(code=DYNAMICS, period=PERIOD.code, flag=True,
                                        school=context.schools[short_name],
                                        entered_by_id=coordinator.id))

