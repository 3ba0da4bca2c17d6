"""Each demo role signs in, sees its home page and opens a school card of its scope."""
import pytest

HOME_SCHOOL = {
    "admin": "МАОУ «СОШ № 5»",
    "region": "МАОУ «СОШ № 5»",
    "coordinator": "МАОУ «СОШ № 5»",
    "curator": "МАОУ «СОШ № 5»",
    "director": "МАОУ «СОШ № 5»",
}


@pytest.mark.parametrize("login", list(HOME_SCHOOL))
def test_role_signs_in_and_opens_a_school_card(page, sign_in_as, login):
    sign_in_as(login)
    assert page.get_by_test_id("current-user").is_visible()
    schools = page.get_by_test_id("my-schools")
    schools.get_by_text(HOME_SCHOOL[login], exact=False).first.click()
    assert page.get_by_test_id("school-name").inner_text() == HOME_SCHOOL[login]


def test_curator_sees_only_assigned_schools(page, sign_in_as):
    sign_in_as("curator")
    text = page.get_by_test_id("my-schools").inner_text()
    assert "СОШ № 17" in text and "СОШ № 7" in text and "СОШ № 5" in text
    assert "СОШ № 15" not in text and "Братска" not in text


def test_coordinator_assigns_a_curator_to_a_school(page, sign_in_as):
    sign_in_as("coordinator")
    page.goto("/schools/?q=СОШ № 15")
    page.get_by_role("link", name="МБОУ «СОШ № 15»").click()
    page.select_option("select[name=curator_id]", label="Орлов Дмитрий Андреевич")
    page.get_by_role("button", name="Назначить").click()
    assert page.get_by_test_id("assignments").get_by_text("Орлов Дмитрий Андреевич").is_visible()


def test_phone_viewport_shows_the_menu_button(browser, live_server):
    context = browser.new_context(base_url=live_server, viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=login]", "director")
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.click("button.navbar-toggler")
    page.get_by_role("button", name="Программы", exact=True).click()
    assert page.locator("#mainNav").get_by_role("link", name="Мои задачи", exact=True).is_visible()
    context.close()


@pytest.mark.parametrize("login", ["admin", "coordinator"])
def test_the_menu_fits_a_laptop_screen_and_opens_its_groups(browser, live_server, login):
    context = browser.new_context(base_url=live_server, locale="ru-RU",
                                  viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    page.get_by_role("button", name="Визиты").click()
    page.get_by_role("link", name="Охват").click()
    page.wait_for_url("**/coverage**")
    context.close()
