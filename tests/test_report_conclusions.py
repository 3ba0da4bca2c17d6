"""The conclusions start from the data and are checked against it: a drafted paragraph when the
coordinator wrote none, and a warning when the text says all was done while measures are overdue."""
from datetime import date

import pytest
from tracker.db import db
from tracker.reports import narrative as narratives
from tracker.reports.narrative import NEW_VERSION
from tracker.reports.halfyear import municipal_report
from tracker.reports.halfyear.closing import drafted_conclusion
from tracker.reports.halfyear.context import municipal_context
from tracker.periods import HalfYear

from tests import factories
from tests.program_factories import make_direction, make_measure, make_program

H1 = HalfYear(2022, 1)


@pytest.fixture
def town(app):
    town = factories.make_municipality(name="Выводов")
    category = factories.make_category(town.region)
    late = factories.make_school(town, "СОШ № 7", category=category)
    fine = factories.make_school(town, "СОШ № 1", category=category)
    for school, statuses in ((late, ("done", "planned", "planned")), (fine, ("done", "done"))):
        program = make_program(school, make_direction(position=school.id))
        for status in statuses:
            measure = make_measure(program, due_on=date(2022, 4, 1), status=status)
            measure.done_on = date(2022, 3, 30) if status == "done" else None
    db.session.commit()
    return town


def _conclusions(town):
    report = municipal_report(town, H1, charts=False)
    return next(section for section in report.sections if section.key == "conclusions")


def test_without_text_the_conclusions_are_drafted_from_the_records(town, app):
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        draft = drafted_conclusion(municipal_context(town, H1, charts=False))
    assert draft == "Из 5 мероприятий полугодия выполнено 3, просрочено 2 (СОШ № 7: 2)."


@pytest.mark.parametrize("text,warned", [
    ("Все запланированные мероприятия выполнены.", True),
    ("Мероприятия программы выполнены в полном объёме.", True),
    ("Мероприятия выполнены, кроме двух мероприятий СОШ № 7.", False),
    ("Педагоги прошли курсы повышения квалификации.", False)])
def test_a_text_saying_all_was_done_while_measures_are_overdue_is_flagged(town, app, text,
                                                                          warned):
    narratives.save_narrative(municipality_id=town.id, period=H1, version=NEW_VERSION,
                              conclusions=text)
    db.session.commit()
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        section = _conclusions(town)
    flagged = [w for w in section.warnings if "просроченные" in w]
    assert bool(flagged) is warned, section.warnings
    if warned:
        assert "СОШ № 7" in flagged[0] and "СОШ № 1" not in flagged[0]


def test_the_preview_links_each_contradiction_to_the_records_behind_it(town, client, login_as):
    """The warning leads to the measures list narrowed to what it is about: the overdue ones."""
    from lxml import html
    from tracker.auth.models import Role
    narratives.save_narrative(municipality_id=town.id, period=H1, version=NEW_VERSION,
                              conclusions="Все запланированные мероприятия выполнены.")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    preview = html.fromstring(client.get(f"/reports/municipality/{town.id}?period=2022-H1").text)
    warning = next(item for item in preview.xpath("//*[@data-testid='report-warnings']//li")
                   if "просроченные" in item.text_content())
    link = warning.xpath(".//a[@data-testid='warning-link']")[0].get("href")
    assert "state=overdue" in link and "period=2022-H1" in link
    measures = html.fromstring(client.get(link).text)
    rows = measures.xpath("//table//tbody/tr")
    assert len(rows) == 2 and all("СОШ № 7" in row.text_content() for row in rows)
    assert all(row.xpath(".//*[@data-testid='overdue']") for row in rows)
