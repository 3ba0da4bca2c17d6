from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField, SubmitField,
                     TextAreaField)
from wtforms.validators import (DataRequired, InputRequired, Length, NumberRange, Optional,
                                ValidationError)

from tracker.forms import (FILE_TYPES, TEXT_LIMIT, BaseForm, FilterForm, PeriodField,
                           VersionedForm)
from tracker.periods import Periodicity
from tracker.visits.models import VisitFormat, VisitKind

KIND_LABELS = {
    VisitKind.SETUP: _l("Setup (установочный)"),
    VisitKind.CONSULTATION: _l("Consultation"),
    VisitKind.MONITORING: _l("Monitoring"),
    VisitKind.FINAL: _l("Final"),
}
FORMAT_LABELS = {VisitFormat.IN_PERSON: _l("In person"), VisitFormat.REMOTE: _l("Remote")}
STATUS_LABELS = {
    "planned": _l("Planned"), "completed": _l("Completed"), "cancelled": _l("Cancelled"),
    "missed": _l("Missed"),
}
RECOMMENDATION_LABELS = {
    "open": _l("Open"), "answered": _l("Answered"), "closed": _l("Closed"),
    "returned": _l("Returned"),
}
PARTICIPANTS_HELP = _l("One person a line: name, position.")
VISIBILITY_CHOICES = [("internal", _l("The curator and the coordinators only")),
                      ("school", _l("Also the school"))]
NO_LINK = (0, "—")


def _kinds():
    return [(kind.value, label) for kind, label in KIND_LABELS.items()]


def _formats():
    return [(item.value, label) for item, label in FORMAT_LABELS.items()]


def parse_participants(text: str | None) -> list[tuple[str, str]]:
    """«Иванова А. П., заместитель директора» a line -> [(name, position)]."""
    people = []
    for line in (text or "").splitlines():
        name, _comma, position = line.partition(",")
        if name.strip():
            people.append((name.strip()[:200], position.strip()[:200]))
    return people


class PlanVisitForm(BaseForm):
    school_id = SelectField(_l("School"), coerce=int, validators=[InputRequired()])
    planned_on = DateField(_l("Date"), default=date.today, validators=[InputRequired()])
    kind = SelectField(_l("Kind of visit"), validators=[DataRequired()])
    format = SelectField(_l("Format"), validators=[DataRequired()])
    purpose = TextAreaField(_l("Purpose"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    submit = SubmitField(_l("Plan the visit"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices, self.format.choices = _kinds(), _formats()


class VisitRecordForm(VersionedForm):
    planned_on = DateField(_l("Planned for"), validators=[InputRequired()])
    visited_on = DateField(_l("Date of the visit"), validators=[Optional()])
    kind = SelectField(_l("Kind of visit"), validators=[DataRequired()])
    format = SelectField(_l("Format"), validators=[DataRequired()])
    participants = TextAreaField(_l("Participants"), description=PARTICIPANTS_HELP,
                                 validators=[Optional(), Length(max=TEXT_LIMIT)])
    purpose = TextAreaField(_l("Purpose"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    agenda = TextAreaField(_l("Agenda"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    risk_profile_discussed = BooleanField(_l("The risk profile was discussed"))
    documents_sound = BooleanField(_l("The documents are present and sound"))
    measures_on_time = BooleanField(_l("Measures are on time"))
    evidence_present = BooleanField(_l("Evidence of the measures is present"))
    lessons_observed = BooleanField(_l("Lessons were observed"))
    lessons_observed_count = IntegerField(_l("Lessons observed"), default=0,
                                          validators=[Optional(), NumberRange(0, 200)])
    findings = TextAreaField(_l("Findings"), validators=[Optional(), Length(max=TEXT_LIMIT)])
    attachment = FileField(_l("Attach a file (optional)"), description=FILE_TYPES)
    attachment_visibility = RadioField(_l("Who sees the file"), default="internal",
                                       choices=VISIBILITY_CHOICES, validators=[Optional()])
    submit = SubmitField(_l("Save"))
    complete = SubmitField(_l("Save: the visit took place"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices, self.format.choices = _kinds(), _formats()

    def validate_visited_on(self, field):
        if field.data and field.data > date.today():
            raise ValidationError(_l("A visit cannot have taken place in the future."))
        if self.complete.data and not field.data:
            raise ValidationError(_l("Enter the date the visit took place."))

    def validate_lessons_observed_count(self, field):
        if self.lessons_observed.data and not field.data:
            raise ValidationError(_l("How many lessons were observed?"))


class NoteForm(BaseForm):
    note = TextAreaField(_l("Note"), validators=[DataRequired(), Length(max=TEXT_LIMIT)])
    visibility = RadioField(_l("Who sees it"), default="internal", choices=VISIBILITY_CHOICES,
                            validators=[InputRequired()])
    submit = SubmitField(_l("Add the note"))


class AttachmentForm(BaseForm):
    file = FileField(FILE_TYPES)
    visibility = RadioField(_l("Who sees it"), default="internal", choices=VISIBILITY_CHOICES,
                            validators=[InputRequired()])
    submit = SubmitField(_l("Attach the file"))


class RecommendationForm(BaseForm):
    text = TextAreaField(_l("Recommendation"), validators=[DataRequired(),
                                                          Length(max=TEXT_LIMIT)])
    due_on = DateField(_l("Due date"), default=lambda: date.today() + timedelta(days=30),
                       validators=[InputRequired()])
    # The choices are the school's; the service refuses anything else with a clear message.
    risk_direction_id = SelectField(_l("Concerns the risk direction (optional)"), coerce=int,
                                    default=0, validate_choice=False)
    measure_id = SelectField(_l("Concerns the measure (optional)"), coerce=int, default=0,
                             validate_choice=False)
    submit = SubmitField(_l("Add the recommendation"))

    def offer(self, directions: list[tuple[int, str]], measures: list[tuple[int, str]]):
        self.risk_direction_id.choices = [NO_LINK, *directions]
        self.measure_id.choices = [NO_LINK, *measures]
        return self


class AnswerForm(VersionedForm):
    text = TextAreaField(_l("What was done"), validators=[DataRequired(), Length(max=TEXT_LIMIT)])
    file = FileField(_l("Evidence (optional)"), description=FILE_TYPES)
    submit = SubmitField(_l("Send the answer"))


class DecisionForm(VersionedForm):
    decision = RadioField(_l("Decision"), choices=[
        ("close", _l("Close: the recommendation is carried out")),
        ("return", _l("Send back to the school"))], validators=[InputRequired()])
    # no Optional(): the check below must see the comment empty
    comment = TextAreaField(_l("Comment"), validators=[Length(max=TEXT_LIMIT)])
    submit = SubmitField(_l("Save the decision"))

    def validate_comment(self, field):
        if self.decision.data == "return" and not (field.data or "").strip():
            raise ValidationError(_l("Say what the school should do when sending it back."))


class VisitFilterForm(FilterForm):
    school = SelectField(_l("School"), coerce=int, validators=[Optional()])
    status = SelectField(_l("Status"), validators=[Optional()])
    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity),
                         empty_label=_l("Any"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.status.choices = [("", _l("Any"))] + list(STATUS_LABELS.items())


class CoverageFilterForm(FilterForm):
    period = PeriodField(_l("Half-year"), validators=[Optional()])
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])


class ThresholdForm(BaseForm):
    stale_after_days = IntegerField(_l("Flag schools not visited for more than, days"),
                                    validators=[InputRequired(), NumberRange(1, 730)])
    submit = SubmitField(_l("Save"))
