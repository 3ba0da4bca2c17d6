"""What the coordinator writes into the analytical note on network interaction."""
from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, TimestampMixin, VersionedMixin


class NetworkNoteText(VersionedMixin, TimestampMixin, Base):
    """Conclusions and recommendations of a municipality's note for a year («2022») or a school
    year («2021/22»)."""

    __tablename__ = "network_note_texts"
    __table_args__ = (UniqueConstraint("municipality_id", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    municipality_id: Mapped[int] = mapped_column(ForeignKey("municipalities.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    conclusions: Mapped[str] = mapped_column(Text, default="")
    recommendations: Mapped[str] = mapped_column(Text, default="")

    @property
    def audit_municipality_id(self) -> int:
        return self.municipality_id
