"""Methodical events: the competitions indicator, participation cells, recording and scope."""
from datetime import date

import pytest
from flask import g
from sqlalchemy import select

from tracker.auth.models import Role
from tracker.db import db
from tracker.network import labels, queries
from tracker.network.event_models import EventParticipation, MethodicalEvent
from tracker.periods import HalfYear

from tests import factories

H1 = HalfYear(2022, 1)


@pytest.fixture
def town(app):
    region = factories.make_region()
    category = factories.make_category(region)
    municipality = factories.make_municipality(region)
    schools = [factories.make_school(municipality, f"МБОУ «СОШ № {n}»", category=category)
               for n in range(1, 7)]
    factories.make_school(municipality, "МАОУ «Гимназия»")  # not a low-result school
    db.session.commit()
    return municipality, schools


def test_schools_in_competitions_counts_only_municipal_competitions_of_the_period(town):
    municipality, (s1, s2, s3, s4, s5, s6) = town
    contest = factories.make_event(municipality, held_on=date(2022, 4, 20))
    second = factories.make_event(municipality, held_on=date(2022, 5, 10))
    regional = factories.make_event(municipality, level="regional")
    conference = factories.make_event(municipality, kind="conference")
    autumn = factories.make_event(municipality, held_on=date(2022, 10, 1))
    factories.make_participation(contest, s1)
    factories.make_participation(contest, s2, role="organizer")
    factories.make_participation(regional, s3, role="winner", nomination="Лучший")
    factories.make_participation(conference, s4, role="presented")
    factories.make_participation(autumn, s5)
    factories.make_participation(contest, s6, role="diploma_2")
    factories.make_participation(second, s6)
    db.session.commit()
    low = queries.low_result_school_ids(municipality.id, 2022)
    flags = {school_id: (count, took_part) for school_id, count, took_part
             in queries.schools_in_competitions(low, H1)}
    assert flags == {s1.id: (1, True), s2.id: (0, False), s3.id: (0, False),
                     s4.id: (0, False), s5.id: (0, False), s6.id: (2, True)}
    share = queries.competitions_share(low, H1)
    assert (share.numerator, share.denominator) == (2, 6)
    assert share.percent == pytest.approx(33.333, abs=0.001)
    autumn_share = queries.competitions_share(low, HalfYear(2022, 2))
    assert (autumn_share.numerator, autumn_share.denominator) == (1, 6)


@pytest.mark.parametrize("role,nomination,kind,cell", [
    (None, "", "webinar", "-"),
    ("presented", "", "conference", "+"),
    ("participant", "", "competition", "+"),
    ("participant", "", "readings", "+ (участие, без обобщения опыта)"),
    ("diploma_2", "", "conference", "+ (диплом 2 степени)"),
    ("diploma_3", "", "conference", "+ (диплом 3 степени)"),
    ("organizer", "", "webinar", "организатор"),
    ("winner", "Педагогическое мастерство", "competition",
     "+ (победитель в номинации «Педагогическое мастерство»)"),
])
def test_participation_cells_read_as_in_the_report(app, role, nomination, kind, cell):
    with app.test_request_context():
        g.pop("_flask_babel", None)
        assert labels.participation_cell(role, nomination=nomination, event_kind=kind) == cell


def test_coordinator_records_an_event_and_marks_participation(town, client, login_as):
    municipality, schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    low = queries.low_result_school_ids(municipality.id, 2022)
    assert queries.competitions_share(low, H1).numerator == 0
    response = client.post(f"/network/events/new?municipality={municipality.id}", data={
        "title": "Учитель года – 2022", "kind": "competition", "level": "municipal",
        "held_on": "2022-03-01", "host_school_id": schools[0].id,
        "order_text": "приказ МКУ ЦРО от 01.02.2022 № 10", "participants_count": 12,
        "version": "0"})
    assert response.status_code == 302
    event = db.session.scalar(select(MethodicalEvent))
    assert event.municipality_id == municipality.id and event.host_school_id == schools[0].id
    for school, role in zip(schools[:3], ("participant", "diploma_1", "participant")):
        response = client.post(f"/network/events/{event.id}/participation",
                               data={"school_id": school.id, "role": role})
        assert response.status_code == 302
    share = queries.competitions_share(low, H1)
    assert (share.numerator, share.denominator) == (3, 6)
    page = client.get("/network/events?period=2022-H1").text
    assert "3 из 6 (50\u00a0%)" in page
    assert "+ (диплом 1 степени)" in page
    # changing a mark keeps one row per organization; removing it brings the share down
    client.post(f"/network/events/{event.id}/participation",
                data={"school_id": schools[0].id, "role": "organizer"})
    client.post(f"/network/events/{event.id}/participation/remove",
                data={"school_id": schools[1].id})
    assert db.session.scalar(select(db.func.count(EventParticipation.id))) == 2
    assert queries.competitions_share(low, H1).numerator == 1


def test_a_winner_needs_a_nomination_and_the_form_keeps_the_input(town, client, login_as):
    municipality, schools = town
    event = factories.make_event(municipality)
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=municipality)
    response = client.post(f"/network/events/{event.id}/participation",
                           data={"school_id": schools[0].id, "role": "winner",
                                 "note": "команда из пяти педагогов"})
    assert response.status_code == 422
    assert "Укажите номинацию" in response.text
    assert "команда из пяти педагогов" in response.text
    assert db.session.scalar(select(EventParticipation.id)) is None


def test_host_from_another_municipality_is_refused(town, client, login_as):
    municipality, _schools = town
    login_as(Role.COORDINATOR, municipality=municipality)
    from tracker.network import services
    stranger = factories.make_school()
    with pytest.raises(services.OutsideMunicipality):
        services.create_event(municipality_id=municipality.id, title="Семинар",
                              kind="seminar", level="municipal", held_on=date(2022, 3, 1),
                              host_school_id=stranger.id)


def test_stale_edit_is_refused_and_shows_both_values(town, client, login_as):
    municipality, _schools = town
    event = factories.make_event(municipality, title="Семинар А", kind="seminar")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=municipality)
    base = {"kind": "seminar", "level": "municipal", "held_on": "2022-04-20",
            "host_school_id": 0, "version": "1"}
    assert client.post(f"/network/events/{event.id}/edit",
                       data={**base, "title": "Семинар Б"}).status_code == 302
    response = client.post(f"/network/events/{event.id}/edit", data={**base, "title": "Семинар В"})
    assert response.status_code == 200
    assert "Семинар Б" in response.text and "Семинар В" in response.text
    db.session.expire_all()
    assert db.session.get(MethodicalEvent, event.id).title == "Семинар Б"


def test_director_sees_events_but_only_own_participation_and_cannot_mark(town, client,
                                                                         login_as):
    municipality, schools = town
    event = factories.make_event(municipality, title="Педагогический конкурс")
    factories.make_participation(event, schools[0], role="winner", nomination="Номинация А")
    factories.make_participation(event, schools[1], role="diploma_3")
    db.session.commit()
    login_as(Role.DIRECTOR, school=schools[0])
    page = client.get(f"/network/events/{event.id}").text
    assert "Номинация А" in page and schools[1].short_name not in page
    listing = client.get("/network/events?period=2022-H1").text
    assert "1 из 1 (100\u00a0%)" in listing and schools[1].short_name not in listing
    response = client.post(f"/network/events/{event.id}/participation",
                           data={"school_id": schools[2].id, "role": "participant"})
    assert response.status_code == 403


def test_events_of_another_municipality_are_not_found(town, client, login_as):
    municipality, _schools = town
    other = factories.make_event(factories.make_municipality(), title="Чужой конкурс")
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=municipality)
    assert client.get(f"/network/events/{other.id}").status_code == 404
    assert "Чужой конкурс" not in client.get("/network/events?period=2022-H1").text


def test_deleting_an_event_needs_the_confirmation_and_removes_its_marks(town, client, login_as):
    municipality, schools = town
    event = factories.make_event(municipality)
    factories.make_participation(event, schools[0])
    db.session.commit()
    login_as(Role.COORDINATOR, municipality=municipality)
    assert client.post(f"/network/events/{event.id}/delete").status_code == 302
    assert db.session.scalar(select(MethodicalEvent.id)) == event.id
    response = client.post(f"/network/events/{event.id}/delete", data={"confirm": "delete"})
    assert response.status_code == 302 and "period=2022-H1" in response.location
    assert db.session.scalar(select(MethodicalEvent.id)) is None
    assert db.session.scalar(select(EventParticipation.id)) is None
