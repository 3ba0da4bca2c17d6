from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DecimalField, IntegerField, SelectField, SubmitField
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


def entered_form(codes: list[str], yes_no: set[str]) -> type[FlaskForm]:
    """Pupils reaching the level and pupils in total per indicator, or yes/no."""
    class EnteredForm(FlaskForm):
        submit = SubmitField(_l("Save values"))
    for code in codes:
        if code in yes_no:
            setattr(EnteredForm, code, SelectField(choices=[("", "—"), ("1", _l("yes")),
                                                            ("0", _l("no"))],
                                                   validators=[Optional()]))
        else:
            setattr(EnteredForm, f"{code}__n", IntegerField(
                _l("Reached the level"), validators=[Optional(), NumberRange(min=0)]))
            setattr(EnteredForm, f"{code}__d", IntegerField(
                _l("Pupils in total"), validators=[Optional(), NumberRange(min=1)]))
    return EnteredForm
