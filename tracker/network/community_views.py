"""Network communities and clusters: the list, one community with its members, editing."""
from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from tracker.editing import save_versioned_edit
from tracker.db import db
from tracker.errors import DomainError
from tracker.network import counting, labels, services
from tracker.network.growth import growth
from tracker.network.blueprint import bp, chosen_municipality, organization_choices
from tracker.network.forms import ClusterRankForm, CommunityForm, MemberCountForm
from tracker.network.group_views import group_forms
from tracker.network.models import ClusterMembership, Community, CommunityMemberCount
from tracker.permissions import (MANAGERS, NETWORK_VIEWERS, can_edit, get_visible_or_404,
                                 role_required, visible_communities, visible_school_ids)
from tracker.schools.models import School

COMMUNITY_LABELS = {"name": _l("Title"), "kind": _l("Kind"), "theme": _l("Theme"),
                    "coordinator": _l("Coordinator")}


@bp.route("/communities")
@role_required(*NETWORK_VIEWERS)
def communities():
    rows = db.session.scalars(visible_communities(current_user).options(
        selectinload(Community.municipality), selectinload(Community.base_school))
        .order_by(Community.kind, Community.name)).all()
    return render_template("network/communities.html", communities=rows, labels=labels,
                           can_create=current_user.role in MANAGERS)


def _community_form(municipality_id: int, formdata=None, obj=None) -> CommunityForm:
    form = CommunityForm(formdata, obj=obj)
    form.base_school_id.choices = [(0, _l("— none —"))] + organization_choices(municipality_id)
    return form


def _fields(form: CommunityForm) -> dict:
    return {name: form[name].data for name in services.COMMUNITY_FIELDS}


@bp.route("/communities/new", methods=["GET", "POST"])
@role_required(*MANAGERS)
def create_community():
    municipality = chosen_municipality(request.args.get("municipality", type=int))
    if municipality is None:
        return redirect(url_for(".communities"))
    form = _community_form(municipality.id, request.form if request.method == "POST" else None)
    form.version.data = "0"
    if form.validate_on_submit():
        try:
            community = services.create_community(municipality_id=municipality.id,
                                                  **_fields(form))
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The community has been created."), "success")
            return redirect(url_for(".community", community_id=community.id))
    return render_template("network/community_form.html", form=form, community=None)


@bp.route("/communities/<int:community_id>/edit", methods=["GET", "POST"])
@role_required(*MANAGERS)
def edit_community(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = _community_form(community.municipality_id,
                           request.form if request.method == "POST" else None, obj=community)
    if request.method == "GET":
        form.base_school_id.data = community.base_school_id or 0
    differences = []
    if form.validate_on_submit():
        differences = save_versioned_edit(
            community, form, COMMUNITY_LABELS,
            lambda: services.update_community(community, version=form.version.data,
                                              **_fields(form)))
        if differences is None:
            flash(_("Changes saved."), "success")
            return redirect(url_for(".community", community_id=community.id))
    return render_template("network/community_form.html", form=form, community=community,
                           differences=differences)


@bp.route("/communities/<int:community_id>")
@role_required(*NETWORK_VIEWERS)
def community(community_id: int):
    return _render_community(get_visible_or_404(Community, community_id))


def _render_community(community: Community, *, member_form=None, rank_form=None, status=200,
                      **forms):
    in_scope = visible_school_ids(current_user)
    members = db.session.scalars(
        select(CommunityMemberCount).join(School).options(
            selectinload(CommunityMemberCount.school))
        .where(CommunityMemberCount.community_id == community.id, School.id.in_(in_scope))
        .order_by(CommunityMemberCount.period.desc(), School.sort_key)).all()
    ranks = db.session.scalars(
        select(ClusterMembership).join(School).options(selectinload(ClusterMembership.school))
        .where(ClusterMembership.community_id == community.id, School.id.in_(in_scope))
        .order_by(ClusterMembership.period.desc(), ClusterMembership.rank,
                  School.sort_key)).all()
    context = {"community": community, "base": community.base_school, "members": members,
               "ranks": ranks, "labels": labels, "growth": growth,
               "organizations_count": counting.community_organizations(
                   community, members[0].period if members else ""),
               "groups": community.groups}
    if can_edit(current_user, community):
        context.update(forms or group_forms(community))
        choices = organization_choices(community.municipality_id)
        context["member_form"] = member_form or MemberCountForm()
        context["member_form"].school_id.choices = choices
        if community.is_cluster:
            context["rank_form"] = rank_form or ClusterRankForm()
            context["rank_form"].school_id.choices = choices
    return render_template("network/community.html", **context), status


@bp.route("/communities/<int:community_id>/members", methods=["POST"])
@role_required(*MANAGERS)
def set_members(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = MemberCountForm(request.form)
    form.school_id.choices = organization_choices(community.municipality_id)
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data)
        try:
            services.set_member_count(community, school=school, period=form.period.data,
                                      members=form.members.data)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The members have been saved."), "success")
            return redirect(url_for(".community", community_id=community.id))
    return _render_community(community, member_form=form, status=422)


@bp.route("/communities/<int:community_id>/ranks", methods=["POST"])
@role_required(*MANAGERS)
def set_rank(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = ClusterRankForm(request.form)
    form.school_id.choices = organization_choices(community.municipality_id)
    if form.validate_on_submit():
        school = get_visible_or_404(School, form.school_id.data)
        try:
            services.set_cluster_rank(community, school=school, period=form.period.data,
                                      rank=form.rank.data)
        except DomainError as error:
            flash(str(error), "danger")
        else:
            db.session.commit()
            flash(_("The rank has been saved."), "success")
            return redirect(url_for(".community", community_id=community.id))
    return _render_community(community, rank_form=form, status=422)
