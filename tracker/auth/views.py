from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import audit
from tracker.auth import services, throttle
from tracker.auth.forms import LoginForm, PasswordChangeForm
from tracker.auth.session import end_every_session, start_session
from tracker.db import db
from tracker.errors import DomainError
from tracker.permissions import public, signed_in
from tracker.urls import safe_next

bp = Blueprint("auth", __name__)


@bp.route("/login", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        limit = throttle.refusal(form.login.data)
        if limit is not None:
            text = _("Too many failed sign-in attempts. Try again in %(minutes)s min, or ask "
                     "your coordinator or administrator to set a new password.",
                     minutes=limit.minutes)
            return render_template("auth/login.html", form=form, throttled=text), 429
        user = services.authenticate(form.login.data, form.password.data)
        if user is not None:
            start_session(user)
            audit.record("login", object_type="User", object_id=user.id,
                         municipality_id=user.audit_municipality_id)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
        _record_failed_sign_in(form.login.data)
        throttle.record_failure(form.login.data)
        db.session.commit()
        flash(_("Wrong login or password."), "danger")
    return render_template("auth/login.html", form=form)


def _record_failed_sign_in(login: str) -> None:
    """The audit names the account tried, never the text typed (it may be a password)."""
    account = services.find_account(login)
    if account is None:
        audit.record("login_failed")
    else:
        audit.record("login_failed", object_type="User", object_id=account.id,
                     municipality_id=account.audit_municipality_id)


@bp.route("/logout", methods=["POST"])
@signed_in
def logout():
    audit.record("logout", object_type="User", object_id=current_user.id)
    end_every_session()
    db.session.commit()
    flash(_("You have signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@signed_in
def password():
    form = PasswordChangeForm()
    if form.validate_on_submit():
        try:
            services.change_password(current_user, current=form.current_password.data,
                                     new=form.new_password.data)
        except DomainError as error:
            form.current_password.errors.append(str(error))
        else:
            db.session.commit()
            start_session(current_user._get_current_object())
            flash(_("The password has been changed. Your other sessions have ended."), "success")
            return redirect(url_for("home.index"))
    return render_template("auth/password.html", form=form)


@bp.route("/language/<lang>", methods=["POST"])
@public
def language(lang: str):
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    return redirect(safe_next(request.form.get("next")) or url_for("home.index"))
