"""Demo loader: the reference report's events, and the network of the demo municipality."""
from tracker.db import db
from tracker.network import demo_data as d
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.network.models import (ClusterMembership, Community, CommunityMemberCount,
                                    NetworkTarget, OrganizationStaffCount)
from tracker.schools.models import School


def _event(context, title, kind, held_on, host, **fields) -> MethodicalEvent:
    event = MethodicalEvent(municipality=context.municipality, title=title, kind=kind,
                            level="municipal", held_on=held_on,
                            host_school=context.schools[host] if host else None, **fields)
    db.session.add(event)
    return event


def _take_part(context, event, short_name, role, nomination="", note="") -> None:
    db.session.add(EventParticipation(event=event, school=context.schools[short_name], role=role,
                                      nomination=nomination, note=note))


def load_events(context) -> None:
    c = d.COMPETITION
    competition = _event(context, c["title"], c["kind"], c["held_on"], c["host"],
                         order_text=c["order_text"], participants_count=c["participants_count"],
                         result=c["result"])
    for short_name, (role, nomination) in c["participation"].items():
        _take_part(context, competition, short_name, role, nomination)
    for events, roles in ((d.CONFERENCES, d.CONFERENCE_ROLES), (d.WEBINARS, d.WEBINAR_ROLES)):
        created = [_event(context, *spec) for spec in events]
        for short_name, row in roles.items():
            for event, role in zip(created, row):
                if role:
                    _take_part(context, event, short_name, role)
    for host, topic, order, held_on, count, result, named in d.SEMINARS:
        seminar = _event(context, topic, "school_to_school", held_on, host, order_text=order,
                         participants_count=count, result=result)
        _take_part(context, seminar, host, "organizer")
        for short_name in named:
            if short_name != host:
                _take_part(context, seminar, short_name, "participant")


def load_network(context) -> None:
    for short_name, legal_form, full_name, org_type in d.OTHER_ORGANIZATIONS:
        school = School(municipality=context.municipality, short_name=short_name,
                        legal_form=legal_form, full_name=full_name, org_type=org_type)
        context.schools[short_name] = school
        db.session.add(school)
    for short_name, (teachers, network) in d.STAFF.items():
        db.session.add(OrganizationStaffCount(school=context.schools[short_name], period=d.PERIOD,
                                              teachers=teachers, network_teachers=network))
    for name, kind, theme, coordinator, base, members in d.COMMUNITIES:
        community = Community(municipality=context.municipality, name=name, kind=kind,
                              theme=theme, coordinator=coordinator,
                              base_school=context.schools[base])
        db.session.add(community)
        for short_name, count in members.items():
            community.member_counts.append(CommunityMemberCount(
                school=context.schools[short_name], period=d.PERIOD, members=count))
        if kind == "cluster":
            for short_name, rank in d.CLUSTER_RANKS.items():
                community.cluster_ranks.append(ClusterMembership(
                    school=context.schools[short_name], period=d.PERIOD, rank=rank))
    for year, indicator, planned in d.TARGETS:
        db.session.add(NetworkTarget(municipality_id=context.municipality.id, year=year,
                                     indicator=indicator, planned=planned))


def load(context) -> None:
    load_network(context)
    load_events(context)
