"""One reference day: the home page, the programs list, the pipeline, the dashboard and the report
count a school's overdue measures on the same day and give the same figure.

The demo's working period is 2022-H1, so that day is 30.06.2022. Three of СОШ № 7's measures fall
due later in 2022 and are still open; counted on the real today they would be overdue too (the
home page once said 5 where the dashboard said 2)."""
from io import BytesIO

import pytest
from docx import Document
from lxml import html
from sqlalchemy import select

from tracker.auth.models import User
from tracker.db import db
from tracker.periods import HalfYear
from tracker.reports.halfyear import build_municipal_report
from tracker.schools.models import Municipality

from tests.conftest import sign_in

S7 = "МАОУ «СОШ № 7 имени Пичуева Л.П.»"
OVERDUE_ON_30_06_2022 = 2      # «Участие педагогов…» (in progress), «Диагностика…» (postponed)


@pytest.fixture
def coordinator(runner, client):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    user = db.session.scalar(select(User).where(User.login == "coordinator"))
    sign_in(client, user)
    return user


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return html.fromstring(response.text)


def cells_of_school_rows(doc, testid: str, column: int) -> list[str]:
    rows = doc.xpath(f"//table[@data-testid='{testid}']/tbody/tr")
    return [row.xpath("./td")[column].text_content().strip() for row in rows
            if S7 in row.xpath("./td")[0].text_content()]


def as_of_note(doc) -> str:
    return " ".join(note.text_content() for note in doc.xpath("//*[@data-testid='as-of']"))


def test_every_page_counts_the_overdue_measures_of_a_school_on_one_day(coordinator, client):
    home = page(client, "/")
    assert cells_of_school_rows(home, "pipeline", 3) == [str(OVERDUE_ON_30_06_2022)]
    assert "30.06.2022" in as_of_note(home)

    pipeline = page(client, "/programs/pipeline")
    assert cells_of_school_rows(pipeline, "pipeline", 3) == [str(OVERDUE_ON_30_06_2022)]

    programs = page(client, "/programs/?year=2022")
    per_program = cells_of_school_rows(programs, "programs", 5)
    assert len(per_program) == 5 and sum(map(int, per_program)) == OVERDUE_ON_30_06_2022
    assert "30.06.2022" in as_of_note(programs)

    municipality = db.session.scalar(select(Municipality).where(Municipality.name == "Усть-Илимск"))
    dashboard = page(client, f"/indicators/municipality/{municipality.id}?period=2022-H1")
    assert cells_of_school_rows(dashboard, "measures-table", 4) == [str(OVERDUE_ON_30_06_2022)]

    report = Document(BytesIO(build_municipal_report(municipality, HalfYear(2022, 1))))
    summary = next(table for table in report.tables
                   if table.rows[0].cells[0].text == "Школа, рисковое направление")
    row = next(row for row in summary.rows if row.cells[0].text == S7)
    assert summary.rows[0].cells[4].text.startswith("Просроч")
    assert row.cells[4].text == str(OVERDUE_ON_30_06_2022)


def test_measures_and_visits_lists_say_which_day_they_count_on(coordinator, client):
    measures = page(client, "/programs/measures")
    assert "30.06.2022" in as_of_note(measures)
    overdue = [row for row in measures.xpath("//table//tbody/tr")
               if row.xpath(".//*[@data-testid='overdue']")]
    assert len(overdue) == 2                            # the two of СОШ № 7, none of later 2022
    assert "30.06.2022" in as_of_note(page(client, "/visits/"))
    # a chosen period of its own counts on its own last day
    second_half = page(client, "/programs/measures?period=2022-H2")
    assert "31.12.2022" in as_of_note(second_half)
