"""On a phone (390 px) the tables that matter — visits, measures, the home page's pipeline —
become cards that keep every key column on screen, named; at 1280 px they stay tables."""
import pytest
from playwright.sync_api import expect

PHONE, WIDE = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
CASES = [("curator", "/visits/", "visits", "Статус"),
         ("coordinator", "/programs/measures", "measures", "Статус"),
         ("coordinator", "/", "pipeline", "Просроченные мероприятия")]
LABEL_BEFORE = "cell => getComputedStyle(cell, '::before').content"


def open_as(browser, live_server, login, path, viewport):
    context = browser.new_context(base_url=live_server, locale="ru-RU", viewport=viewport)
    page = context.new_page()
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto(path)
    page.wait_for_load_state("load")  # measure with the stylesheet applied
    return context, page


@pytest.mark.parametrize(("login", "path", "testid", "label"), CASES)
def test_key_column_is_on_screen_and_named_on_a_phone(browser, live_server, login, path, testid,
                                                        label):
    context, page = open_as(browser, live_server, login, path, PHONE)
    cell = page.get_by_test_id(testid).locator(f"td[data-label='{label}']").first
    expect(cell).to_be_visible()
    box = cell.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # not scrolled or clipped away
    assert cell.evaluate(LABEL_BEFORE) == f'"{label}"'        # the column's name beside it
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def test_the_same_table_stays_a_table_on_a_laptop(browser, live_server):
    context, page = open_as(browser, live_server, "curator", "/visits/", WIDE)
    table = page.get_by_test_id("visits")
    expect(table.get_by_role("columnheader", name="Статус")).to_be_visible()
    assert table.locator("td[data-label='Статус']").first.evaluate(LABEL_BEFORE) == "none"
    context.close()
