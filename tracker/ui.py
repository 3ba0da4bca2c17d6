"""What every page needs from the application: role names and the navigation by role."""
from flask import Flask
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from tracker.auth.models import Role
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

# (endpoint, label, roles that see it); features add their entries here.
NAVIGATION = (
    ("home.index", _l("Home"), tuple(Role)),
    ("schools.index", _l("Schools"), tuple(Role)),
    ("network.events", _l("Network and events"), tuple(Role)),
    ("admin.users", _l("Users"), (Role.ADMIN, Role.COORDINATOR)),
    ("admin.references", _l("Reference lists"), (Role.ADMIN,)),
    ("admin.audit", _l("Audit log"), (Role.ADMIN, Role.COORDINATOR)),
)


def nav_items() -> list[tuple[str, str]]:
    if not current_user.is_authenticated:
        return []
    return [(endpoint, label) for endpoint, label, roles in NAVIGATION
            if current_user.role in roles]


def register(app: Flask) -> None:
    app.jinja_env.globals.update(
        nav_items=nav_items, ROLE_LABELS=ROLE_LABELS, ORG_TYPE_LABELS=ORG_TYPE_LABELS, Role=Role,
    )
