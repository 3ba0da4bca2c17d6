"""The report's PNG charts: drawn once per distinct figures and labels, safe to draw from several
threads of one worker at once."""
from concurrent.futures import ThreadPoolExecutor

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l

from tracker.reports.halfyear import charts

LABELS = ["Доля педагогов с ИОМ", "Доля школ с наставничеством"]


def draw(facts, fact_label="Факт"):
    return charts.plan_fact(list(LABELS), list(facts), [100.0, 100.0], fact_label, "План")


def test_the_same_figures_reuse_the_drawn_chart_and_new_ones_redraw():
    charts.plan_fact.cache_clear()
    first = draw([50.4, 85.7])
    assert first.startswith(b"\x89PNG")
    assert draw([50.4, 85.7]) is first  # equal lists: not drawn again
    changed = draw([50.4, 71.4])
    assert changed is not first and changed != first
    assert charts.plan_fact.cache_info().misses == 2


def test_a_translated_label_is_remembered_as_the_words_it_reads(app):
    charts.plan_fact.cache_clear()
    with app.test_request_context():
        with force_locale("ru"):
            russian = draw([50.4, 85.7], _l("Fact"))
        with force_locale("en"):
            english = draw([50.4, 85.7], _l("Fact"))
    assert russian != english


def test_threads_drawing_at_once_get_the_charts_drawn_alone():
    charts.plan_fact.cache_clear()
    figures = [[float(n), 100.0 - n] for n in range(12)]
    alone = [draw(facts) for facts in figures]
    charts.plan_fact.cache_clear()
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(draw, figures))
    assert together == alone
