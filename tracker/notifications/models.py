"""A notification: one row per recipient, its text rendered from its kind and parameters when
shown, so that it reads in the page's language."""
from datetime import date, datetime
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from tracker.auth.models import User
from tracker.db import Base, utcnow


class NotificationKind(StrEnum):
    """What happened. Parameters each text expects are named in MESSAGES; a `*_on` parameter is
    a date (stored as ISO, shown in the page's format)."""

    EVIDENCE_RETURNED = "evidence_returned"
    RECOMMENDATION_ANSWERED = "recommendation_answered"
    PERIOD_RETURNED = "period_returned"
    PERIOD_APPROVED = "period_approved"
    DEADLINE_SOON = "deadline_soon"
    DEADLINE_OVERDUE = "deadline_overdue"
    ADDRESSED_ISSUED = "addressed_issued"
    ADDRESSED_ANSWERED = "addressed_answered"
    ADDRESSED_RETURNED = "addressed_returned"


# kind: (title, text); the title is also the e-mail's subject
MESSAGES = {
    NotificationKind.EVIDENCE_RETURNED: (
        _l("Evidence returned for rework"),
        _l("%(school)s, measure «%(measure)s»: the curator returned the evidence «%(evidence)s»"
           " for rework: %(comment)s")),
    NotificationKind.RECOMMENDATION_ANSWERED: (
        _l("The school answered a recommendation"),
        _l("%(school)s answered the recommendation «%(recommendation)s»: %(answer)s")),
    NotificationKind.PERIOD_RETURNED: (
        _l("The period was returned"),
        _l("%(municipality)s, %(period)s: the region returned the figures: %(reason)s")),
    NotificationKind.PERIOD_APPROVED: (
        _l("The period was approved"),
        _l("%(municipality)s, %(period)s: the region approved the figures")),
    NotificationKind.DEADLINE_SOON: (
        _l("The deadline is near"),
        _l("%(municipality)s, %(period)s: the figures are due on %(deadline_on)s")),
    NotificationKind.DEADLINE_OVERDUE: (
        _l("The deadline has passed"),
        _l("%(municipality)s, %(period)s: the figures were due on %(deadline_on)s")),
    NotificationKind.ADDRESSED_ISSUED: (
        _l("A recommendation of the region"),
        _l("%(municipality)s: the region recommends «%(recommendation)s» by %(due_on)s")),
    NotificationKind.ADDRESSED_ANSWERED: (
        _l("A municipality answered the region's recommendation"),
        _l("%(municipality)s answered the recommendation «%(recommendation)s»: %(answer)s")),
    NotificationKind.ADDRESSED_RETURNED: (
        _l("The region returned the answer to its recommendation"),
        _l("%(municipality)s, recommendation «%(recommendation)s»: the region returned the "
           "answer: %(reason)s")),
}
KIND_TITLES = {kind: title for kind, (title, _text) in MESSAGES.items()}
UNKNOWN_MESSAGE = (_l("Notification"), _l("Something changed in the tracker."))


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (
        # the key of a notification that fell due on a day: a second run adds nothing
        UniqueConstraint("user_id", "due_key"),
        Index("ix_notifications_user_id_read_at", "user_id", "read_at"),
    )
    # marking one's own notification read is not a change worth the audit record
    audit_skipped_fields = ("read_at",)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # indexed with read_at
    # no check constraint: a feature adds a kind without a migration (an unknown one still shows)
    kind: Mapped[str] = mapped_column(String(40))
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    link_endpoint: Mapped[str] = mapped_column(String(100))
    link_args: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    due_key: Mapped[str | None] = mapped_column(String(64))

    user: Mapped[User] = relationship()

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    @property
    def audit_municipality_id(self) -> int | None:
        return self.user.audit_municipality_id if self.user else None

    def title(self) -> str:
        return str(MESSAGES.get(self.kind, UNKNOWN_MESSAGE)[0])

    def text(self) -> str:
        """The text in the current language, with the parameters it was given."""
        from tracker.i18n import day
        template = MESSAGES.get(self.kind, UNKNOWN_MESSAGE)[1]
        return str(template) % _Params(self.params or {}, day)


class _Params(dict):
    """Parameters for a text: dates in the page's format, «—» for one the text names but the
    notification lacks (a text changed after the row was written)."""

    def __init__(self, params: dict, day):
        super().__init__(params)
        self._day = day

    def __getitem__(self, key):
        value = super().get(key)
        if value is None or value == "":
            return "—"
        if key.endswith("_on") and isinstance(value, str):
            try:
                return self._day(date.fromisoformat(value))
            except ValueError:
                return value
        return value
