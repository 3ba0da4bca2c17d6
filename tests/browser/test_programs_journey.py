"""Evidence for a measure: the director uploads, the curator returns it with a comment, the
director re-uploads, the curator accepts; the history of both items stays on the measure."""
import re

from tests.upload_corpus import PDF
from tests.browser.steps import sign_out

MEASURE = "Практико-ориентированный семинар «Использование цифровых ресурсов"
PROGRAM = "Недостаточная предметная и методическая компетентность педагогических работников"


def open_measure_as_director(page):
    page.goto("/programs/")
    page.get_by_test_id("programs").get_by_role("link", name=PROGRAM).first.click()
    page.get_by_test_id("measures").get_by_role("link", name=re.compile(MEASURE)).click()


def upload(page, name: str, comment: str):
    form = page.get_by_test_id("evidence-form")
    form.locator("input[name=file]").set_input_files(
        {"name": name, "mimeType": "application/pdf", "buffer": PDF})
    form.locator("textarea[name=comment]").fill(comment)
    form.get_by_role("button", name="Загрузить документ").click()
    page.wait_for_load_state()


def judge(page, verdict: str, comment: str):
    page.goto("/programs/queue")
    page.get_by_test_id("pending-evidence").get_by_role("link", name=re.compile(MEASURE)).click()
    form = page.get_by_test_id("verdict-form")
    form.get_by_role("radio", name=verdict, exact=True).check()
    form.locator("textarea[name=comment]").fill(comment)
    form.get_by_role("button", name="Вынести решение").click()
    page.wait_for_load_state()


def test_evidence_is_returned_and_accepted_after_a_reupload(page, sign_in_as):
    sign_in_as("director")
    open_measure_as_director(page)
    upload(page, "Приказ о проведении семинара.pdf", "Приказ школы")
    evidence = page.get_by_test_id("evidence")
    assert "Приказ о проведении семинара.pdf" in evidence.inner_text()
    assert "ожидает проверки" in evidence.inner_text()
    sign_out(page)

    sign_in_as("curator")
    judge(page, "требует доработки", "Нет подписи директора на приказе")
    assert "Нет подписи директора на приказе" in page.get_by_test_id("evidence").inner_text()
    sign_out(page)

    sign_in_as("director")
    returned = page.get_by_test_id("returned-evidence")
    assert "Нет подписи директора на приказе" in returned.inner_text()
    returned.get_by_role("link", name=re.compile(MEASURE)).click()
    upload(page, "Приказ о проведении семинара (подписан).pdf", "Приказ с подписью")
    sign_out(page)

    sign_in_as("curator")
    judge(page, "принято", "")
    text = page.get_by_test_id("evidence").inner_text()
    assert "Приказ о проведении семинара (подписан).pdf" in text and "принято" in text
    assert "повторная загрузка" in text and "требует доработки" in text
    download_link = page.get_by_role("link", name="Приказ о проведении семинара (подписан).pdf")
    with page.expect_download() as info:
        download_link.click()
    assert info.value.suggested_filename == "Приказ о проведении семинара (подписан).pdf"
    page.goto("/programs/queue")
    assert "Использование цифровых ресурсов" not in page.get_by_test_id("pending-evidence").inner_text()
