"""The region's addressed recommendations: the municipalities missing a threshold, issuing, the
list per region or municipality, one recommendation with its answer and decision."""
from datetime import date

from flask import (Blueprint, abort, current_app, flash, redirect, render_template, request,
                   url_for)
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker import storage, uploads
from tracker.addressed import labels, services
from tracker.addressed.forms import (AnswerForm, DecisionForm, IssueForm, StatusFilterForm,
                                     ThresholdForm)
from tracker.addressed.models import AddressedRecommendation, AddressedStatus, AddressedStep
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError, StaleEdit
from tracker.forms import refresh_stale
from tracker.permissions import (can_edit, get_visible_or_404, municipality_scope, role_required,
                                 visible_municipalities, visible_regions)
from tracker.schools.models import Municipality, Region
from tracker.working_period import working_period

bp = Blueprint("addressed", __name__, url_prefix="/addressed")
ISSUERS = AddressedRecommendation.editors
READERS = AddressedRecommendation.viewers


@bp.route("/")
@role_required(*READERS)
def index():
    form = StatusFilterForm(request.args)
    form.status.choices = [("", _("Any"))] + [(s.value, label) for s, label
                                              in labels.STATUSES.items()]
    form.municipality.choices = [(0, _("All municipalities"))] + [
        (m.id, m.name) for m in db.session.scalars(visible_municipalities(current_user))]
    form.validate()
    stmt = (select(AddressedRecommendation).join(Municipality)
            .options(selectinload(AddressedRecommendation.municipality))
            .where(municipality_scope(current_user))
            .order_by(AddressedRecommendation.due_on, AddressedRecommendation.id))
    if form.status.data:
        stmt = stmt.where(AddressedRecommendation.status == form.status.data)
    if form.municipality.data:
        stmt = stmt.where(AddressedRecommendation.municipality_id == form.municipality.data)
    page = db.paginate(stmt, per_page=current_app.config["PAGE_SIZE"], error_out=False)
    regions = (db.session.scalars(visible_regions(current_user)).all()
               if current_user.role in ISSUERS else [])
    return render_template("addressed/index.html", form=form, page=page, regions=regions,
                           now=services.current_figures(page.items), today=date.today(),
                           indicators=services.indicator_names(page.items), labels=labels)


@bp.route("/region/<int:region_id>/issue", methods=["GET", "POST"])
@role_required(*ISSUERS)
def issue(region_id: int):
    region = get_visible_or_404(Region, region_id)
    chooser = ThresholdForm(request.args)
    period = chooser.period.period or working_period(current_user)
    indicators = services.region_indicators(region, period)
    chooser.indicator.choices = [(i.code, i.name) for i in indicators]
    chooser.validate()
    chooser.period.data = period.code
    indicator = next((i for i in indicators if i.code == chooser.indicator.data), None)
    form, figures = IssueForm(), []
    if indicator is not None and chooser.threshold.data is not None:
        figures = services.municipal_figures(region, period, indicator, chooser.threshold.data)
        form.municipality_ids.choices = [(f.municipality.id, f.municipality.name)
                                         for f in figures]
        if request.method == "GET":
            form.municipality_ids.data = [f.municipality.id for f in figures if f.misses]
        if form.validate_on_submit():
            try:
                copies = services.issue(
                    region=region, period=period, indicator=indicator,
                    threshold=chooser.threshold.data, municipality_ids=form.municipality_ids.data,
                    text=form.text.data, due_on=form.due_on.data, author=current_user)
            except DomainError as error:
                form.municipality_ids.errors = [*form.municipality_ids.errors, str(error)]
            else:
                db.session.commit()
                flash(ngettext("The recommendation has been sent to %(num)s municipality.",
                               "The recommendation has been sent to %(num)s municipalities.",
                               len(copies)), "success")
                return redirect(url_for(".index"))
    # a POST without an indicator and a threshold chose nothing to send: the page asks for them
    status = 422 if request.method == "POST" else 200
    return render_template("addressed/issue.html", region=region, chooser=chooser, form=form,
                           indicator=indicator, figures=figures, period=period,
                           today=date.today(), labels=labels), status


@bp.route("/<int:addressed_id>")
@role_required(*READERS)
def detail(addressed_id: int):
    return _render(get_visible_or_404(AddressedRecommendation, addressed_id))


def _render(item: AddressedRecommendation, *, answer_form=None, decision_form=None):
    context = {"item": item, "labels": labels, "today": date.today(),
               "indicator": services.indicator_of(item),
               "now": services.current_figures([item]).get(item.id)}
    if current_user.role == Role.COORDINATOR and item.is_awaiting_municipality:
        context["answer_form"] = answer_form or AnswerForm(version=str(item.version))
    if can_edit(current_user, item) and item.status == AddressedStatus.ANSWERED:
        context["decision_form"] = decision_form or DecisionForm(version=str(item.version))
    return render_template("addressed/detail.html", **context)


@bp.route("/<int:addressed_id>/answer", methods=["POST"])
@role_required(Role.COORDINATOR)
def answer(addressed_id: int):
    item = get_visible_or_404(AddressedRecommendation, addressed_id)
    form = AnswerForm(request.form)
    if form.validate_on_submit():
        try:
            stored = uploads.store_chosen(request.files.get("file"), form.file)
            with uploads.committed(stored):
                services.answer(item, version=form.version.data, author=current_user,
                                text=form.text.data, stored=stored)
        except uploads.Refused:
            pass
        except StaleEdit:
            refresh_stale(form, item)
        except DomainError as error:
            flash(str(error), "danger")
            return redirect(url_for(".detail", addressed_id=item.id))
        else:
            flash(_("The answer has been sent to the region."), "success")
            return redirect(url_for(".detail", addressed_id=item.id))
    return _render(item, answer_form=form)


@bp.route("/<int:addressed_id>/decision", methods=["POST"])
@role_required(*ISSUERS)
def decide(addressed_id: int):
    item = get_visible_or_404(AddressedRecommendation, addressed_id, edit=True)
    form = DecisionForm(request.form)
    if form.validate_on_submit():
        try:
            services.decide(item, version=form.version.data, author=current_user,
                            close=form.decision.data == "close", comment=form.comment.data or "")
        except StaleEdit:
            refresh_stale(form, item)
        except DomainError as error:
            flash(str(error), "danger")
            return redirect(url_for(".detail", addressed_id=item.id))
        else:
            db.session.commit()
            flash(_("The decision has been saved."), "success")
            return redirect(url_for(".detail", addressed_id=item.id))
    return _render(item, decision_form=form)


@bp.route("/steps/<int:step_id>/file")
@role_required(*READERS)
def step_file(step_id: int):
    step = get_visible_or_404(AddressedStep, step_id)
    if not step.has_file:
        abort(404)
    return storage.send(step)
