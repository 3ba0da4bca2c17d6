"""The report's network section warns only about what is really missing or contradictory."""
from tracker.db import db
from tracker.network import services
from tracker.periods import HalfYear
from tracker.reports.halfyear.context import municipal_context
from tracker.reports.halfyear.network import network_section

from tests import factories

MISSING = "Не внесена численность педагогов"


def _warnings(municipality):
    return network_section(municipal_context(municipality, HalfYear(2022, 1),
                                             charts=False)).warnings


def test_a_filled_table_has_no_missing_count_warning_even_without_low_result_schools(app):
    town = factories.make_municipality()
    for n in range(1, 4):
        school = factories.make_school(town, f"МАОУ «СОШ № {n}»")
        services.set_staff_count(school=school, period="2022-H1", teachers=50,
                                 network_teachers=10 * n)
    db.session.commit()
    assert _warnings(town) == []


def test_missing_counts_name_the_schools_and_disagreements_are_said(app):
    region = factories.make_region()
    category = factories.make_category(region, "сильно неуспевающая")
    town = factories.make_municipality(region)
    counted = factories.make_school(town, "МАОУ «СОШ № 1»", category=category)
    factories.make_school(town, "МАОУ «СОШ № 2»", category=category)
    assert any(MISSING in w for w in _warnings(town))  # nothing entered at all
    services.set_staff_count(school=counted, period="2022-H1", teachers=50, network_teachers=5)
    community = factories.make_community(town)
    services.set_member_count(community, school=counted, period="2022-H1", members=9)
    db.session.commit()
    warnings = _warnings(town)
    assert f"{MISSING} за полугодие: МАОУ «СОШ № 2»." in warnings
    assert any("внесено 5 участников" in w and "указывает 9" in w for w in warnings)
