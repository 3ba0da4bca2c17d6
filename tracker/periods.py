"""Reporting periods: half-years («1 полугодие 2022» = 2022-H1) and school years (2021/22)."""
import re
from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

_HALF_YEAR = re.compile(r"^(\d{4})-H([12])$")


class BadPeriod(ValueError):
    pass


@dataclass(frozen=True, order=True)
class HalfYear:
    year: int
    half: int

    periodicity = "halfyear"

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

    def as_of(self, today: date | None = None) -> date:
        """The day the half-year's figures are counted on: its last day, or today while it runs
        («days since the last visit» of 2022-H1 are counted at 30.06.2022, not years later)."""
        return min(self.ends_on, today or date.today())

    def contains(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def __str__(self) -> str:
        return self.code


def recent_half_years(until: HalfYear, count: int = 6) -> list[HalfYear]:
    """`count` half-years ending with `until`, oldest first (for trends and selectors)."""
    periods = [until]
    while len(periods) < count:
        periods.append(periods[-1].previous())
    return list(reversed(periods))


def school_year_of(day: date) -> str:
    """The school year a date belongs to: 2022-03-24 -> «2021/22»."""
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}/{str(start + 1)[-2:]}"
