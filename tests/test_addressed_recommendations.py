"""The region's addressed recommendations: the municipalities missing a threshold (Σ/Σ of their
low-result schools), one copy per chosen municipality with its figure at issue, the answer with a
file, the return with a reason, the close; each side sees only its own."""
import io
from datetime import date, timedelta

import pytest
from lxml import html
from sqlalchemy import func, select

from tracker.addressed.models import AddressedRecommendation, AddressedStep
from tracker.auth.models import Role
from tracker.db import db
from tracker.notifications.models import Notification

from tests import factories
from tests.conftest import sign_in
from tests.teacher_factories import make_plan, make_teacher
from tests.upload_corpus import pdf_bytes

# municipality -> (active teachers of its low-result school, of them with an approved plan)
STAFF = {"Северный": (22, 4), "Южный": (9, 1)}
ISSUE = "/addressed/region/{id}/issue?indicator=teachers_with_plan&period=2022-H1&threshold=15"


@pytest.fixture
def region(app):
    region = factories.make_region("Область")
    category = factories.make_category(region)
    for name, (teachers, planned) in STAFF.items():
        school = factories.make_school(factories.make_municipality(region, name),
                                       f"Школа ({name})", category=category)
        for n in range(teachers):
            teacher = make_teacher(school)
            if n < planned:
                make_plan(teacher)
    db.session.commit()
    return region


def town(region, name):
    return next(m for m in region.municipalities if m.name == name)


def told(user) -> list[str]:
    return list(db.session.scalars(select(Notification.kind).where(
        Notification.user_id == user.id).order_by(Notification.id)))


def copies() -> int:
    return db.session.scalar(select(func.count(AddressedRecommendation.id)))


def issued(client, region, **fields):
    data = {"municipality_ids": [str(town(region, "Южный").id)],
            "text": "Организовать разработку индивидуальных программ развития педагогов",
            "due_on": (date.today() + timedelta(days=30)).isoformat(), **fields}
    return client.post(ISSUE.format(id=region.id), data=data)


def test_the_region_sees_who_misses_the_threshold_and_sends_one_copy_each(client, login_as,
                                                                          region):
    login_as(Role.REGIONAL, region=region)
    page = html.fromstring(client.get(ISSUE.format(id=region.id)).text)
    rows = {row.xpath("string(td[2])").strip(): (row.xpath("string(td[3])").strip(),
                                                 bool(row.xpath(".//input[@checked]")))
            for row in page.xpath("//table[@data-testid='figures']/tbody/tr")}
    assert rows == {"Северный": ("4 из 22 (18,2\u00a0%)", False),
                    "Южный": ("1 из 9 (11,1\u00a0%)", True)}
    empty = issued(client, region, text="  ")
    assert empty.status_code == 422 and copies() == 0
    late = issued(client, region, due_on=(date.today() - timedelta(days=1)).isoformat())
    assert late.status_code == 422 and "Срок уже прошёл." in late.text and copies() == 0
    assert "Организовать разработку индивидуальных" in late.text  # what was typed is kept
    other = factories.make_municipality(factories.make_region("Другая область"), "Чужой")
    db.session.commit()
    foreign = issued(client, region, municipality_ids=[str(other.id)])
    assert foreign.status_code == 422 and copies() == 0
    assert issued(client, region).status_code == 302
    item = db.session.scalar(select(AddressedRecommendation))
    assert (item.municipality.name, item.numerator_at_issue, item.denominator_at_issue) == (
        "Южный", 1, 9)


def test_the_loop_answer_with_a_file_return_with_a_reason_and_close(client, app, login_as,
                                                                    region):
    regional = login_as(Role.REGIONAL, region=region)
    south = factories.make_user(Role.COORDINATOR, municipality=town(region, "Южный"))
    north = factories.make_user(Role.COORDINATOR, municipality=town(region, "Северный"))
    db.session.commit()
    issued(client, region)
    item = db.session.scalar(select(AddressedRecommendation))
    assert told(south) == ["addressed_issued"] and told(north) == []
    sign_in(client, north)
    assert client.get(f"/addressed/{item.id}").status_code == 404
    assert "Организовать разработку" not in client.get("/addressed/").text
    sign_in(client, south)
    assert "Организовать разработку" in client.get("/addressed/").text
    answer = {"version": str(item.version), "text": "Проведён семинар, планы составлены",
              "file": (io.BytesIO(pdf_bytes("answer")), "Отчёт.pdf")}
    assert client.post(f"/addressed/{item.id}/answer", data=answer,
                       content_type="multipart/form-data").status_code == 302
    assert told(regional) == ["addressed_answered"]
    step = db.session.scalar(select(AddressedStep))
    download = client.get(f"/addressed/steps/{step.id}/file")
    assert download.status_code == 200 and download.data.startswith(b"%PDF")
    make_plan(make_teacher(item.municipality.schools[0]))
    db.session.commit()
    page = client.get(f"/addressed/{item.id}").text
    assert "1 из 9 (11,1\u00a0%)" in page and "2 из 10 (20\u00a0%)" in page
    assert "1 полугодие 2022" in page
    sign_in(client, regional)
    db.session.refresh(item)
    refused = client.post(f"/addressed/{item.id}/decision",
                          data={"version": str(item.version), "decision": "return"})
    assert refused.status_code == 422 and "Укажите, почему ответ возвращается." in refused.text
    assert client.post(f"/addressed/{item.id}/decision", data={
        "version": str(item.version), "decision": "return",
        "comment": "Приложите приказ"}).status_code == 302
    db.session.refresh(item)
    assert item.status == "returned"
    assert told(south) == ["addressed_issued", "addressed_returned"]
    sign_in(client, south)
    client.post(f"/addressed/{item.id}/answer",
                data={"version": str(item.version), "text": "Приказ приложен"})
    sign_in(client, regional)
    db.session.refresh(item)
    client.post(f"/addressed/{item.id}/decision",
                data={"version": str(item.version), "decision": "close"})
    db.session.refresh(item)
    assert item.status == "closed"
    assert [s.action for s in item.steps] == ["answered", "returned", "answered", "closed"]


def test_an_overdue_recommendation_is_flagged_and_others_may_not_decide(client, login_as,
                                                                       region):
    login_as(Role.REGIONAL, region=region)
    issued(client, region)
    item = db.session.scalar(select(AddressedRecommendation))
    item.due_on = date.today() - timedelta(days=1)
    db.session.commit()
    assert "просрочено" in client.get("/addressed/").text
    elsewhere = town(region, "Северный").id
    assert "Организовать разработку" not in client.get(
        f"/addressed/?municipality={elsewhere}").text
    coordinator = factories.make_user(Role.COORDINATOR, municipality=item.municipality)
    db.session.commit()
    sign_in(client, coordinator)
    assert client.post(f"/addressed/{item.id}/decision",
                       data={"version": str(item.version), "decision": "close"}
                       ).status_code == 403
    assert client.get(ISSUE.format(id=region.id)).status_code == 403
    assert item.status == "open"
