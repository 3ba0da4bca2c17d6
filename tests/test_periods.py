from datetime import date

import pytest

from tracker.periods import (BadPeriod, HalfYear, SchoolYear, Year, choices, containing,
                             label_of, parse, recent, recent_half_years, school_year_of)


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


def test_years_and_school_years_have_their_dates_and_words(app):
    year, school_year = parse("2022"), parse("2021/2022")
    assert (year.starts_on, year.ends_on) == (date(2022, 1, 1), date(2022, 12, 31))
    assert (school_year.starts_on, school_year.ends_on) == (date(2021, 9, 1), date(2022, 8, 31))
    assert school_year.code == "2021/22" and school_year.year == 2022  # its ШНОР list is 2022's
    assert [h.code for h in school_year.half_years] == ["2021-H2", "2022-H1"]
    assert [h.code for h in year.half_years] == ["2022-H1", "2022-H2"]
    with app.test_request_context(headers={"Accept-Language": "ru"}):
        assert [p.label for p in (HalfYear(2022, 1), year, school_year)] == [
            "1 полугодие 2022", "2022 год", "2021/22 учебный год"]
        assert label_of("2022-H2") == "2 полугодие 2022" and label_of("весна") == "весна"


@pytest.mark.parametrize("code,periodicity", [
    ("2022", "halfyear"), ("2022-H1", "year"), ("2021/22", "year"), ("2021/23", None),
    ("2022-H3", None), ("весна", None), ("", None), (None, None)])
def test_a_code_of_another_kind_is_refused(code, periodicity):
    with pytest.raises(BadPeriod):
        parse(code, periodicity)


def test_choices_run_from_the_program_start_to_now_newest_first():
    found = choices("schoolyear", today=date(2023, 10, 1))
    assert [p.code for p in found] == ["2023/24", "2022/23", "2021/22", "2020/21", "2019/20"]
    assert choices("year", today=date(2022, 5, 1))[0] == Year(2022)
    assert choices("year", until=Year(2025), today=date(2022, 5, 1))[0] == Year(2025)
    assert recent(SchoolYear(2022), 2) == [SchoolYear(2021), SchoolYear(2022)]
    assert containing(date(2022, 8, 31), "schoolyear") == SchoolYear(2021)
