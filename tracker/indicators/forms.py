from flask_babel import lazy_gettext as _l
from wtforms import DecimalField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import NumberRange, Optional, ValidationError

from tracker.forms import BaseForm, FilterForm
from tracker.periods import BadPeriod, HalfYear


def validate_period(form, field) -> None:
    try:
        HalfYear.parse(field.data)
    except BadPeriod:
        raise ValidationError(_l("Enter a half-year like 2022-H1.")) from None


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class PeriodForm(FilterForm):
    # stripped: a blank period is no period (Optional lets it through, parsing would not)
    period = StringField(_l("Half-year"), validators=[Optional(), validate_period],
                         filters=[_stripped])


YES_TARGET = "1"


def target_form(codes: list[str], yes_no: set[str]) -> type[BaseForm]:
    """A form with one target field per indicator code: a number, or «да» for yes/no ones."""
    class TargetForm(BaseForm):
        submit = SubmitField(_l("Save targets"))
    for code in codes:
        if code in yes_no:
            field = SelectField(choices=[("", "—"), (YES_TARGET, _l("yes"))],
                                validators=[Optional()])
        else:
            field = DecimalField(validators=[Optional(), NumberRange(0, 100000)], places=1)
        setattr(TargetForm, code, field)
    return TargetForm


def entered_form(codes: list[str], yes_no: set[str]) -> type[BaseForm]:
    """Pupils reaching the level and pupils in total per indicator, or yes/no."""
    class EnteredForm(BaseForm):
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
