"""The catalogue pages and the target forms: who may change what (404 outside), refusals in
Russian on their field with the input kept, retire / restore / delete, targets in their unit."""
import html
from decimal import Decimal

import pytest
from sqlalchemy import select

from tracker.audit import AuditEvent
from tracker.auth.models import Role
from tracker.db import db
from tracker.indicators import catalogue, catalogue_services as manage, services
from tracker.indicators.metrics import METRICS
from tracker.indicators.models import Indicator, IndicatorTarget
from tracker.labels import METRIC_LABELS
from tracker.periods import Year

from tests import factories

Y2023 = Year(2023)
FORM = {"code": "net_orgs", "name_ru": "Доля ОУ в сетевых сообществах", "name_en": "",
        "unit": "percent", "periodicity": "year", "level": "municipality",
        "direction": "higher", "expected_month": "", "source": "entered", "metric": "",
        "status": "", "community": ""}


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _own(town, code="net_orgs", **fields):
    return manage.add_indicator(municipality_id=town.id, **{
        **FORM, "code": code, "expected_month": None, "metric": None, **fields})


def _field_error(page: str, name: str) -> str:
    """The text of the error shown under the field `name`."""
    start = page.index(f'name="{name}"')
    feedback = page.index('class="invalid-feedback">', start)
    return page[feedback + len('class="invalid-feedback">'):page.index("</div>", feedback)]


def test_coordinator_adds_an_own_indicator_audited_and_listed_in_words(client, login_as):
    town = factories.make_municipality()
    factories.make_community(town, name="ГМО учителей математики")
    login_as(Role.COORDINATOR, municipality=town)
    form = client.get(f"/indicators/municipality/{town.id}/catalogue/new")
    assert 'data-testid="indicator-form"' in form.text and "Код (латиницей)" in form.text
    assert "ГМО учителей математики" in _text(form)  # the community filter offers it
    response = client.post(f"/indicators/municipality/{town.id}/catalogue/new",
                           data={**FORM, "source": "computed", "metric": "teachers_with_plan",
                                 "code": "plans_doo", "name_ru": "Доля педагогов ДОО с ИОМ",
                                 "unit": "percent", "level": "school", "org_type": ["doo"],
                                 "community": "ГМО учителей математики"})
    assert response.status_code == 302
    added = catalogue.find("municipality", town.id, "plans_doo")
    assert added.municipality_id == town.id and added.periodicity == "year"
    assert added.filters == {"org_type": ["doo"], "community": "ГМО учителей математики"}
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.object_type == "Indicator",
                                                       AuditEvent.action == "create"))
    assert event.municipality_id == town.id and event.changes["code"][1] == "plans_doo"
    page = _text(client.get(f"/indicators/municipality/{town.id}/catalogue"))
    own = page[page.index('data-testid="catalogue-own"'):]
    assert "Доля педагогов ДОО с ИОМ" in own and "календарный год" in own
    assert "Педагоги с индивидуальными программами развития" in own  # the metric in words
    assert "только: Дошкольная организация (ДОО), сообщество «ГМО учителей математики»" in own
    assert "plans_doo" not in page and "teachers_with_plan" not in page and "percent" not in page


def test_refusals_show_on_their_field_in_russian_and_keep_the_input(client, login_as):
    town = factories.make_municipality()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/indicators/municipality/{town.id}/catalogue/new"
    response = client.post(url, data={**FORM, "code": "Сеть 1"})
    assert response.status_code == 422
    page = _text(response)
    assert "строчные латинские буквы" in _field_error(page, "code")
    assert 'value="Сеть 1"' in page and 'value="Доля ОУ в сетевых сообществах"' in page
    response = client.post(url, data={**FORM, "source": "computed", "metric": ""})
    assert "Метрика" in _field_error(_text(response), "metric")
    response = client.post(url, data={**FORM, "source": "computed", "metric": "visits",
                                      "org_type": ["school", "xyz"]})
    assert response.status_code == 422
    assert _field_error(_text(response), "org_type").startswith("Фильтры:")
    assert db.session.scalar(select(Indicator).where(Indicator.municipality_id == town.id)) \
        is None


def test_a_unit_change_with_history_is_refused_on_the_unit_field(client, login_as):
    town = factories.make_municipality()
    indicator = _own(town)
    services.set_target(code="net_orgs", period=Y2023,
                        level=services.TargetLevel("municipality", town.id), value=Decimal(35))
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post(f"/indicators/catalogue/{indicator.id}/edit",
                           data={**FORM, "unit": "count", "name_ru": "Новое название",
                                 "version": str(indicator.version)})
    assert response.status_code == 422
    page = _text(response)
    assert "выведите его из употребления" in _field_error(page, "unit").lower()
    assert 'value="Новое название"' in page
    db.session.expire_all()
    assert indicator.unit == "percent" and indicator.name_ru == FORM["name_ru"]
    # the name alone may change; the code is shown read-only and never changes
    response = client.post(f"/indicators/catalogue/{indicator.id}/edit",
                           data={**FORM, "code": "other", "name_ru": "Новое название",
                                 "version": str(indicator.version)})
    assert response.status_code == 302
    db.session.expire_all()
    assert indicator.name_ru == "Новое название" and indicator.code == "net_orgs"


def test_a_coordinator_cannot_touch_the_regions_or_another_municipalitys_indicators(
        client, login_as):
    town = factories.make_municipality()
    neighbour = factories.make_municipality(town.region)
    theirs = _own(neighbour, name_ru="Показатель соседей")
    regional = catalogue.find("municipality", town.id, "teachers_with_plan")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    for indicator in (theirs, regional):
        assert client.get(f"/indicators/catalogue/{indicator.id}/edit").status_code == 404
        assert client.post(f"/indicators/catalogue/{indicator.id}/retire").status_code == 404
        assert client.post(f"/indicators/catalogue/{indicator.id}/delete",
                           data={"confirm": "1"}).status_code == 404
    assert client.get(f"/indicators/region/{town.region_id}/catalogue/new").status_code == 403
    assert client.get(f"/indicators/municipality/{neighbour.id}/catalogue").status_code == 404
    db.session.expire_all()
    assert not regional.is_retired and db.session.get(Indicator, theirs.id) is not None
    page = _text(client.get(f"/indicators/municipality/{town.id}/catalogue"))
    assert regional.name_ru in page and "Показатель соседей" not in page
    assert f"/indicators/catalogue/{regional.id}/edit" not in page  # read-only for them


def test_the_regional_coordinator_manages_the_regions_catalogue(client, login_as):
    town = factories.make_municipality()
    db.session.commit()
    login_as(Role.REGIONAL, region=town.region)
    response = client.post(f"/indicators/region/{town.region_id}/catalogue/new",
                           data={**FORM, "code": "criteria_1", "name_ru": "Критерий региона"})
    assert response.status_code == 302
    assert catalogue.find("municipality", town.id, "criteria_1").region_id == town.region_id
    other = factories.make_region()
    db.session.commit()
    assert client.get(f"/indicators/region/{other.id}/catalogue").status_code == 404


def test_retire_with_history_and_delete_only_after_confirmation(client, login_as):
    town = factories.make_municipality()
    used, unused = _own(town), _own(town, code="spare", name_ru="Запасной показатель")
    services.set_target(code="net_orgs", period=Y2023,
                        level=services.TargetLevel("municipality", town.id), value=Decimal(35))
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    # with history: the confirmation page offers retiring instead, a delete is refused
    assert 'data-testid="has-history"' in client.get(
        f"/indicators/catalogue/{used.id}/delete").text
    response = client.post(f"/indicators/catalogue/{used.id}/delete", data={"confirm": "1"},
                           follow_redirects=True)
    assert "выведите его из употребления" in _text(response).lower()
    assert client.post(f"/indicators/catalogue/{used.id}/retire").status_code == 302
    db.session.expire_all()
    assert used.is_retired and db.session.get(Indicator, used.id) is not None
    assert "net_orgs" not in {i.code for i in catalogue.for_place("municipality", town.id)}
    assert 'data-testid="retired"' in client.get(
        f"/indicators/municipality/{town.id}/catalogue").text
    client.post(f"/indicators/catalogue/{used.id}/retire")  # restored
    db.session.expire_all()
    assert not used.is_retired
    # without history: nothing happens until the confirmation comes along
    assert 'data-testid="confirm-delete"' in client.get(
        f"/indicators/catalogue/{unused.id}/delete").text
    client.post(f"/indicators/catalogue/{unused.id}/delete")
    assert db.session.get(Indicator, unused.id) is not None
    response = client.post(f"/indicators/catalogue/{unused.id}/delete", data={"confirm": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Indicator, unused.id) is None
    assert db.session.scalar(select(AuditEvent).where(
        AuditEvent.object_type == "Indicator", AuditEvent.action == "delete")) is not None


def test_every_registered_metric_has_a_russian_name():
    assert set(METRICS) <= set(METRIC_LABELS)


# --- targets -------------------------------------------------------------------------------

def test_a_yearly_share_target_is_checked_against_its_unit(client, login_as):
    town = factories.make_municipality()
    _own(town)
    _own(town, code="events", name_ru="Число сетевых мероприятий", unit="count")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/indicators/municipality/{town.id}/targets?period=2023"
    form = _text(client.get(url))
    assert "Доля ОУ в сетевых сообществах" in form and "2023 год" in form
    response = client.post(url, data={"net_orgs": "150", "events": "12"})
    assert response.status_code == 422
    page = _text(response)
    assert "от 0 до 100" in _field_error(page, "net_orgs") and 'value="150"' in page
    response = client.post(url, data={"net_orgs": "35", "events": "2,5"})
    assert "целое число" in _field_error(_text(response), "events").lower()
    assert db.session.scalar(select(IndicatorTarget)) is None
    assert client.post(url, data={"net_orgs": "41,5", "events": "12"}).status_code == 302
    targets = dict(db.session.execute(select(IndicatorTarget.code, IndicatorTarget.value)).all())
    assert targets == {"net_orgs": Decimal("41.5"), "events": Decimal(12)}
    assert client.post(url, data={"net_orgs": "41.5", "events": ""}).status_code == 302
    targets = dict(db.session.execute(select(IndicatorTarget.code, IndicatorTarget.value)).all())
    assert targets == {"net_orgs": Decimal("41.5")}


def test_set_target_refuses_what_the_unit_or_the_periodicity_does_not_allow(app):
    town = factories.make_municipality()
    _own(town)
    _own(town, code="events", name_ru="Число сетевых мероприятий", unit="count")
    _own(town, code="has_plan", name_ru="Есть план сети", unit="yes_no")
    db.session.commit()
    level = services.TargetLevel("municipality", town.id)
    for code, value in (("net_orgs", "150"), ("net_orgs", "-1"), ("events", "2.5"),
                        ("events", "-3"), ("has_plan", "2")):
        with pytest.raises(services.BadTarget) as refused:
            services.set_target(code=code, period=Y2023, level=level, value=Decimal(value))
        assert refused.value.field == code
    with pytest.raises(services.BadPeriodOfTarget) as refused:
        services.set_target(code="net_orgs", period=services.Period.__args__[0](2023, 1),
                            level=level, value=Decimal(30))
    assert "календарный год" in str(refused.value)
    assert services.set_target(code="net_orgs", period=Y2023, level=level,
                               value=Decimal("41.5")).value == Decimal("41.5")


def test_one_indicators_targets_for_every_school_in_one_grid(client, login_as):
    town = factories.make_municipality()
    first, second = factories.make_school(town, "Школа № 1"), factories.make_school(town, "Школа № 2")
    factories.make_school(factories.make_municipality(town.region), "Чужая школа")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/indicators/municipality/{town.id}/targets/teachers_with_plan?period=2022-H1"
    page = _text(client.get(url))
    assert "Школа № 1" in page and "Школа № 2" in page and "Чужая школа" not in page
    response = client.post(url, data={f"s{first.id}": "90", f"s{second.id}": "150"})
    assert response.status_code == 422 and db.session.scalar(select(IndicatorTarget)) is None
    response = client.post(url, data={f"s{first.id}": "90", f"s{second.id}": "72,5"})
    assert response.status_code == 302
    targets = dict(db.session.execute(select(IndicatorTarget.school_id,
                                             IndicatorTarget.value)).all())
    assert targets == {first.id: Decimal(90), second.id: Decimal("72.5")}
    assert 'value="72,5"' in client.get(url).text
    neighbour = factories.make_municipality(town.region)
    db.session.commit()
    assert client.get(f"/indicators/municipality/{neighbour.id}/targets/teachers_with_plan"
                      ).status_code == 404


def test_the_audit_log_shows_an_indicators_change_in_words(client, login_as):
    town = factories.make_municipality()
    login_as(Role.COORDINATOR, municipality=town)
    client.post(f"/indicators/municipality/{town.id}/catalogue/new",
                data={**FORM, "source": "computed", "metric": "teachers_with_plan",
                      "code": "plans_doo", "name_ru": "Доля педагогов ДОО с ИОМ",
                      "level": "school", "org_type": ["doo"], "status": "low_result"})
    login_as(Role.ADMIN)
    page = _text(client.get("/admin/audit"))
    assert "Доля педагогов ДОО с ИОМ" in page and "календарный год" in page
    assert "Дошкольная организация (ДОО), школы с низкими результатами (ШНОР)" in page
    assert "Педагоги с индивидуальными программами развития" in page
    for code in ("plans_doo", "org_type", "teachers_with_plan", "low_result", "percent"):
        assert code not in page


def test_a_stale_edit_of_an_indicator_is_refused(client, login_as):
    town = factories.make_municipality()
    indicator = _own(town)
    db.session.commit()
    read = str(indicator.version)
    manage.update_indicator(indicator, **{**FORM, "expected_month": None, "metric": None,
                                          "name_ru": "Сохранил другой"})
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.post(f"/indicators/catalogue/{indicator.id}/edit",
                           data={**FORM, "name_ru": "Моя правка", "version": read})
    page = _text(response)
    assert "изменена другим пользователем" in page and 'value="Моя правка"' in page
    db.session.expire_all()
    assert indicator.name_ru == "Сохранил другой"
