from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, SelectField, SubmitField
from wtforms.validators import NumberRange, Optional

from tracker.forms import FilterForm, PeriodField
from tracker.periods import Periodicity


class PeriodForm(FilterForm):
    """The period of an indicator page: a half-year, a calendar year or a school year (the
    catalogue's indicators of that periodicity are shown)."""

    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity))


YES_TARGET = "1"


def target_form(codes: list[str], yes_no: set[str]) -> type[FlaskForm]:
    """A form with one target field per indicator code: a number, or «да» for yes/no ones."""
    class TargetForm(FlaskForm):
        submit = SubmitField(_l("Save targets"))
    for code in codes:
        if code in yes_no:
            field = SelectField(choices=[("", "—"), (YES_TARGET, _l("yes"))],
                                validators=[Optional()])
        else:
            field = DecimalField(validators=[Optional(), NumberRange(0, 100000)], places=1)
        setattr(TargetForm, code, field)
    return TargetForm
