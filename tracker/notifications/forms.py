from flask_wtf import FlaskForm
from wtforms import IntegerField
from wtforms.validators import InputRequired, Optional


class NotificationForm(FlaskForm):
    """A button on one notification: open it, or mark it read (the list's page comes along)."""

    notification = IntegerField(validators=[InputRequired()])
    page = IntegerField(validators=[Optional()])


class ReadAllForm(FlaskForm):
    pass
