from datetime import date

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf.file import FileField
from wtforms import (BooleanField, DateField, HiddenField, IntegerField, RadioField,
                     SelectField, StringField, SubmitField, TextAreaField)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from tracker.forms import (EXPECTED_YEAR, FILE_TYPES, BaseForm, FilterForm, PeriodField,
                           VersionedForm, web_link)
from tracker.periods import Periodicity
from tracker.programs.measure_models import MeasureStatus, Verdict
from tracker.programs.measure_queries import SUBMITTED, EvidenceState, MeasureState
from tracker.programs.models import DocumentKind

DOCUMENT_KIND_LABELS = {
    DocumentKind.CONCEPT: _l("Development concept"),
    DocumentKind.MEDIUM_TERM: _l("Medium-term development program"),
}
REVIEW_LABELS = {
    "draft": _l("draft"), "in_review": _l("in review"), "returned": _l("returned for rework"),
    "approved": lazy_pgettext("review status", "approved"),
}
REVIEW_BADGES = {"draft": "secondary", "in_review": "info", "returned": "warning",
                 "approved": "success"}
MEASURE_LABELS = {
    MeasureStatus.PLANNED: _l("planned"), MeasureStatus.IN_PROGRESS: _l("in progress"),
    MeasureStatus.DONE: _l("done"), MeasureStatus.CONFIRMED: _l("confirmed by the curator"),
    MeasureStatus.POSTPONED: _l("postponed"), MeasureStatus.NOT_DONE: _l("not done"),
}
MEASURE_BADGES = {"planned": "secondary", "in_progress": "info", "done": "primary",
                  "confirmed": "success", "postponed": "warning", "not_done": "dark"}
VERDICT_LABELS = {Verdict.PENDING: _l("waiting for review"), Verdict.ACCEPTED: _l("accepted"),
                  Verdict.NEEDS_WORK: _l("needs rework")}
VERDICT_BADGES = {"pending": "info", "accepted": "success", "needs_work": "warning"}


class DocumentUploadForm(BaseForm):
    kind = SelectField(_l("Document"), choices=[(k.value, v) for k, v in
                                                DOCUMENT_KIND_LABELS.items()])
    year = IntegerField(_l("Year"), default=lambda: date.today().year,
                        validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    title = StringField(_l("Title"), validators=[Optional(), Length(max=500)])
    note = TextAreaField(_l("Remark"), validators=[Optional(), Length(max=2000)])
    file = FileField(FILE_TYPES)
    submit = SubmitField(_l("Upload"))


class DocumentVersionForm(VersionedForm):
    note = TextAreaField(_l("What changed"), validators=[Optional(), Length(max=2000)])
    file = FileField(FILE_TYPES)
    submit = SubmitField(_l("Upload a new version"))


class ReviewForm(BaseForm):
    action = HiddenField(validators=[DataRequired()])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=4000)])


class ProgramCreateForm(BaseForm):
    direction_id = SelectField(_l("Risk direction"), coerce=int, validators=[InputRequired()])
    goal = TextAreaField(_l("Goal"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Create the program"))


class ProgramForm(VersionedForm):
    goal = TextAreaField(_l("Goal"), validators=[DataRequired(), Length(max=4000)])
    tasks = TextAreaField(_l("Tasks (one per line)"), validators=[Optional(), Length(max=8000)])
    expected_results = TextAreaField(_l("Expected results"),
                                     validators=[Optional(), Length(max=8000)])
    responsible = StringField(_l("Responsible people"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Save"))


class IndicatorForm(BaseForm):
    name = StringField(_l("Indicator"), validators=[DataRequired(), Length(max=500)])
    unit = StringField(_l("Unit"), validators=[Optional(), Length(max=50)])
    baseline = StringField(_l("Baseline"), validators=[Optional(), Length(max=50)])
    target = StringField(_l("Target"), validators=[Optional(), Length(max=50)])
    submit = SubmitField(_l("Add an indicator"))


class MeasureFields:
    task = SelectField(_l("Task"), validate_choice=False, validators=[Optional()])
    title = StringField(_l("Measure"), validators=[DataRequired(), Length(max=500)])
    due_on = DateField(_l("Due date"), validators=[InputRequired()])
    responsible = StringField(_l("Responsible"), validators=[Optional(), Length(max=200)])
    expected_result = TextAreaField(_l("Expected result"), validators=[Optional(),
                                                                       Length(max=4000)])
    evidence_kind = StringField(_l("Evidence expected"), validators=[Optional(), Length(max=200)])


class MeasureCreateForm(MeasureFields, BaseForm):
    submit = SubmitField(_l("Add the measure"))


class MeasureForm(MeasureFields, VersionedForm):
    status = SelectField(_l("Status"))
    reason = TextAreaField(_l("Reason (if postponed or not done)"),
                           validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Save"))


class AdoptForm(BaseForm):
    suggestion_id = SelectField(_l("Suggested measure"), coerce=int, validators=[InputRequired()])
    due_on = DateField(_l("Due date"), validators=[InputRequired()])
    submit = SubmitField(_l("Adopt"))


class EvidenceForm(BaseForm):
    file = FileField(FILE_TYPES)
    url = StringField(_l("…or a link"), validators=[Optional(), Length(max=1000), web_link])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=2000)])
    replaces_id = SelectField(_l("Replaces returned evidence"), coerce=int, default=0)
    submit = SubmitField(_l("Upload evidence"))


class VerdictForm(BaseForm):
    # No default: a verdict is a deliberate choice, never what one stray click submits.
    verdict = RadioField(_l("Verdict"), choices=[
        (Verdict.ACCEPTED.value, VERDICT_LABELS[Verdict.ACCEPTED]),
        (Verdict.NEEDS_WORK.value, VERDICT_LABELS[Verdict.NEEDS_WORK])],
        validators=[InputRequired(_l("Choose a verdict."))])
    comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=4000)])
    submit = SubmitField(_l("Give the verdict"))


class CommentForm(BaseForm):
    text = TextAreaField(_l("Comment"), validators=[DataRequired(), Length(max=4000)])
    submit = SubmitField(_l("Send"))


class ProgramFilterForm(FilterForm):
    year = IntegerField(_l("Year"), validators=[Optional(), NumberRange(2015, 2100)])


MEASURE_STATE_LABELS = {
    MeasureState.DUE: _l("due in the half-year"), MeasureState.DONE: _l("done"),
    MeasureState.ON_TIME: _l("done on time"),
    MeasureState.OVERDUE: _l("overdue"),
}
EVIDENCE_STATE_LABELS = {
    EvidenceState.NONE: _l("no evidence"), EvidenceState.WAITING: VERDICT_LABELS[Verdict.PENDING],
    EvidenceState.RETURNED: VERDICT_LABELS[Verdict.NEEDS_WORK],
    EvidenceState.ACCEPTED: VERDICT_LABELS[Verdict.ACCEPTED],
}


class MeasureFilterForm(FilterForm):
    """The measures list: the dashboards' figures open it filtered."""

    school = SelectField(_l("School"), coerce=int, validators=[Optional()])
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity),
                         empty_label=_l("Any"))
    listed = BooleanField(_l("Only the low-result schools of the half-year's year"))
    state = SelectField(_l("Measures"), validators=[Optional()], choices=[("", _l("Any"))] + [
        (state.value, label) for state, label in MEASURE_STATE_LABELS.items()])
    evidence = SelectField(_l("Evidence"), validators=[Optional()], choices=[
        ("", _l("Any")), (SUBMITTED, _l("uploaded"))] + [
        (state.value, label) for state, label in EVIDENCE_STATE_LABELS.items()])
