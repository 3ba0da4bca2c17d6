"""`flask seed-demo`: load the demo, idempotently, and never over real data."""
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, select

from tracker import storage
from tracker.auth.models import CuratorAssignment, Role, User
from tracker.db import db
from tracker.demo import data
from tracker.demo.models import Installation
from tracker.schools.models import Municipality, Region, ResultCategory, School, SchoolYearStatus

# Bump when the demo content changes: a demo database of an older version is reloaded.
DEMO_VERSION = "2022-h1.13"


class DemoRefused(Exception):
    pass


@dataclass
class DemoContext:
    """What loaders have created so far, for the loaders after them."""

    region: Region | None = None
    municipality: Municipality | None = None
    schools: dict[str, School] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    risk_directions: dict = field(default_factory=dict)


def load_demo() -> str:
    """Load (or reload an older version of) the demo and commit; refuse any other database."""
    marker = db.session.scalar(select(Installation))
    if marker is None:
        if _has_any_data():
            raise DemoRefused("The database holds data that is not the demo: nothing was changed.")
        _build()
        db.session.commit()
        return "Demo loaded."
    if marker.kind != "demo" or not _only_demo_accounts():
        raise DemoRefused("The database is not a demo database: nothing was changed.")
    if marker.data_version == DEMO_VERSION:
        return "Demo already loaded: nothing changed."
    old_files = stored_files()
    _wipe()
    _build()
    db.session.commit()
    for stored_name in old_files:  # only once the rows that named them are gone for good
        storage.delete(stored_name)
    return "Demo reloaded (its content has changed)."


def stored_files() -> list[str]:
    """The uploaded files the database refers to: every table's `stored_name` column."""
    names = []
    for table in db.metadata.sorted_tables:
        if "stored_name" in table.c:
            names.extend(db.session.scalars(
                select(table.c.stored_name).where(table.c.stored_name.is_not(None))))
    return names


def _has_any_data() -> bool:
    return any(db.session.scalar(select(func.count()).select_from(model)) for model in
               (User, Region, School))


def _only_demo_accounts() -> bool:
    logins = set(db.session.scalars(select(User.login)))
    return logins <= {login for login, _name, _role in data.ACCOUNTS}


def _wipe() -> None:
    for table in reversed(db.metadata.sorted_tables):
        db.session.execute(delete(table))
    db.session.expunge_all()  # the objects of the deleted rows are gone too


def _build() -> None:
    context = DemoContext()
    for loader in loaders():
        loader(context)
        db.session.flush()
    db.session.add(Installation(kind="demo", data_version=DEMO_VERSION))


def load_geography(context: DemoContext) -> None:
    region = Region(name=data.REGION)
    categories = {name: ResultCategory(region=region, name=name, position=i)
                  for i, name in enumerate(data.CATEGORIES, start=1)}
    context.region = region
    context.municipality = Municipality(region=region, name=data.MUNICIPALITY)
    other = Municipality(region=region, name=data.OTHER_MUNICIPALITY)
    db.session.add_all([region, context.municipality, other, *categories.values()])
    for municipality, rows in ((context.municipality, data.SCHOOLS), (other, data.OTHER_SCHOOLS)):
        for short_name, legal_form, full_name, category, in_500 in rows:
            school = School(municipality=municipality, short_name=short_name,
                            legal_form=legal_form, full_name=full_name, org_type="oo")
            if category:
                school.year_statuses.append(SchoolYearStatus(
                    year=data.YEAR, category=categories[category], is_project_500=in_500))
            context.schools[short_name] = school
            db.session.add(school)


def load_accounts(context: DemoContext) -> None:
    scope = {
        Role.REGIONAL: {"region": context.region},
        Role.COORDINATOR: {"region": context.region, "municipality": context.municipality},
        Role.CURATOR: {"region": context.region, "municipality": context.municipality},
        Role.DIRECTOR: {"region": context.region, "municipality": context.municipality,
                        "school": context.schools[data.DIRECTOR_SCHOOL]},
    }
    for login, full_name, role in data.ACCOUNTS:
        user = User(login=login, full_name=full_name, role=role, **scope.get(role, {}))
        user.set_password(data.DEMO_PASSWORD)
        context.users[login] = user
        db.session.add(user)
    for short_name, *_rest, in_500 in data.SCHOOLS:
        if in_500:
            db.session.add(CuratorAssignment(curator=context.users["curator"],
                                             school=context.schools[short_name],
                                             starts_on=date(data.YEAR, 1, 10)))


def loaders() -> list:
    """Every feature's demo loader, in dependency order (imported here: features import us)."""
    from tracker.indicators.demo import load_indicators
    from tracker.network.demo import load as load_network
    from tracker.programs.demo import load_programs
    from tracker.reports.demo import load_narrative
    from tracker.risks.demo import load_risks
    from tracker.teachers.demo import load_teachers
    from tracker.visits.demo import load_visits
    return [load_geography, load_accounts, load_risks, load_programs, load_teachers,
            load_visits, load_network, load_indicators, load_narrative]
