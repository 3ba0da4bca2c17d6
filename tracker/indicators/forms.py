from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import Optional

from tracker import labels
from tracker.forms import BaseForm, FilterForm, NumberField, PeriodField
from tracker.i18n import month_name
from tracker.indicators import metrics
from tracker.indicators.calculations import Unit
from tracker.periods import PERIODICITY_NAMES, Periodicity
from tracker.ui import ORG_TYPE_LABELS


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


class PeriodForm(FilterForm):
    """The period of an indicator page: a half-year, a calendar year or a school year (the
    catalogue's indicators of that periodicity are shown)."""

    period = PeriodField(validators=[Optional()], periodicities=tuple(Periodicity))


YES_TARGET, NO_TARGET = "1", "0"


def target_field(indicator, label) -> object:
    """The target of one indicator in its unit: a share 0–100 %, a whole count, any number, or
    «да» / «нет» (empty: no target)."""
    if indicator.unit == Unit.YES_NO:
        return SelectField(label, choices=[("", "—"), (YES_TARGET, _l("yes")),
                                           (NO_TARGET, _l("no"))], validators=[Optional()])
    if indicator.unit == Unit.PERCENT:
        return NumberField(label, minimum=0, maximum=100, unit="%")
    if indicator.unit == Unit.COUNT:
        return NumberField(label, minimum=0, maximum=99999999, integer=True)
    return NumberField(label, minimum=-99999999, maximum=99999999)


def target_form(fields: dict[str, tuple[str, object]]) -> type[BaseForm]:
    """A form with one target field per name (an indicator's code, or a school's id), each
    (label, indicator)."""
    class TargetForm(BaseForm):
        submit = SubmitField(_l("Save targets"))
    for name, (label, indicator) in fields.items():
        setattr(TargetForm, name, target_field(indicator, label))
    return TargetForm


MONTH_NONE = ""


class IndicatorForm(BaseForm):
    """An indicator of a catalogue: its words, unit, periodicity, source and filters. The code is
    what files exchanged between installations use; the pages never show it."""

    code = StringField(_l("Code (Latin letters)"), validators=[Optional()],
                       description=_l("Lowercase Latin letters, digits and «_»; used in "
                                      "exchanged files, it does not change later."))
    name_ru = StringField(_l("Name"), validators=[Optional()])
    name_en = StringField(_l("Name in English"), validators=[Optional()])
    unit = SelectField(_l("Unit"), choices=())
    periodicity = SelectField(_l("Periodicity"), choices=())
    level = SelectField(_l("Counted at"), choices=())
    direction = SelectField(_l("Better when"), choices=())
    expected_month = SelectField(_l("Month the value is due"), choices=(),
                                 description=_l("Until then an entered value is «expected»."))
    source = SelectField(_l("Source"), choices=())
    metric = SelectField(_l("Metric"), choices=(),
                         description=_l("Only for an indicator computed from the records."))
    # an unknown type is refused by the catalogue services, in Russian, on this field
    org_type = SelectMultipleField(_l("Organization types"), choices=(), validate_choice=False,
                                   description=_l("None chosen: every organization."))
    status = SelectField(_l("Schools"), choices=())
    community = SelectField(_l("Community"), choices=())
    version = HiddenField()
    submit = SubmitField(_l("Save"))

    FILTER_FIELDS = ("org_type", "status", "community")

    def __init__(self, *args, communities: list[str] = (), **kwargs):
        super().__init__(*args, **kwargs)
        self.unit.choices = _labelled(labels.UNIT_LABELS)
        self.periodicity.choices = _labelled(PERIODICITY_NAMES)
        self.level.choices = _labelled(labels.INDICATOR_LEVEL_LABELS)
        self.direction.choices = _labelled(labels.DIRECTION_LABELS)
        self.source.choices = _labelled(labels.SOURCE_LABELS)
        self.expected_month.choices = [(MONTH_NONE, "—")] + [
            (str(month), month_name(month)) for month in range(1, 13)]
        self.metric.choices = [("", "—")] + sorted(
            ((code, labels.metric_label(code)) for code in metrics.METRICS),
            key=lambda choice: choice[1])
        self.org_type.choices = _labelled(ORG_TYPE_LABELS)
        self.status.choices = [("", _l("all"))] + _labelled(labels.SCHOOL_STATUS_LABELS)
        self.community.choices = [("", _l("any"))] + [(name, name) for name in communities]

    def fields(self) -> dict:
        """What the catalogue services take."""
        filters = {}
        if self.org_type.data:
            filters[metrics.ORG_TYPE] = list(self.org_type.data)
        if self.status.data:
            filters[metrics.STATUS] = self.status.data
        if self.community.data:
            filters[metrics.COMMUNITY] = self.community.data
        computed = self.source.data == "computed"
        return {"code": (self.code.data or "").strip(), "name_ru": self.name_ru.data,
                "name_en": self.name_en.data, "unit": self.unit.data,
                "periodicity": self.periodicity.data, "level": self.level.data,
                "direction": self.direction.data, "expected_month": self.expected_month.data,
                "source": self.source.data, "metric": self.metric.data if computed else None,
                "filters": filters if computed else {}}

    def fill(self, indicator) -> None:
        """The form of a saved indicator (a GET of the edit page)."""
        for key in ("code", "name_ru", "name_en", "unit", "periodicity", "level", "direction",
                    "source"):
            self[key].data = getattr(indicator, key)
        self.expected_month.data = str(indicator.expected_month or MONTH_NONE)
        self.metric.data = indicator.metric or ""
        filters = indicator.filters or {}
        self.org_type.data = list(filters.get(metrics.ORG_TYPE) or [])
        self.status.data = filters.get(metrics.STATUS, "")
        self.community.data = filters.get(metrics.COMMUNITY, "")
        self.version.data = str(indicator.version)

    def field_of(self, name: str):
        """The field a service's refusal belongs on (a filter's on the first filter field)."""
        if name == "filters":
            return self.org_type
        return self[name] if name in self else None


def _labelled(names: dict) -> list[tuple[str, str]]:
    return [(str(code), label) for code, label in names.items()]
