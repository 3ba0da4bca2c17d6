"""Names shown for the network's statuses, and the text of a participation-table cell."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from tracker.network.development_models import DevelopmentKind, Publication, Reach
from tracker.network.event_models import (DIPLOMA_DEGREES, EventKind, EventLevel,
                                          ParticipationRole)
from tracker.network.models import ClusterRank, CommunityKind, NetworkIndicator

COMMUNITY_KINDS = {
    CommunityKind.NETWORK: _l("Network community"),
    CommunityKind.ASSOCIATION: _l("City / district methodical association (ГМО/РМО)"),
    CommunityKind.CREATIVE_GROUP: _l("Creative group"),
    CommunityKind.SUBJECT_GROUP: _l("Subject methodical group"),
    CommunityKind.CLUSTER: _l("Cluster"),
}

CLUSTER_RANKS = {
    ClusterRank.TOP: _l("TOP organization"),
    ClusterRank.SYNCHRONOUS: _l("Synchronous"),
    ClusterRank.LAGGING: _l("Lagging"),
}

# What a rank in a cluster implies for the organization's work.
RANK_IMPLICATIONS = {
    ClusterRank.TOP: _l("Its teachers tutor the other members of the cluster."),
    ClusterRank.SYNCHRONOUS: _l("Works in the cluster's working groups."),
    ClusterRank.LAGGING: _l("Follows an individual plan and learns from the TOP organizations."),
}

DEVELOPMENT_KINDS = {
    DevelopmentKind.PROGRAM: _l("Program"),
    DevelopmentKind.LESSON: _l("Lesson or activity design"),
    DevelopmentKind.RECOMMENDATIONS: _l("Methodical recommendations"),
    DevelopmentKind.TEACHING_AID: _l("Teaching aid"),
    DevelopmentKind.OTHER: _l("Other development"),
}
REACHES = {
    Reach.ORGANIZATION: _l("Used in its organization"),
    Reach.MUNICIPAL: _l("Presented at the municipal level"),
    Reach.REGIONAL: _l("Passed the regional expert review"),
}
PUBLICATIONS = {
    Publication.REGIONAL_PORTAL: _l("The regional methodical portal"),
    Publication.SCHOOL_SITE: _l("The school's website"),
    Publication.TEACHER_PAGE: _l("A teacher's page on a professional network"),
}
SPREADS = {  # the figures of tracker/network/development_queries.py
    "municipal": _l("Presented at the municipal level or higher"),
    "regional": _l("Passed the regional expert review"),
    "online": _l("Published online"),
    "school_site": _l("Published on the school's website"),
}
EVENT_KINDS = {
    EventKind.SEMINAR: _l("Seminar"),
    EventKind.SCHOOL_TO_SCHOOL: _l("«School to school» seminar"),
    EventKind.CONFERENCE: _l("Conference"),
    EventKind.READINGS: _l("Pedagogical readings"),
    EventKind.WEBINAR: _l("Webinar"),
    EventKind.COMPETITION: _l("Professional skills competition"),
}

EVENT_LEVELS = {
    EventLevel.SCHOOL: _l("School"),
    EventLevel.MUNICIPAL: _l("Municipal"),
    EventLevel.REGIONAL: _l("Regional"),
    EventLevel.FEDERAL: _l("Federal"),
}

ROLES = {
    ParticipationRole.PARTICIPANT: _l("Participant"),
    ParticipationRole.PRESENTED: _l("Shared experience"),
    ParticipationRole.ORGANIZER: _l("Organizer"),
    ParticipationRole.WINNER: _l("Winner"),
    ParticipationRole.DIPLOMA_1: _l("Diploma, 1st degree"),
    ParticipationRole.DIPLOMA_2: _l("Diploma, 2nd degree"),
    ParticipationRole.DIPLOMA_3: _l("Diploma, 3rd degree"),
}

INDICATORS = {
    NetworkIndicator.TEACHERS_SHARE: _l("Share of teachers taking part in network communities"),
    NetworkIndicator.ORGANIZATIONS_SHARE: _l("Share of organizations taking part in communities"),
    NetworkIndicator.COMMUNITIES: _l("Number of communities"),
}
PERCENT_INDICATORS = (NetworkIndicator.TEACHERS_SHARE, NetworkIndicator.ORGANIZATIONS_SHARE)

# Events where teachers present their work: there a plain participant only listened.
PRESENTING_KINDS = (EventKind.CONFERENCE, EventKind.READINGS, EventKind.WEBINAR,
                    EventKind.SEMINAR, EventKind.SCHOOL_TO_SCHOOL)

NO_PARTICIPATION = "-"

# The report's participation tables (the events page and the half-year report): which kinds of
# events go into which table; seminars get a table of their own.
TABLES = (
    (_l("Professional skills competitions"), (EventKind.COMPETITION,)),
    (_l("Conferences and pedagogical readings"), (EventKind.CONFERENCE, EventKind.READINGS)),
    (_l("Webinars"), (EventKind.WEBINAR,)),
)
SEMINAR_KINDS = (EventKind.SCHOOL_TO_SCHOOL, EventKind.SEMINAR)


def participation_cell(role: str | None, *, nomination: str = "", event_kind: str = "") -> str:
    """The cell of the participation table: «+», «-», «+ (диплом 2 степени)», «организатор»…"""
    if role is None:
        return NO_PARTICIPATION
    if role == ParticipationRole.ORGANIZER:
        return _("organizer")
    if role in DIPLOMA_DEGREES:
        return _("+ (diploma, %(degree)s degree)", degree=DIPLOMA_DEGREES[role])
    if role == ParticipationRole.WINNER:
        if nomination:
            return _("+ (winner in the nomination «%(nomination)s»)", nomination=nomination)
        return _("+ (winner)")
    if role == ParticipationRole.PARTICIPANT and event_kind in PRESENTING_KINDS:
        return _("+ (participation, without sharing experience)")
    return "+"
