"""The user form shows only the scope fields of the chosen role: a school for a director, a
region (and optionally a municipality) for a curator, nothing before a role is chosen."""
from playwright.sync_api import expect

SCOPE = ("Регион", "Муниципальное образование", "Школа")


def visible_scope(page) -> list[str]:
    return [label for label in SCOPE if page.get_by_label(label, exact=True).is_visible()]


def test_scope_fields_follow_the_chosen_role(page, sign_in_as):
    sign_in_as("admin")
    page.goto("/admin/users/new")
    role = page.get_by_label("Роль", exact=True)
    expect(role).to_be_visible()
    assert visible_scope(page) == []
    role.select_option("director")
    assert visible_scope(page) == ["Школа"]
    assert page.get_by_label("Школа", exact=True).get_attribute("aria-required") == "true"
    role.select_option("curator")
    assert visible_scope(page) == ["Регион", "Муниципальное образование"]
    assert page.get_by_label("Муниципальное образование", exact=True).get_attribute("aria-required") == "false"
    role.select_option("admin")
    assert visible_scope(page) == []
    role.focus()
    page.keyboard.press("Tab")  # from the role, past the hidden fields, to the password
    assert page.evaluate("document.activeElement.name") == "password"
