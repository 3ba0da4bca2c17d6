"""Reporting periods, the one home for them: half-years («1 полугодие 2022», code 2022-H1),
calendar years («2022 год», 2022) and school years («2021/22 учебный год», 2021/22).

Every period knows its dates, so a metric counts its records between `starts_on` and `ends_on`
whatever the periodicity. Codes are what is stored and typed on the command line; pages show
`label`, never a code. `parse` reads any code, `choices` lists periods for a selector.
"""
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from flask_babel import lazy_gettext as _l


class Periodicity(StrEnum):
    HALF_YEAR = "halfyear"
    YEAR = "year"
    SCHOOL_YEAR = "schoolyear"


PERIODICITY_LABELS = {
    Periodicity.HALF_YEAR: _l("Half-years"),
    Periodicity.YEAR: _l("Calendar years"),
    Periodicity.SCHOOL_YEAR: _l("School years"),
}


class BadPeriod(ValueError):
    """A code that is no period (or not one of the wanted periodicity)."""

    message = _l("Choose a period: a half-year, a calendar year or a school year.")


class _Period:
    """What every period offers on top of its dates (subclasses define starts_on, ends_on)."""

    periodicity: Periodicity
    starts_on: date
    ends_on: date

    def as_of(self, today: date | None = None) -> date:
        """The day the period's figures are counted on: its last day, or today while it runs
        («days since the last visit» of 2022-H1 are counted at 30.06.2022, not years later)."""
        return min(self.ends_on, today or date.today())

    def contains(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    @property
    def half_years(self) -> list["HalfYear"]:
        """The half-years the period is made of (records kept per half-year are summed up)."""
        first, last = HalfYear.containing(self.starts_on), HalfYear.containing(self.ends_on)
        found = [first]
        while found[-1] < last:
            found.append(found[-1].next())
        return found

    def __str__(self) -> str:
        return self.code


_HALF_YEAR = re.compile(r"^(\d{4})-H([12])$")
_YEAR = re.compile(r"^(\d{4})$")
_SCHOOL_YEAR = re.compile(r"^(\d{4})/(\d{2}|\d{4})$")


@dataclass(frozen=True, order=True)
class HalfYear(_Period):
    year: int
    half: int

    periodicity = Periodicity.HALF_YEAR

    @classmethod
    def parse(cls, code: str) -> "HalfYear":
        match = _HALF_YEAR.match((code or "").strip().upper())
        if not match:
            raise BadPeriod(f"not a half-year code: {code!r} (expected e.g. 2022-H1)")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> "HalfYear":
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def code(self) -> str:
        return f"{self.year}-H{self.half}"

    @property
    def starts_on(self) -> date:
        return date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def ends_on(self) -> date:
        return date(self.year, 6, 30) if self.half == 1 else date(self.year, 12, 31)

    @property
    def label(self) -> str:
        return str(_l("Half-year %(half)s, %(year)s", half=self.half, year=self.year))

    def previous(self) -> "HalfYear":
        return HalfYear(self.year - 1, 2) if self.half == 1 else HalfYear(self.year, 1)

    def next(self) -> "HalfYear":
        return HalfYear(self.year, 2) if self.half == 1 else HalfYear(self.year + 1, 1)



@dataclass(frozen=True, order=True)
class Year(_Period):
    """A calendar year, January to December."""

    year: int

    periodicity = Periodicity.YEAR

    @classmethod
    def parse(cls, code: str) -> "Year":
        match = _YEAR.match((code or "").strip())
        if not match:
            raise BadPeriod(f"not a year: {code!r} (expected e.g. 2023)")
        return cls(int(match.group(1)))

    @classmethod
    def containing(cls, day: date) -> "Year":
        return cls(day.year)

    @property
    def code(self) -> str:
        return str(self.year)

    @property
    def starts_on(self) -> date:
        return date(self.year, 1, 1)

    @property
    def ends_on(self) -> date:
        return date(self.year, 12, 31)

    @property
    def label(self) -> str:
        return str(_l("Year %(year)s", year=self.year))

    def previous(self) -> "Year":
        return Year(self.year - 1)

    def next(self) -> "Year":
        return Year(self.year + 1)



@dataclass(frozen=True, order=True)
class SchoolYear(_Period):
    """A school year, 2021/22: September to August. The ШНОР list of its second year applies."""

    start: int

    periodicity = Periodicity.SCHOOL_YEAR

    @classmethod
    def parse(cls, code: str) -> "SchoolYear":
        match = _SCHOOL_YEAR.match((code or "").strip())
        if not match or int(match.group(2)[-2:]) != (int(match.group(1)) + 1) % 100:
            raise BadPeriod(f"not a school year: {code!r} (expected e.g. 2021/22)")
        return cls(int(match.group(1)))

    @classmethod
    def containing(cls, day: date) -> "SchoolYear":
        return cls(day.year if day.month >= 9 else day.year - 1)

    @property
    def code(self) -> str:
        return f"{self.start}/{str(self.start + 1)[-2:]}"

    @property
    def year(self) -> int:
        return self.start + 1

    @property
    def starts_on(self) -> date:
        return date(self.start, 9, 1)

    @property
    def ends_on(self) -> date:
        return date(self.start + 1, 8, 31)

    @property
    def label(self) -> str:
        return str(_l("School year %(code)s", code=self.code))

    @property
    def half_years(self) -> list[HalfYear]:
        """The autumn half-year and the spring one (the summer belongs to the next list)."""
        return [HalfYear(self.start, 2), HalfYear(self.start + 1, 1)]

    def previous(self) -> "SchoolYear":
        return SchoolYear(self.start - 1)

    def next(self) -> "SchoolYear":
        return SchoolYear(self.start + 1)



Period = HalfYear | Year | SchoolYear

KINDS: dict[Periodicity, type] = {
    Periodicity.HALF_YEAR: HalfYear, Periodicity.YEAR: Year, Periodicity.SCHOOL_YEAR: SchoolYear}

FIRST_DAY = date(2020, 1, 1)  # the federal project «500+» started in 2020: selectors begin here


def parse(code: str | None, periodicity: str | None = None) -> Period:
    """The period of a code of any kind (2022-H1, 2022, 2021/22), or of the given periodicity;
    BadPeriod otherwise."""
    kinds = [KINDS[Periodicity(periodicity)]] if periodicity else list(KINDS.values())
    for kind in kinds:
        try:
            return kind.parse(code)
        except BadPeriod:
            continue
    raise BadPeriod(f"not a period code: {code!r} (expected e.g. 2022-H1, 2022 or 2021/22)")


def parse_or_none(code: str | None, periodicity: str | None = None) -> Period | None:
    """The period of a code, or None for an empty or a bad one (filters ignore those)."""
    try:
        return parse(code, periodicity) if code else None
    except BadPeriod:
        return None


def label_of(code: str | None) -> str:
    """The words for a stored code («1 полугодие 2022»); an unreadable one is shown as it is."""
    period = parse_or_none(code)
    return period.label if period else (code or "")


def containing(day: date, periodicity: str = Periodicity.HALF_YEAR) -> Period:
    return KINDS[Periodicity(periodicity)].containing(day)


def recent(until: Period, count: int = 6) -> list[Period]:
    """`count` periods of one kind ending with `until`, oldest first (for trends and tables)."""
    periods = [until]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return list(reversed(periods))


def recent_half_years(until: HalfYear, count: int = 6) -> list[HalfYear]:
    return recent(until, count)


def choices(periodicity: str = Periodicity.HALF_YEAR, *, until: Period | None = None,
            today: date | None = None) -> list[Period]:
    """The periods of one kind from the start of the program to now (or to `until` when later),
    newest first."""
    last = containing(today or date.today(), periodicity)
    if until is not None and until.periodicity == periodicity and until > last:
        last = until
    periods = [last]
    while periods[-1].previous().ends_on >= FIRST_DAY:
        periods.append(periods[-1].previous())
    return periods


def grouped_choices(periodicities=tuple(Periodicity), *, until: Period | None = None,
                    today: date | None = None) -> list[tuple[str, list[Period]]]:
    """(group label, periods) per periodicity, for a selector with one group per kind."""
    return [(str(PERIODICITY_LABELS[Periodicity(kind)]), choices(kind, until=until, today=today))
            for kind in periodicities]


def school_year_of(day: date) -> str:
    """The school year a date belongs to: 2022-03-24 -> «2021/22»."""
    return SchoolYear.containing(day).code
