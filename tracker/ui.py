"""What every page needs from the application: role names and the navigation by role."""
from dataclasses import dataclass

from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_login import current_user

from tracker.auth.models import Role
from tracker.indicators.calculations import Status
from tracker.periods import Period, grouped_choices, label_of
from tracker.schools.models import OrgType

ROLE_LABELS = {
    Role.ADMIN: _l("Administrator"),
    Role.REGIONAL: _l("Regional coordinator"),
    Role.COORDINATOR: _l("Municipal coordinator"),
    Role.CURATOR: _l("Curator"),
    Role.DIRECTOR: _l("School director"),
}

ORG_TYPE_LABELS = {
    OrgType.SCHOOL: _l("General school (ОО)"),
    OrgType.PRESCHOOL: _l("Preschool (ДОО)"),
    OrgType.ADDITIONAL: _l("Additional education (УДО)"),
}

STATUS_LABELS = {
    Status.ACHIEVED: _l("achieved"),
    Status.NOT_ACHIEVED: _l("not achieved"),
    Status.EXPECTED: _l("expected"),
    Status.NO_TARGET: _l("no target"),
    Status.NO_DATA: _l("no data"),
}

def period_groups(selected: Period, periodicities=None) -> list[tuple[str, list[Period]]]:
    """The choices of a page's period selector: the selected period's kind, or the listed kinds
    (the selected one is always offered, even when it lies ahead)."""
    kinds = tuple(periodicities or (selected.periodicity,))
    return grouped_choices(kinds, until=selected)


ALL = tuple(Role)
MANAGERS = (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)


@dataclass(frozen=True)
class NavLink:
    endpoint: str
    label: str
    roles: tuple[Role, ...] = ALL


@dataclass(frozen=True)
class NavGroup:
    """A dropdown of the main menu; shown as a plain link when only one entry is visible."""

    label: str
    links: tuple[NavLink, ...]


# The main menu by role; features add their entries here.
NAVIGATION: tuple[NavLink | NavGroup, ...] = (
    NavLink("home.index", _l("Home")),
    NavLink("indicators.index", _l("Indicators")),
    NavLink("reports.index", lazy_pgettext("navigation", "Report")),
    NavGroup(lazy_pgettext("menu", "Schools"), (
        NavLink("schools.index", _l("Schools")),
        NavLink("risks.heatmap", _l("Risk map"), MANAGERS + (Role.CURATOR,)),
    )),
    NavGroup(lazy_pgettext("menu", "Programs"), (
        NavLink("programs.index", _l("Programs")),
        NavLink("programs.queue", _l("My queue"), (Role.ADMIN, Role.CURATOR, Role.DIRECTOR)),
        NavLink("programs.pipeline", _l("Pipeline"), MANAGERS),
        NavLink("addressed.index", _l("Recommendations of the region"),
                (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)),
    )),
    NavGroup(lazy_pgettext("menu", "Visits"), (
        NavLink("visits.index", _l("Visits")),
        NavLink("visits.coverage_page", _l("Coverage"), MANAGERS),
    )),
    NavGroup(lazy_pgettext("menu", "Teachers"), (
        NavLink("teachers.index", _l("Teachers")),
        NavLink("teachers.courses", _l("Courses")),
    )),
    NavLink("network.events", lazy_pgettext("menu", "Network")),
    NavGroup(lazy_pgettext("menu", "Administration"), (
        NavLink("admin.users", _l("Users"), (Role.ADMIN, Role.COORDINATOR)),
        NavLink("admin.audit", _l("Audit log"), (Role.ADMIN, Role.COORDINATOR)),
        NavLink("admin.references", _l("Reference lists"), (Role.ADMIN,)),
        NavLink("risks.directions", _l("Risk directions"), (Role.ADMIN,)),
        NavLink("teachers.domains", _l("Deficit domains"), (Role.ADMIN,)),
    )),
)


def nav_items(role: Role | None = None) -> list[NavLink | NavGroup]:
    """The menu entries the role sees: groups keep their visible links, a lone link stands alone."""
    if role is None:
        if not current_user.is_authenticated:
            return []
        role = current_user.role
    items: list[NavLink | NavGroup] = []
    for entry in NAVIGATION:
        if isinstance(entry, NavLink):
            if role in entry.roles:
                items.append(entry)
            continue
        links = tuple(link for link in entry.links if role in link.roles)
        if len(links) == 1:
            items.append(links[0])
        elif links:
            items.append(NavGroup(entry.label, links))
    return items


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        nav_items=nav_items, ROLE_LABELS=ROLE_LABELS, ORG_TYPE_LABELS=ORG_TYPE_LABELS, Role=Role,
        STATUS_LABELS=STATUS_LABELS, PERIOD_GROUPS=period_groups,
    )
    app.jinja_env.filters["period"] = label_of  # «1 полугодие 2022» for a stored 2022-H1
