from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (DateField, RadioField, SelectField, SelectMultipleField, SubmitField,
                     TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from tracker.forms import (FILE_TYPES, TEXT_LIMIT, BaseForm, FilterForm, NumberField, PeriodField,
                           VersionedForm)
from tracker.periods import Periodicity



class ThresholdForm(FilterForm):
    indicator = SelectField(_l("Indicator"), validators=[Optional()])
    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity))
    threshold = NumberField(_l("Threshold"), validators=[Optional()], minimum=0,
                            maximum=10_000_000)


class IssueForm(BaseForm):
    municipality_ids = SelectMultipleField(_l("Municipalities"), coerce=int,
                                           validators=[DataRequired(_l("Choose at least one "
                                                                       "municipality."))])
    text = TextAreaField(_l("Recommendation"), validators=[DataRequired(),
                                                           Length(max=TEXT_LIMIT)])
    due_on = DateField(_l("Due date"), validators=[InputRequired()])
    submit = SubmitField(_l("Send to the chosen municipalities"))

    def validate_due_on(self, field) -> None:
        if field.data and field.data < date.today():
            raise ValidationError(_l("The due date has already passed."))


class AnswerForm(VersionedForm):
    text = TextAreaField(_l("Measures taken"), validators=[DataRequired(),
                                                           Length(max=TEXT_LIMIT)])
    file = FileField(_l("File (optional)"), description=FILE_TYPES)
    submit = SubmitField(_l("Send the answer to the region"))


class DecisionForm(VersionedForm):
    decision = RadioField(_l("Decision"), choices=[
        ("close", _l("Close: the recommendation is carried out")),
        ("return", _l("Send back to the municipality"))], validators=[InputRequired()])
    # no Optional(): the check below must see the comment empty
    comment = TextAreaField(_l("Comment"), validators=[Length(max=TEXT_LIMIT)])
    submit = SubmitField(_l("Save the decision"))

    def validate_comment(self, field):
        if self.decision.data == "return" and not (field.data or "").strip():
            raise ValidationError(_l("Say why the answer is returned."))


class StatusFilterForm(FilterForm):
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
