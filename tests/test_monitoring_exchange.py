"""A monitoring moves between installations as JSON: export, import all-or-nothing with every
problem at its JSON path, and a round trip that gives the same document."""
import json

import pytest
from sqlalchemy import func, select

from tracker.db import db
from tracker.indicators.models import EnteredValue, Indicator, IndicatorTarget

from tests import factories

HAND_WRITTEN = {
    "format": 1,
    "indicators": [{"code": "net_orgs", "name": "Доля ОУ, включённых в работу сетевых сообществ",
                    "unit": "percent", "periodicity": "year", "level": "municipality",
                    "source": "entered"}],
    "targets": [{"indicator": "net_orgs", "period": "2023", "value": 35}],
    "values": [{"indicator": "net_orgs", "period": "2023", "value": 41.5}],
}


@pytest.fixture
def district(app):
    town = factories.make_municipality(name="Сетевой")
    factories.make_school(town, "СОШ № 1")
    db.session.commit()
    return town


def _write(tmp_path, document, name="monitoring.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _counts():
    return tuple(db.session.scalar(select(func.count()).select_from(model))
                 for model in (Indicator, IndicatorTarget, EnteredValue))


def test_a_hand_written_file_is_imported_and_listed_with_status(district, runner, tmp_path):
    result = runner.invoke(args=["monitoring", "import", _write(tmp_path, HAND_WRITTEN),
                                 "--municipality", "Сетевой"])
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    listed = runner.invoke(args=["indicators", "--municipality", "Сетевой", "--period", "2023",
                                 "--format", "json"])
    row, = [r for r in json.loads(listed.output) if r["code"] == "net_orgs"]
    assert (row["value"], row["target"], row["status"]) == (41.5, 35, "достигнут")


def test_a_dry_run_writes_nothing(district, runner, tmp_path):
    before = _counts()
    result = runner.invoke(args=["monitoring", "import", _write(tmp_path, HAND_WRITTEN),
                                 "--municipality", "Сетевой", "--dry-run"])
    assert result.exit_code == 0 and "dry run" in result.output
    assert _counts() == before


def test_every_problem_is_listed_with_its_path_and_nothing_is_written(district, runner,
                                                                      tmp_path):
    bad = json.loads(json.dumps(HAND_WRITTEN))
    bad["indicators"].append({"code": "net_x", "name": "Х", "unit": "percent",
                              "source": "computed", "metric": "no_such_metric"})
    bad["indicators"].append({"code": "net_y", "name": "Y", "unit": "percent",
                              "source": "computed", "metric": "visits",
                              "filters": {"colour": "red"}})
    bad["targets"] += [{"indicator": "net_orgs", "period": "2023-H1", "value": 10},
                       {"indicator": "net_orgs", "period": "2024", "value": 150},
                       {"indicator": "nothing", "period": "2023", "value": 1}]
    bad["values"] += [{"indicator": "net_orgs", "period": "2024", "value": "много"},
                      {"indicator": "net_orgs", "period": "2022", "value": 10,
                       "school": "СОШ № 99"}]
    before = _counts()
    result = runner.invoke(args=["monitoring", "import", _write(tmp_path, bad),
                                 "--municipality", "Сетевой"])
    assert result.exit_code != 0
    for path in ("$.indicators[1].metric:", "$.indicators[2].filters:", "$.targets[1].period:",
                 "$.targets[2].value:", "$.targets[3].indicator:", "$.values[1].value:",
                 "$.values[2].school:"):
        assert path in result.output, path
    assert "100" in result.output and "nothing was written" in result.output
    assert _counts() == before


def test_a_unit_change_of_an_indicator_with_history_is_refused(district, runner, tmp_path):
    assert runner.invoke(args=["monitoring", "import", _write(tmp_path, HAND_WRITTEN),
                               "--municipality", "Сетевой"]).exit_code == 0
    changed = json.loads(json.dumps(HAND_WRITTEN))
    changed["indicators"][0]["unit"] = "count"
    changed["targets"], changed["values"] = [], []
    result = runner.invoke(args=["monitoring", "import", _write(tmp_path, changed, "2.json"),
                                 "--municipality", "Сетевой"])
    assert result.exit_code != 0 and "$.indicators[0].unit:" in result.output
    assert db.session.scalar(select(Indicator.unit).where(Indicator.code == "net_orgs")) == \
        "percent"


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b'{"format": 2}'])
def test_a_file_that_is_no_monitoring_is_refused(district, runner, tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    result = runner.invoke(args=["monitoring", "import", str(path), "--municipality", "Сетевой"])
    assert result.exit_code != 0 and "Traceback" not in result.output


def test_export_then_import_into_an_empty_municipality_gives_the_same_document(
        district, runner, tmp_path):
    document = json.loads(json.dumps(HAND_WRITTEN))
    document["indicators"].append({
        "code": "pupils_read", "name": "Доля читающих", "unit": "percent",
        "periodicity": "schoolyear", "level": "school", "source": "entered",
        "expected_month": 6})
    document["indicators"].append({
        "code": "net_schools", "name": "Школы в сообществах", "unit": "percent",
        "source": "computed", "metric": "teachers_with_plan", "filters": {"org_type": ["oo"]}})
    document["values"].append({"indicator": "pupils_read", "period": "2022/23",
                               "school": "СОШ № 1", "numerator": 9, "denominator": 12})
    document["targets"].append({"indicator": "pupils_read", "period": "2022/23",
                                "school": "СОШ № 1", "value": 70.5})
    assert runner.invoke(args=["monitoring", "import", _write(tmp_path, document),
                               "--municipality", "Сетевой"]).exit_code == 0
    first = runner.invoke(args=["monitoring", "export", "--municipality", "Сетевой"])
    assert first.exit_code == 0, first.output
    empty = factories.make_municipality(name="Пустой")
    factories.make_school(empty, "СОШ № 1")
    db.session.commit()
    imported = runner.invoke(args=["monitoring", "import", _write(tmp_path, json.loads(
        first.output), "first.json"), "--municipality", "Пустой"])
    assert imported.exit_code == 0, imported.output
    second = runner.invoke(args=["monitoring", "export", "--municipality", "Пустой"])
    assert json.loads(second.output) == json.loads(first.output)
    assert len(json.loads(first.output)["indicators"]) == 3


def test_a_region_hands_its_catalogue_to_a_municipality(district, runner):
    result = runner.invoke(args=["monitoring", "export", "--region", district.region.name])
    assert result.exit_code == 0, result.output
    codes = [row["code"] for row in json.loads(result.output)["indicators"]]
    assert "teachers_with_plan" in codes and len(codes) == 14
