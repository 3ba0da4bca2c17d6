from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (BooleanField, DateField, FloatField, HiddenField, IntegerField, SelectField,
                     StringField, SubmitField, TextAreaField)
from wtforms.validators import (AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional,
                                ValidationError)

from tracker.forms import (BaseForm, EXPECTED_YEAR, FilterForm, PeriodField, VersionedForm,
                           web_link)
from tracker.network import labels
from tracker.network.development_models import author_names
from tracker.network.event_models import ParticipationRole
from tracker.periods import Periodicity



def _choices(mapping):
    return [(key.value, label) for key, label in mapping.items()]


def _not_negative():
    return NumberRange(min=0, message=_l("Enter a number that is not negative."))


class NetworkFilterForm(FilterForm):
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    period = PeriodField(_l("Half-year"), validators=[Optional()])


class EventFilterForm(FilterForm):
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity))
    kind = SelectField(_l("Kind"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = [("", _l("Any"))] + _choices(labels.EVENT_KINDS)


class EventForm(VersionedForm):
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=500)])
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    level = SelectField(_l("Level"), validators=[DataRequired()])
    held_on = DateField(_l("Date"), validators=[InputRequired()])
    host_school_id = SelectField(_l("Host organization"), coerce=int, validators=[Optional()])
    order_text = StringField(_l("Order («приказ»)"), validators=[Optional(), Length(max=500)])
    participants_count = IntegerField(_l("Number of participants"),
                                      validators=[Optional(), _not_negative()])
    result = TextAreaField(_l("Result"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices(labels.EVENT_KINDS)
        self.level.choices = _choices(labels.EVENT_LEVELS)


class ParticipationForm(BaseForm):
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    role = SelectField(_l("Participation"), validators=[DataRequired()])
    nomination = StringField(_l("Nomination (for a winner)"), validators=[Length(max=300)])
    teachers = IntegerField(_l("Number of teachers"), validators=[Optional(), _not_negative()])
    note = StringField(_l("Remark"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Mark participation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = _choices(labels.ROLES)

    def validate_nomination(self, field):
        if self.role.data == ParticipationRole.WINNER and not (field.data or "").strip():
            raise ValidationError(_l("Name the nomination the organization won."))


class StaffCountForm(BaseForm):
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    period = PeriodField(_l("Half-year"), validators=[DataRequired()])
    teachers = IntegerField(_l("Number of teachers"), validators=[InputRequired(), _not_negative()])
    network_teachers = IntegerField(_l("Of them in network communities (empty: from the "
                                       "community memberships)"),
                                    validators=[Optional(), _not_negative()])
    submit = SubmitField(_l("Save the counts"))

    def validate_network_teachers(self, field):
        if self.teachers.data is not None and field.data is not None \
                and field.data > self.teachers.data:
            raise ValidationError(
                _l("Teachers taking part in communities cannot outnumber the teachers."))


class TargetForm(BaseForm):
    year = IntegerField(_l("Year"), default=lambda: date.today().year,
                        validators=[InputRequired(), NumberRange(2015, 2100, EXPECTED_YEAR)])
    indicator = SelectField(_l("Indicator"), validators=[DataRequired()])
    planned = FloatField(_l("Plan"), validators=[InputRequired(), _not_negative()])
    submit = SubmitField(_l("Set the target"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator.choices = _choices(labels.INDICATORS)

    def validate_planned(self, field):
        if field.data is not None and field.data > 100 \
                and self.indicator.data in labels.PERCENT_INDICATORS:
            raise ValidationError(_l("A share cannot be planned above 100 %."))


class CommunityForm(VersionedForm):
    name = StringField(_l("Title"), validators=[DataRequired(), Length(max=300)])
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    theme = TextAreaField(_l("Theme"), validators=[Optional(), Length(max=5000)])
    coordinator = StringField(_l("Coordinator"), validators=[Optional(), Length(max=200)])
    base_school_id = SelectField(_l("Base organization"), coerce=int, validators=[Optional()])
    is_active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices(labels.COMMUNITY_KINDS)


class MemberCountForm(BaseForm):
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    period = PeriodField(_l("Half-year"), validators=[DataRequired()])
    members = IntegerField(_l("Teachers taking part"),
                           validators=[InputRequired(), _not_negative()])
    submit = SubmitField(_l("Save the members"))


class ClusterRankForm(BaseForm):
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    period = PeriodField(_l("Half-year"), validators=[DataRequired()])
    rank = SelectField(_l("Rank"), validators=[DataRequired()])
    submit = SubmitField(_l("Save the rank"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rank.choices = _choices(labels.CLUSTER_RANKS)


class ImportUploadForm(BaseForm):
    file = FileField(_l("File"), validators=[FileRequired(_l("Choose a file."))])
    submit = SubmitField(_l("Check the file"))


class ImportConfirmForm(BaseForm):
    token = HiddenField(validators=[DataRequired()])
    submit = SubmitField(_l("Import"))


class RemoveParticipationForm(BaseForm):
    school_id = IntegerField(validators=[InputRequired()])


class DeleteEventForm(BaseForm):
    """Deleting needs the explicit word in the form, not just a bare POST."""
    confirm = HiddenField(validators=[InputRequired(), AnyOf(["delete"])])


class DevelopmentFilterForm(FilterForm):
    municipality = SelectField(_l("Municipality"), coerce=int, validators=[Optional()])
    school = SelectField(_l("Organization"), coerce=int, validators=[Optional()])
    reach = SelectField(_l("Reach"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reach.choices = [("", _l("Any"))] + _choices(labels.REACHES)


class DevelopmentForm(VersionedForm):
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=500)])
    authors = TextAreaField(_l("Authors"), validators=[DataRequired(), Length(max=2000)],
                            description=_l("One teacher per line."), render_kw={"rows": 3})
    kind = SelectField(_l("Kind"), validators=[DataRequired()])
    reach = SelectField(_l("Reach"), validators=[DataRequired()])
    dated_on = DateField(_l("Date"), validators=[InputRequired()],
                         description=_l("When the development reached this level."))
    publication = SelectField(_l("Published"), validators=[Optional()])
    # no Optional(): the check below must see the link empty
    link = StringField(_l("Link"), validators=[Length(max=500), web_link])
    submit = SubmitField(_l("Save"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices(labels.DEVELOPMENT_KINDS)
        self.reach.choices = _choices(labels.REACHES)
        self.publication.choices = [("", _l("Not published online"))] + \
            _choices(labels.PUBLICATIONS)

    def validate_link(self, field) -> None:
        if self.publication.data and not (field.data or "").strip():
            raise ValidationError(_l("A development published online needs its link."))
        if (field.data or "").strip() and not self.publication.data:
            raise ValidationError(_l("Say where the development is published, or leave the "
                                     "link empty."))

    def validate_authors(self, field) -> None:
        if not author_names(field.data):
            raise ValidationError(_l("Name at least one author."))


class DeleteDevelopmentForm(BaseForm):
    confirm = HiddenField(validators=[InputRequired(), AnyOf(["delete"])])
