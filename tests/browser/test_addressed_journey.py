"""The region's addressed recommendation, as its people do it on the demo: the regional
coordinator finds the municipalities below 60 % of teachers with an individual plan in the first
half of 2022 (Усть-Илимск: 252 of 500), sends them a recommendation; the municipal coordinator is
told, answers with a file; the region returns the answer with a reason, the coordinator answers
again, the region closes it."""
from datetime import date, timedelta

from playwright.sync_api import expect

from tests.browser.steps import sign_in
from tests.upload_corpus import PDF

TEXT = "Организовать составление индивидуальных программ развития для всех педагогов ШНОР"
ANSWER_FILE = "План-график ИПР.pdf"


def new_page(browser, live_server):
    page = browser.new_context(base_url=live_server, locale="ru-RU").new_page()
    page.set_default_timeout(15000)
    return page


def issue(region) -> None:
    region.locator("nav").get_by_role("button", name="Программы").or_(
        region.locator("nav").get_by_role("link", name="Программы")).first.click()
    region.locator("nav").get_by_role("link", name="Рекомендации региона").click()
    region.get_by_role("link", name="Муниципалитеты ниже порога: Иркутская область").click()
    region.select_option("select[name=indicator]", value="teachers_with_plan")
    region.select_option("select[name=period]", value="2022-H1")
    region.fill("input[name=threshold]", "60")
    region.get_by_role("button", name="Применить").click()
    figures = region.get_by_test_id("figures")
    expect(figures).to_contain_text("252 из 500 (50,4\u00a0%)")
    expect(figures.get_by_label("Усть-Илимск")).to_be_checked()
    region.fill("textarea[name=text]", TEXT)
    region.fill("input[name=due_on]", (date.today() + timedelta(days=30)).isoformat())
    region.get_by_role("button", name="Направить выбранным муниципалитетам").click()
    expect(region.locator(".alert-success")).to_contain_text("направлена 1 муниципалитету")


def answer(coordinator, text: str, file: bool) -> None:
    form = coordinator.get_by_test_id("answer-form")
    form.locator("textarea[name=text]").fill(text)
    if file:
        form.locator("input[name=file]").set_input_files(
            {"name": ANSWER_FILE, "mimeType": "application/pdf", "buffer": PDF})
    form.get_by_role("button", name="Отправить ответ в регион").click()
    expect(coordinator.get_by_test_id("addressed-status")).to_contain_text("Есть ответ")


def decide(region, label: str, comment: str = "") -> None:
    region.reload()
    region.get_by_label(label).check()
    if comment:
        region.fill("textarea[name=comment]", comment)
    region.get_by_role("button", name="Сохранить решение").click()


def test_a_recommendation_of_the_region_from_the_threshold_to_its_close(browser, live_server):
    region = new_page(browser, live_server)
    sign_in(region, "region")
    issue(region)
    region.get_by_test_id("addressed").get_by_role("link", name=TEXT).click()
    expect(region.get_by_test_id("figure-at-issue")).to_contain_text("252 из 500")

    coordinator = new_page(browser, live_server)
    sign_in(coordinator, "coordinator")
    coordinator.goto("/notifications/")
    told = coordinator.get_by_test_id("notification").filter(has_text="регион рекомендует").first
    expect(told).to_contain_text(TEXT)
    told.get_by_role("button", name="Открыть").click()
    expect(coordinator.get_by_test_id("addressed-text")).to_have_text(TEXT)
    answer(coordinator, "Утверждён план-график, назначены ответственные", file=True)
    expect(coordinator.get_by_test_id("step-file")).to_have_text(ANSWER_FILE)

    decide(region, "Вернуть муниципалитету", "Приложите приказ об утверждении")
    expect(region.get_by_test_id("addressed-status")).to_contain_text("Возвращена")
    coordinator.reload()
    expect(coordinator.get_by_test_id("history")).to_contain_text("Приложите приказ")
    answer(coordinator, "Приказ № 112 от 01.09 приложен", file=False)
    decide(region, "Закрыть: рекомендация выполнена")
    expect(region.get_by_test_id("addressed-status")).to_contain_text("Закрыта")
    region.context.close()
    coordinator.context.close()
