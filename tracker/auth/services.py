"""Account operations shared by views and the command line. They flush; callers commit."""
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, update

from tracker.auth.models import User
from tracker.db import db, utcnow
from tracker.errors import DomainError


class WrongPassword(DomainError):
    message = _l("The current password is wrong.")


def find_account(login: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.login) == login.strip().lower()))


def authenticate(login: str, password: str) -> User | None:
    user = find_account(login)
    if user is None:
        User.check_no_password(password)
        return None
    if not user.is_active or not user.check_password(password):
        return None
    record_sign_in(user)
    return user


def record_sign_in(user: User) -> None:
    """A plain UPDATE outside the version count: signing in is not an edit of the account, so
    it neither conflicts with another sign-in nor makes an administrator's open edit stale."""
    db.session.execute(update(User).where(User.id == user.id).values(last_login_at=utcnow())
                       .execution_options(synchronize_session="fetch"))


def change_password(user: User, *, current: str, new: str) -> None:
    """Set a new password and end every other session of the user."""
    if not user.check_password(current):
        raise WrongPassword()
    user.set_password(new)
    user.end_other_sessions()
    db.session.flush()
