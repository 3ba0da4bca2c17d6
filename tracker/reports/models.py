"""What the coordinator writes for a half-year report: the program passport, conclusions,
priorities, comments per section and the signatory. One record per municipality and half-year."""
import re
from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.db import Base, TimestampMixin, VersionedMixin
from tracker.schools.models import Municipality, School

# The passport: carried over from the latest earlier half-year until the coordinator changes it.
PASSPORT_FIELDS = ("roadmap_basis", "program_basis", "program_goal", "program_tasks",
                   "listing_document", "listing_number", "listing_date", "listing_title",
                   "curator_algorithm", "signatory_position", "signatory_name")
DATE_FIELDS = ("listing_date",)
# Free comments, one per report section that has one (see reports/halfyear/sections.py).
COMMENT_FIELDS = ("comment_schools", "comment_indicators", "comment_measures",
                  "comment_teachers", "comment_shortage", "comment_consultations",
                  "comment_events", "comment_network")
# Figures the tracker's records do not hold, typed in per half-year: all teachers of the
# municipality and how many completed courses (not only the ШНОР), and the half-year's listeners
# of additional professional programs in the municipality and in the region.
FIGURE_FIELDS = ("municipal_teachers_trained", "municipal_teachers_total",
                 "listeners_academy", "listeners_iro_registry", "listeners_iro_other",
                 "region_listeners_academy", "region_listeners_iro_registry",
                 "region_listeners_iro_other")
NARRATIVE_FIELDS = (PASSPORT_FIELDS + ("conclusions", "priorities") + COMMENT_FIELDS
                    + FIGURE_FIELDS)


class ReportNarrative(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "report_narratives"
    __table_args__ = (UniqueConstraint("municipality_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    roadmap_basis: Mapped[str] = mapped_column(Text, default="")
    program_basis: Mapped[str] = mapped_column(Text, default="")
    program_goal: Mapped[str] = mapped_column(Text, default="")
    program_tasks: Mapped[str] = mapped_column(Text, default="")  # one task per line, in order
    # the document behind the regional list of schools with low results: what and who issued
    # it («Распоряжение Министерства образования …»), its number, date and title
    listing_document: Mapped[str] = mapped_column(String(300), default="")
    listing_number: Mapped[str] = mapped_column(String(60), default="")
    listing_date: Mapped[date | None] = mapped_column(Date)
    listing_title: Mapped[str] = mapped_column(String(500), default="")
    curator_algorithm: Mapped[str] = mapped_column(Text, default="")  # one step per line
    municipal_teachers_trained: Mapped[int | None] = mapped_column(Integer)
    municipal_teachers_total: Mapped[int | None] = mapped_column(Integer)
    listeners_academy: Mapped[int | None] = mapped_column(Integer)
    listeners_iro_registry: Mapped[int | None] = mapped_column(Integer)
    listeners_iro_other: Mapped[int | None] = mapped_column(Integer)
    region_listeners_academy: Mapped[int | None] = mapped_column(Integer)
    region_listeners_iro_registry: Mapped[int | None] = mapped_column(Integer)
    region_listeners_iro_other: Mapped[int | None] = mapped_column(Integer)
    conclusions: Mapped[str] = mapped_column(Text, default="")
    priorities: Mapped[str] = mapped_column(Text, default="")  # one priority per line
    comment_schools: Mapped[str] = mapped_column(Text, default="")
    comment_indicators: Mapped[str] = mapped_column(Text, default="")
    comment_measures: Mapped[str] = mapped_column(Text, default="")
    comment_teachers: Mapped[str] = mapped_column(Text, default="")
    comment_shortage: Mapped[str] = mapped_column(Text, default="")
    comment_consultations: Mapped[str] = mapped_column(Text, default="")
    comment_events: Mapped[str] = mapped_column(Text, default="")
    comment_network: Mapped[str] = mapped_column(Text, default="")
    signatory_position: Mapped[str] = mapped_column(String(200), default="")
    signatory_name: Mapped[str] = mapped_column(String(200), default="")

    municipality: Mapped[Municipality] = relationship()

    @property
    def task_list(self) -> list[str]:
        return lines_of(self.program_tasks)

    @property
    def curator_steps(self) -> list[str]:
        return lines_of(self.curator_algorithm)

    @property
    def priority_list(self) -> list[str]:
        return lines_of(self.priorities)

    def as_record(self) -> dict:
        """Every field as JSON keeps it (a date as its ISO text): what a submission stores."""
        return {name: value.isoformat() if isinstance(value, date) else value
                for name in NARRATIVE_FIELDS for value in [getattr(self, name)]}

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id


class SchoolText(TimestampMixin, Base):
    """The coordinator's paragraph on one school of the half-year: how it moves to effective
    operation (its directions, what was done, what is late). One per school and half-year."""

    __tablename__ = "report_school_texts"
    __table_args__ = (UniqueConstraint("school_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    text: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()

    @property
    def audit_municipality_id(self) -> int:
        return self.school.municipality_id


def lines_of(text: str | None) -> list[str]:
    """Non-empty lines, stripped of list markers typed by hand («- », «1) », «• »)."""
    items = []
    for line in (text or "").splitlines():
        line = re.sub(r"^\s*(?:[-–—•*]|\d+[.)])\s*", "", line).strip()
        if line:
            items.append(line)
    return items


def paragraphs_of(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
