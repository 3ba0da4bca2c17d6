"""Fuzz every form and query parameter of app.url_map as each role, on the engine under test.

Seeded (FUZZ_SEED), bounded (FUZZ_INPUTS hostile values per engine): the same run every time,
cheap enough for CI. Every answer must be below 500; the figures and any failure are printed.
"""
import os
import random
import re
import time
from collections import Counter

from flask import url_for

from tracker.auth.models import Role
from tracker.db import db
from tracker.permissions import PUBLIC, access_rule

from tests.conftest import sign_in
from tests.robustness.fuzz import (DESTRUCTIVE, QUERY_NAMES, forms_on, mutate, shown,
                                   split_url)
from tests.world import PLAIN_ARGUMENTS, build_world

SEED = int(os.environ.get("FUZZ_SEED", "500"))
INPUTS = int(os.environ.get("FUZZ_INPUTS", "10500"))
ROLES = (None, Role.DIRECTOR, Role.CURATOR, Role.COORDINATOR, Role.ADMIN)
BIG_IDS = (2**31, 2**63, 10**30)
SKIPPED_FIELDS = {"csrf_token"}
DOWNLOAD = re.compile(r"\.(docx|xlsx|csv|pdf|zip)$")


def page_urls(app, ids: dict, *, public: bool) -> list[tuple[str, str]]:
    """(endpoint, URL) of every GET page with the world's objects for its arguments."""
    urls = []
    with app.test_request_context():
        for rule in app.url_map.iter_rules():
            if rule.endpoint == "static" or "GET" not in rule.methods:
                continue
            if (access_rule(rule.endpoint) == PUBLIC) != public:
                continue
            values = {name: PLAIN_ARGUMENTS.get(name, ids.get(name)) for name in rule.arguments}
            if None not in values.values():
                urls.append((rule.endpoint, url_for(rule.endpoint, **values)))
                for name in rule.arguments - set(PLAIN_ARGUMENTS):
                    if rule._converters[name].__class__.__name__.endswith("IntegerConverter"):
                        urls += [(rule.endpoint, url_for(rule.endpoint, **{**values, name: big}))
                                 for big in BIG_IDS]
    return urls


class Fuzzer:
    def __init__(self, app, rng):
        self.app, self.rng = app, rng
        self.inputs = self.requests = 0
        self.statuses = Counter()
        self.failures: list[str] = []
        self.seconds = Counter()

    def send(self, client, method, path, data, what):
        """The response, or None after a server error (recorded)."""
        self.requests += 1
        response = None
        started = time.perf_counter()
        try:
            if method == "GET":
                response = client.get(path, query_string=data)
            else:
                response = client.post(path, data=data, csrf=False)
            status = response.status_code
        except Exception as error:  # noqa: BLE001  a server error, reported below
            db.session.rollback()
            status = 500
            what = f"{what}: {type(error).__name__}: {str(error).splitlines()[0][:160]}"
        self.seconds[f"{method} {path}"] += time.perf_counter() - started
        self.statuses[status // 100 * 100] += 1
        if status >= 500:
            self.failures.append(f"{status} {method} {path} {what}")
            return None
        return response

    def targets(self, client, pages):
        """GET pages with their query names, and every form found on them (POSTs last)."""
        gets, posts, seen = [], [], set()
        for endpoint, url in pages:
            if DOWNLOAD.search(url):  # no forms in a file; its filters are its page's
                continue
            response = self.send(client, "GET", url, {}, "the page itself")
            path, query = split_url(url)
            names = set(QUERY_NAMES)
            text = response.get_data(as_text=True) \
                if response is not None and response.mimetype == "text/html" else ""
            for form in forms_on(url, text):
                form_path, form_query = split_url(form.action)
                if form.method == "GET":
                    names |= set(form.fields)
                    continue
                key = (form_path, tuple(sorted(form.fields)))
                names_to_fuzz = sorted(set(form.fields) - SKIPPED_FIELDS)
                if key in seen or not names_to_fuzz or not form_path.startswith("/"):
                    continue
                seen.add(key)
                posts.append(("POST", form_path, form.fields, form.choices, names_to_fuzz))
            gets.append(("GET", path, query, {}, sorted(names)))
            del endpoint
        posts.sort(key=lambda target: bool(DESTRUCTIVE.search(target[1])))
        return gets + posts

    def run(self, client, targets, budget: int) -> None:
        start = self.inputs
        while self.inputs - start < budget and targets:
            for method, path, values, choices, names in targets:
                data, changed = mutate(self.rng, values, choices, names)
                self.inputs += len(changed)
                what = ", ".join(f"{name}={shown(value)}" for name, value in changed)
                self.send(client, method, path, data, what)
                if self.inputs - start >= budget:
                    return


def test_fuzz_every_form_and_query_parameter(app, figures, capsys):
    world = build_world()
    fuzzer = Fuzzer(app, random.Random(SEED))
    per_role = INPUTS // len(ROLES)
    forms = 0
    for role in ROLES:
        client = app.test_client()
        if role is not None:
            sign_in(client, world.principals[role])
        pages = page_urls(app, world.inside, public=role is None)
        targets = fuzzer.targets(client, pages)
        forms += len(targets)
        fuzzer.run(client, targets, per_role)
        db.session.rollback()
    figures("fuzz", inputs_tried=fuzzer.inputs, requests=fuzzer.requests, targets=forms,
            answers=dict(sorted(fuzzer.statuses.items())), server_errors=len(fuzzer.failures))
    with capsys.disabled():
        if os.environ.get("FUZZ_PROFILE"):
            for path, seconds in fuzzer.seconds.most_common(25):
                print(f"  {seconds:6.1f} s {path}")
        for failure in fuzzer.failures[:40]:
            print("  5xx:", failure)
    assert fuzzer.inputs >= INPUTS - len(ROLES)
    assert fuzzer.failures == []
