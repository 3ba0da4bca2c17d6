"""Closing a period in the browser: the coordinator submits 2022-H1 of the demo; a director
uploads late evidence and the curator accepts it; the dashboard keeps the submitted figure and
shows the live one beside it; the region returns the period, the coordinator resubmits, the
region approves and finally reopens it (so the shared demo stays open for other journeys)."""
import re

from playwright.sync_api import expect

from tests.browser.steps import sign_out
from tests.upload_corpus import PDF

LATE_MEASURE = "Мониторинг педагогической деятельности педагогических работников"
EVIDENCE_TILE = '[data-testid="tiles"] [data-code="evidence_accepted"] [data-testid="fact"]'


def take_step(page, step: str, comment: str = "", *, confirm: bool = False):
    form = page.get_by_test_id(f"step-{step}")
    if comment:
        form.locator("textarea[name=comment]").fill(comment)
    if confirm:
        form.locator("input[name=confirmed]").check()
    form.get_by_role("button").click()
    page.wait_for_load_state()


def open_period(page, sign_in_as, login: str):
    sign_in_as(login)
    page.goto("/indicators/")
    if login == "region":
        page.get_by_test_id("periods-link").click()
        page.get_by_role("link", name="Усть-Илимск").click()
    else:
        page.get_by_test_id("period-link").click()


def test_a_submitted_period_keeps_its_figures(page, sign_in_as):
    sign_in_as("coordinator")
    page.goto("/indicators/")
    submitted = page.locator(EVIDENCE_TILE).inner_text()
    done, total = map(int, re.match(r"(\d+) из (\d+)", submitted).groups())
    page.get_by_test_id("period-link").click()
    expect(page.get_by_test_id("missing-data")).to_be_visible()  # August values not typed in
    take_step(page, "submit", "Данные за 1 полугодие 2022")  # not confirmed: not submitted
    expect(page.get_by_test_id("period-state")).to_contain_text("открыт")
    take_step(page, "submit", "Данные за 1 полугодие 2022", confirm=True)
    expect(page.get_by_test_id("period-state")).to_contain_text("представлен")
    sha256 = page.get_by_test_id("report-sha256").inner_text()
    assert re.fullmatch(r"[0-9a-f]{64}", sha256)
    sign_out(page)

    sign_in_as("director")  # late evidence for a measure done in April
    page.goto("/programs/measures?period=2022-H1")
    page.get_by_role("link", name=re.compile(LATE_MEASURE)).first.click()
    form = page.get_by_test_id("evidence-form")
    form.locator("input[name=file]").set_input_files(
        {"name": "Справка о мониторинге.pdf", "mimeType": "application/pdf", "buffer": PDF})
    form.get_by_role("button", name="Загрузить документ").click()
    page.wait_for_load_state()
    sign_out(page)

    sign_in_as("curator")
    page.goto("/programs/queue")
    page.get_by_test_id("pending-evidence").get_by_role(
        "link", name=re.compile(LATE_MEASURE)).click()
    verdict = page.get_by_test_id("verdict-form")
    choice = verdict.locator("select[name=verdict]")
    if choice.count():
        choice.select_option(label="принято")
    else:
        verdict.get_by_label("принято").check()
    verdict.get_by_role("button", name="Вынести решение").click()
    page.wait_for_load_state()
    sign_out(page)

    sign_in_as("coordinator")
    page.goto("/indicators/")
    expect(page.locator(EVIDENCE_TILE)).to_contain_text(f"{done} из {total}")
    changed = page.get_by_test_id("changed-after-submission")
    expect(changed).to_contain_text(f"{done} из {total}")
    expect(changed).to_contain_text(f"{done + 1} из {total}")
    page.get_by_test_id("show-live").click()
    expect(page.locator(EVIDENCE_TILE)).to_contain_text(f"{done + 1} из {total}")
    sign_out(page)

    open_period(page, sign_in_as, "region")
    take_step(page, "return", "Уточните данные о курсах")
    expect(page.get_by_test_id("period-state")).to_contain_text("возвращён")
    sign_out(page)

    open_period(page, sign_in_as, "coordinator")
    expect(page.get_by_test_id("period-history")).to_contain_text("Уточните данные о курсах")
    take_step(page, "submit", "Исправлено", confirm=True)
    sign_out(page)

    open_period(page, sign_in_as, "region")
    take_step(page, "approve")
    expect(page.get_by_test_id("period-state")).to_contain_text("утверждён")
    take_step(page, "reopen", "Открыт для следующих проверок")
    expect(page.get_by_test_id("period-state")).to_contain_text("открыт")
