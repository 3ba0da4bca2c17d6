"""Form pieces shared by features: the version field for stale-edit checks, list filters."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import InputRequired

from tracker.errors import StaleEdit


class VersionedForm(FlaskForm):
    """A form editing a versioned record: the version read travels with the form."""

    version = HiddenField(validators=[InputRequired()])


class ConfirmForm(FlaskForm):
    """A destructive POST: acts only when the button's hidden `confirm` field came along."""

    confirm = HiddenField(validators=[InputRequired()])


class FilterForm(FlaskForm):
    """GET forms for lists: no CSRF token, values stay in the address."""

    class Meta:
        csrf = False


def ensure_version(obj, submitted) -> None:
    """Refuse to save over a newer version than the one the user started from."""
    try:
        submitted = int(submitted)
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if submitted != obj.version:
        raise StaleEdit()


def stale_differences(obj, form, fields: dict[str, str]) -> list[tuple[str, str, str]]:
    """(label, value in the database, value typed by the user) for fields that now differ."""
    rows = []
    for attr, label in fields.items():
        current, typed = getattr(obj, attr), form[attr].data
        if (current or "") != (typed or ""):
            rows.append((str(label), "" if current is None else str(current),
                         "" if typed is None else str(typed)))
    return rows


EXPECTED_YEAR = _l("Enter a year between 2015 and 2100.")
