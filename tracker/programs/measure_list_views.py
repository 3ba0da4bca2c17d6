"""The measures list, filtered by school or municipality, half-year, state and evidence: the
coordinators' dashboards open it from their figures about measures and evidence."""

from flask import current_app, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from tracker.db import db
from tracker.permissions import signed_in, visible_municipalities, visible_schools
from tracker.programs.forms import EVIDENCE_STATE_LABELS, MEASURE_STATE_LABELS, MeasureFilterForm
from tracker.programs.measure_queries import evidence_states, filtered_measures
from tracker.programs.models import AntiRiskProgram
from tracker.programs.views import bp
from tracker.schools.models import School
from tracker.working_period import reference_day


@bp.route("/measures")
@signed_in
def measures():
    form = _filter_form()
    period = form.period.period
    municipality = form.municipality.data if "municipality" in form else None
    day = period.as_of() if period else reference_day(current_user)  # one day for the whole page
    stmt = filtered_measures(
        current_user, day=day,
        school=form.school.data or None, municipality=municipality or None,
        period=period, listed=bool(form.listed.data), state=_valid(form.state),
        evidence=_valid(form.evidence))
    page = db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)
    return render_template("programs/measures.html", form=form, page=page, today=day,
                           evidence=evidence_states([m.id for m in page.items]),
                           STATE_LABELS=MEASURE_STATE_LABELS,
                           EVIDENCE_LABELS=EVIDENCE_STATE_LABELS)


def _filter_form() -> MeasureFilterForm:
    form = MeasureFilterForm(request.args)
    form.school.choices = [(0, _l("Any"))] + [(s.id, s.short_name) for s in db.session.scalars(
        visible_schools(current_user).where(School.id.in_(select(AntiRiskProgram.school_id)))
        .order_by(School.short_name))]
    municipalities = db.session.scalars(visible_municipalities(current_user)).all()
    form.municipality.choices = [(0, _l("Any"))] + [(m.id, m.name) for m in municipalities]
    form.validate()
    if len(municipalities) < 2:
        del form.municipality  # a coordinator's list has one municipality: nothing to choose
    return form


def _valid(field) -> str | None:
    return field.data if field.data and not field.errors else None
