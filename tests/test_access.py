"""Every endpoint declares its access rule, and every role gets exactly its scope.

Walks app.url_map: for every route and every principal (each role, anonymous, a deactivated
user) it requests the route with an object inside the scope, one outside it and a missing id,
and checks the answer. A denied request must change no row (the audit record aside).
"""
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
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
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


class Verifier:
    def __init__(self, app):
        self.app = app
        self.counts = Counter()

    def request(self, client, method: str, url: str):
        if method == "GET":
            return client.get(url)
        return client.post(url, data={})

    def expect_denied(self, client, method, url, statuses, what):
        before = snapshot()
        response = self.request(client, method, url)
        assert response.status_code in statuses, f"{what}: {method} {url} -> {response.status_code}"
        assert snapshot() == before, f"{what}: {method} {url} changed rows"
        self.counts["denied"] += 1
        return response

    def expect_allowed(self, client, method, url, what):
        response = self.request(client, method, url)
        assert response.status_code not in (401, 403, 404, 405, 500), \
            f"{what}: {method} {url} -> {response.status_code}"
        self.counts["allowed"] += 1


def build_url(app, rule, arguments):
    with app.test_request_context():
        return url_for(rule.endpoint, **arguments)


def test_every_role_against_every_route(app, capsys):
    world = build_world()
    verifier = Verifier(app)
    for rule, method in routes(app):
        declared = access_rule(rule.endpoint)
        if declared == PUBLIC:
            continue
        inside = object_arguments(rule, world.inside)
        outside = object_arguments(rule, world.outside)
        missing = ({name: PLAIN_ARGUMENTS.get(name, MISSING_ID) for name in rule.arguments}
                   if rule.arguments else None)
        assert inside is not None, f"{rule.endpoint}: no world object for {rule.arguments}"

        # anonymous and deactivated: always sent to sign in, nothing changes
        anonymous = app.test_client()
        url = build_url(app, rule, inside)
        response = verifier.expect_denied(anonymous, method, url, {302}, "anonymous")
        assert "/login" in response.location
        for role in ROLES:
            client = app.test_client()
            user = world.principals[role]
            sign_in(client, user)
            user.is_active = False
            db.session.commit()
            response = verifier.expect_denied(client, method, url, {302}, f"deactivated {role}")
            assert "/login" in response.location
            user.is_active = True
            db.session.commit()

        for role in ROLES:
            client = app.test_client()
            sign_in(client, world.principals[role])
            gate_open = declared == SIGNED_IN or role in declared
            if not gate_open:
                verifier.expect_denied(client, method, url, {403}, role)
                continue
            if outside is not None and role != Role.ADMIN and outside != inside:
                verifier.expect_denied(client, method, build_url(app, rule, outside), {404},
                                       f"{role} outside")
            if missing is not None and any(v == MISSING_ID for v in missing.values()):
                verifier.expect_denied(client, method, build_url(app, rule, missing), {404},
                                       f"{role} missing")
            verifier.expect_allowed(client, method, url, f"{role} inside")
    with capsys.disabled():
        print(f"\naccess: {verifier.counts['denied']} denials verified, "
              f"{verifier.counts['allowed']} allowed requests checked")
    assert verifier.counts["denied"] > 100


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
