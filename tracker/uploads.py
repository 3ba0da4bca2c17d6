"""The upload steps of the views that take a file on a form: store the chosen file, or put the
refusal on the form; then commit the rows that name it, removing the file if that fails."""
from contextlib import contextmanager

from werkzeug.datastructures import FileStorage
from wtforms import Field

from tracker import storage
from tracker.db import db


class Refused(Exception):
    """The chosen file was not accepted; the reason is already on the form field."""


def store_chosen(upload: FileStorage | None, field: Field) -> storage.StoredFile | None:
    """The stored file, or None when no file was chosen; a refused file raises Refused."""
    if upload is None or not upload.filename:
        return None
    try:
        return storage.save(upload)
    except storage.UploadRejected as error:
        field.errors = [*field.errors, str(error)]
        raise Refused() from error


@contextmanager
def committed(stored: storage.StoredFile | None):
    """Commit the work done in the block; with a file, any failure also removes the file."""
    if stored is not None:
        with storage.discard_on_failure(stored):
            yield
        return
    try:
        yield
        db.session.commit()
    except BaseException:
        db.session.rollback()
        raise
