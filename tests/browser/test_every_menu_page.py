"""Every page of every role's menu on the demo, in Russian: no English word outside a short
allow-list, no period code shown as text, no serious or critical axe-core violation (WCAG 2.1 A
and AA). Each page is saved as a screenshot at 1280 and 390 px in tests/browser/screens/
(kept by CI as an artifact, not committed)."""
import re
from pathlib import Path

import pytest

from tracker.demo.data import ACCOUNTS
from tests.browser.steps import sign_in

SCREENS = Path(__file__).parent / "screens"
WIDE, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
AXE = "/assets/axe-4.14.1.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Latin words a Russian page may show: the language switch, file types, logins, the demo's e-mail
ALLOWED = {"english", "xlsx", "docx", "pdf", "png", "jpg", "jpeg", "csv", "odt", "ods", "zip", "txt", "rtf",
           "doc", "xls", "pptx", "ppt", "odp", "html", "mb", "kb", "id", "ip",
           *(login for login, _name, _role in ACCOUNTS), "demo", "example", "org", "ru"}
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z]{1,}\b")
ROMAN_NUMERAL = re.compile(r"^[IVXLC]+$")   # «III квартал»
PERIOD_CODE = re.compile(r"\b(19|20)\d\d-[A-Z][A-Z0-9]*\b")
MENU_LINKS = ("() => [...document.querySelectorAll('#mainNav .navbar-nav.me-auto a[href]')]"
              ".map(a => a.getAttribute('href')).filter(h => h && h !== '#')")
VISIBLE_TEXT = "() => document.body.innerText"
AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 3).map(
      n => n.target.join(' ') + ' (' + (n.any[0] || n.all[0] || {message: ''}).message + ')').join('; '));
}"""


def english_words(text: str) -> list[str]:
    return sorted({word for word in LATIN_WORD.findall(text)
                   if word.lower() not in ALLOWED and not ROMAN_NUMERAL.match(word)})


def test_allow_list_catches_english_and_period_codes():
    """The checks themselves, on plain text: an English word and a code are found."""
    assert english_words("Скачать XLSX, вход: coordinator, III квартал") == []
    assert english_words("Download plot as a PNG") == ["Download", "as", "plot"]
    assert PERIOD_CODE.search("Период: 2022-H1") and not PERIOD_CODE.search("2022–2023 год")


@pytest.mark.parametrize("login", [login for login, _name, _role in ACCOUNTS])
def test_every_menu_page_is_russian_and_accessible(browser, live_server, login):
    context = browser.new_context(base_url=live_server, locale="ru-RU", viewport=WIDE)
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    sign_in(page, login)
    problems = []
    for path in page.evaluate(MENU_LINKS):
        problems += check_page(page, path, login)
    context.close()
    assert not errors, errors
    assert not problems, "\n".join(problems)


def check_page(page, path: str, login: str) -> list[str]:
    response = page.goto(path)
    page.wait_for_load_state("load")
    where = f"{login} {path} → {page.url}"
    if response is None or response.status >= 400:
        return [f"{where}: HTTP {response.status if response else '?'}"]
    text = page.evaluate(VISIBLE_TEXT)
    problems = [f"{where}: English words {words}" for words in [english_words(text)] if words]
    problems += [f"{where}: period code «{m.group(0)}»" for m in PERIOD_CODE.finditer(text)]
    page.add_script_tag(url=AXE)
    problems += [f"{where}: axe {v}" for v in page.evaluate(AXE_RUN, AXE_TAGS)]
    screenshot(page, login, path)
    return problems


def screenshot(page, login: str, path: str) -> None:
    SCREENS.mkdir(exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", f"{login}-{path}".lower()).strip("-")
    page.screenshot(path=str(SCREENS / f"{name}-1280.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SCREENS / f"{name}-390.png"), full_page=True)
    page.set_viewport_size(WIDE)
