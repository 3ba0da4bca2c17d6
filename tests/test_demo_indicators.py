"""With the demo loaded, `flask indicators` reproduces the reference report's table."""
import json


def test_demo_indicator_table(runner):
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    result = runner.invoke(args=["indicators", "--municipality", "Усть-Илимск",
                                 "--period", "2022-H1", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {row["code"]: row for row in json.loads(result.output)}
    expected = {"teachers_courses_3y": (493, 500, 98.6), "schools_in_competitions": (7, 7, 100.0),
                "schools_with_mentoring": (6, 7, 85.7), "teachers_diagnosed": (415, 500, 83.0),
                "teachers_with_plan": (252, 500, 50.4)}
    for code, (numerator, denominator, value) in expected.items():
        row = rows[code]
        assert (row["numerator"], row["denominator"], row["value"]) == (
            numerator, denominator, value), code
    for code in ("pupils_basic_1_4", "pupils_basic_5_9", "pupils_meta_5_9",
                 "pupils_basic_10_11", "pupils_meta_10_11"):
        assert rows[code]["status"] == "ожидается (август)"
