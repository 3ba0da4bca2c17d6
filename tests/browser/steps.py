"""Steps every journey takes, done as a user does them: signing in through the form, signing out
through the menu (on a phone the menu opens from its toggler first)."""
import re

from playwright.sync_api import TimeoutError as PlaywrightTimeout


def sign_in(page, login: str, password: str = "demo") -> None:
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def sign_out(page) -> None:
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
        # the menu slides open: a click on the account while it moves can miss its dropdown
        page.locator(".navbar-collapse.show:not(.collapsing)").wait_for()
    account = page.get_by_test_id("current-user")
    sign_out_button = page.get_by_role("button", name="Выйти")
    for _attempt in range(3):
        account.click()
        try:
            sign_out_button.wait_for(state="visible", timeout=3000)
            break
        except PlaywrightTimeout:
            continue
    sign_out_button.click()
    page.wait_for_url(re.compile(r"/login"))
