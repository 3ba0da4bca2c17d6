"""The step every edit view of a versioned record shares: save, or say why not.

A stale version keeps the user's input, shows what changed meanwhile and moves the form to the
record's current version; a broken business rule becomes a message (on a field, or flashed).
"""
from collections.abc import Callable

from flask import flash
from wtforms import Field

from tracker.db import db
from tracker.errors import DomainError, StaleEdit
from tracker.forms import stale_differences


def save_versioned_edit(record, form, labels: dict, update: Callable[[], object], *,
                        error_field: Field | None = None) -> list[tuple[str, str, str]] | None:
    """Run `update` (a service call that checks `form.version`) and commit.

    Returns None when saved; otherwise the differences to show (empty unless the edit was stale).
    """
    try:
        update()
    except StaleEdit as error:
        differences = stale_differences(record, form, labels)
        form.version.data = str(record.version)
        flash(str(error), "warning")
        return differences
    except DomainError as error:
        if error_field is not None:
            error_field.errors = [*error_field.errors, str(error)]
        else:
            flash(str(error), "danger")
        return []
    db.session.commit()
    return None
