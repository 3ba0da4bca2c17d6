"""The links of a table, routed once and filled in, are exactly what url_for() builds."""
import pytest
from flask import url_for

from tracker.urls import LinkPattern

CASES = [
    ("indicators.records", ("school_id", "code"), {"period": "2022-H1"},
     [(12, "teachers_with_plan"), (7, "доля учителей"), (333, "a b&c=d/ё?")]),
    ("programs.measures", ("school", "state"), {"period": "2022-H1", "listed": "y"},
     [(5, "due"), (6, "на проверке"), (7, "50%+")]),
    ("programs.measures", ("municipality",), {"period": None, "evidence": "waiting"},
     [(1,), (2,)]),
    ("static", ("filename",), {}, [("css/app.css",), ("vendor/a b.js",)]),
]


@pytest.mark.parametrize(("endpoint", "names", "fixed", "rows"), CASES)
def test_filled_links_are_the_links_url_for_builds(app, endpoint, names, fixed, rows):
    with app.test_request_context("/"):
        pattern = LinkPattern(endpoint, *names, **fixed)
        assert pattern.parts is not None  # routed once, filled in afterwards
        for values in rows:
            assert pattern(*values) == url_for(endpoint, **fixed, **dict(zip(names, values)))


def test_values_it_cannot_place_go_to_url_for(app):
    with app.test_request_context("/"):
        pattern = LinkPattern("visits.index", "school", "status")
        assert pattern(3, None) == url_for("visits.index", school=3) == "/visits/?school=3"
        assert pattern(3, ["a", "b"]) == url_for("visits.index", school=3, status=["a", "b"])
