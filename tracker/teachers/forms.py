from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, HiddenField, IntegerField, SelectField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from tracker.forms import BaseForm, FilterForm, PeriodField, VersionedForm
from tracker.teachers import labels
from tracker.teachers.models import MIN_COURSE_HOURS

PERIOD_PATTERN = r"^\d{4}-H[12]$"


class TeacherForm(VersionedForm):
    school_id = SelectField(_l("School"), coerce=int, validators=[DataRequired()])
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=200)])
    position = StringField(_l("Position"), validators=[DataRequired(), Length(max=200)])
    subjects = StringField(_l("Subjects"), validators=[Optional(), Length(max=500)])
    experience_years = IntegerField(_l("Years of experience"),
                                    validators=[Optional(), NumberRange(0, 70)])
    is_active = BooleanField(_l("Works at the school"), default=True)
    submit = SubmitField(_l("Save"))


class TeacherFilterForm(FilterForm):
    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)])
    school = SelectField(_l("School"), coerce=int, validators=[Optional()])
    inactive = BooleanField(_l("Show those who left"))


class DiagnosticForm(BaseForm):
    held_on = DateField(_l("Date"), default=date.today, validators=[InputRequired()])
    provider = SelectField(_l("Held by"), choices=labels.choices(labels.DIAGNOSTIC_PROVIDER))
    submit = SubmitField(_l("Save the diagnostic"))


def diagnostic_form(domains, formdata=None) -> DiagnosticForm:
    """The diagnostic form with score, level and deficits for each domain of the reference list."""
    level_choices = [("", "—")] + labels.choices(labels.LEVEL)

    class Form(DiagnosticForm):
        pass

    for domain in domains:
        setattr(Form, f"d{domain.id}_score",
                IntegerField(_l("Score"), validators=[Optional(), NumberRange(0, 100)]))
        setattr(Form, f"d{domain.id}_level",
                SelectField(_l("Level"), choices=level_choices, validators=[Optional()]))
        setattr(Form, f"d{domain.id}_deficits", TextAreaField(
            _l("Deficits found (one per line)"), validators=[Optional(), Length(max=2000)]))
    return Form(formdata)


class PlanFromDiagnosticForm(BaseForm):
    period = PeriodField(_l("Half-year"), validators=[DataRequired()])
    submit = SubmitField(_l("Create a plan from the deficits"))


class PlanStatusForm(VersionedForm):
    status = HiddenField(validators=[DataRequired()])


class PlanItemForm(BaseForm):
    deficit = StringField(_l("Deficit addressed"), validators=[DataRequired(), Length(max=500)])
    activity = SelectField(_l("Activity"), choices=labels.choices(labels.ACTIVITY))
    due_on = DateField(_l("Due date"), validators=[Optional()])
    result_form = StringField(_l("Form of the result"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Add an item"))


class CourseForm(BaseForm):
    program_title = StringField(_l("Program"), validators=[DataRequired(), Length(max=500)])
    provider = SelectField(_l("Provider"), choices=labels.choices(labels.COURSE_PROVIDER))
    hours = IntegerField(_l("Hours"), validators=[InputRequired(), NumberRange(
        MIN_COURSE_HOURS, 5000, _l("A course has at least 16 hours."))])
    completed_on = DateField(_l("Completed on"), validators=[InputRequired()])
    is_federal_registry = BooleanField(_l("In the federal registry of programs (ДПП)"))
    topic = SelectField(_l("Direction"), choices=[("", _l("not stated")),
                                                 *labels.choices(labels.COURSE_TOPIC)])
    submit = SubmitField(_l("Add a course"))


class MentorshipForm(BaseForm):
    mentor_id = SelectField(_l("Mentor"), coerce=int, validators=[DataRequired()])
    mentee_id = SelectField(_l("Mentee"), coerce=int, validators=[DataRequired()])
    form = SelectField(_l("Form"), choices=labels.choices(labels.MENTORING_FORM))
    starts_on = DateField(_l("From"), default=date.today, validators=[InputRequired()])
    submit = SubmitField(_l("Add a pair"))


class MentoringProgramForm(VersionedForm):
    title = StringField(_l("Program title"), validators=[DataRequired(), Length(max=300)])
    approved_on = DateField(_l("Approved on (empty: not approved)"), validators=[Optional()])
    approval_order = StringField(_l("Order"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Save the program"))


class DomainForm(BaseForm):
    name = StringField(_l("Domain"), validators=[DataRequired(), Length(max=200)])
    submit = SubmitField(_l("Add"))


class ImportForm(BaseForm):
    kind = SelectField(_l("What the file holds"), choices=labels.choices(labels.IMPORT_KIND))
    school_id = SelectField(_l("School"), coerce=int, validators=[DataRequired()])
    file = FileField(_l("File (XLSX or CSV)"), validators=[FileRequired()])
    submit = SubmitField(_l("Check the file"))


class ImportConfirmForm(BaseForm):
    token = HiddenField(validators=[DataRequired(), Length(max=64)])
    submit = SubmitField(_l("Import"))


class PeriodFilterForm(FilterForm):
    period = PeriodField(_l("Half-year"), validators=[Optional()])
