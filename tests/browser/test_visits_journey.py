"""The curator plans a visit, records it with a file and two recommendations tied to the school's
risk direction and measure; the director answers one with a file; the curator closes it. The
visit form is comfortable at a phone's width.

The demo's risk profiles and programs are of 2022, so the visit is recorded as having taken place
on a 2022 date (the form allows recording a past visit): its recommendations may concern them.
"""
import re
from datetime import date

from playwright.sync_api import expect

from tests.upload_corpus import PDF
from tests.browser.steps import sign_in

SCHOOL = "МАОУ «СОШ № 5»"
FIRST = "Провести методический семинар по формирующему оцениванию"
SECOND = "Обновить план внутришкольного контроля"
DIRECTION = "Высокая доля обучающихся с рисками учебной неуспешности"
MEASURE = "Исследование удовлетворённости школьной жизнью и уровня мотивации"
VISIT_FILE = "Лист посещения (подписан).pdf"
ANSWER_FILE = "Программа семинара.pdf"
VISITED_ON = "2022-05-20"


def new_page(browser, live_server, **options):
    page = browser.new_context(base_url=live_server, locale="ru-RU", **options).new_page()
    page.set_default_timeout(15000)
    return page


def pdf_file(name: str) -> dict:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def plan_and_record(curator) -> str:
    """Plan a visit for today, then record it with a file for the school; returns its address."""
    curator.get_by_role("link", name="Посещения").click()
    curator.get_by_role("link", name="Запланировать посещение").click()
    curator.select_option("select[name=school_id]", label=SCHOOL)
    curator.fill("input[name=planned_on]", date.today().isoformat())
    curator.select_option("select[name=kind]", label="Консультационный")
    curator.fill("textarea[name=purpose]", "Консультация по антирисковым программам")
    curator.get_by_role("button", name="Запланировать").click()
    expect(curator.get_by_test_id("visit-status")).to_contain_text("Запланировано")

    curator.get_by_role("link", name="Заполнить посещение").click()
    form = curator.get_by_test_id("visit-form")
    form.locator("input[name=planned_on]").fill(VISITED_ON)
    form.locator("input[name=visited_on]").fill(VISITED_ON)
    form.locator("textarea[name=participants]").fill("Никитина Ольга Петровна, директор")
    form.locator("input[name=risk_profile_discussed]").check()
    form.locator("input[name=lessons_observed]").check()
    form.locator("input[name=lessons_observed_count]").fill("2")
    form.locator("textarea[name=findings]").fill("Меры выполняются, нужен семинар")
    form.locator("input[name=attachment]").set_input_files(pdf_file(VISIT_FILE))
    form.get_by_label("Также школа").check()
    form.get_by_role("button", name="Сохранить: посещение состоялось").click()
    expect(curator.get_by_test_id("visit-status")).to_contain_text("Проведено")
    expect(curator.get_by_test_id("attachments")).to_contain_text(VISIT_FILE)
    return curator.url


def add_recommendations(curator) -> None:
    measure = curator.locator("select[name=measure_id] option", has_text=MEASURE)
    links = ({"risk_direction_id": {"label": DIRECTION}},
             {"measure_id": {"value": measure.get_attribute("value")}})
    for text, choice in zip((FIRST, SECOND), links):
        curator.fill("textarea[name=text]", text)
        for name, option in choice.items():
            curator.select_option(f"select[name={name}]", **option)
        curator.get_by_role("button", name="Добавить рекомендацию").click()
        expect(curator.get_by_test_id("recommendations")).to_contain_text(text)
    listed = curator.get_by_test_id("recommendations")
    expect(listed.get_by_role("link", name=DIRECTION)).to_be_visible()
    expect(listed.get_by_role("link", name=MEASURE)).to_be_visible()


def test_visit_from_plan_to_a_closed_follow_up(browser, live_server):
    curator = new_page(browser, live_server)
    sign_in(curator, "curator")
    visit_url = plan_and_record(curator)
    add_recommendations(curator)

    director = new_page(browser, live_server)
    sign_in(director, "director")
    director.get_by_test_id("follow-ups").get_by_text(FIRST).click()
    expect(director.get_by_test_id("concerns")).to_contain_text(DIRECTION)
    answer = director.get_by_test_id("answer-form")
    answer.locator("textarea[name=text]").fill("Семинар проведён 10 ноября, программа приложена")
    answer.locator("input[name=file]").set_input_files(pdf_file(ANSWER_FILE))
    answer.get_by_role("button", name="Отправить ответ").click()
    expect(director.get_by_test_id("recommendation-status")).to_contain_text("Есть ответ")
    expect(director.get_by_test_id("answer-file")).to_have_text(ANSWER_FILE)
    director.goto(visit_url)  # the school sees the file the curator shared with it
    expect(director.get_by_test_id("attachments")).to_contain_text(VISIT_FILE)

    curator.goto("/")
    curator.get_by_test_id("follow-ups").get_by_text(FIRST).click()
    expect(curator.get_by_test_id("history")).to_contain_text("Семинар проведён")
    with curator.expect_download() as download:
        curator.get_by_test_id("answer-file").click()
    assert download.value.suggested_filename == ANSWER_FILE
    curator.get_by_label("Закрыть: рекомендация выполнена").check()
    curator.get_by_role("button", name="Сохранить решение").click()
    expect(curator.get_by_test_id("recommendation-status")).to_contain_text("Закрыта")
    curator.goto(visit_url)
    statuses = curator.get_by_test_id("recommendations")
    expect(statuses).to_contain_text("Закрыта")
    expect(statuses).to_contain_text("Открыта")
    curator.context.close()
    director.context.close()


def test_visit_form_fits_a_phone(browser, live_server):
    page = new_page(browser, live_server, viewport={"width": 375, "height": 740})
    sign_in(page, "curator")
    page.goto("/visits/?status=planned")
    page.get_by_test_id("visits").get_by_role("link").first.click()
    page.get_by_role("link", name="Заполнить посещение").click()
    form = page.get_by_test_id("visit-form")
    expect(form).to_be_visible()
    page.wait_for_load_state("load")  # measure with the stylesheet applied
    file_input = form.locator("input[name=attachment]")
    file_input.set_input_files(pdf_file("Очень длинное название файла с листом посещения школы "
                                        "куратором за первое полугодие.pdf"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    button = page.get_by_role("button", name="Сохранить: посещение состоялось")
    box = button.bounding_box()
    assert box["width"] >= 300 and box["height"] >= 44  # a full-width, thumb-sized button
    findings = form.locator("textarea[name=findings]")
    assert findings.bounding_box()["width"] >= 300
    assert file_input.bounding_box()["width"] >= 300  # the file input is full width too
    assert file_input.bounding_box()["height"] >= 44
    font = page.evaluate(
        "getComputedStyle(document.querySelector('textarea[name=findings]')).fontSize")
    assert float(font.rstrip("px")) >= 16  # no zoom-in on focus in mobile browsers
    switch = form.locator("input[name=risk_profile_discussed]").bounding_box()
    assert switch["height"] >= 20
    radio = form.get_by_label("Также школа").bounding_box()
    assert radio["width"] == radio["height"]  # a round radio, not stretched like the switches
    assert re.search(r"/visits/\d+/record$", page.url)
    page.context.close()
