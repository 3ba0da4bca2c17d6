"""Racing writes over real connections: every loser sees the conflict, nothing is lost.

Rounds of racers each read the same version of one school's form, then post it at once. At most
one racer of a round may save; the others get the stale-edit screen with their input kept. A
second save from the same version would be a lost update. Sign-ins of one account at once all
succeed (the sign-in time is not a versioned edit), and racing creations of one name end in
one school and field messages.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher
from sqlalchemy import func, select

from tracker.auth.models import Role, User
from tracker.db import db
from tracker.schools.models import School

from tests import factories
from tests.robustness.live import Browser, form_values, serving

ROUNDS, RACERS = 20, 10  # 200 racing saves
SIGN_INS = 50
CREATORS = 10
STALE = "Запись изменена другим пользователем"
# The race is under test, not the hash: accounts here get a cheap one (verifying it takes a
# fraction of the default's time), so fifty sign-ins stay cheap on a small machine.
CHEAP_HASH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash(factories.PASSWORD)


def _account(role, **scope) -> User:
    user = factories.make_user(role, **scope)
    user.password_hash = CHEAP_HASH
    return user


def _race(count: int, action) -> list:
    """Run action(i) in `count` threads released together; their answers in order."""
    start = threading.Barrier(count)

    def run(i):
        start.wait()
        return action(i)
    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(run, range(count)))


def _coordinator_school():
    municipality = factories.make_municipality()
    school = factories.make_school(municipality)
    coordinator = _account(Role.COORDINATOR, municipality=municipality)
    db.session.commit()
    return school.id, coordinator.login


def test_racing_saves_of_one_record_lose_nothing_and_never_fail(served_app, figures):
    school_id, login = _coordinator_school()
    edit = f"/schools/{school_id}/edit"
    saved, conflicts, errors, lost, other = 0, 0, 0, 0, []
    with serving(served_app) as base:
        racers = [Browser(base) for _ in range(RACERS)]
        for racer in racers:
            assert racer.sign_in(login).status == 302
        forms = [form_values(racer.get(edit).text) for racer in racers]
        for round_no in range(ROUNDS):
            version = str(int(forms[0]["version"]) + round_no)  # what every racer has just read

            def save(i, round_no=round_no, version=version):
                typed = f"Гонка {round_no}-{i}"
                answer = racers[i].post(edit, {**forms[i], "version": version, "short_name": typed})
                return typed, answer
            answers = _race(RACERS, save)
            winners = [typed for typed, answer in answers if answer.status == 302]
            for typed, answer in answers:
                if answer.status == 200 and STALE in answer.text and typed in answer.text:
                    conflicts += 1
                elif answer.status >= 500:
                    errors += 1
                elif answer.status != 302:
                    other.append(answer.status)
            saved += len(winners)
            db.session.rollback()
            stored = db.session.get(School, school_id)
            lost += max(len(winners) - 1, 0) + (bool(winners) and stored.short_name != winners[0])
    figures("racing saves", races=ROUNDS * RACERS, rounds=ROUNDS, saved=saved,
            conflicts_shown=conflicts, lost_updates=lost, server_errors=errors)
    assert errors == 0 and lost == 0 and not other
    assert saved == ROUNDS and conflicts == ROUNDS * (RACERS - 1)
    assert db.session.get(School, school_id).version == 1 + ROUNDS


def test_simultaneous_sign_ins_of_one_account_all_succeed(served_app, figures):
    user = _account(Role.ADMIN)
    db.session.commit()
    login, version = user.login, user.version
    with serving(served_app) as base:
        browsers = [Browser(base) for _ in range(SIGN_INS)]
        pages = [browser.get("/login") for browser in browsers]
        assert all(page.status == 200 for page in pages)
        answers = _race(SIGN_INS, lambda i: browsers[i].sign_in(login))
    statuses = [answer.status for answer in answers]
    errors = sum(status >= 500 for status in statuses)
    figures("simultaneous sign-ins", sign_ins=SIGN_INS, signed_in=statuses.count(302),
            server_errors=errors)
    assert errors == 0 and statuses.count(302) == SIGN_INS
    db.session.rollback()
    stored = db.session.get(User, user.id)
    assert stored.version == version and stored.last_login_at is not None


def test_racing_creations_of_one_name_make_one_school(served_app, figures):
    municipality = factories.make_municipality()
    factories.make_school(municipality)  # the form needs a legal form to choose
    coordinator = _account(Role.COORDINATOR, municipality=municipality)
    db.session.commit()
    with serving(served_app) as base:
        browsers = [Browser(base) for _ in range(CREATORS)]
        for browser in browsers:
            assert browser.sign_in(coordinator.login).status == 302
        forms = [form_values(browser.get("/schools/new").text) for browser in browsers]
        name = "МБОУ «Гонка»"
        answers = _race(CREATORS, lambda i: browsers[i].post(
            "/schools/new", {**forms[i], "short_name": name, "full_name": f"Школа {i}"}))
    statuses = [answer.status for answer in answers]
    errors = sum(status >= 500 for status in statuses)
    refused = [answer for answer in answers if answer.status == 200]
    figures("racing creations", races=CREATORS, created=statuses.count(302),
            server_errors=errors)
    assert errors == 0 and statuses.count(302) == 1
    assert all(name in answer.text for answer in refused) and len(refused) == CREATORS - 1
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(School).where(
        School.short_name == name)) == 1
