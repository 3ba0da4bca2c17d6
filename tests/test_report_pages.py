"""The half-year report's pages: the preview with warnings for missing data, the download, the
coordinator's narrative (carry-over, stale edits, validation), the scope, the CLI."""
from io import BytesIO
from unittest.mock import patch
from urllib.parse import quote

import pytest
from docx import Document
from lxml import html
from sqlalchemy import select

from tests import factories, teacher_factories
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import StaleEdit
from tracker.periods import HalfYear
from tracker.reports.halfyear.assembly import slug
from tracker.reports.models import ReportNarrative, lines_of
from tracker.reports.narrative import NEW_VERSION, save_narrative
from tracker.schools.models import School

H1 = HalfYear(2022, 1)


def town_missing_data():
    """Two ШНОР: one with teachers but no courses, one with nothing; no narrative, no targets."""
    region = factories.make_region()
    category = factories.make_category(region, "сильно неуспевающая")
    town = factories.make_municipality(region, "Городок")
    staffed = factories.make_school(town, "МБОУ «СОШ № 4»", category=category, project_500=True)
    factories.make_school(town, "МБОУ «СОШ № 6»", category=category)
    factories.make_school(town, "МАОУ «Гимназия»")  # not on the list
    teacher_factories.make_teacher(staffed)
    db.session.commit()
    return town


def narrative_data(**fields) -> dict:
    data = {"version": str(NEW_VERSION), "roadmap_basis": "Дорожная карта, приказ № 1",
            "program_basis": "Программа, приказ № 2", "program_goal": "Создание условий",
            "program_tasks": "- первая задача\n2) вторая задача", "conclusions": "Всё выполнено.",
            "priorities": "сопровождение ШНОР", "signatory_position": "Координатор",
            "signatory_name": "И.И. Иванова"}
    data.update(fields)
    return data


def test_preview_warns_about_missing_data(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.get(f"/reports/municipality/{town.id}?period=2022-H1")
    assert response.status_code == 200
    page = response.text
    assert "2 школы не внесли данные о курсах за полугодие" in page
    assert "1 школа не внесла данные о педагогах: МБОУ «СОШ № 6»" in page
    assert "Нет целевых значений показателей (план) на полугодие." in page
    assert "Выводы не заполнены" in page and "Не заполнена цель программы." in page
    assert "Нет антирисковых программ: МБОУ «СОШ № 4»." in page
    assert "МАОУ «Гимназия»" not in page
    assert f"/reports/municipality/{town.id}/narrative?period=2022-H1" in page
    assert f"/reports/municipality/{town.id}/report.docx?period=2022-H1" in page
    assert 'data-testid="period-selector"' in page


def test_saving_the_narrative_clears_its_warnings(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    assert client.get(url).status_code == 200
    response = client.post(url, data=narrative_data())
    assert response.status_code == 302
    stored = db.session.scalar(select(ReportNarrative))
    assert (stored.period, stored.task_list) == ("2022-H1", ["первая задача", "вторая задача"])
    page = client.get(response.location).text
    assert "Выводы не заполнены" not in page and "Всё выполнено." in page
    assert "Не заполнена цель программы." not in page


def test_passport_carries_over_from_the_latest_earlier_half_year(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    client.post(f"/reports/municipality/{town.id}/narrative?period=2021-H2",
                data=narrative_data(conclusions="Выводы 2021 года"))
    page = client.get(f"/reports/municipality/{town.id}/narrative?period=2022-H1").text
    assert "Паспорт программы перенесён из периода 2 полугодие 2021" in page
    assert "2021-H2" not in html.fromstring(page).text_content()
    assert "Дорожная карта, приказ № 1" in page and "Выводы 2021 года" not in page
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1").text
    assert "Цель муниципальной программы: Создание условий" in preview
    assert "Выводы не заполнены" in preview  # conclusions belong to their half-year


def test_the_list_document_and_the_curators_algorithm_go_into_the_report(client, login_as):
    """Written once in the passport (and carried over), printed in the schools section and under
    the roles table; a bad date is refused and keeps what was typed."""
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1").text
    assert "Не указан документ, утвердивший перечень" in preview
    assert "Не заполнен алгоритм действий куратора." in preview
    listing = {"listing_document": "Распоряжение министерства образования области",
               "listing_number": "55-46-мр", "listing_title": "Об утверждении перечня",
               "curator_algorithm": "- Знакомство со школой\n- Первое посещение"}
    refused = client.post(url, data=narrative_data(listing_date="31.02.2022", **listing))
    assert refused.status_code == 422 and "55-46-мр" in refused.text
    assert db.session.scalar(select(ReportNarrative)) is None
    assert client.post(url, data=narrative_data(listing_date="2022-01-21", **listing)
                       ).status_code == 302
    document = Document(BytesIO(client.get(
        f"/reports/municipality/{town.id}/report.docx?period=2022-H1").data))
    paragraphs = [p.text for p in document.paragraphs]
    assert ("Перечень утверждён документом: Распоряжение министерства образования области от "
            "21.01.2022 № 55-46-мр «Об утверждении перечня».") in paragraphs
    steps = paragraphs.index("Алгоритм действий куратора:")
    assert paragraphs[steps + 1:steps + 3] == ["Знакомство со школой", "Первое посещение"]
    carried = client.get(f"/reports/municipality/{town.id}/narrative?period=2022-H2").text
    assert 'value="55-46-мр"' in carried and 'value="2022-01-21"' in carried


def test_the_municipality_wide_course_figures_are_typed_in_and_checked(client, login_as):
    """Until typed in, the preview warns with a link to the narrative; trained beyond all the
    municipality's teachers is refused and keeps what was typed; a region left blank prints no
    row, a blank listeners' figure of the municipality counts 0."""
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    preview = html.fromstring(client.get(f"/reports/municipality/{town.id}?period=2022-H1").text)
    for warning in ("Не указано, сколько педагогов муниципалитета прошли курсы",
                    "Не указаны слушатели ДПП муниципалитета за полугодие."):
        item = next(li for li in preview.iter("li") if warning in li.text_content())
        assert item.xpath(".//a/@href") == [f"/reports/municipality/{town.id}/narrative"
                                            "?period=2022-H1"]
    refused = client.post(url, data=narrative_data(municipal_teachers_trained="70",
                                                   municipal_teachers_total="60"))
    assert refused.status_code == 422
    assert "Больше, чем всего педагогов муниципалитета (60)." in refused.text
    assert 'value="70"' in refused.text and db.session.scalar(select(ReportNarrative)) is None
    assert client.post(url, data=narrative_data(
        municipal_teachers_trained="30", municipal_teachers_total="60", listeners_academy="0",
        listeners_iro_other="12")).status_code == 302
    document = Document(BytesIO(client.get(
        f"/reports/municipality/{town.id}/report.docx?period=2022-H1").data))
    assert ("В целом по муниципалитету курсы повышения квалификации и профессиональной "
            "переподготовки прошли 30 из 60 (50\u00a0%) педагогов."
            ) in [p.text for p in document.paragraphs]
    listeners = next(t for t in document.tables if t.rows[0].cells[0].text == "Муниципальное "
                     "образование" and len(t.columns) == 6)
    assert [[c.text for c in row.cells] for row in listeners.rows[1:]] == [
        ["Городок", "0", "0", "0", "12", "12"]]
    assert town.region.name not in [row.cells[0].text for row in listeners.rows]
    assert db.session.scalar(select(ReportNarrative)).listeners_academy == 0


def test_a_stale_narrative_edit_is_refused(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    client.post(url, data=narrative_data())
    stale = client.post(url, data=narrative_data(conclusions="Мои выводы"))  # version 0 again
    assert stale.status_code == 409
    assert "Мои выводы" in stale.text and "Всё выполнено." in stale.text
    assert db.session.scalar(select(ReportNarrative.conclusions)) == "Всё выполнено."
    fresh = client.post(url, data=narrative_data(conclusions="Мои выводы", version="1"))
    assert fresh.status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(ReportNarrative.conclusions)) == "Мои выводы"


def test_narrative_validation_speaks_russian(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    response = client.post(url, data=narrative_data(signatory_name="",
                                                    priorities="\n".join(["п"] * 31)))
    assert response.status_code == 422
    assert "Укажите фамилию и инициалы подписывающего отчёт." in response.text
    assert "Не больше 30 строк." in response.text
    assert db.session.scalar(select(ReportNarrative)) is None


def test_only_the_municipality_coordinator_edits_the_narrative(client, login_as):
    town = town_missing_data()
    login_as(Role.REGIONAL, region=town.region)
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1")
    assert preview.status_code == 200 and 'data-testid="edit-narrative"' not in preview.text
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    assert client.get(url).status_code == 403
    assert client.post(url, data=narrative_data()).status_code == 403
    login_as(Role.COORDINATOR, municipality=factories.make_municipality(town.region))
    assert client.get(url).status_code == 404
    assert client.get(f"/reports/municipality/{town.id}").status_code == 404
    assert client.get(f"/reports/municipality/{town.id}/report.docx").status_code == 404
    assert db.session.scalar(select(ReportNarrative)) is None


def test_download_has_a_plain_and_a_russian_file_name(client, login_as):
    town = town_missing_data()
    login_as(Role.COORDINATOR, municipality=town)
    response = client.get(f"/reports/municipality/{town.id}/report.docx?period=2022-H1")
    assert response.status_code == 200
    assert response.mimetype.endswith("wordprocessingml.document")
    disposition = response.headers["Content-Disposition"]
    assert disposition.startswith('attachment; filename="otchet-gorodok-2022-h1.docx"')
    assert "filename*=UTF-8''" + quote("Отчёт Городок, 1 полугодие 2022.docx", safe="") in disposition
    document = Document(BytesIO(response.data))
    assert "Городок, 1 полугодие 2022" in [p.text for p in document.paragraphs]


def test_regional_and_school_variants_keep_to_their_scope(client, login_as):
    town = town_missing_data()
    staffed = db.session.scalar(select(School).where(School.short_name == "МБОУ «СОШ № 4»"))
    other = factories.make_school(town, "МБОУ «СОШ № 9»")
    db.session.commit()
    login_as(Role.DIRECTOR, school=staffed)
    page = client.get(f"/reports/school/{staffed.id}?period=2022-H1")
    assert page.status_code == 200 and "Школа в программе" in page.text
    assert "Школа — участник федерального проекта «500+»." in page.text
    assert client.get(f"/reports/school/{other.id}").status_code == 404
    assert client.get(f"/reports/municipality/{town.id}").status_code == 403
    assert f"/reports/school/{staffed.id}?period=" in client.get("/reports/").location
    login_as(Role.REGIONAL, region=town.region)
    summary = client.get(f"/reports/region/{town.region.id}?period=2022-H1")
    assert summary.status_code == 200 and "Итого по региону" in summary.text
    assert client.get(f"/reports/region/{factories.make_region().id}").status_code == 404
    docx = client.get(f"/reports/region/{town.region.id}/report.docx?period=2022-H1")
    assert docx.status_code == 200 and docx.data[:2] == b"PK"


def test_cli_writes_the_report_and_explains_mistakes(runner, tmp_path):
    town = town_missing_data()
    target = tmp_path / "report.docx"
    result = runner.invoke(args=["report", "half-year", "--municipality", "городок",
                                 "--period", "2022-H1", "-o", str(target)])
    assert result.exit_code == 0, result.output
    headings = [p.text for p in Document(str(target)).paragraphs
                if p.style.name == "Heading 1"]
    assert headings[0] == "Основание" and headings[-1] == "Приоритетные задачи на следующий период"
    unknown = runner.invoke(args=["report", "half-year", "--municipality", "Нигде",
                                  "--period", "2022-H1", "-o", str(target)])
    assert unknown.exit_code != 0 and "Unknown municipality: 'Нигде'" in unknown.output
    bad = runner.invoke(args=["report", "half-year", "--municipality", town.name,
                              "--period", "2022-H3", "-o", str(target)])
    assert bad.exit_code != 0 and "is not a half-year; use e.g. 2022-H1" in bad.output
    school = runner.invoke(args=["report", "half-year", "--municipality", town.name, "--school",
                                 "МБОУ «СОШ № 4»", "--period", "2022-H1", "-o", str(target)])
    assert school.exit_code == 0, school.output
    region = runner.invoke(args=["report", "half-year", "--region", town.region.name,
                                 "--period", "2022-H1", "-o", str(tmp_path / "region.docx")])
    assert region.exit_code == 0, region.output
    nothing = runner.invoke(args=["report", "half-year", "--period", "2022-H1", "-o",
                                  str(target)])
    assert nothing.exit_code != 0 and "Give --municipality" in nothing.output


def test_helpers():
    assert slug("Усть-Илимск") == "ust-ilimsk" and slug("г. Братск") == "g-bratsk"
    assert lines_of("1) одна\n\n- две\n• три\n") == ["одна", "две", "три"]


def test_two_first_saves_at_once_make_the_second_stale(app):
    town = town_missing_data()
    db.session.add(ReportNarrative(municipality_id=town.id, period="2022-H1",
                                   conclusions="Сохранено первым"))
    db.session.flush()
    with patch("tracker.reports.narrative.stored_narrative", return_value=None), \
            pytest.raises(StaleEdit):
        save_narrative(municipality_id=town.id, period=H1, version=str(NEW_VERSION),
                       conclusions="Сохранено вторым")
    assert db.session.scalar(select(ReportNarrative.conclusions)) == "Сохранено первым"


def test_school_reports_are_not_offered_for_kindergartens(client, login_as):
    school = factories.make_school(short_name="СОШ № 5")
    kindergarten = factories.make_school(school.municipality, short_name="Детский сад № 7",
                                         org_type="doo")
    db.session.commit()
    login_as(Role.ADMIN)
    page = client.get("/reports/").get_data(as_text=True)
    assert f"/reports/school/{school.id}" in page
    assert f"/reports/school/{kindergarten.id}" not in page


def test_a_paragraph_per_school_starts_from_its_records_and_is_the_coordinators_once_saved(
        client, login_as):
    """Each school with anti-risk programs gets a paragraph: drafted from its records (and the
    preview says so) until the coordinator saves one; an emptied one is drafted again."""
    from datetime import date

    from tests import program_factories
    town = town_missing_data()
    school = db.session.scalar(select(School).where(School.municipality_id == town.id)
                               .order_by(School.id))
    program = program_factories.make_program(school, program_factories.make_direction())
    program_factories.make_measure(program, due_on=date(2022, 3, 1))       # overdue by 30.06
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=town)
    url = f"/reports/municipality/{town.id}/narrative?period=2022-H1"
    form = html.fromstring(client.get(url).text)
    draft = form.xpath(f"//textarea[@name='school_{school.id}']")[0].text.strip()
    assert draft.startswith(school.short_name) and "Из 1 мероприятий полугодия выполнено 0" in draft
    assert "просрочено 1" in draft
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1").text
    assert "Абзацы об этих школах составлены по данным" in preview
    assert client.post(url, data=narrative_data(**{f"school_{school.id}": "Школа работает."})
                       ).status_code == 302
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1").text
    assert "Школа работает." in preview and "составлены по данным" not in preview
    client.post(url, data=narrative_data(version="1", **{f"school_{school.id}": ""}))
    preview = client.get(f"/reports/municipality/{town.id}?period=2022-H1").text
    assert "составлены по данным" in preview and "Школа работает." not in preview


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.DIRECTOR])
def test_every_warning_link_opens_for_the_one_who_reads_the_preview(client, login_as, role):
    """A link beside a warning never leads the reader to a page they may not open."""
    from datetime import date

    from tests import program_factories
    town = town_missing_data()
    staffed = db.session.scalar(select(School).where(School.short_name == "МБОУ «СОШ № 4»"))
    program = program_factories.make_program(staffed, program_factories.make_direction())
    program_factories.make_measure(program, due_on=date(2022, 3, 1))
    db.session.commit()
    if role == Role.COORDINATOR:
        login_as(role, municipality=town)
        url = f"/reports/municipality/{town.id}?period=2022-H1"
    else:
        login_as(role, school=staffed)
        url = f"/reports/school/{staffed.id}?period=2022-H1"
    links = html.fromstring(client.get(url).text).xpath("//a[@data-testid='warning-link']/@href")
    assert links                                   # the overdue measure at least
    for link in set(links):
        assert client.get(link).status_code == 200, link


def test_a_kindergarten_has_no_school_report(client, login_as):
    """Not offered and not served from a typed address; its director's «Отчёт» says there is
    nothing to report instead of opening an empty report."""
    kindergarten = factories.make_school(short_name="МБДОУ «Детский сад № 3»", org_type="doo")
    db.session.commit()
    director = login_as(Role.DIRECTOR, school=kindergarten)
    for path in (f"/reports/school/{kindergarten.id}?period=2022-H1",
                 f"/reports/school/{kindergarten.id}/report.docx?period=2022-H1"):
        assert client.get(path).status_code == 404
    index = client.get("/reports/")
    assert index.status_code == 200 and "МБДОУ" not in index.text
    assert director.school_id == kindergarten.id
