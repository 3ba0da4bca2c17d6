"""The coordinator records a competition, marks three schools, and the indicator follows."""
import re

from playwright.sync_api import expect

SCHOOLS = ("МБОУ «СОШ № 15»", "МБОУ «СОШ № 17»", "МАОУ «СОШ № 7 имени Пичуева Л.П.»")


def test_coordinator_records_a_competition_and_the_indicator_changes(page, sign_in_as):
    sign_in_as("coordinator")
    page.get_by_role("link", name="Сеть", exact=True).click()
    page.select_option("select[name=period]", label="2 полугодие 2022")
    page.get_by_role("button", name="Применить").click()
    indicator = page.get_by_test_id("competitions-indicator")
    expect(indicator).to_have_text("0 из 7 (0\u00a0%)")

    page.get_by_role("link", name="Внести мероприятие").click()
    page.fill("input[name=title]", "Конкурс «Учитель года – 2022»")
    page.select_option("select[name=kind]", "competition")
    page.select_option("select[name=level]", "municipal")
    page.fill("input[name=held_on]", "2022-10-12")
    page.select_option("select[name=host_school_id]", label="МАОУ «СОШ № 9»")
    page.fill("input[name=order_text]", "приказ МКУ ЦРО от 20.09.2022 № 99")
    page.get_by_role("button", name="Сохранить").click()
    expect(page.get_by_test_id("event-title")).to_have_text("Конкурс «Учитель года – 2022»")

    for school, role in zip(SCHOOLS, ("Участник", "Диплом I степени", "Участник")):
        page.select_option("select[name=school_id]", label=school)
        page.select_option("select[name=role]", label=role)
        page.get_by_role("button", name="Отметить участие").click()
        expect(page.get_by_test_id("participations")).to_contain_text(school)

    page.get_by_role("link", name=re.compile("Методические мероприятия")).first.click()
    page.select_option("select[name=period]", label="2 полугодие 2022")
    page.get_by_role("button", name="Применить").click()
    expect(page.get_by_test_id("competitions-indicator")).to_have_text("3 из 7 (42,9\u00a0%)")
    row = page.locator('tr[data-school="МБОУ «СОШ № 17»"]')
    expect(row).to_contain_text("+ (диплом 1 степени)")


def test_coordinator_sees_network_participation_with_its_chart(page, sign_in_as):
    sign_in_as("coordinator")
    page.goto("/network/?period=2022-H1")
    expect(page.get_by_test_id("network-total")).to_contain_text("18 из 19 (94,7\u00a0%)")
    expect(page.get_by_test_id("network-chart").locator("svg.main-svg").first).to_be_visible()
