import json

from flask_babel import lazy_gettext as _l
from wtforms import (BooleanField, DateField, EmailField, IntegerField, PasswordField, SelectField,
                     StringField, SubmitField)
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from tracker.auth.forms import strong_password
from tracker.auth.models import Role
from tracker.forms import BaseForm, FilterForm, VersionedForm

LOGIN_PATTERN = Regexp(r"^[A-Za-z0-9._@-]+$",
                       message=_l("Use Latin letters, digits and . _ @ - in the login."))

# one address, as a mail server takes it (the full syntax is the server's to judge)
EMAIL_PATTERN = Regexp(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$",
                       message=_l("Enter one e-mail address, such as petrova@irk.ru."))

SCOPE_FIELD = {Role.REGIONAL: "region_id", Role.COORDINATOR: "municipality_id",
               Role.CURATOR: "region_id", Role.DIRECTOR: "school_id"}
# the fields a role's account uses: its required scope, and a curator's optional municipality
# (which lets that municipality's coordinator manage the account)
SHOWN_FIELDS = {Role.REGIONAL: ["region_id"], Role.COORDINATOR: ["municipality_id"],
                Role.CURATOR: ["region_id", "municipality_id"], Role.DIRECTOR: ["school_id"]}


class UserForm(VersionedForm):
    login = StringField(_l("Login"), validators=[DataRequired(), Length(max=64), LOGIN_PATTERN])
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    email = EmailField(_l("E-mail"), validators=[Optional(), Length(max=200), EMAIL_PATTERN],
                       filters=[lambda value: value.strip() if value else value],
                       description=_l("Optional: notifications are also sent there."))
    # static/js/app.js shows only the scope fields the chosen role uses; validate() requires one
    role = SelectField(_l("Role"), validators=[DataRequired()], render_kw={
        "data-scope-fields": json.dumps({role.value: names for role, names in SHOWN_FIELDS.items()}),
        "data-scope-required": json.dumps({role.value: name for role, name in SCOPE_FIELD.items()}),
        "aria-controls": "region_id municipality_id school_id"})
    region_id = SelectField(_l("Region"), coerce=int, validate_choice=False)
    municipality_id = SelectField(_l("Municipality"), coerce=int, validate_choice=False)
    school_id = SelectField(_l("School"), coerce=int, validate_choice=False)
    password = PasswordField(_l("Initial password"), validators=[Optional(), strong_password])
    submit = SubmitField(_l("Save"))

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        valid = True
        required = SCOPE_FIELD.get(self.role.data)
        for name in ("region_id", "municipality_id", "school_id"):
            field = self[name]
            allowed = {value for value, _label in field.choices if value}
            if name == required and field.data not in allowed:
                field.errors.append(_l("Choose where this person works (required for the role)."))
                valid = False
            elif field.data and field.data not in allowed:
                # the choices are the manager's own scope: nothing beyond it may be named
                field.errors.append(_l("Choose one of the listed places."))
                valid = False
        return valid


class PasswordResetForm(BaseForm):
    password = PasswordField(_l("New password"), validators=[DataRequired(), strong_password])
    submit = SubmitField(_l("Set password"))


class UserFilterForm(FilterForm):
    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), validators=[Optional()])
    inactive = BooleanField(_l("Show deactivated"))


class RegionForm(BaseForm):
    name = StringField(_l("Region"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Add region"))


class MunicipalityForm(BaseForm):
    region_id = SelectField(_l("Region"), coerce=int)
    name = StringField(_l("Municipality"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Add municipality"))


class CategoryForm(BaseForm):
    region_id = SelectField(_l("Region"), coerce=int)
    name = StringField(_l("Result category"), validators=[DataRequired(), Length(max=200)])
    position = IntegerField(_l("Order"), default=0, validators=[Optional()])
    submit = SubmitField(_l("Add category"))


class LegalFormForm(BaseForm):
    name = StringField(_l("Legal form"), validators=[DataRequired(), Length(max=20)])
    position = IntegerField(_l("Order"), default=0, validators=[Optional()])
    submit = SubmitField(_l("Add legal form"))


class GroupKindForm(BaseForm):
    name = StringField(_l("Kind of group"), validators=[DataRequired(), Length(max=100)])
    is_cluster = BooleanField(_l("A cluster (its members get ranks)"))
    position = IntegerField(_l("Order"), default=0, validators=[Optional()])
    submit = SubmitField(_l("Add kind of group"))


class AuditFilterForm(FilterForm):
    login = SelectField(_l("User"), validators=[Optional()])
    action = SelectField(_l("Action"), validators=[Optional()])
    object_type = SelectField(_l("Object"), validators=[Optional()])
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("Until"), validators=[Optional()])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError(_l("The end date cannot be earlier than the start date."))
