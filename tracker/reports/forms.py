"""The narrative of the half-year report: passport, conclusions, priorities, comments, signatory."""
from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from tracker.forms import FilterForm, PeriodField, VersionedForm

TEXT_MAX, LINE_MAX = 8000, 200
MAX_LIST_ITEMS = 30

NARRATIVE_LABELS = {
    "roadmap_basis": _l("Regional roadmap and its order"),
    "program_basis": _l("Municipal program and its order"),
    "program_goal": _l("Goal of the program"),
    "program_tasks": _l("Tasks of the program (one per line, in order)"),
    "listing_document": _l("The list of schools with low results: the document and who issued it"),
    "listing_number": _l("Number of the document"),
    "listing_date": _l("Date of the document"),
    "listing_title": _l("Title of the document"),
    "curator_algorithm": _l("The curator's algorithm (one step per line, in order)"),
    "conclusions": _l("Conclusions"),
    "priorities": _l("Priorities for the next half-year (one per line)"),
    "comment_schools": _l("Comment: schools with low results"),
    "comment_indicators": _l("Comment: indicators"),
    "comment_measures": _l("Comment: anti-risk programs"),
    "comment_teachers": _l("Comment: professional development of teachers"),
    "comment_shortage": _l("Comment: shortage of teachers"),
    "comment_consultations": _l("Comment: consultation service and working group"),
    "comment_events": _l("Comment: methodical events"),
    "comment_network": _l("Comment: network interaction"),
    "municipal_teachers_trained": _l("Teachers of the municipality who completed courses or "
                                     "retraining"),
    "municipal_teachers_total": _l("All teachers of the municipality"),
    "listeners_academy": _l("Municipality: listeners of the Academy's programs in the federal "
                            "registry"),
    "listeners_iro_registry": _l("Municipality: listeners of the ИРО programs in the federal "
                                 "registry"),
    "listeners_iro_other": _l("Municipality: listeners of the ИРО programs outside the registry"),
    "region_listeners_academy": _l("Region: listeners of the Academy's programs in the federal "
                                   "registry"),
    "region_listeners_iro_registry": _l("Region: listeners of the ИРО programs in the federal "
                                        "registry"),
    "region_listeners_iro_other": _l("Region: listeners of the ИРО programs outside the "
                                     "registry"),
    "signatory_position": _l("Signatory: position"),
    "signatory_name": _l("Signatory: name"),
}


def _text(name: str) -> TextAreaField:
    return TextAreaField(NARRATIVE_LABELS[name], validators=[Optional(), Length(max=TEXT_MAX)],
                         render_kw={"rows": 4})


def _count(name: str) -> IntegerField:
    return IntegerField(NARRATIVE_LABELS[name],
                        validators=[Optional(), NumberRange(min=0, max=10_000_000)])


def _at_most_items(form, field) -> None:
    if len([line for line in (field.data or "").splitlines() if line.strip()]) > MAX_LIST_ITEMS:
        raise ValidationError(_l("At most %(count)s lines.", count=MAX_LIST_ITEMS))


class NarrativeForm(VersionedForm):
    roadmap_basis = _text("roadmap_basis")
    program_basis = _text("program_basis")
    program_goal = _text("program_goal")
    program_tasks = TextAreaField(NARRATIVE_LABELS["program_tasks"], render_kw={"rows": 7},
                                  validators=[Optional(), Length(max=TEXT_MAX), _at_most_items])
    listing_document = StringField(
        NARRATIVE_LABELS["listing_document"], validators=[Optional(), Length(max=300)],
        render_kw={"placeholder": _l("e.g. Order of the regional ministry of education")})
    listing_number = StringField(NARRATIVE_LABELS["listing_number"],
                                 validators=[Optional(), Length(max=60)])
    listing_date = DateField(NARRATIVE_LABELS["listing_date"], validators=[Optional()])
    listing_title = StringField(NARRATIVE_LABELS["listing_title"],
                                validators=[Optional(), Length(max=500)])
    curator_algorithm = TextAreaField(NARRATIVE_LABELS["curator_algorithm"],
                                      render_kw={"rows": 6},
                                      validators=[Optional(), Length(max=TEXT_MAX), _at_most_items])
    conclusions = TextAreaField(NARRATIVE_LABELS["conclusions"], render_kw={"rows": 6},
                                validators=[Optional(), Length(max=TEXT_MAX)])
    priorities = TextAreaField(NARRATIVE_LABELS["priorities"], render_kw={"rows": 5},
                               validators=[Optional(), Length(max=TEXT_MAX), _at_most_items])
    comment_schools = _text("comment_schools")
    comment_indicators = _text("comment_indicators")
    comment_measures = _text("comment_measures")
    comment_teachers = _text("comment_teachers")
    comment_shortage = _text("comment_shortage")
    comment_consultations = _text("comment_consultations")
    comment_events = _text("comment_events")
    comment_network = _text("comment_network")
    municipal_teachers_trained = _count("municipal_teachers_trained")
    municipal_teachers_total = _count("municipal_teachers_total")
    listeners_academy = _count("listeners_academy")
    listeners_iro_registry = _count("listeners_iro_registry")
    listeners_iro_other = _count("listeners_iro_other")
    region_listeners_academy = _count("region_listeners_academy")
    region_listeners_iro_registry = _count("region_listeners_iro_registry")
    region_listeners_iro_other = _count("region_listeners_iro_other")
    signatory_position = StringField(NARRATIVE_LABELS["signatory_position"],
                                     validators=[Optional(), Length(max=LINE_MAX)])
    signatory_name = StringField(NARRATIVE_LABELS["signatory_name"],  # no Optional(): the check
                                 validators=[Length(max=LINE_MAX)])  # below must see it empty
    submit = SubmitField(_l("Save"))

    def validate_municipal_teachers_trained(self, field) -> None:
        total = self.municipal_teachers_total.data
        if field.data is not None and total is None:
            raise ValidationError(_l("Enter all teachers of the municipality as well."))
        if field.data is not None and total is not None and field.data > total:
            raise ValidationError(_l("More than all teachers of the municipality (%(total)s).",
                                     total=total))

    def validate_signatory_name(self, field) -> None:
        if (self.signatory_position.data or "").strip() and not (field.data or "").strip():
            raise ValidationError(_l("Enter the name of the person who signs the report."))


def school_field(school_id: int) -> str:
    return f"school_{school_id}"


def narrative_form_for(schools) -> type[NarrativeForm]:
    """The narrative form with a paragraph per school with anti-risk programs."""
    class SchoolsNarrativeForm(NarrativeForm):
        pass
    for school in schools:
        setattr(SchoolsNarrativeForm, school_field(school.id), TextAreaField(
            school.short_name, validators=[Optional(), Length(max=TEXT_MAX)],
            render_kw={"rows": 4}))
    return SchoolsNarrativeForm


PASSPORT_GROUP = ("roadmap_basis", "program_basis", "program_goal", "program_tasks",
                  "listing_document", "listing_number", "listing_date", "listing_title",
                  "curator_algorithm")
CLOSING_GROUP = ("conclusions", "priorities")
FIGURES_GROUP = ("municipal_teachers_trained", "municipal_teachers_total", "listeners_academy",
                 "listeners_iro_registry", "listeners_iro_other", "region_listeners_academy",
                 "region_listeners_iro_registry", "region_listeners_iro_other")
COMMENT_GROUP = tuple(name for name in NARRATIVE_LABELS if name.startswith("comment_"))
SIGNATURE_GROUP = ("signatory_position", "signatory_name")


class ReportPeriodForm(FilterForm):
    """The half-year a report covers."""

    period = PeriodField(validators=[Optional()])
