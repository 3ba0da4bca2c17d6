from datetime import date

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from tracker.auth.forms import EmptyForm
from tracker.auth.models import Role
from tracker.db import db
from tracker.forms import ConfirmForm
from tracker.errors import DomainError, StaleEdit
from tracker.permissions import (HEATMAP_VIEWERS, REVIEWERS, SCHOOL_WORKERS, can_review,
                                 can_work_on_school, get_visible_or_404, role_required, signed_in)
from tracker.risks import queries, services
from tracker.risks.forms import (LEVEL_LABELS, CopyDirectionsForm, DirectionForm, SuggestionForm,
                                 YearFilterForm, profile_form, verify_form)
from tracker.risks.models import RiskDirection, RiskProfile, RiskProfileEntry, SuggestedMeasure
from tracker.schools.models import School

bp = Blueprint("risks", __name__, url_prefix="/risks")


def _year(default: int | None = None) -> int:
    form = YearFilterForm(request.args)
    form.validate()
    if form.year.data and not form.year.errors:
        return form.year.data
    latest = db.session.scalar(select(func.max(RiskDirection.year)))
    return default or latest or date.today().year


@bp.route("/heatmap")
@role_required(*HEATMAP_VIEWERS)
def heatmap():
    year = _year()
    return render_template("risks/heatmap.html", year=year,
                           directions=services.directions_of(year),
                           rows=queries.heatmap(current_user, year),
                           totals=queries.direction_totals(current_user, year),
                           years=queries.profile_years(current_user), LEVEL_LABELS=LEVEL_LABELS)


@bp.route("/schools/<int:school_id>/profile")
@signed_in
def profile(school_id: int):
    school = get_visible_or_404(School, school_id)
    return _render_profile(school, _year())


def _render_profile(school: School, year: int, *, form=None, differences=(), vform=None,
                    status: int = 200):
    directions = services.directions_of(year)
    profile = db.session.scalar(
        select(RiskProfile).options(
            selectinload(RiskProfile.entries).selectinload(RiskProfileEntry.direction),
            selectinload(RiskProfile.entries).selectinload(RiskProfileEntry.verified_by),
            selectinload(RiskProfile.verified_by))
        .where(RiskProfile.school_id == school.id, RiskProfile.year == year))
    context = {"school": school, "year": year, "directions": directions, "profile": profile,
               "LEVEL_LABELS": LEVEL_LABELS, "differences": differences}
    if can_work_on_school(current_user, school) and directions:
        context["form"] = form or profile_form(directions, profile=profile)
    if profile is not None and profile.entries and can_review(current_user, profile):
        context["verify_form"] = vform or verify_form(profile)
    return render_template("risks/profile.html", **context), status


@bp.route("/schools/<int:school_id>/profile", methods=["POST"])
@role_required(*SCHOOL_WORKERS)
def profile_save(school_id: int):
    school = get_visible_or_404(School, school_id)
    year = _year()
    form = profile_form(services.directions_of(year), formdata=request.form)
    if not form.validate_on_submit():
        return _render_profile(school, year, form=form, status=422)
    levels = {int(n.split("_")[1]): form[n].data for n in form.data if n.startswith("level_")}
    chosen = {int(n.split("_")[1]) for n, v in form.data.items() if n.startswith("chosen_") and v}
    try:
        services.save_profile(school, year=year, version=form.version.data, levels=levels,
                              chosen=chosen)
    except StaleEdit as error:
        db.session.rollback()
        flash(str(error), "warning")
        current = services.profile_of(school, year)
        differences = _profile_differences(current, levels, chosen)
        form.version.data = str(current.version) if current else "0"
        return _render_profile(school, year, form=form, differences=differences, status=409)
    except DomainError as error:
        db.session.rollback()
        flash(str(error), "danger")
        return _render_profile(school, year, form=form, status=409)
    db.session.commit()
    flash(_("The risk profile has been saved."), "success")
    return redirect(url_for(".profile", school_id=school.id, year=year))


def _profile_differences(profile, levels, chosen):
    rows = []
    for entry in profile.entries if profile else ():
        typed_level = levels.get(entry.direction_id, "none")
        if entry.level != typed_level or entry.is_chosen != (entry.direction_id in chosen):
            rows.append((entry.direction.name,
                         f"{LEVEL_LABELS[entry.level]}{' ✓' if entry.is_chosen else ''}",
                         f"{LEVEL_LABELS[typed_level]}"
                         f"{' ✓' if entry.direction_id in chosen else ''}"))
    return rows


@bp.route("/profiles/<int:profile_id>/verify", methods=["POST"])
@role_required(*REVIEWERS)
def verify(profile_id: int):
    profile = get_visible_or_404(RiskProfile, profile_id)
    form = verify_form(profile, formdata=request.form)
    if not form.validate_on_submit():
        return _render_profile(profile.school, profile.year, vform=form, status=422)
    verified = {int(n.split("_")[1]) for n, v in form.data.items()
                if n.startswith("verified_") and v}
    services.verify_profile(profile, actor=current_user, verified=verified,
                            comment=form.comment.data or "")
    db.session.commit()
    flash(_("The risk profile has been verified."), "success")
    return redirect(url_for(".profile", school_id=profile.school_id, year=profile.year))


# --- the reference list (admin) -----------------------------------------------------------

@bp.route("/directions")
@role_required(Role.ADMIN)
def directions(direction_form=None, copy_form=None, suggestion_form=None, status=200):
    year = _year()
    rows = db.session.scalars(select(RiskDirection).options(
        selectinload(RiskDirection.suggestions)).where(RiskDirection.year == year)
        .order_by(RiskDirection.position)).all()
    return render_template(
        "risks/directions.html", year=year, rows=rows, years=queries.profile_years(current_user),
        direction_form=direction_form or DirectionForm(formdata=None, year=year),
        copy_form=copy_form or CopyDirectionsForm(formdata=None, from_year=year, to_year=year + 1),
        suggestion_form=suggestion_form or SuggestionForm(formdata=None),
        post_form=EmptyForm()), status


@bp.route("/directions", methods=["POST"])
@role_required(Role.ADMIN)
def direction_new():
    form = DirectionForm()
    if form.validate_on_submit():
        try:
            services.create_direction(year=form.year.data, name=form.name.data)
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Added."), "success")
            return redirect(url_for(".directions", year=form.year.data))
    return directions(direction_form=form, status=422)


@bp.route("/directions/copy", methods=["POST"])
@role_required(Role.ADMIN)
def directions_copy():
    form = CopyDirectionsForm()
    if form.validate_on_submit():
        try:
            services.copy_directions(from_year=form.from_year.data, to_year=form.to_year.data)
        except DomainError as error:
            form.to_year.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("The list has been copied."), "success")
            return redirect(url_for(".directions", year=form.to_year.data))
    return directions(copy_form=form, status=422)


@bp.route("/directions/<int:direction_id>/toggle", methods=["POST"])
@role_required(Role.ADMIN)
def direction_toggle(direction_id: int):
    direction = db.get_or_404(RiskDirection, direction_id)
    if EmptyForm().validate_on_submit():
        in_use = _programs_using(direction) if direction.is_active else 0
        if in_use and not request.form.get("confirm"):
            return render_template("risks/direction_confirm.html", direction=direction,
                                   in_use=in_use)
        services.toggle_direction(direction)
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for(".directions", year=direction.year))


def _programs_using(direction: RiskDirection) -> int:
    from tracker.programs.models import AntiRiskProgram
    return db.session.scalar(select(func.count()).select_from(AntiRiskProgram)
                             .where(AntiRiskProgram.direction_id == direction.id))


@bp.route("/directions/<int:direction_id>/suggestions", methods=["POST"])
@role_required(Role.ADMIN)
def suggestion_new(direction_id: int):
    direction = db.get_or_404(RiskDirection, direction_id)
    form = SuggestionForm()
    if form.validate_on_submit():
        services.add_suggestion(direction, title=form.title.data, task=form.task.data or "",
                                evidence_kind=form.evidence_kind.data or "")
        db.session.commit()
        flash(_("Added."), "success")
        return redirect(url_for(".directions", year=direction.year))
    return directions(suggestion_form=form, status=422)


@bp.route("/suggestions/<int:suggestion_id>/delete", methods=["POST"])
@role_required(Role.ADMIN)
def suggestion_delete(suggestion_id: int):
    suggestion = db.get_or_404(SuggestedMeasure, suggestion_id)
    year = suggestion.direction.year
    if ConfirmForm().validate_on_submit():
        services.delete_suggestion(suggestion)
        db.session.commit()
        flash(_("Deleted."), "success")
    return redirect(url_for(".directions", year=year))
