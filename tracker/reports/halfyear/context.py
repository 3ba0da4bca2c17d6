"""What every section of the half-year report reads: the municipality, the half-year, the
coordinator's narrative and the low-result schools (ШНОР) of the year, loaded once."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from tracker.db import db
from tracker.periods import HalfYear
from tracker.reports.document import Block, Paragraph
from tracker.reports.models import ReportNarrative, paragraphs_of
from tracker.reports.narrative import narrative_for
from tracker.schools.models import Municipality, ResultCategory, School, SchoolYearStatus
from tracker.urls import Link


class ReportWarning(str):
    """A warning of the preview: its text, and where the records behind it can be seen and put
    right (a Link, or None). A str, so that it reads and compares as its text."""

    link: Link | None

    def __new__(cls, text: str, link: Link | None = None):
        warning = super().__new__(cls, text)
        warning.link = link
        return warning


@dataclass
class Section:
    """One part of the report: its blocks for the document and the preview, and what is missing.
    `comment_field` names the narrative field whose text closes the section; `appendix` holds
    the section's detail tables, printed after the signature."""

    key: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    comment_field: str | None = None
    appendix: list[Block] = field(default_factory=list)


@dataclass
class ReportContext:
    municipality: Municipality
    period: HalfYear
    narrative: ReportNarrative
    carried_from: str | None  # the half-year the passport was carried over from
    schools: list[School]  # the ШНОР of the year (or the one school of a school report)
    statuses: dict[int, SchoolYearStatus]
    charts: bool = True
    today: date = field(default_factory=date.today)
    memo: dict = field(default_factory=dict)  # what several sections read, counted once
    of_one_school: bool = False  # the school's own report (its director reads the preview)

    @property
    def year(self) -> int:
        return self.period.year

    @property
    def school_ids(self) -> list[int]:
        return [school.id for school in self.schools]

    @property
    def schools_500(self) -> list[School]:
        return [s for s in self.schools if self.statuses.get(s.id)
                and self.statuses[s.id].is_project_500]

    @property
    def as_of(self) -> date:
        """The day overdue is judged on: the half-year's end, or today while it runs."""
        return min(self.period.ends_on, self.today)

    def measures_link(self, **filters) -> Link:
        """The measures list showing what the report counts: the half-year's measures of the
        report's schools, narrowed by `filters` (state=overdue, evidence=…)."""
        place = ({"school": self.schools[0].id} if self.of_one_school
                 else {"municipality": self.municipality.id, "listed": "y"})
        return Link("programs.measures", period=self.period.code, **place, **filters)

    def narrative_link(self) -> Link | None:
        """The coordinator's narrative of the half-year, where its missing texts are written
        (none from a school's own report: its director does not write the narrative)."""
        if self.of_one_school:
            return None
        return Link("reports.narrative", municipality_id=self.municipality.id,
                    period=self.period.code)

    def comment(self, name: str | None) -> list[Block]:
        if not name:
            return []
        return [Paragraph(text) for text in paragraphs_of(getattr(self.narrative, name, ""))]


def low_result_schools(municipality_id: int, year: int) -> tuple[list[School], dict]:
    """The ШНОР of the municipality in `year`, in the regional list's order (by category)."""
    rows = db.session.execute(
        select(School, SchoolYearStatus)
        .join(SchoolYearStatus, SchoolYearStatus.school_id == School.id)
        .join(ResultCategory, ResultCategory.id == SchoolYearStatus.category_id)
        .options(selectinload(SchoolYearStatus.category))
        .where(School.municipality_id == municipality_id, SchoolYearStatus.year == year)
        .order_by(ResultCategory.position, School.id)).all()
    return [school for school, _status in rows], {school.id: status for school, status in rows}


def municipal_context(municipality: Municipality, period: HalfYear, *, charts: bool = True,
                      today: date | None = None) -> ReportContext:
    narrative, carried_from = narrative_for(municipality.id, period)
    schools, statuses = low_result_schools(municipality.id, period.year)
    return ReportContext(municipality, period, narrative, carried_from, schools, statuses,
                         charts=charts, today=today or date.today())


def school_context(school: School, period: HalfYear, *, charts: bool = True,
                   today: date | None = None) -> ReportContext:
    narrative, carried_from = narrative_for(school.municipality_id, period)
    status = db.session.scalar(select(SchoolYearStatus).where(
        SchoolYearStatus.school_id == school.id, SchoolYearStatus.year == period.year))
    return ReportContext(school.municipality, period, narrative, carried_from, [school],
                         {school.id: status} if status else {}, charts=charts,
                         today=today or date.today(), of_one_school=True)


def id_select(ids: list[int]) -> Select:
    """A select of the given school ids, for queries that take `school_ids: Select`."""
    return select(School.id).where(School.id.in_(ids))
