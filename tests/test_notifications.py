"""Notifications: made with the change that caused them, seen only by their recipient, read,
counted by the bell, copied by e-mail through a real local SMTP server after the commit, and
the daily `flask notify due` run that sends each notification once."""
import logging
import socket
from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import func, select

from tracker.audit import AuditEvent
from tracker.auth.models import Role, User
from tracker.db import db
from tracker.notifications import services
from tracker.notifications.models import Notification, NotificationKind
from tracker.urls import Link

from tests import factories, program_factories
from tests.conftest import sign_in
from tests.servers import free_ports

COMMENT = "Нет подписи директора"


@pytest.fixture
def school(app):
    """A school with its curator, two active directors (one with an address), a former
    director, a director next door, and one evidence item waiting for the curator."""
    school = factories.make_school(short_name="МБОУ «СОШ № 7»")
    curator = factories.make_user(Role.CURATOR, region=school.municipality.region)
    factories.make_assignment(curator, school)
    director = factories.make_user(Role.DIRECTOR, school=school)
    director.email = "petrova@irk.ru"
    deputy = factories.make_user(Role.DIRECTOR, school=school)
    former = factories.make_user(Role.DIRECTOR, school=school, is_active=False)
    neighbour = factories.make_user(Role.DIRECTOR, school=factories.make_school(
        school.municipality))
    program = program_factories.make_program(school, program_factories.make_direction())
    measure = program_factories.make_measure(program, title="Педсовет по итогам ВПР")
    evidence = program_factories.make_evidence(measure, director, name="Протокол.pdf")
    db.session.commit()
    return dict(school=school, curator=curator, director=director, deputy=deputy,
                former=former, neighbour=neighbour, measure=measure, evidence=evidence)


def notifications_of(user) -> list[Notification]:
    db.session.expire_all()
    return list(db.session.scalars(select(Notification).where(Notification.user_id == user.id)))


def return_evidence(client, world, comment=COMMENT):
    sign_in(client, world["curator"])
    return client.post(f"/programs/evidence/{world['evidence'].id}/verdict",
                       data={"verdict": "needs_work", "comment": comment})


def use_smtp(monkeypatch, app, port: int, **settings) -> None:
    monkeypatch.setitem(app.config, "MAIL_SERVER", "127.0.0.1")
    monkeypatch.setitem(app.config, "MAIL_PORT", port)
    monkeypatch.setitem(app.config, "MAIL_FROM", "tracker@irk.ru")
    for key, value in settings.items():
        monkeypatch.setitem(app.config, key, value)


# --- made with the change ------------------------------------------------------------------

def test_returned_evidence_notifies_the_schools_active_directors(client, school):
    assert return_evidence(client, school).status_code == 302
    for person in ("director", "deputy"):
        [row] = notifications_of(school[person])
        assert row.kind == NotificationKind.EVIDENCE_RETURNED
        assert (row.link_endpoint, row.link_args) == ("programs.measure",
                                                       {"measure_id": school["measure"].id})
        text = row.text()
        assert "Педсовет по итогам ВПР" in text and COMMENT in text and "Протокол.pdf" in text
    for person in ("former", "neighbour", "curator"):
        assert notifications_of(school[person]) == []


def test_a_refused_or_accepting_verdict_notifies_nobody(client, school):
    assert return_evidence(client, school, comment="").status_code == 422
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0
    client.post(f"/programs/evidence/{school['evidence'].id}/verdict",
                data={"verdict": "accepted"})
    db.session.expire_all()
    assert school["evidence"].verdict == "accepted"
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0


def test_an_answered_recommendation_notifies_the_visits_curator(client, school):
    visit = factories.make_visit(school["school"], school["curator"])
    item = factories.make_recommendation(visit, text="Провести педсовет")
    db.session.commit()
    sign_in(client, school["director"])
    response = client.post(f"/visits/recommendations/{item.id}/answer",
                           data={"version": item.version, "text": "Педсовет проведён 12.04"})
    assert response.status_code == 302
    [row] = notifications_of(school["curator"])
    assert row.kind == NotificationKind.RECOMMENDATION_ANSWERED
    assert "Педсовет проведён 12.04" in row.text() and "МБОУ «СОШ № 7»" in row.text()
    assert notifications_of(school["director"]) == []


# --- seen by the recipient only, read, counted ----------------------------------------------

def test_only_the_recipient_sees_and_opens_a_notification(client, school):
    return_evidence(client, school)
    [row] = notifications_of(school["director"])
    sign_in(client, school["neighbour"])
    assert COMMENT not in client.get("/notifications/").text
    for action in ("open", "read"):
        assert client.post(f"/notifications/{action}",
                           data={"notification": row.id}).status_code == 404
    assert notifications_of(school["director"])[0].read_at is None
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "denied", AuditEvent.object_type == "Notification")) == 2

    sign_in(client, school["director"])
    page = client.get("/notifications/").text
    assert COMMENT in page and "Отметить прочитанным" in page
    response = client.post("/notifications/open", data={"notification": row.id})
    assert response.status_code == 302
    assert response.location.endswith(f"/programs/measures/{school['measure'].id}")
    assert notifications_of(school["director"])[0].read_at is not None
    reads = select(func.count()).select_from(AuditEvent).where(
        AuditEvent.object_type == "Notification", AuditEvent.action == "update")
    assert db.session.scalar(reads) == 0  # reading one's own is not a change to audit


def bell(client) -> str:
    from lxml import html
    [link] = html.fromstring(client.get("/").text).xpath('//a[@data-testid="bell"]')
    return link.get("aria-label")


def test_the_bell_counts_unread_and_marking_read_lowers_it(client, school):
    user = school["director"]
    link = Link("programs.measure", measure_id=school["measure"].id)
    rows = [services.notify([user], NotificationKind.EVIDENCE_RETURNED, link=link,
                            school="A", measure=f"М{i}", evidence="e", comment="c")[0]
            for i in range(3)]
    db.session.commit()
    sign_in(client, user)
    assert bell(client) == "Уведомления: 3 непрочитанных"
    assert client.post("/notifications/read", data={"notification": rows[0].id}
                       ).status_code == 302
    assert bell(client) == "Уведомления: 2 непрочитанных"
    client.post("/notifications/read", data={"notification": rows[1].id})
    assert bell(client) == "Уведомления: 1 непрочитанное"
    response = client.post("/notifications/read-all", follow_redirects=True)
    assert "1 уведомление отмечено прочитанным." in response.text
    assert bell(client) == "Уведомления: непрочитанных нет"
    assert "Отметить все прочитанными" not in client.get("/notifications/").text


def test_the_list_is_newest_first_and_paginated(client, app, school):
    user = school["curator"]
    link = Link("visits.index")
    for i in range(app.config["PAGE_SIZE"] + 2):
        services.notify([user], "recommendation_answered", link=link, school=f"Школа {i:02}",
                        recommendation="р", answer="о")
        db.session.commit()
    sign_in(client, user)
    first = client.get("/notifications/").text
    last = app.config["PAGE_SIZE"] + 1
    assert first.index(f"Школа {last:02}") < first.index(f"Школа {last - 1:02}")
    assert "Школа 01" not in first
    second = client.get("/notifications/?page=2").text
    assert "Школа 01" in second and "Школа 00" in second and f"Школа {last:02}" not in second


def test_texts_follow_the_page_language_and_survive_missing_parameters(app, school):
    [row] = services.notify([school["curator"]], "deadline_soon", link=Link("home.index"),
                            municipality="Усть-Илимск", period="2022, I полугодие",
                            deadline_on=date(2022, 7, 15))
    assert row.text() == "Усть-Илимск, 2022, I полугодие: данные нужно представить до 15.07.2022"
    with force_locale("en"):
        assert row.text() == "Усть-Илимск, 2022, I полугодие: the figures are due on 15.07.2022"
    row.params = {}
    assert row.text() == "—, —: данные нужно представить до —"
    row.kind = "something_removed"
    assert row.text() == "В трекере произошли изменения."


# --- e-mail copies through a real SMTP server -----------------------------------------------

def test_an_email_copy_arrives_in_russian_after_the_commit(client, app, school, smtp_server,
                                                           monkeypatch):
    use_smtp(monkeypatch, app, smtp_server.port)
    with client.session_transaction() as stored:
        stored["lang"] = "en"  # the curator reads English; the director's letter is Russian
    assert return_evidence(client, school).status_code == 302
    [letter] = smtp_server.messages  # the deputy has no address
    assert letter["To"] == "petrova@irk.ru" and letter["From"] == "tracker@irk.ru"
    assert letter["Subject"] == "Трекер 500+: Документ возвращён на доработку"
    body = letter.get_content()
    assert COMMENT in body and "куратор вернул документ «Протокол.pdf»" in body
    assert f"http://localhost/programs/measures/{school['measure'].id}" in body


def test_no_letter_leaves_for_a_change_rolled_back(app, school, smtp_server, monkeypatch):
    use_smtp(monkeypatch, app, smtp_server.port)
    services.notify([school["director"]], "period_approved", link=Link("home.index"),
                    municipality="М", period="П")
    db.session.rollback()
    db.session.commit()
    assert smtp_server.messages == []
    assert notifications_of(school["director"]) == []


def test_smtp_down_keeps_the_notification_and_the_request(client, app, school, monkeypatch,
                                                          caplog):
    use_smtp(monkeypatch, app, free_ports(1)[0])  # nothing listens there
    with caplog.at_level(logging.ERROR, logger="tracker.notifications.mail"):
        assert return_evidence(client, school).status_code == 302
    assert len(notifications_of(school["director"])) == 1
    assert "notification e-mail not sent" in caplog.text


def test_a_silent_smtp_server_times_out(client, app, school, monkeypatch, caplog):
    with socket.socket() as silent:  # accepts connections, never greets
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        use_smtp(monkeypatch, app, silent.getsockname()[1], MAIL_TIMEOUT=0.2)
        with caplog.at_level(logging.ERROR, logger="tracker.notifications.mail"):
            assert return_evidence(client, school).status_code == 302
    assert len(notifications_of(school["director"])) == 1
    assert "timed out" in caplog.text


# --- notifications that fall due on a day ---------------------------------------------------

@pytest.fixture
def due_provider(school, monkeypatch):
    """A provider defined here: the school's directors are told on 2022-07-08 only."""
    monkeypatch.setattr(services, "DUE_PROVIDERS", [])

    @services.due_notifications
    def deadline_in_seven_days(day):
        if day == date(2022, 7, 8):
            directors = db.session.scalars(select(User).where(
                User.school_id == school["school"].id, User.role == Role.DIRECTOR))
            yield (directors, NotificationKind.DEADLINE_SOON, Link("home.index"),
                   {"municipality": "Усть-Илимск", "period": "2022, I полугодие",
                    "deadline_on": date(2022, 7, 15)})
    return school


def test_notify_due_twice_on_one_day_sends_once(app, runner, due_provider, smtp_server,
                                                monkeypatch):
    use_smtp(monkeypatch, app, smtp_server.port, PUBLIC_URL="https://tracker.irk.ru/")
    first = runner.invoke(args=["notify", "due", "--date", "2022-07-08"])
    assert first.exit_code == 0 and "2 notification(s) for 2022-07-08" in first.output
    again = runner.invoke(args=["notify", "due", "--date", "2022-07-08"])
    assert again.exit_code == 0 and "0 notification(s)" in again.output
    other_day = runner.invoke(args=["notify", "due", "--date", "2022-07-09"])
    assert "0 notification(s)" in other_day.output
    assert [len(notifications_of(due_provider[p])) for p in ("director", "deputy", "former")
            ] == [1, 1, 0]
    [letter] = smtp_server.messages
    assert "данные нужно представить до 15.07.2022" in letter.get_content()
    assert "https://tracker.irk.ru/" in letter.get_content()


def test_notify_due_refuses_a_bad_date(runner, due_provider):
    result = runner.invoke(args=["notify", "due", "--date", "2022-13-01"])
    assert result.exit_code == 2
    assert db.session.scalar(select(func.count()).select_from(Notification)) == 0


# --- the address notifications go to ---------------------------------------------------------

def test_an_invalid_email_is_refused_naming_the_field(client, login_as):
    school = factories.make_school()
    login_as(Role.COORDINATOR, municipality=school.municipality)
    data = {"login": "newbie", "full_name": "Новая Директорша", "role": "director",
            "email": "petrova irk.ru", "region_id": "0", "municipality_id": "0",
            "school_id": str(school.id), "password": "strong-pass-1", "version": "0"}
    response = client.post("/admin/users/new", data=data)
    assert response.status_code == 422  # the form again, with the message
    assert "Электронная почта: введите один адрес" in response.text
    assert 'value="petrova irk.ru"' in response.text
    assert db.session.scalar(select(User).where(User.login == "newbie")) is None
    data["email"] = " petrova@irk.ru "
    assert client.post("/admin/users/new", data=data).status_code == 302
    assert db.session.scalar(select(User.email).where(User.login == "newbie")) == "petrova@irk.ru"
