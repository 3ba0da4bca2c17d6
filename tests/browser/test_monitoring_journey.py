"""A monitoring of the municipality's own: the coordinator defines two yearly indicators (one
typed in, one computed from the records for general schools only), sets targets for two years,
types the facts, and sees plan and fact side by side; the dashboard and `flask indicators`
agree."""
import json
import re

from playwright.sync_api import expect

ENTERED, COMPUTED = "Доля ОУ, включённых в работу сетевых сообществ", "Доля педагогов ОО с ИПР"


def add_indicator(page, code: str, name: str, **choices):
    page.goto("/indicators/")
    page.get_by_test_id("monitoring-menu").click()
    page.get_by_test_id("catalogue-link").click()
    page.get_by_test_id("add-indicator").click()
    form = page.get_by_test_id("indicator-form")
    form.locator("input[name=code]").fill(code)
    form.locator("input[name=name_ru]").fill(name)
    for field, value in choices.items():
        form.locator(f"select[name={field}]").select_option(value)
    form.get_by_role("button", name="Сохранить").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("catalogue-own")).to_contain_text(name)


def test_a_coordinator_runs_a_yearly_monitoring_of_their_own(page, sign_in_as, live_cli):
    sign_in_as("coordinator")
    add_indicator(page, "net_orgs", ENTERED, unit="percent", periodicity="year",
                  level="municipality", source="entered")
    add_indicator(page, "plan_oo", COMPUTED, unit="percent", periodicity="year",
                  source="computed", metric="teachers_with_plan", org_type="oo")

    page.goto("/indicators/")
    municipality = re.search(r"/indicators/municipality/(\d+)", page.url).group(1)
    for year, entered_target, computed_target, fact in (("2022", "35", "50", "30"),
                                                        ("2023", "40,5", "60", "41,5")):
        page.goto(f"/indicators/municipality/{municipality}/targets?period={year}")
        targets = page.get_by_test_id("targets-form")
        targets.locator("input[name=net_orgs]").fill(entered_target)
        targets.locator("input[name=plan_oo]").fill(computed_target)
        targets.get_by_role("button", name="Сохранить план").click()
        page.wait_for_load_state()
        page.goto(f"/indicators/municipality/{municipality}/values?period={year}")
        values = page.get_by_test_id("values-form")
        values.locator("input[name='m-net_orgs']").fill(fact)
        values.get_by_role("button", name="Сохранить значения").click()
        page.wait_for_load_state()

    page.goto(f"/indicators/municipality/{municipality}?period=2023")
    page.get_by_test_id("plan-fact-link").click()
    table = page.get_by_test_id("plan-fact")
    expect(table).to_contain_text("2022 год")
    expect(table).to_contain_text("2023 год")
    row = table.locator("tr", has_text=ENTERED)
    expect(row).to_contain_text("41,5")
    expect(row).to_contain_text("40,5")
    expect(page.get_by_test_id("plan-fact-chart")).to_be_visible()

    page.goto(f"/indicators/municipality/{municipality}?period=2022")
    entered_tile = page.locator('[data-testid="tiles"] [data-code="net_orgs"]')
    expect(entered_tile).to_contain_text("30")
    computed_fact = page.locator(
        '[data-testid="tiles"] [data-code="plan_oo"] [data-testid="fact"]').inner_text()
    listed = live_cli.invoke(args=["indicators", "--municipality", "Усть-Илимск", "--period",
                                   "2022", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = {row["code"]: row for row in json.loads(listed.output)}
    assert (rows["net_orgs"]["value"], rows["net_orgs"]["target"]) == (30, 35)
    computed = rows["plan_oo"]
    assert computed_fact.startswith(f"{computed['numerator']} из {computed['denominator']}")
