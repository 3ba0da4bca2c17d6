from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from tracker.db import Base, utcnow


class Installation(Base):
    """What this database is: demo data (which version of it) or a real installation."""

    __tablename__ = "installations"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    data_version: Mapped[str] = mapped_column(String(40), default="")
    loaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
