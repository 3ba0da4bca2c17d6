from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from tracker.forms import BaseForm, EXPECTED_YEAR, FilterForm, VersionedForm
from tracker.schools.models import OrgType

def org_type_choices():
    from tracker.ui import ORG_TYPE_LABELS
    return [(kind.value, ORG_TYPE_LABELS[kind]) for kind in OrgType]


class SchoolForm(VersionedForm):
    municipality_id = SelectField(_l("Municipality"), coerce=int, validators=[DataRequired()])
    full_name = StringField(_l("Full official name"), validators=[DataRequired(), Length(max=500)])
    short_name = StringField(_l("Short name"), validators=[DataRequired(), Length(max=200)])
    legal_form = SelectField(_l("Legal form"), validators=[DataRequired()])
    org_type = SelectField(_l("Organization type"), validators=[DataRequired()])
    parent_id = SelectField(_l("Department of (for a department of another type)"),
                            coerce=int, default=0)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        from tracker.schools.services import legal_form_names
        super().__init__(*args, **kwargs)
        self.org_type.choices = org_type_choices()
        current = getattr(kwargs.get("obj"), "legal_form", "")
        self.legal_form.choices = [(f, f) for f in legal_form_names(current)]
        self.parent_id.choices = [(0, "—")]
        if self.parent_id.data is None:
            self.parent_id.data = 0


class YearStatusForm(BaseForm):
    year = IntegerField(_l("Year"), default=lambda: date.today().year,
                        validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    category_id = SelectField(_l("Result category"), coerce=int)
    is_project_500 = BooleanField(_l("Participant of the 500+ project"))
    submit = SubmitField(_l("Save status"))

    def validate_is_project_500(self, field):
        if field.data and not self.category_id.data:
            raise ValidationError(_l("A 500+ participant must be on the list of low-result "
                                     "schools: choose its category."))


class AssignCuratorForm(BaseForm):
    curator_id = SelectField(_l("Curator"), coerce=int, validators=[InputRequired()])
    starts_on = DateField(_l("From"), default=date.today, validators=[InputRequired()])
    ends_on = DateField(_l("Until (optional)"), validators=[Optional()])
    submit = SubmitField(_l("Assign"))

    def validate_ends_on(self, field):
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end date cannot be earlier than the start date."))


class SchoolFilterForm(FilterForm):
    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)])
    year = IntegerField(_l("Year"), validators=[Optional(), NumberRange(2015, 2100)])
    category = SelectField(_l("Category"), coerce=int, validators=[Optional()])
    project_500 = BooleanField(_l("500+ only"))
    org_type = SelectField(_l("Organization type"), validators=[Optional()])
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.org_type.choices = [("", _l("Any"))] + org_type_choices()
