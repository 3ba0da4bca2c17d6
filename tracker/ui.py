"""What every page needs from the application: role names and the navigation by role."""
from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_login import current_user

from datetime import date

from tracker.auth.models import Role
from tracker.indicators.calculations import Status
from tracker.periods import HalfYear
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

FIRST_PERIOD = HalfYear(2020, 1)  # the federal project «500+» started in 2020


def period_choices(selected: HalfYear) -> list[HalfYear]:
    """Half-years from the start of the program to now (or the selected one), newest first."""
    last = max(selected, HalfYear.containing(date.today()))
    periods = [last]
    while periods[-1] > FIRST_PERIOD:
        periods.append(periods[-1].previous())
    return periods


# (endpoint, label, roles that see it); features add their entries here.
NAVIGATION = (
    ("home.index", _l("Home"), tuple(Role)),
    ("schools.index", _l("Schools"), tuple(Role)),
    ("indicators.index", _l("Indicators"), tuple(Role)),
    ("visits.index", _l("Visits"), tuple(Role)),
    ("visits.coverage_page", _l("Coverage"), (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)),
    ("teachers.index", _l("Teachers"), tuple(Role)),
    ("teachers.courses", _l("Courses"), tuple(Role)),
    ("network.events", _l("Network and events"), tuple(Role)),
    ("programs.queue", _l("My queue"), (Role.ADMIN, Role.CURATOR, Role.DIRECTOR)),
    ("programs.index", _l("Programs"), tuple(Role)),
    ("risks.heatmap", _l("Risk map"), (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR, Role.CURATOR)),
    ("programs.pipeline", _l("Pipeline"), (Role.ADMIN, Role.REGIONAL, Role.COORDINATOR)),
    ("reports.index", lazy_pgettext("navigation", "Report"), tuple(Role)),
    ("admin.users", _l("Users"), (Role.ADMIN, Role.COORDINATOR)),
    ("admin.references", _l("Reference lists"), (Role.ADMIN,)),
    ("teachers.domains", _l("Deficit domains"), (Role.ADMIN,)),
    ("admin.audit", _l("Audit log"), (Role.ADMIN, Role.COORDINATOR)),
    ("risks.directions", _l("Risk directions"), (Role.ADMIN,)),
)


def nav_items() -> list[tuple[str, str]]:
    if not current_user.is_authenticated:
        return []
    return [(endpoint, label) for endpoint, label, roles in NAVIGATION
            if current_user.role in roles]


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        nav_items=nav_items, ROLE_LABELS=ROLE_LABELS, ORG_TYPE_LABELS=ORG_TYPE_LABELS, Role=Role,
        STATUS_LABELS=STATUS_LABELS, PERIOD_CHOICES=period_choices,
    )
