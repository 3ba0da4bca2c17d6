"""A community's groups and yearly figures on its page: adding groups, listing their
organizations (a cluster's entered count gives way to them), entering the figures."""
from flask import flash, redirect, url_for
from flask_babel import gettext as _

from tracker.db import db
from tracker.errors import DomainError
from tracker.network import group_services
from tracker.network.blueprint import bp, organization_choices
from tracker.network.group_forms import GroupForm, GroupMemberForm, MetricForm, RemoveGroupMemberForm
from tracker.network.group_models import GroupMember
from tracker.network.models import Community
from tracker.permissions import MANAGERS, get_visible_or_404, role_required
from tracker.schools.models import School


def group_forms(community: Community, *, group_form=None, member_form=None,
                metric_form=None) -> dict:
    """The forms of the community page's groups and figures, with their choices."""
    group_form = group_form or GroupForm(formdata=None)
    group_form.kind_id.choices = [(k.id, k.name) for k in group_services.group_kinds()]
    member_form = member_form or GroupMemberForm(formdata=None)
    member_form.group_id.choices = [(g.id, g.name) for g in community.groups]
    member_form.school_id.choices = organization_choices(community.municipality_id)
    return {"group_form": group_form, "group_member_form": member_form,
            "metric_form": metric_form or MetricForm(formdata=None),
            "remove_member_form": RemoveGroupMemberForm(formdata=None)}


def _back(community: Community, message: str):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for(".community", community_id=community.id) + "#groups")


def _again(community: Community, status: int = 422, **forms):
    from tracker.network.community_views import _render_community
    return _render_community(community, status=status, **group_forms(community, **forms))


@bp.route("/communities/<int:community_id>/groups", methods=["POST"])
@role_required(*MANAGERS)
def add_group(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = GroupForm()
    form.kind_id.choices = [(k.id, k.name) for k in group_services.group_kinds()]
    if form.validate_on_submit():
        try:
            group_services.create_group(community, name=form.name.data,
                                        kind_id=form.kind_id.data,
                                        entered_members=form.entered_members.data)
        except DomainError as error:
            form.name.errors = [*form.name.errors, str(error)]
        else:
            return _back(community, _("The group has been added."))
    return _again(community, group_form=form)


@bp.route("/communities/<int:community_id>/group-members", methods=["POST"])
@role_required(*MANAGERS)
def add_group_member(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = GroupMemberForm()
    form.group_id.choices = [(g.id, g.name) for g in community.groups]
    form.school_id.choices = organization_choices(community.municipality_id)
    if form.validate_on_submit():
        group = next(g for g in community.groups if g.id == form.group_id.data)
        school = get_visible_or_404(School, form.school_id.data)
        try:
            group_services.add_group_member(group, school=school, rank=form.rank.data or None)
        except DomainError as error:
            form.school_id.errors = [*form.school_id.errors, str(error)]
        else:
            return _back(community, _("The organization has been added to the group."))
    return _again(community, member_form=form)


@bp.route("/communities/<int:community_id>/group-members/remove", methods=["POST"])
@role_required(*MANAGERS)
def remove_group_member(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = RemoveGroupMemberForm()
    member = db.session.get(GroupMember, form.member_id.data) if form.validate_on_submit() \
        else None
    if member is None or member.group.community_id != community.id:
        flash(_("No such organization in the community's groups."), "warning")
        return redirect(url_for(".community", community_id=community.id))
    group_services.remove_group_member(member)
    return _back(community, _("The organization has been removed from the group."))


@bp.route("/communities/<int:community_id>/metrics", methods=["POST"])
@role_required(*MANAGERS)
def set_metrics(community_id: int):
    community = get_visible_or_404(Community, community_id, edit=True)
    form = MetricForm()
    if form.validate_on_submit():
        group_services.set_metric(community, year=form.year.data, **form.figures())
        return _back(community, _("The figures have been saved."))
    return _again(community, metric_form=form)
