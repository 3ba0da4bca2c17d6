"""The curator plans a visit, records it with two recommendations; the director answers one;
the curator closes it. The visit form is comfortable at a phone's width."""
from datetime import date

SCHOOL = "МАОУ «СОШ № 5»"
FIRST = "Провести методический семинар по формирующему оцениванию"
SECOND = "Обновить план внутришкольного контроля"


def sign_in(page, login: str) -> None:
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def test_visit_from_plan_to_a_closed_follow_up(browser, live_server):
    today = date.today().isoformat()
    curator = browser.new_context(base_url=live_server, locale="ru-RU").new_page()
    sign_in(curator, "curator")
    curator.get_by_role("link", name="Посещения").click()
    curator.get_by_role("link", name="Запланировать посещение").click()
    curator.select_option("select[name=school_id]", label=SCHOOL)
    curator.fill("input[name=planned_on]", today)
    curator.select_option("select[name=kind]", label="Консультационный")
    curator.fill("textarea[name=purpose]", "Консультация по антирисковым программам")
    curator.get_by_role("button", name="Запланировать").click()
    assert "Запланировано" in curator.get_by_test_id("visit-status").inner_text()

    curator.get_by_role("link", name="Заполнить посещение").click()
    curator.fill("textarea[name=participants]", "Никитина Ольга Петровна, директор")
    curator.check("input[name=risk_profile_discussed]")
    curator.check("input[name=lessons_observed]")
    curator.fill("input[name=lessons_observed_count]", "2")
    curator.fill("textarea[name=findings]", "Меры выполняются, нужен семинар")
    curator.get_by_role("button", name="Сохранить: посещение состоялось").click()
    assert "Проведено" in curator.get_by_test_id("visit-status").inner_text()
    visit_url = curator.url
    for text in (FIRST, SECOND):
        curator.fill("textarea[name=text]", text)
        curator.fill("input[name=concerns]", "Низкая учебная мотивация обучающихся")
        curator.get_by_role("button", name="Добавить рекомендацию").click()
    recommendations = curator.get_by_test_id("recommendations").inner_text()
    assert FIRST in recommendations and SECOND in recommendations

    director = browser.new_context(base_url=live_server, locale="ru-RU").new_page()
    sign_in(director, "director")
    director.get_by_test_id("follow-ups").get_by_text(FIRST).click()
    director.fill("textarea[name=text]", "Семинар проведён 10 ноября, материалы на сайте")
    director.get_by_role("button", name="Отправить ответ").click()
    assert "Есть ответ" in director.get_by_test_id("recommendation-status").inner_text()

    curator.goto("/")
    curator.get_by_test_id("follow-ups").get_by_text(FIRST).click()
    assert "Семинар проведён" in curator.get_by_test_id("history").inner_text()
    curator.get_by_label("Закрыть: рекомендация выполнена").check()
    curator.get_by_role("button", name="Сохранить решение").click()
    assert "Закрыта" in curator.get_by_test_id("recommendation-status").inner_text()
    curator.goto(visit_url)
    statuses = curator.get_by_test_id("recommendations").inner_text()
    assert "Закрыта" in statuses and "Открыта" in statuses
    curator.context.close()
    director.context.close()


def test_visit_form_fits_a_phone(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="ru-RU",
                                  viewport={"width": 375, "height": 740})
    page = context.new_page()
    sign_in(page, "curator")
    page.goto("/visits/?status=planned")
    page.get_by_test_id("visits").get_by_role("link").first.click()
    page.get_by_role("link", name="Заполнить посещение").click()
    form = page.get_by_test_id("visit-form")
    form.wait_for()
    page.wait_for_load_state("load")  # measure with the stylesheet applied
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    button = page.get_by_role("button", name="Сохранить: посещение состоялось")
    box = button.bounding_box()
    assert box["width"] >= 300 and box["height"] >= 44  # a full-width, thumb-sized button
    findings = form.locator("textarea[name=findings]")
    assert findings.bounding_box()["width"] >= 300
    font = page.evaluate(
        "getComputedStyle(document.querySelector('textarea[name=findings]')).fontSize")
    assert float(font.rstrip("px")) >= 16  # no zoom-in on focus in mobile browsers
    switch = form.locator("input[name=risk_profile_discussed]").bounding_box()
    assert switch["height"] >= 20
    context.close()
