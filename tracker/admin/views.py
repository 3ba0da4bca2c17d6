from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import func, or_, select
from sqlalchemy.orm import selectinload

from tracker.editing import save_versioned_edit
from tracker.admin import services
from tracker.admin.audit_display import audit_rows, object_type_choices
from tracker.admin.forms import (AuditFilterForm, CategoryForm, GroupKindForm, LegalFormForm,
                                 MunicipalityForm, PasswordResetForm, RegionForm, UserFilterForm,
                                 UserForm)
from tracker.audit import AuditEvent
from tracker.auth.forms import EmptyForm
from tracker.auth.models import Role, User
from tracker.db import db
from tracker.errors import DomainError
from tracker.labels import ACTION_LABELS
from tracker.permissions import (MANAGERS, creatable_roles, get_visible_or_404, role_required,
                                 visible_municipalities, visible_regions, visible_schools,
                                 visible_users)
from tracker.network import group_services
from tracker.network.group_models import GroupKind
from tracker.schools import services as school_services
from tracker.schools.models import LegalForm, Region, ResultCategory, School
from tracker.ui import ROLE_LABELS

bp = Blueprint("admin", __name__, url_prefix="/admin")

USER_FIELDS = ("login", "full_name", "email", "role", "region_id", "municipality_id", "school_id")
USER_LABELS = {"login": _l("Login"), "full_name": _l("Full name"), "email": _l("E-mail"),
               "role": _l("Role")}


@bp.route("/users")
@role_required(*MANAGERS)
def users():
    form = UserFilterForm(request.args)
    form.role.choices = [("", _l("Any"))] + [(r.value, ROLE_LABELS[r]) for r in Role]
    form.validate()
    stmt = visible_users(current_user).options(selectinload(User.school),
                                               selectinload(User.municipality))
    if form.q.data:
        pattern = f"%{form.q.data.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(User.login).like(pattern),
                              func.lower(User.full_name).like(pattern)))
    if form.role.data:
        stmt = stmt.where(User.role == form.role.data)
    if not form.inactive.data:
        stmt = stmt.where(User.is_active.is_(True))
    page = db.paginate(stmt.order_by(User.full_name), per_page=current_app.config["PAGE_SIZE"],
                       error_out=False)
    return render_template("admin/users.html", form=form, page=page, post_form=EmptyForm())


def _user_form(formdata=None, obj=None) -> UserForm:
    form = UserForm(formdata, obj=obj)
    form.role.choices = [("", _l("Choose a role"))] + [
        (r.value, ROLE_LABELS[r]) for r in creatable_roles(current_user)]
    none = [(0, "—")]
    form.region_id.choices = none + [(r.id, r.name)
                                     for r in db.session.scalars(visible_regions(current_user))]
    form.municipality_id.choices = none + [
        (m.id, m.name) for m in db.session.scalars(visible_municipalities(current_user))]
    form.school_id.choices = none + [
        (s.id, s.short_name) for s in db.session.scalars(
            visible_schools(current_user).where(School.is_active.is_(True))
            .order_by(School.sort_key))]
    if formdata is None and obj is not None:
        for name in ("region_id", "municipality_id", "school_id"):
            form[name].data = getattr(obj, name) or 0
    return form


def _user_fields(form: UserForm) -> dict:
    return {name: form[name].data for name in USER_FIELDS}


@bp.route("/users/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def user_new():
    form = _user_form(request.form if request.method == "POST" else None)
    form.version.data = "0"
    if form.validate_on_submit():
        if not form.password.data:
            form.password.errors.append(_("Set an initial password."))
        else:
            try:
                user = services.create_user(password=form.password.data, by=current_user,
                                            **_user_fields(form))
            except DomainError as error:
                form.login.errors.append(str(error))
            else:
                db.session.commit()
                flash(_("The account %(login)s has been created.", login=user.login), "success")
                return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def user_edit(user_id: int):
    user = get_visible_or_404(User, user_id, edit=True)
    form = _user_form(request.form if request.method == "POST" else None, obj=user)
    differences = []
    if form.validate_on_submit():
        differences = save_versioned_edit(
            user, form, USER_LABELS,
            lambda: services.update_user(user, version=form.version.data, by=current_user,
                                         **_user_fields(form)),
            error_field=form.login)
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".users"))
    return render_template("admin/user_form.html", form=form, user=user, differences=differences)


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@role_required(*MANAGERS)
def user_active(user_id: int):
    user = get_visible_or_404(User, user_id, edit=True)
    if EmptyForm().validate_on_submit():
        try:
            services.set_active(user, active=not user.is_active, by=current_user)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The account is active.") if user.is_active
                  else _("The account has been deactivated; its sessions have ended."), "success")
    return redirect(url_for(".users", inactive=1))


@bp.route("/users/<int:user_id>/password", methods=["GET", "POST"])
@role_required(*MANAGERS)
def user_password(user_id: int):
    user = get_visible_or_404(User, user_id, edit=True)
    form = PasswordResetForm()
    if form.validate_on_submit():
        services.reset_password(user, password=form.password.data, by=current_user)
        db.session.commit()
        flash(_("The password has been set; the person's sessions have ended."), "success")
        return redirect(url_for(".users"))
    return render_template("admin/user_password.html", form=form, user=user)


@bp.route("/references")
@role_required(Role.ADMIN)
def references(region_form=None, municipality_form=None, category_form=None,
               legal_form_form=None, group_kind_form=None):
    regions = db.session.scalars(select(Region).options(
        selectinload(Region.municipalities), selectinload(Region.categories)
    ).order_by(Region.name)).all()
    choices = [(r.id, r.name) for r in regions]
    municipality_form = municipality_form or MunicipalityForm(formdata=None)
    category_form = category_form or CategoryForm(formdata=None)
    municipality_form.region_id.choices = category_form.region_id.choices = choices
    return render_template("admin/references.html", regions=regions,
                           region_form=region_form or RegionForm(formdata=None),
                           municipality_form=municipality_form, category_form=category_form,
                           legal_forms=db.session.scalars(select(LegalForm).order_by(
                               LegalForm.position, LegalForm.name)).all(),
                           legal_form_form=legal_form_form or LegalFormForm(formdata=None),
                           group_kinds=db.session.scalars(select(GroupKind).order_by(
                               GroupKind.position, GroupKind.name)).all(),
                           group_kind_form=group_kind_form or GroupKindForm(formdata=None),
                           post_form=EmptyForm())


def _add_reference(form, create, form_name: str):
    if form.validate_on_submit():
        fields = {k: v for k, v in form.data.items() if k not in ("submit", "csrf_token")}
        try:
            create(**fields)
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            db.session.commit()
            flash(_("Added."), "success")
            return redirect(url_for(".references"))
    return references(**{form_name: form})


@bp.route("/references/regions", methods=["POST"])
@role_required(Role.ADMIN)
def region_new():
    return _add_reference(RegionForm(), services.create_region, "region_form")


@bp.route("/references/municipalities", methods=["POST"])
@role_required(Role.ADMIN)
def municipality_new():
    form = MunicipalityForm()
    form.region_id.choices = [(r.id, r.name) for r in db.session.scalars(select(Region))]
    return _add_reference(form, services.create_municipality, "municipality_form")


@bp.route("/references/categories", methods=["POST"])
@role_required(Role.ADMIN)
def category_new():
    form = CategoryForm()
    form.region_id.choices = [(r.id, r.name) for r in db.session.scalars(select(Region))]
    return _add_reference(form, services.create_category, "category_form")


@bp.route("/references/categories/<int:category_id>/toggle", methods=["POST"])
@role_required(Role.ADMIN)
def category_toggle(category_id: int):
    category = db.get_or_404(ResultCategory, category_id)
    if EmptyForm().validate_on_submit():
        services.toggle_category(category)
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for(".references"))


@bp.route("/references/legal-forms", methods=["POST"])
@role_required(Role.ADMIN)
def legal_form_new():
    return _add_reference(LegalFormForm(), school_services.create_legal_form, "legal_form_form")


@bp.route("/references/legal-forms/<int:legal_form_id>/toggle", methods=["POST"])
@role_required(Role.ADMIN)
def legal_form_toggle(legal_form_id: int):
    legal_form = db.get_or_404(LegalForm, legal_form_id)
    if EmptyForm().validate_on_submit():
        school_services.toggle_legal_form(legal_form)
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for(".references"))


@bp.route("/references/group-kinds", methods=["POST"])
@role_required(Role.ADMIN)
def group_kind_new():
    return _add_reference(GroupKindForm(), group_services.create_group_kind, "group_kind_form")


@bp.route("/references/group-kinds/<int:group_kind_id>/toggle", methods=["POST"])
@role_required(Role.ADMIN)
def group_kind_toggle(group_kind_id: int):
    kind = db.get_or_404(GroupKind, group_kind_id)
    if EmptyForm().validate_on_submit():
        group_services.toggle_group_kind(kind)
        db.session.commit()
        flash(_("Saved."), "success")
    return redirect(url_for(".references"))


@bp.route("/audit")
@role_required(*MANAGERS)
def audit():
    form = AuditFilterForm(request.args)
    any_choice = [("", _l("Any"))]
    form.action.choices = any_choice + [(a, label) for a, label in ACTION_LABELS.items()]
    form.object_type.choices = any_choice + object_type_choices()
    form.login.choices = any_choice + [
        (u.login, f"{u.full_name} ({u.login})") for u in db.session.scalars(
            visible_users(current_user).order_by(User.full_name))]
    form.validate()
    stmt = select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if current_user.role == Role.COORDINATOR:
        stmt = stmt.where(AuditEvent.municipality_id == current_user.municipality_id)
    if form.login.data:
        stmt = stmt.where(func.lower(AuditEvent.user_login) == form.login.data.strip().lower())
    if form.action.data:
        stmt = stmt.where(AuditEvent.action == form.action.data)
    if form.object_type.data:
        stmt = stmt.where(AuditEvent.object_type == form.object_type.data.strip())
    if form.date_from.data and not form.date_from.errors:
        stmt = stmt.where(AuditEvent.at >= _local_midnight(form.date_from.data))
    if form.date_to.data and not form.date_to.errors:
        stmt = stmt.where(AuditEvent.at < _local_midnight(form.date_to.data + timedelta(days=1)))
    page = db.paginate(stmt, per_page=50, error_out=False)
    return render_template("admin/audit.html", form=form, page=page,
                           rows=audit_rows(page.items))


def _local_midnight(day) -> datetime:
    """The start of a day as the users count days (their time zone), in UTC."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return datetime.combine(day, time.min, zone).astimezone(UTC)
