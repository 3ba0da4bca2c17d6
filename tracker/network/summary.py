"""The network summary of a municipality and half-year, per organization type and in total:
what `flask network summary` prints (JSON or text)."""
from tracker.network import counting
from tracker.network.queries import ORG_TYPE_ORDER, Share
from tracker.schools.models import Municipality, OrgType


def _share(share: Share) -> dict:
    percent = share.percent
    return {"numerator": share.numerator, "denominator": share.denominator,
            "percent": None if percent is None else round(percent, 1)}


def _line(rows, *, communities: int, groups: int) -> dict:
    teachers = Share(sum(r.participants for r in rows), sum(r.teachers for r in rows))
    return {"organizations": len(rows),
            "departments": sum(1 for r in rows if r.parent_id is not None),
            "teachers": teachers.denominator, "participants": teachers.numerator,
            "share": _share(teachers),
            "organizations_in_communities": sum(1 for r in rows if r.in_community),
            "communities": communities, "groups": groups}


def network_summary(municipality: Municipality, period: str) -> dict:
    rows = counting.participation(municipality.id, period)
    types = []
    for org_type in sorted(OrgType, key=lambda t: ORG_TYPE_ORDER.get(t, 9)):
        of_type = [r for r in rows if r.org_type == org_type]
        types.append({"org_type": org_type.value, **_line(
            of_type, communities=counting.communities(municipality.id, period,
                                                      org_type=org_type),
            groups=counting.groups(municipality.id, org_type=org_type))})
    return {
        "municipality": municipality.name, "period": period, "types": types,
        "total": _line(rows, communities=counting.communities(municipality.id, period),
                       groups=counting.groups(municipality.id)),
        "disagreements": [
            {"organization": r.short_name, "entered": r.entered, "memberships": r.memberships,
             "largest_community": r.largest, "teachers": r.teachers}
            for r in rows if r.disagrees],
    }
