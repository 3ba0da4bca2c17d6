"""Teachers' methodical developments (programs, lesson designs, recommendations, teaching aids)
and how far each has spread: used in its organization, presented at the municipal level, passed
the region's expert review; published online (the regional methodical portal, the school's
website, a teacher's page on a professional network) with its link."""
from datetime import date
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import Role
from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check
from tracker.schools.models import School


class DevelopmentKind(StrEnum):
    PROGRAM = "program"
    LESSON = "lesson"  # a lesson or an activity designed
    RECOMMENDATIONS = "recommendations"
    TEACHING_AID = "teaching_aid"
    OTHER = "other"


class Reach(StrEnum):
    """How far a development has gone, in order: each level includes the ones before it."""
    ORGANIZATION = "organization"
    MUNICIPAL = "municipal"
    REGIONAL = "regional"  # passed the region's expert review


REACH_ORDER = tuple(Reach)


class Publication(StrEnum):
    REGIONAL_PORTAL = "regional_portal"
    SCHOOL_SITE = "school_site"
    TEACHER_PAGE = "teacher_page"  # a teacher's page on a professional network


class MethodicalDevelopment(VersionedMixin, TimestampMixin, Base):
    __tablename__ = "methodical_developments"
    __table_args__ = (enum_check("kind", DevelopmentKind), enum_check("reach", Reach),
                      enum_check("publication", Publication),
                      CheckConstraint("publication IS NULL OR link <> ''",
                                      name="published_with_link"))

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    title: Mapped[str] = mapped_column(String(500))
    authors: Mapped[str] = mapped_column(Text)  # one teacher per line
    kind: Mapped[str] = mapped_column(String(20))
    reach: Mapped[str] = mapped_column(String(20), default=Reach.ORGANIZATION)
    publication: Mapped[str | None] = mapped_column(String(20))  # None: not published online
    link: Mapped[str] = mapped_column(String(500), default="")
    dated_on: Mapped[date] = mapped_column(Date, index=True)  # when it reached its reach

    school: Mapped[School] = relationship()

    # who sees them and who records and edits them, within the school's scope
    # (tracker/permissions.py, can_add)
    viewers: ClassVar[tuple[Role, ...]] = tuple(Role)
    editors: ClassVar[tuple[Role, ...]] = (Role.ADMIN, Role.COORDINATOR, Role.DIRECTOR)

    @property
    def author_list(self) -> list[str]:
        return author_names(self.authors)

    def reaches(self, level: str) -> bool:
        return REACH_ORDER.index(Reach(self.reach)) >= REACH_ORDER.index(Reach(level))


def author_names(text: str) -> list[str]:
    """The authors one per line (or separated by commas or semicolons), each once."""
    names: list[str] = []
    for line in (text or "").replace(";", "\n").replace(",", "\n").splitlines():
        name = " ".join(line.split())
        if name and name.lower() not in {n.lower() for n in names}:
            names.append(name)
    return names
