"""Forms of a community's groups, their members and the community's yearly figures."""
from datetime import date

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from tracker.forms import BaseForm, EXPECTED_YEAR
from tracker.network import labels
from tracker.network.group_models import METRIC_FIELDS


def _count_field(label):
    return IntegerField(label, validators=[Optional(), NumberRange(
        min=0, max=1_000_000, message=_l("Enter a number that is not negative."))])


class GroupForm(BaseForm):
    name = StringField(_l("Group"), validators=[DataRequired(), Length(max=300)])
    kind_id = SelectField(_l("Kind of group"), coerce=int, validators=[DataRequired()])
    entered_members = _count_field(_l("Organizations in it (until they are listed)"))
    submit = SubmitField(_l("Add the group"))


class GroupMemberForm(BaseForm):
    group_id = SelectField(_l("Group"), coerce=int, validators=[DataRequired()])
    school_id = SelectField(_l("Organization"), coerce=int, validators=[DataRequired()])
    rank = SelectField(_l("Rank (clusters only)"), default="", validators=[Optional()])
    submit = SubmitField(_l("Add to the group"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rank.choices = [("", "—")] + [(key.value, label)
                                           for key, label in labels.CLUSTER_RANKS.items()]


class RemoveGroupMemberForm(BaseForm):
    member_id = IntegerField(validators=[InputRequired()])


class MetricForm(BaseForm):
    year = IntegerField(_l("Year"), default=lambda: date.today().year,
                        validators=[InputRequired(), NumberRange(2000, 2100, EXPECTED_YEAR)])
    members = _count_field(_l("Members"))
    active_users = _count_field(_l("Active users"))
    publications = _count_field(_l("Publications"))
    events = _count_field(_l("Events held"))
    winners = _count_field(_l("Contest winners"))
    submit = SubmitField(_l("Save the figures"))

    def figures(self) -> dict:
        return {name: self[name].data for name in METRIC_FIELDS}
