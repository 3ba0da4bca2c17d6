"""E-mail copies of notifications: built inside the transaction that made them, sent after it
commits (never for one rolled back), each attempt bounded by MAIL_TIMEOUT. A failure is logged;
the in-app notification is already committed and stays."""
import logging
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
OUTBOX = "notification_mail"  # key in the session's info: messages waiting for the commit


@dataclass(frozen=True)
class MailSettings:
    server: str
    port: int
    use_tls: bool
    use_ssl: bool
    username: str | None
    password: str | None
    sender: str
    timeout: float

    @classmethod
    def from_config(cls, config) -> "MailSettings | None":
        """None while MAIL_SERVER is not set: e-mail copies are off."""
        if not config.get("MAIL_SERVER"):
            return None
        use_ssl = bool(config.get("MAIL_USE_SSL"))
        return cls(server=config["MAIL_SERVER"],
                   port=int(config.get("MAIL_PORT") or (465 if use_ssl else 25)),
                   use_tls=bool(config.get("MAIL_USE_TLS")), use_ssl=use_ssl,
                   username=config.get("MAIL_USERNAME") or None,
                   password=config.get("MAIL_PASSWORD") or None,
                   sender=config.get("MAIL_FROM") or f"tracker@{config['MAIL_SERVER']}",
                   timeout=float(config.get("MAIL_TIMEOUT") or 10))


def queue_copies(session: Session, notifications) -> None:
    """Prepare one letter per notification whose recipient has an address."""
    settings = MailSettings.from_config(current_app.config)
    if settings is None:
        return
    letters = [_letter(settings, n) for n in notifications if n.user.email]
    if letters:
        session.info.setdefault(OUTBOX, []).append((settings, letters))


def _letter(settings: MailSettings, notification) -> EmailMessage:
    """In the installation's language (the recipient is not the person whose page is open)."""
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("Tracker 500+: %(title)s", title=notification.title())
        lines = [notification.text(), ""]
        address = absolute_url(notification.link_endpoint, notification.link_args)
        if address:
            lines += [_("Open: %(address)s", address=address), ""]
        lines.append(_("This letter was sent by the tracker automatically; do not reply to it."))
    message = EmailMessage()
    message["Subject"], message["From"] = subject, settings.sender
    message["To"] = notification.user.email
    message.set_content("\n".join(lines))
    return message


def absolute_url(endpoint: str, args: dict) -> str | None:
    """The link for a letter: PUBLIC_URL when set, else the address of the current request;
    without either (a command run with no PUBLIC_URL) the letter carries no link."""
    base = current_app.config.get("PUBLIC_URL")
    try:
        if base:
            path = current_app.url_map.bind("localhost").build(endpoint, args)
            return base.rstrip("/") + path
        if has_request_context():
            return url_for(endpoint, _external=True, **args)
    except Exception:  # a link that no longer builds must not stop the letter
        log.warning("no link for notification endpoint %s", endpoint)
    return None


@event.listens_for(Session, "after_commit")
def _send_after_commit(session: Session) -> None:
    for settings, letters in session.info.pop(OUTBOX, ()):
        deliver(settings, letters)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(OUTBOX, None)


def deliver(settings: MailSettings, letters: list[EmailMessage]) -> int:
    """Send over one connection; return how many were accepted. Never raises."""
    sent = 0
    try:
        with _connect(settings) as smtp:
            for letter in letters:
                try:
                    smtp.send_message(letter)
                    sent += 1
                except smtplib.SMTPException as error:  # this recipient refused, go on
                    log.error("notification e-mail to %s not sent: %s", letter["To"], error)
    except (OSError, smtplib.SMTPException) as error:
        log.error("notification e-mail not sent (%d letters) through %s:%s: %s",
                  len(letters) - sent, settings.server, settings.port, error)
    return sent


def _connect(settings: MailSettings) -> smtplib.SMTP:
    context = ssl.create_default_context()
    if settings.use_ssl:
        smtp = smtplib.SMTP_SSL(settings.server, settings.port, timeout=settings.timeout,
                                context=context)
    else:
        smtp = smtplib.SMTP(settings.server, settings.port, timeout=settings.timeout)
    try:
        if settings.use_tls and not settings.use_ssl:
            smtp.starttls(context=context)
        if settings.username:
            smtp.login(settings.username, settings.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp
