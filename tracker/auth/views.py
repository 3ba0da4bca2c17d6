from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from tracker import audit
from tracker.auth import services
from tracker.auth.forms import LoginForm, PasswordChangeForm
from tracker.auth.session import end_every_session, start_session
from tracker.db import db
from tracker.errors import DomainError
from tracker.extensions import limiter, login_form_account
from tracker.permissions import public, signed_in
from tracker.urls import safe_next

bp = Blueprint("auth", __name__)


def _login_failed(response) -> bool:
    return request.method == "POST" and response.status_code != 302


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ADDRESS"], methods=["POST"],
               deduct_when=_login_failed)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], methods=["POST"],
               key_func=login_form_account, deduct_when=_login_failed)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.login.data, form.password.data)
        if user is not None:
            start_session(user)
            audit.record("login", object_type="User", object_id=user.id,
                         municipality_id=user.audit_municipality_id)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")) or url_for("home.index"))
        _record_failed_sign_in(form.login.data)
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
