"""Regions, municipalities, schools and what the regional list says of each school per year."""
import re
from enum import StrEnum

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from tracker.db import Base, TimestampMixin, VersionedMixin, enum_check


class OrgType(StrEnum):
    SCHOOL = "oo"
    PRESCHOOL = "doo"
    ADDITIONAL = "udo"


class Region(TimestampMixin, Base):
    __tablename__ = "regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)

    municipalities: Mapped[list["Municipality"]] = relationship(
        back_populates="region", order_by="Municipality.name"
    )
    categories: Mapped[list["ResultCategory"]] = relationship(
        back_populates="region", order_by="ResultCategory.position"
    )

    def __str__(self) -> str:
        return self.name


class Municipality(TimestampMixin, Base):
    __tablename__ = "municipalities"
    __table_args__ = (UniqueConstraint("region_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))

    region: Mapped[Region] = relationship(back_populates="municipalities")
    schools: Mapped[list["School"]] = relationship(back_populates="municipality")

    @property
    def audit_municipality_id(self) -> int:
        return self.id

    def __str__(self) -> str:
        return self.name


class ResultCategory(TimestampMixin, Base):
    """A region's result category of low-result schools («сильно неуспевающая»…)."""

    __tablename__ = "result_categories"
    __table_args__ = (UniqueConstraint("region_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("regions.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    region: Mapped[Region] = relationship(back_populates="categories")

    def __str__(self) -> str:
        return self.name


LEGAL_FORM_PREFIX = re.compile(r"^[А-ЯЁ]{2,}\s+«?")  # «МБОУ «», «МАДОУ »…

# The common forms of municipal and state schools, kindergartens and further-education
# organizations: what the reference list starts with (the admin edits it from there).
DEFAULT_LEGAL_FORMS = (
    "МБОУ", "МАОУ", "МКОУ", "МОУ", "СПМАОУ", "ГБОУ", "ГОКУ", "ГАОУ", "ЧОУ",
    "МБДОУ", "МАДОУ", "МКДОУ", "ГБДОУ",
    "МБУ ДО", "МАУ ДО", "МКУ ДО", "МАОУ ДО", "МБОУ ДО", "ГБУ ДО",
)


class LegalForm(TimestampMixin, Base):
    """A legal form of organizations («МАОУ», «МАУ ДО», «ГБДОУ»…): a reference list."""

    __tablename__ = "legal_forms"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(20), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)

    def __str__(self) -> str:
        return self.name


def natural_key(name: str) -> str:
    """A sortable form of a name: «СОШ № 2» before «СОШ № 17» whatever the legal form, case
    ignored."""
    name = LEGAL_FORM_PREFIX.sub("", name).lower()
    return re.sub(r"\d+", lambda number: number.group().zfill(6), name)[:300]


def _sort_key_default(context) -> str:
    return natural_key(context.get_current_parameters()["short_name"])


class School(VersionedMixin, TimestampMixin, Base):
    """An educational organization of a municipality (a school, preschool or УДО)."""

    __tablename__ = "schools"
    __table_args__ = (
        UniqueConstraint("municipality_id", "short_name"),
        enum_check("org_type", OrgType),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(500))
    short_name: Mapped[str] = mapped_column(String(200))
    # order lists by this, not by short_name (set from it, also for bulk inserts)
    sort_key: Mapped[str] = mapped_column(String(300), default=_sort_key_default, index=True)
    legal_form: Mapped[str] = mapped_column(String(20), default="")
    org_type: Mapped[str] = mapped_column(String(10), default=OrgType.SCHOOL)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # A department of another type inside an organization (a school's preschool department):
    # its own type and counts, the parent's name and legal person.
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"), index=True)

    municipality: Mapped[Municipality] = relationship(back_populates="schools")
    parent: Mapped["School | None"] = relationship(remote_side="School.id",
                                                   back_populates="departments")
    departments: Mapped[list["School"]] = relationship(back_populates="parent",
                                                       order_by="School.sort_key")
    year_statuses: Mapped[list["SchoolYearStatus"]] = relationship(
        back_populates="school",
        order_by="SchoolYearStatus.year.desc()",
        cascade="all, delete-orphan",
    )

    @validates("short_name")
    def _keep_sort_key(self, _key: str, short_name: str) -> str:
        self.sort_key = natural_key(short_name)
        return short_name

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id

    @property
    def is_department(self) -> bool:
        return self.parent_id is not None

    def status_for(self, year: int) -> "SchoolYearStatus | None":
        return next((s for s in self.year_statuses if s.year == year), None)

    def __str__(self) -> str:
        return self.short_name


class SchoolYearStatus(TimestampMixin, Base):
    """What the regional list says of a school in a year: its category and 500+ membership."""

    __tablename__ = "school_year_statuses"
    __table_args__ = (
        UniqueConstraint("school_id", "year"),
        CheckConstraint("year BETWEEN 2015 AND 2100", name="year_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("result_categories.id"))
    is_project_500: Mapped[bool] = mapped_column(Boolean, default=False)

    school: Mapped[School] = relationship(back_populates="year_statuses")
    category: Mapped[ResultCategory | None] = relationship()

    @property
    def is_low_result(self) -> bool:
        return self.category_id is not None

    @property
    def audit_municipality_id(self) -> int | None:
        return self.school.municipality_id if self.school else None
