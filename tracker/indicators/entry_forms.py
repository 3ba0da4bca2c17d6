"""The inputs of typed values: one school's values, the municipality's own, a grid of schools.

Every value goes through `value_fields` (which inputs an indicator needs) and `read_value` (what
was typed, as arguments of services.enter_value), so each page asks for and reads a value alike.
"""
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, SubmitField
from wtforms.validators import Optional

from tracker.forms import NumberField
from tracker.indicators.calculations import Unit
from tracker.indicators.models import Level

YES, NO = "1", "0"


def _pupils_counted(indicator) -> bool:
    """A school's share of pupils is typed as pupils reaching the level of pupils in total."""
    return indicator.unit == Unit.PERCENT and indicator.level == Level.SCHOOL


def value_fields(form_class: type, prefix: str, indicator) -> None:
    """Add the inputs of one indicator's value to the form class, named after `prefix`."""
    name = f"{prefix}{indicator.code}"
    if indicator.unit == Unit.YES_NO:
        setattr(form_class, name, SelectField(
            indicator.name, choices=[("", "—"), (YES, _l("yes")), (NO, _l("no"))],
            validators=[Optional()]))
    elif _pupils_counted(indicator):
        setattr(form_class, f"{name}__n", NumberField(_l("Reached the level"), [Optional()],
                                                      minimum=0, integer=True))
        setattr(form_class, f"{name}__d", NumberField(_l("Pupils in total"), [Optional()],
                                                      minimum=1, integer=True))
    else:
        percent, count = indicator.unit == Unit.PERCENT, indicator.unit == Unit.COUNT
        setattr(form_class, name, NumberField(
            indicator.name, [Optional()], minimum=0 if percent or count else None,
            maximum=100 if percent else None, integer=count, unit="%" if percent else ""))


def value_field_names(prefix: str, indicator) -> list[str]:
    name = f"{prefix}{indicator.code}"
    return [f"{name}__n", f"{name}__d"] if _pupils_counted(indicator) else [name]


def read_value(form, prefix: str, indicator) -> dict | None:
    """The typed value as keyword arguments of services.enter_value; None when left empty."""
    name = f"{prefix}{indicator.code}"
    if indicator.unit == Unit.YES_NO:
        return {"flag": form[name].data == YES} if form[name].data else None
    if _pupils_counted(indicator):
        numerator, denominator = form[f"{name}__n"].integer_data, form[f"{name}__d"].integer_data
        if numerator is None and denominator is None:
            return None
        return {"numerator": numerator, "denominator": denominator}
    return None if form[name].data is None else {"value": form[name].data}


def show_value(form, prefix: str, indicator, entry) -> None:
    """Put a stored value into its inputs (a GET of the form)."""
    if entry is None:
        return
    name = f"{prefix}{indicator.code}"
    if indicator.unit == Unit.YES_NO:
        form[name].data = YES if entry.flag else NO
    elif _pupils_counted(indicator):
        form[f"{name}__n"].data = _decimal(entry.numerator)
        form[f"{name}__d"].data = _decimal(entry.denominator)
    else:
        form[name].data = entry.value


def values_form(rows: list[tuple[str, list]]) -> type[FlaskForm]:
    """A form with the inputs of every (prefix, indicators) row."""
    class ValuesForm(FlaskForm):
        submit = SubmitField(_l("Save values"))
    for prefix, indicators in rows:
        for indicator in indicators:
            value_fields(ValuesForm, prefix, indicator)
    return ValuesForm


def _decimal(number: int | None) -> Decimal | None:
    return None if number is None else Decimal(number)
