"""A recommendation concerns one of the school's verified risk directions and/or a measure of its
anti-risk programs: offered as choices, checked on the server, shown as links and in the sheet."""
from sqlalchemy import func, select

from tracker.db import db
from tracker.visits.models import Recommendation

from tests import factories, program_factories as pf
from tests.conftest import sign_in
from tests.test_visits import docx_text, setting

WRONG_DIRECTION = "Выберите рисковое направление, верифицированное в рисковом профиле этой школы."
WRONG_MEASURE = "Выберите мероприятие из антирисковых программ этой школы."


def linked_world():
    school, curator, director, coordinator = setting()
    verified = pf.make_direction(name="Низкая учебная мотивация обучающихся", position=10)
    unverified = pf.make_direction(name="Дефицит педагогических кадров", position=2)
    profile = pf.make_profile(school, [verified, unverified])
    profile.entries[0].is_verified = True
    own = pf.make_measure(pf.make_program(school, verified), title="Исследование мотивации")
    other_school = factories.make_school(school.municipality)
    pf.make_profile(other_school, [verified]).entries[0].is_verified = True
    foreign = pf.make_measure(pf.make_program(other_school, verified), title="Чужое мероприятие")
    visit = factories.make_visit(school, curator)
    db.session.commit()
    return {"school": school, "curator": curator, "director": director, "visit": visit,
            "verified": verified, "unverified": unverified, "own": own, "foreign": foreign}


def add(client, visit, **links):
    return client.post(f"/visits/{visit.id}/recommendations", data={
        "text": "Провести классные часы", "due_on": "2022-04-29", **links})


def recommendations() -> int:
    return db.session.scalar(select(func.count()).select_from(Recommendation))


def test_the_form_offers_only_the_schools_verified_directions_and_measures(client):
    w = linked_world()
    sign_in(client, w["curator"])
    page = client.get(f"/visits/{w['visit'].id}").text
    assert f'value="{w["verified"].id}">Низкая учебная мотивация обучающихся' in page
    assert "Дефицит педагогических кадров" not in page
    assert "Исследование мотивации · срок 01.05.2022" in page
    assert "Чужое мероприятие" not in page


def test_links_are_shown_on_the_pages_and_in_the_sheet(client):
    w = linked_world()
    sign_in(client, w["curator"])
    response = add(client, w["visit"], risk_direction_id=w["verified"].id,
                   measure_id=w["own"].id)
    assert response.status_code == 302
    item = db.session.scalars(select(Recommendation)).one()
    assert (item.risk_direction_id, item.measure_id) == (w["verified"].id, w["own"].id)
    profile_link = f'href="/risks/schools/{w["school"].id}/profile?year=2022"'
    measure_link = f'href="/programs/measures/{w["own"].id}"'
    sign_in(client, w["director"])
    for url in (f"/visits/{w['visit'].id}", f"/visits/recommendations/{item.id}"):
        page = client.get(url).text
        assert profile_link in page and measure_link in page, url
        assert "Низкая учебная мотивация обучающихся" in page
    sheet = docx_text(client.get(f"/visits/{w['visit'].id}/sheet.docx").data)
    assert ("Рисковое направление: Низкая учебная мотивация обучающихся; "
            "Мероприятие: Исследование мотивации") in sheet


def test_a_foreign_or_unverified_link_is_refused_in_russian(client):
    w = linked_world()
    sign_in(client, w["curator"])
    for links, message in (({"measure_id": w["foreign"].id}, WRONG_MEASURE),
                           ({"measure_id": 987654}, WRONG_MEASURE),
                           ({"risk_direction_id": w["unverified"].id}, WRONG_DIRECTION),
                           ({"risk_direction_id": 987654}, WRONG_DIRECTION)):
        response = add(client, w["visit"], **links)
        assert response.status_code == 200 and message in response.text, links
        assert "Провести классные часы" in response.text  # the input is kept
    assert recommendations() == 0
    assert add(client, w["visit"], risk_direction_id="0", measure_id="0").status_code == 302
    assert recommendations() == 1


def test_demo_recommendations_concern_the_schools_own_directions_and_measures(runner, client):
    from tracker.auth.models import User
    from tracker.risks.models import RiskProfile, RiskProfileEntry
    from tracker.visits.models import RecommendationEvent, VisitAttachment
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    items = db.session.scalars(select(Recommendation)).all()
    linked = [i for i in items if i.risk_direction or i.measure]
    assert len(linked) >= 5 and any(i.measure for i in linked)
    for item in linked:
        school = item.visit.school
        if item.risk_direction:
            entry = db.session.scalars(select(RiskProfileEntry).join(RiskProfile).where(
                RiskProfile.school_id == school.id, RiskProfile.year == item.visit.day.year,
                RiskProfileEntry.direction_id == item.risk_direction_id)).one()
            assert entry.is_verified, item.text
        if item.measure:
            assert item.measure.program.school_id == school.id, item.text
    attachments = db.session.scalars(select(VisitAttachment)).all()
    assert {a.visibility for a in attachments} == {"school", "internal"}
    evidence = db.session.scalars(select(RecommendationEvent).where(
        RecommendationEvent.stored_name.is_not(None))).one()
    director = db.session.scalar(select(User).where(User.login == "director"))
    assert evidence.author_id == director.id and evidence.action == "answered"
    sign_in(client, director)
    response = client.get(f"/visits/recommendations/answers/{evidence.id}/file")
    assert response.status_code == 200 and response.data.startswith(b"%PDF-")
    for attachment in attachments:
        status = client.get(f"/visits/attachments/{attachment.id}").status_code
        if attachment.visit.school_id == director.school_id:
            assert status == (200 if attachment.visibility == "school" else 404)
