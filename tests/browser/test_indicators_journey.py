"""The coordinator opens the dashboard, follows the share of teachers with a plan to the schools,
then to one school's teachers without a plan and a teacher's card. The dashboards fit a phone:
no horizontal page scroll at 390 px; wide tables scroll inside their own container."""
import pytest

from tests.browser.steps import sign_in, sign_out

SCHOOL = "МАОУ «СОШ № 5»"
PHONE = {"width": 390, "height": 844}
ALL_CHARTS_DRAWN = ("() => [...document.querySelectorAll('[data-figure]')]"
                    ".every(e => e.querySelector('.main-svg'))")
PAGE_WIDTH = "document.documentElement.scrollWidth"


def test_coordinator_drills_from_the_plan_share_to_a_teacher(page, sign_in_as):
    sign_in_as("coordinator")
    page.get_by_role("link", name="Показатели", exact=True).click()
    page.wait_for_url("**/indicators/municipality/**")
    tile = page.locator("div[data-code='teachers_with_plan']")
    assert "252 из 500" in tile.get_by_test_id("fact").inner_text()
    tile.get_by_test_id("fact").get_by_role("link").click()

    page.wait_for_url("**/teachers_with_plan?**")
    assert "252 из 500" in page.get_by_test_id("total").inner_text()
    row = page.get_by_test_id("breakdown").locator(f"tr[data-school='{SCHOOL}']")
    without_plan = row.get_by_test_id("not-counted")
    expected = int(without_plan.inner_text())
    assert expected > 0
    without_plan.click()

    page.wait_for_url("**/indicators/school/**/teachers_with_plan?**")
    assert SCHOOL in page.locator(".breadcrumb").inner_text()
    teachers = page.get_by_test_id("not-counted").get_by_role("link")
    assert teachers.count() == expected
    name = teachers.first.inner_text()
    assert "/teachers/" in teachers.first.get_attribute("href")
    teachers.first.click()
    page.wait_for_url("**/teachers/*")
    assert name in page.locator("h1").inner_text()


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server, locale="ru-RU", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def fits_the_phone(page) -> None:
    page.wait_for_function(ALL_CHARTS_DRAWN)
    assert page.evaluate(PAGE_WIDTH) <= PHONE["width"], page.url


def test_dashboards_fit_a_phone(phone):
    sign_in(phone, "coordinator")
    phone.goto("/indicators/")
    phone.wait_for_url("**/indicators/municipality/**")
    fits_the_phone(phone)
    phone.get_by_test_id("panel-risks").locator("summary").click()
    risk_table = phone.get_by_test_id("risk-table")
    risk_table.wait_for(state="visible")
    scroller = risk_table.locator("xpath=..")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")  # it scrolls, not the page
    assert scroller.evaluate("e => getComputedStyle(e).overflowX") == "auto"
    assert phone.evaluate(PAGE_WIDTH) <= PHONE["width"]
    for testid in ("measures-table", "evidence-table", "coverage-table", "school-table"):
        box = phone.get_by_test_id(testid).locator("xpath=..").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], testid
    phone.locator("div[data-code='teachers_with_plan']").get_by_role("link").click()
    phone.wait_for_url("**/teachers_with_plan?**")
    assert phone.evaluate(PAGE_WIDTH) <= PHONE["width"]

    sign_out(phone)
    sign_in(phone, "region")
    phone.goto("/indicators/")
    phone.wait_for_url("**/indicators/region/**")
    fits_the_phone(phone)
    phone.get_by_test_id("municipality-table").get_by_role("link", name="Усть-Илимск").click()
    phone.wait_for_url("**/indicators/municipality/**")
    fits_the_phone(phone)
