from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, IntegerField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from tracker.forms import BaseForm, EXPECTED_YEAR, FilterForm, VersionedForm
from tracker.risks.models import RiskLevel

LEVEL_LABELS = {
    RiskLevel.HIGH: _l("high"),
    RiskLevel.MEDIUM: _l("medium"),
    RiskLevel.LOW: _l("low"),
    RiskLevel.NONE: _l("none"),
}


def profile_form(directions, formdata=None, profile=None) -> BaseForm:
    """Level and «we work on it» per direction of the year; the version travels along."""

    class ProfileForm(VersionedForm):
        submit = SubmitField(_l("Save the profile"))

    for direction in directions:
        setattr(ProfileForm, f"level_{direction.id}",
                SelectField(direction.name, default=RiskLevel.NONE.value, choices=[
                    (level.value, label) for level, label in LEVEL_LABELS.items()]))
        setattr(ProfileForm, f"chosen_{direction.id}", BooleanField(_l("Work on it")))
    form = ProfileForm(formdata)
    if formdata is None:
        form.version.data = str(profile.version) if profile else "0"
        for direction in directions:
            entry = profile.entry_for(direction.id) if profile else None
            if entry:
                form[f"level_{direction.id}"].data = entry.level
                form[f"chosen_{direction.id}"].data = entry.is_chosen
    return form


def verify_form(profile, formdata=None) -> BaseForm:
    class VerifyForm(BaseForm):
        comment = TextAreaField(_l("Comment"), validators=[Optional(), Length(max=4000)])
        submit = SubmitField(_l("Verify the profile"))

    for entry in profile.entries:
        setattr(VerifyForm, f"verified_{entry.direction_id}", BooleanField(entry.direction.name))
    form = VerifyForm(formdata)
    if formdata is None:
        form.comment.data = profile.verification_comment
        for entry in profile.entries:
            form[f"verified_{entry.direction_id}"].data = entry.is_verified or entry.is_chosen
    return form


class DirectionForm(BaseForm):
    year = IntegerField(_l("Year"), default=lambda: date.today().year,
                        validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    name = StringField(_l("Risk direction"), validators=[DataRequired(), Length(max=300)])
    submit = SubmitField(_l("Add"))


class CopyDirectionsForm(BaseForm):
    from_year = IntegerField(_l("Copy the list of"),
                             validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    to_year = IntegerField(_l("to the year"),
                           validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    submit = SubmitField(_l("Copy"))


class SuggestionForm(BaseForm):
    title = StringField(_l("Measure"), validators=[DataRequired(), Length(max=500)])
    task = StringField(_l("Task"), validators=[Optional(), Length(max=500)])
    evidence_kind = StringField(_l("Evidence expected"), validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Add a suggested measure"))


class YearFilterForm(FilterForm):
    year = IntegerField(_l("Year"), validators=[Optional(), NumberRange(2015, 2100)])
