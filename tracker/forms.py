"""Form pieces shared by features: the base form with the rules every typed value obeys, the
version field for stale-edit checks, list filters, the number field every typed number goes
through, the period field every period is chosen with."""
from decimal import Decimal
from urllib.parse import urlsplit

from flask import flash, g, has_request_context, request
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, SelectField
from wtforms.validators import InputRequired, Length, StopValidation, ValidationError
from wtforms.widgets import TextInput

from tracker.db import value_problem
from tracker.errors import StaleEdit
from tracker import periods
from tracker.numbers import NotANumber, parse_number

MAX_TEXT = 100_000  # characters of a field with no column to go by (long texts are Text)
MAX_FILTER_TEXT = 200  # a search or filter value in an address


class FieldRules(FlaskForm.Meta):
    """Every field of every form, as it reads what was sent: no NUL character, no text longer
    than its column (or its Length, or MAX_TEXT), no whole number beyond an INTEGER column's
    range (tracker.db.value_problem: the rule the database boundary applies too). A value that
    breaks one is an error on its field, and the field keeps what was typed."""

    max_text = MAX_TEXT

    def bind_field(self, form, unbound_field, options):
        field = super().bind_field(form, unbound_field, options)
        field.process_formdata = _ruled(field, field.process_formdata, self.max_text)
        field.validators = [_report_refusal, *field.validators]
        return field


def _ruled(field: Field, process_formdata, max_text: int):
    lengths = [v.max for v in field.validators if isinstance(v, Length) and v.max >= 0]
    limit = min([max_text, *lengths])

    def process(valuelist):
        texts = [value for value in valuelist if isinstance(value, str)]
        field.refusal = None
        if any("\x00" in text for text in texts):
            return _refuse(field, texts[0].replace("\x00", ""),
                           _l("The text contains a NUL character, which is not allowed."))
        if any(len(text) > limit for text in texts):
            return _refuse(field, texts[0], _l("At most %(max)d characters.", max=limit))
        process_formdata(valuelist)
        for value in field.data if isinstance(field.data, list | tuple) else [field.data]:
            problem = value_problem(value, max_length=limit)
            if problem:
                return _refuse(field, texts[0] if texts else "", problem)
        return None
    return process


def _refuse(field: Field, typed: str, message) -> None:
    """No value reaches the view (not even one that skips validation), the field shows what
    was typed when the form is shown again, and validation says why (_report_refusal)."""
    field.data = None
    field.refusal = message
    field._value = lambda: typed


def _report_refusal(form, field) -> None:
    """First in every field's chain: a refused value stops it, so that «required» or «not a
    valid choice» does not replace the reason."""
    if getattr(field, "refusal", None):
        raise StopValidation(field.refusal)


class BaseForm(FlaskForm):
    """The base of every form of the application (FieldRules). A submitted form that does not
    validate marks the request, so that the page showing it again answers 422 (refused_status)."""

    class Meta(FieldRules):
        pass

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not valid and self.is_submitted() and has_request_context():
            g.form_refused = True
        return valid


def refused_status(response):
    """After a request: a POST whose form was refused and that shows a page again (rather than
    redirecting) answers 422, so that a client, a proxy and a test see the refusal."""
    if response.status_code == 200 and request.method == "POST" and g.get("form_refused"):
        response.status_code = 422
    return response


class VersionedForm(BaseForm):
    """A form editing a versioned record: the version read travels with the form."""

    version = HiddenField(validators=[InputRequired()])


class ConfirmForm(BaseForm):
    """A destructive POST: acts only when the button's hidden `confirm` field came along."""

    confirm = HiddenField(validators=[InputRequired()])


def web_link(form, field) -> None:
    """A full web address (http or https, with a host, no spaces) when given: a link the pages
    open as it is."""
    value = (field.data or "").strip()
    if not value:
        return
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or "." not in parts.netloc or any(
            character.isspace() for character in value):
        raise ValidationError(_l("Enter a full address (https://…)."))


class FilterForm(BaseForm):
    """GET forms for lists: no CSRF token, values stay in the address."""

    class Meta(FieldRules):
        csrf = False
        max_text = MAX_FILTER_TEXT


def ensure_version(obj, submitted) -> None:
    """Refuse to save over a newer version than the one the user started from."""
    try:
        submitted = int(submitted)
    except (TypeError, ValueError):
        raise StaleEdit() from None
    if submitted != obj.version:
        raise StaleEdit()


def refresh_stale(form, record) -> None:
    """Someone saved `record` meanwhile: say so, and let the form carry its version now (the next
    save overwrites knowingly)."""
    flash(str(StaleEdit()), "warning")
    form.version.data = str(record.version)


def stale_differences(obj, form, fields: dict[str, str]) -> list[tuple[str, str, str]]:
    """(label, value in the database, value typed by the user) for fields that now differ."""
    rows = []
    for attr, label in fields.items():
        current, typed = getattr(obj, attr), form[attr].data
        if (current or "") != (typed or ""):
            rows.append((str(label), "" if current is None else str(current),
                         "" if typed is None else str(typed)))
    return rows


EXPECTED_YEAR = _l("Enter a year between 2015 and 2100.")
TEXT_LIMIT = 10000  # a long text typed on a form: findings, answers, comments
FILE_TYPES = _l("File (PDF, DOCX, XLSX, ODT, JPG, PNG)")  # what uploads accept, in words


class NumberField(Field):
    """A number typed the Russian way or the English way («41,5» or «41.5»), shown in the page's
    locale («90» rather than «90.0») with its unit after the input.

    A text input with inputmode="decimal" rather than type="number": browsers parse type="number"
    by their own locale and silently turn «37,5» into 375. Bounds are checked here, with a message
    that names them; `integer=True` refuses fractions."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, *, minimum=None, maximum=None,
                 integer: bool = False, unit: str = "", **kwargs):
        render_kw = {"inputmode": "numeric" if integer else "decimal", "autocomplete": "off",
                     **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.minimum = None if minimum is None else Decimal(str(minimum))
        self.maximum = None if maximum is None else Decimal(str(maximum))
        self.integer = integer
        self.unit = unit
        self.typed = None

    def process_formdata(self, valuelist):
        self.typed = (valuelist[0] if valuelist else "") or ""
        self.data = None
        try:
            self.data = parse_number(self.typed, percent_sign=bool(self.unit == "%"))
        except NotANumber:
            raise ValueError(_l("Enter a number, e.g. 41,5.")) from None

    def pre_validate(self, form):
        if self.data is None:
            return
        if self.integer and self.data != self.data.to_integral_value():
            raise ValidationError(_l("Enter a whole number."))
        if self.minimum is not None and self.data < self.minimum:
            raise ValidationError(self._range_message())
        if self.maximum is not None and self.data > self.maximum:
            raise ValidationError(self._range_message())

    def _range_message(self):
        if self.maximum is None:
            return _l("Enter a number not less than %(min)s.", min=_plain(self.minimum))
        if self.minimum is None:
            return _l("Enter a number not greater than %(max)s.", max=_plain(self.maximum))
        return _l("Enter a number from %(min)s to %(max)s.", min=_plain(self.minimum),
                  max=_plain(self.maximum))

    def _value(self):
        if self.typed is not None and self.errors:
            return self.typed  # what the user typed stays in the field
        return "" if self.data is None else _plain(self.data)

    @property
    def integer_data(self) -> int | None:
        return None if self.data is None else int(self.data)


def _plain(value: Decimal) -> str:
    """A number as a person writes it in the page's locale: 90, 41,5 (no trailing zeros)."""
    from flask_babel import get_locale
    text = format(value.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    locale = str(get_locale() or "ru")
    return text.replace(".", ",") if locale == "ru" else text


class PeriodField(SelectField):
    """The one period selector: the periods of the allowed kinds in words («1 полугодие 2022»,
    «2022 год», «2021/22 учебный год»), grouped by kind, newest first; the code is the value.
    `field.period` is the chosen period, or None when nothing (or nothing valid) was chosen."""

    def __init__(self, label=None, validators=None, *,
                 periodicities=(periods.Periodicity.HALF_YEAR,), empty_label=None, **kwargs):
        self.periodicities = tuple(periodicities)
        self.empty_label = empty_label
        super().__init__(label or _l("Period"), validators, choices=self._period_choices,
                         validate_choice=False, **kwargs)

    @property
    def period(self) -> "periods.Period | None":
        found = periods.parse_or_none(self.data)
        return found if found is not None and found.periodicity in self.periodicities else None

    def pre_validate(self, form):
        if self.data and self.period is None:
            raise ValidationError(_l("Choose a period from the list."))

    def _period_choices(self):
        chosen = self.period
        groups = periods.grouped_choices(self.periodicities, until=chosen)
        if chosen is not None:  # a period before the program's start stays selectable
            groups = [(label, found if chosen.periodicity != found[0].periodicity
                       or chosen in found else found + [chosen]) for label, found in groups]
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        if len(groups) == 1:
            return empty + [(p.code, p.label) for p in groups[0][1]]
        grouped = {label: [(p.code, p.label) for p in found] for label, found in groups}
        return {None: empty, **grouped} if empty else grouped
