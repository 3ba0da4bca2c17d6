from wtforms import IntegerField
from wtforms.validators import InputRequired, Optional

from tracker.forms import BaseForm


class NotificationForm(BaseForm):
    """A button on one notification: open it, or mark it read (the list's page comes along)."""

    notification = IntegerField(validators=[InputRequired()])
    page = IntegerField(validators=[Optional()])


class ReadAllForm(BaseForm):
    pass
