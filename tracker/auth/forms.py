from flask_babel import lazy_gettext as _l
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError
from tracker.forms import BaseForm

MIN_PASSWORD_LENGTH = 10


class LoginForm(BaseForm):
    login = StringField(_l("Login"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Sign in"))


def strong_password(form, field) -> None:
    if len(field.data or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(_l("The password must be at least %(n)s characters long.",
                                 n=MIN_PASSWORD_LENGTH))
    if field.data.isdigit() or field.data.isalpha():
        raise ValidationError(_l("Use both letters and digits in the password."))


class PasswordChangeForm(BaseForm):
    current_password = PasswordField(_l("Current password"), validators=[DataRequired()])
    new_password = PasswordField(_l("New password"),
                                 validators=[DataRequired(), strong_password, Length(max=200)])
    confirm = PasswordField(_l("Repeat the new password"), validators=[
        DataRequired(), EqualTo("new_password", message=_l("The passwords do not match."))])
    submit = SubmitField(_l("Change password"))


class EmptyForm(BaseForm):
    """A CSRF-protected POST button."""
    submit = SubmitField()
