"""The span of an analytical note: a calendar year («2022») or a school year («2021/22»), with
its half-years and the span before it."""
import re
from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from tracker.periods import BadPeriod, HalfYear


@dataclass(frozen=True)
class NoteSpan:
    start_year: int
    is_school_year: bool

    @classmethod
    def parse(cls, code: str) -> "NoteSpan":
        code = (code or "").strip()
        if re.fullmatch(r"\d{4}", code) and 2015 <= int(code) <= 2100:
            return cls(int(code), False)
        match = re.fullmatch(r"(\d{4})/(\d{2}|\d{4})", code)
        if match and int(match.group(2)[-2:]) == (int(match.group(1)) + 1) % 100 \
                and 2015 <= int(match.group(1)) <= 2100:
            return cls(int(match.group(1)), True)
        raise BadPeriod(code)

    @property
    def code(self) -> str:
        if self.is_school_year:
            return f"{self.start_year}/{str(self.start_year + 1)[-2:]}"
        return str(self.start_year)

    @property
    def label(self) -> str:
        if self.is_school_year:
            return _("%(start)s/%(end)s school year", start=self.start_year,
                     end=self.start_year + 1)
        return _("%(year)s year", year=self.start_year)

    @property
    def half_years(self) -> tuple[HalfYear, HalfYear]:
        if self.is_school_year:
            return HalfYear(self.start_year, 2), HalfYear(self.start_year + 1, 1)
        return HalfYear(self.start_year, 1), HalfYear(self.start_year, 2)

    @property
    def starts_on(self) -> date:
        return self.half_years[0].starts_on

    @property
    def ends_on(self) -> date:
        return self.half_years[1].ends_on

    @property
    def plan_year(self) -> int:
        """The year whose targets the span is measured against."""
        return self.start_year + 1 if self.is_school_year else self.start_year

    def previous(self) -> "NoteSpan":
        return NoteSpan(self.start_year - 1, self.is_school_year)
