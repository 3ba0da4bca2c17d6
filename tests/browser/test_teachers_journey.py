"""A director imports a teacher file with a bad row, sees the error, fixes the file and imports
it; then creates a development plan from a diagnostic."""
from tests.teacher_files import write_xlsx

ROWS = [["Журавлёва Алла Игоревна", "учитель", "химия", 7, "да"],
        ["Крылов Семён Андреевич", "учитель", "физика", 12, "да"]]


def test_director_imports_teachers_and_plans_from_a_diagnostic(page, sign_in_as, tmp_path):
    sign_in_as("director")
    broken = write_xlsx(tmp_path / "staff.xlsx", "teachers",
                        ROWS + [["Пустов", "учитель", "", "очень много", "да"]])
    page.goto("/teachers/import")
    page.set_input_files("input[name=file]", str(broken))
    page.get_by_role("button", name="Проверить файл").click()
    errors = page.get_by_test_id("import-errors")
    assert "Строка 4, столбец «Стаж, лет»" in errors.inner_text()
    assert "Строка 4, столбец «ФИО»: Укажите фамилию и имя." in errors.inner_text()

    fixed = write_xlsx(tmp_path / "staff.xlsx", "teachers", ROWS)
    page.get_by_role("link", name="Загрузить исправленный файл").click()
    page.set_input_files("input[name=file]", str(fixed))
    page.get_by_role("button", name="Проверить файл").click()
    page.get_by_role("button", name="Импортировать").click()
    assert "новых — 2" in page.locator(".alert-success").first.inner_text()
    page.goto("/teachers/?q=Журавлёва")
    page.get_by_role("link", name="Журавлёва Алла Игоревна").click()

    page.get_by_role("link", name="Добавить диагностику").click()
    page.fill("input[name=held_on]", "2022-09-20")
    page.select_option("select[name=provider]", label="ЦНППМ")
    first = page.locator("fieldset").first
    first.locator("select").select_option(label="низкий")
    first.locator("textarea").fill("задания высокого уровня ВПР")
    page.get_by_role("button", name="Сохранить диагностику").click()

    page.select_option("select[name=period]", label="2 полугодие 2022")
    page.get_by_role("button", name="Создать план по дефицитам").click()
    items = page.get_by_test_id("plan-items").inner_text()
    assert "предметный: задания высокого уровня ВПР" in items
    assert page.get_by_test_id("plan-status").inner_text() == "черновик"
    page.get_by_role("button", name="Отметить: «утверждён»").click()
    assert page.get_by_test_id("plan-status").inner_text() == "утверждён"
