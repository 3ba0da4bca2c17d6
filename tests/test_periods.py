from datetime import date

import pytest

from tracker.periods import BadPeriod, HalfYear, recent_half_years, school_year_of


def test_half_year_bounds():
    h1 = HalfYear.parse("2022-h1")
    assert (h1.starts_on, h1.ends_on) == (date(2022, 1, 1), date(2022, 6, 30))
    assert HalfYear.parse("2022-H2").ends_on == date(2022, 12, 31)
    assert HalfYear.containing(date(2022, 7, 1)).code == "2022-H2"


@pytest.mark.parametrize("code", ["2022", "2022-H3", "H1-2022", ""])
def test_bad_codes_are_refused(code):
    with pytest.raises(BadPeriod):
        HalfYear.parse(code)


def test_recent_half_years_and_school_year():
    assert [p.code for p in recent_half_years(HalfYear(2022, 1), 3)] == [
        "2021-H1", "2021-H2", "2022-H1"]
    assert school_year_of(date(2022, 3, 24)) == "2021/22"
    assert school_year_of(date(2022, 9, 1)) == "2022/23"
