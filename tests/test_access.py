"""Every endpoint declares its access rule, and every role gets exactly its scope.

Walks app.url_map: for every route and every role it requests the route with the objects of
every side of tests/world.py (inside the scope, the school next door, the ended assignment, the
other municipality, the other region, another curator's visit, the internal files) and a missing
id. An allowed page must show its object's marker and no private text of a side the role may not
see; a refused POST must change no row (the audit record aside). Anonymous and deactivated users
are sent to sign in.
"""
import html
import io
import zipfile
from collections import Counter

import pytest
from flask import url_for
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.permissions import PUBLIC, SIGNED_IN, access_rule

from tests.conftest import sign_in
from tests.world import PLAIN_ARGUMENTS, build_world

MISSING_ID = 987654321
AUDIT_TABLE = "audit_events"
ROLES = tuple(Role)


def routes(app):
    """(rule, method) of every non-public route: every GET first, then the POSTs, so that an
    allowed POST (a purge, a deletion) cannot hide an object from a later page."""
    rules = [rule for rule in app.url_map.iter_rules()
             if rule.endpoint != "static" and access_rule(rule.endpoint) != PUBLIC]
    for method in ("GET", "POST"):
        for rule in rules:
            if method in rule.methods:
                yield rule, method


def snapshot() -> dict:
    """Every row of every table but the audit record, to prove a denial changed nothing."""
    db.session.expire_all()
    state = {}
    for table in db.metadata.sorted_tables:
        if table.name == AUDIT_TABLE:
            continue
        rows = db.session.execute(select(table)).all()
        state[table.name] = sorted(repr(tuple(row)) for row in rows)
    return state


def object_arguments(rule, source: dict) -> dict | None:
    values = {}
    for name in rule.arguments:
        if name in PLAIN_ARGUMENTS:
            values[name] = PLAIN_ARGUMENTS[name]
        elif name in source:
            values[name] = source[name]
        else:
            return None
    return values


def page_text(response) -> str:
    """What a person receives: the page, a file's bytes, or the text inside a DOCX/XLSX."""
    data = response.get_data()
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            data = b" ".join(archive.read(name) for name in archive.namelist()
                             if name.endswith(".xml"))
    return html.unescape(data.decode("utf-8", "replace"))


def test_every_endpoint_declares_a_rule(app):
    undeclared = [rule.endpoint for rule in app.url_map.iter_rules()
                  if access_rule(rule.endpoint) is None]
    assert undeclared == []


def test_every_url_argument_has_world_objects(app):
    world_keys = set(PLAIN_ARGUMENTS)
    world = build_world()
    world_keys |= set(world.inside)
    unknown = {name for rule in app.url_map.iter_rules() if rule.endpoint != "static"
               for name in rule.arguments} - world_keys
    assert unknown == set(), "add these URL arguments to tests/world.py"


def build_url(app, rule, arguments):
    with app.test_request_context():
        return url_for(rule.endpoint, **arguments)


class Verifier:
    """Requests as one signed-in client and checks each answer; counts what it checked."""

    def __init__(self, app, client, hidden: list[str]):
        self.app, self.client, self.hidden = app, client, hidden
        self.counts = Counter()

    def request(self, method: str, url: str):
        if method == "GET":
            return self.client.get(url)
        return self.client.post(url, data={})

    def denied(self, method, url, statuses, what):
        before = snapshot() if method == "POST" else None
        response = self.request(method, url)
        assert response.status_code in statuses, f"{what}: {method} {url} -> {response.status_code}"
        if before is not None:
            assert snapshot() == before, f"{what}: {method} {url} changed rows"
        self.counts["denied"] += 1
        return response

    def allowed(self, method, url, what, markers: tuple[str, ...] = ()):
        response = self.request(method, url)
        status = response.status_code
        assert status not in (400, 401, 403, 404, 405) and status < 500, \
            f"{what}: {method} {url} -> {status}"
        if status == 302 and method == "GET":
            assert "/login" not in response.location, f"{what}: {method} {url} -> sign in"
        if method == "GET" and status == 200:
            text = page_text(response)
            if markers:
                assert any(marker in text for marker in markers), \
                    f"{what}: {url} shows none of {markers}"
                self.counts["markers"] += 1
            leaked = [secret for secret in self.hidden if secret in text]
            assert leaked == [], f"{what}: {url} shows {leaked}"
        self.counts["allowed"] += 1


def markers_for(rule, side) -> tuple[str, ...]:
    """The texts the page must show (one of): its object's marker; a form may instead name the
    object's school (each side has its own)."""
    found = tuple(side.markers[name] for name in rule.arguments if name in side.markers)[:1]
    if found and "POST" in rule.methods and "school_id" in side.markers:
        found += (side.markers["school_id"],)
    return found


def may(role, side, rule, method) -> bool:
    """Viewing a page needs sight of the side; a form (GET of a GET+POST route) or a POST, edit."""
    edits = method == "POST" or "POST" in rule.methods
    return role in (side.edited_by if edits else side.seen_by)


def check_sides(app, verifier, world, role, rule, method) -> None:
    """Every side but inside: allowed GETs show the side's object; refusals are 404 (403 to
    edit what the role may see). Allowed POSTs are only sent inside, not to change the world."""
    inside = object_arguments(rule, world.inside)
    for side in world.sides.values():
        arguments = object_arguments(rule, side.ids)
        if side.name == "inside" or arguments is None or arguments == inside:
            continue
        url = build_url(app, rule, arguments)
        what = f"{role} on {side.name}"
        if may(role, side, rule, method):
            if method == "GET":
                verifier.allowed(method, url, what, markers_for(rule, side))
        else:
            statuses = {404} if role not in side.seen_by else {403, 404}
            verifier.denied(method, url, statuses, what)


@pytest.mark.parametrize("role", ROLES, ids=str)
def test_every_route_for_every_side(app, role, capsys):
    world = build_world()
    client = app.test_client()
    hidden = [text for side in world.sides.values() if role not in side.seen_by
              for text in side.private]
    verifier = Verifier(app, client, hidden)
    for rule, method in routes(app):
        declared = access_rule(rule.endpoint)
        sign_in(client, world.principals[role])  # afresh: the route before may have signed out
        inside = object_arguments(rule, world.inside)
        assert inside is not None, f"{rule.endpoint}: no world object for {rule.arguments}"
        url = build_url(app, rule, inside)
        if not (declared == SIGNED_IN or role in declared):
            verifier.denied(method, url, {403}, role)
            continue
        check_sides(app, verifier, world, role, rule, method)
        missing = {name: PLAIN_ARGUMENTS.get(name, MISSING_ID) for name in rule.arguments}
        if MISSING_ID in missing.values():
            verifier.denied(method, build_url(app, rule, missing), {404}, f"{role} missing")
        verifier.allowed(method, url, f"{role} inside", markers_for(rule, world.sides["inside"]))
    with capsys.disabled():
        print(f"\naccess {role}: {verifier.counts['denied']} denials, "
              f"{verifier.counts['allowed']} allowed ({verifier.counts['markers']} with marker)")
    assert verifier.counts["denied"] > 50 and verifier.counts["markers"] > 5


def test_anonymous_and_deactivated_are_sent_to_sign_in(app):
    world = build_world()
    clients = {"anonymous": app.test_client()}
    for role in ROLES:
        clients[f"deactivated {role}"] = app.test_client()
        sign_in(clients[f"deactivated {role}"], world.principals[role])
        world.principals[role].is_active = False
    db.session.commit()
    checked = 0
    for rule, method in routes(app):
        url = build_url(app, rule, object_arguments(rule, world.inside))
        before = snapshot() if method == "POST" else None
        for who, client in clients.items():
            response = client.get(url) if method == "GET" else client.post(url, data={})
            assert response.status_code == 302 and "/login" in response.location, \
                f"{who}: {method} {url} -> {response.status_code}"
            checked += 1
        if before is not None:
            assert snapshot() == before, f"{method} {url} changed rows"
    assert checked > 100


def test_posts_without_csrf_token_are_refused(app):
    world = build_world()
    client = app.test_client()
    sign_in(client, world.principals[Role.ADMIN])
    checked = 0
    for rule, method in routes(app):
        if method != "POST":
            continue
        url = build_url(app, rule, object_arguments(rule, world.inside))
        before = snapshot()
        response = client.post(url, data={}, csrf=False)
        assert response.status_code == 400, f"{url} -> {response.status_code}"
        assert snapshot() == before
        checked += 1
    assert checked > 0


@pytest.mark.parametrize("role,visible", [
    (Role.ADMIN, {"in", "near", "out"}), (Role.REGIONAL, {"in", "near"}),
    (Role.COORDINATOR, {"in"}), (Role.CURATOR, {"in"}), (Role.DIRECTOR, {"in"}),
])
def test_school_list_shows_exactly_the_scope(app, client, role, visible):
    from tests import factories
    region = factories.make_region()
    m1, m2 = factories.make_municipality(region), factories.make_municipality(region)
    schools = {"in": factories.make_school(m1, "Школа-внутри"),
               "near": factories.make_school(m2, "Школа-рядом"),
               "out": factories.make_school(factories.make_municipality(), "Школа-снаружи")}
    scope = {Role.REGIONAL: {"region": region}, Role.COORDINATOR: {"municipality": m1},
             Role.DIRECTOR: {"school": schools["in"]}}.get(role, {"region": region})
    user = factories.make_user(role, **scope)
    if role == Role.CURATOR:
        factories.make_assignment(user, schools["in"])
        ended = factories.make_assignment(user, schools["near"])
        from datetime import date
        ended.ends_on = date(2022, 6, 1)
    db.session.commit()
    sign_in(client, user)
    html = client.get("/schools/").text
    shown = {key for key, school in schools.items() if school.short_name in html}
    assert shown == visible
