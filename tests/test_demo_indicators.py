"""With the demo loaded, `flask indicators` and the municipal dashboard reproduce the reference
report's table, with the municipal program's plan and a status for every row."""
import json
import re

from lxml import html
from sqlalchemy import select

from tracker.audit import cli_actor
from tracker.auth.models import User
from tracker.db import db
from tracker.demo.seed import load_demo
from tracker.schools.models import Municipality

from tests.conftest import sign_in

EXPECTED = "ожидается (август)"
PUPILS = ("pupils_basic_1_4", "pupils_basic_5_9", "pupils_meta_5_9", "pupils_basic_10_11",
          "pupils_meta_10_11")
# code: numerator, denominator, fact, plan, status — the report's table and the program's plan
REPORT = {
    "teachers_courses_3y": (493, 500, 98.6, 100.0, "не достигнут"),
    "schools_in_competitions": (7, 7, 100.0, 100.0, "достигнут"),
    "schools_with_mentoring": (6, 7, 85.7, 85.0, "достигнут"),
    "teachers_diagnosed": (415, 500, 83.0, 80.0, "достигнут"),
    "teachers_with_plan": (252, 500, 50.4, 100.0, "не достигнут"),
}
# what the dashboard's table shows in its plan, fact and status columns
PAGE = {
    "teachers_courses_3y": ("100\u00a0%", "493 из 500 (98,6\u00a0%)", "не достигнут"),
    "schools_in_competitions": ("100\u00a0%", "7 из 7 (100\u00a0%)", "достигнут"),
    "schools_with_mentoring": ("85\u00a0%", "6 из 7 (85,7\u00a0%)", "достигнут"),
    "teachers_diagnosed": ("80\u00a0%", "415 из 500 (83\u00a0%)", "достигнут"),
    "teachers_with_plan": ("100\u00a0%", "252 из 500 (50,4\u00a0%)", "не достигнут"),
    "methodical_dynamics": ("да", "да", "достигнут"),
    "visits": ("8", "7 из 8", "не достигнут"),
}


def test_demo_indicator_table(runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    result = runner.invoke(args=["indicators", "--municipality", "Усть-Илимск",
                                 "--period", "2022-H1", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["code"]: row for row in json.loads(result.output)}
    for code, expected in REPORT.items():
        row = rows[code]
        assert (row["numerator"], row["denominator"], row["value"], row["target"],
                row["status"]) == expected, code
    for code in PUPILS:
        assert rows[code]["status"] == EXPECTED and rows[code]["value"] is None
        assert rows[code]["target"] is not None, code
    assert (rows["methodical_dynamics"]["value"], rows["methodical_dynamics"]["target"],
            rows["methodical_dynamics"]["status"]) == ("да", "да", "достигнут")
    assert all(row["target"] is not None for row in rows.values()), "a row without a plan"
    table = runner.invoke(args=["indicators", "--municipality", "Усть-Илимск",
                                "--period", "2022-H1"]).output
    assert "teachers_with_plan | " in table and "| 252 | 500 | 50,4 | 100,0 | не достигнут" \
        in table


def _indicator_table(page: str) -> dict[str, tuple[str, str, str]]:
    table, = html.fromstring(page).xpath("//table[@data-testid='indicator-table']")
    cells = {}
    for row in table.xpath("./tbody/tr"):
        plan, fact, status = (re.sub(r"[ \t\n]+", " ", cell.text_content()).strip()
                              for cell in row.xpath("./td")[1:4])
        cells[row.get("data-code")] = (plan, fact, status)
    return cells


def test_demo_dashboard_shows_the_report_table(app, client):
    with cli_actor("tests"):
        load_demo()
    db.session.commit()
    sign_in(client, db.session.scalar(select(User).where(User.login == "coordinator")))
    town = db.session.scalar(select(Municipality).where(Municipality.name == "Усть-Илимск"))
    page = client.get(f"/indicators/municipality/{town.id}?period=2022-H1").text
    cells = _indicator_table(page)
    for code, expected in PAGE.items():
        assert cells[code] == expected, code
    for code in PUPILS:
        plan, fact, status = cells[code]
        assert fact == EXPECTED and status == "ожидается" and plan.endswith("%"), code
    tiles = html.fromstring(page).xpath("//div[@data-code='teachers_with_plan']")[0]
    assert "252 из 500 (50,4\u00a0%)" in tiles.text_content()
    assert tiles.xpath(".//a")[0].get("href").startswith(
        f"/indicators/municipality/{town.id}/teachers_with_plan")
