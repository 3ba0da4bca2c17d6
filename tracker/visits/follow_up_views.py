"""Follow-ups: the school answers a recommendation, the curator closes it or sends it back."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import storage, uploads
from tracker.auth.models import Role
from tracker.db import db
from tracker.errors import DomainError, StaleEdit
from tracker.forms import refresh_stale
from tracker.permissions import (can_answer, can_edit_visit, get_visible_or_404, role_required,
                                 signed_in)
from tracker.visits import queries, services
from tracker.visits.forms import AnswerForm, DecisionForm
from tracker.visits.models import Recommendation, RecommendationEvent, RecommendationStatus
from tracker.visits.views import bp
from tracker.working_period import reference_day


@bp.route("/recommendations/<int:recommendation_id>")
@signed_in
def recommendation(recommendation_id: int):
    return _render(get_visible_or_404(Recommendation, recommendation_id))


def _render(item: Recommendation, *, answer_form=None, decision_form=None):
    context = {"item": item, "history": queries.recommendation_history(item),
               "today": reference_day(current_user)}
    if can_answer(current_user, item) and item.is_awaiting_school:
        context["answer_form"] = answer_form or AnswerForm(version=str(item.version))
    if can_edit_visit(current_user, item.visit) and item.status == RecommendationStatus.ANSWERED:
        context["decision_form"] = decision_form or DecisionForm(version=str(item.version))
    return render_template("visits/recommendation.html", **context)


@bp.route("/recommendations/<int:recommendation_id>/answer", methods=["POST"])
@role_required(Role.DIRECTOR)
def answer(recommendation_id: int):
    item = get_visible_or_404(Recommendation, recommendation_id)
    form = AnswerForm(request.form)
    if form.validate_on_submit():
        try:
            stored = uploads.store_chosen(request.files.get("file"), form.file)
            with uploads.committed(stored):
                services.answer_recommendation(item, version=form.version.data,
                                               author=current_user, text=form.text.data,
                                               stored=stored)
        except uploads.Refused:
            pass
        except StaleEdit:
            refresh_stale(form, item)
        except DomainError as error:
            flash(str(error), "danger")
            return redirect(url_for(".recommendation", recommendation_id=item.id))
        else:
            flash(_("The answer has been sent to the curator."), "success")
            return redirect(url_for(".recommendation", recommendation_id=item.id))
    return _render(item, answer_form=form)


@bp.route("/recommendations/<int:recommendation_id>/decision", methods=["POST"])
@role_required(Role.CURATOR)
def decide(recommendation_id: int):
    item = get_visible_or_404(Recommendation, recommendation_id, edit=True)
    form = DecisionForm(request.form)
    if form.validate_on_submit():
        try:
            services.decide_recommendation(item, version=form.version.data, author=current_user,
                                           close=form.decision.data == "close",
                                           comment=form.comment.data or "")
        except StaleEdit:
            refresh_stale(form, item)
        except DomainError as error:
            flash(str(error), "danger")
            return redirect(url_for(".recommendation", recommendation_id=item.id))
        else:
            db.session.commit()
            flash(_("The decision has been saved."), "success")
            return redirect(url_for(".recommendation", recommendation_id=item.id))
    return _render(item, decision_form=form)


@bp.route("/recommendations/answers/<int:recommendation_event_id>/file")
@signed_in
def answer_file(recommendation_event_id: int):
    """The evidence a school attached to its answer, for whoever sees the recommendation."""
    event = get_visible_or_404(RecommendationEvent, recommendation_event_id)
    if not event.has_file:
        abort(404)
    return storage.send(event)
