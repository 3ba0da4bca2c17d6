"""Steps every journey takes, done as a user does them: signing in through the form, signing out
through the menu (on a phone the menu opens from its toggler first)."""
import re


def sign_in(page, login: str) -> None:
    page.goto("/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def sign_out(page) -> None:
    toggler = page.locator(".navbar-toggler")
    if toggler.is_visible():
        toggler.click()
    page.get_by_test_id("current-user").click()
    page.get_by_role("button", name="Выйти").click()
    page.wait_for_url(re.compile(r"/login"))
