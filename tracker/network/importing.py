"""Importing events with participation, and organizations' counts with community members.

All or nothing: the file is checked whole first; one bad row writes nothing, and every bad row
is listed with its sheet, row, column and reason. The file format is the region's (Russian
headers and words), whatever language the interface speaks.
"""
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from tracker.db import column_problem, db
from tracker.network import services
from tracker.network.event_models import (EventKind, EventLevel, EventParticipation,
                                          MethodicalEvent, ParticipationRole)
from tracker.network.models import Community
from tracker.network.xlsx import (as_count, as_date, build_template, normalize, read_rows,
                                  text)
from tracker.periods import BadPeriod, HalfYear
from tracker.schools.models import School

EVENTS_SHEET, PARTICIPATION_SHEET = "Мероприятия", "Участие"
EVENT_HEADERS = ("Название", "Вид", "Уровень", "Дата", "Организатор", "Приказ", "Участников",
                 "Результат")
PARTICIPATION_HEADERS = ("Мероприятие", "Дата", "Организация", "Участие", "Номинация",
                         "Педагогов", "Примечание")
COUNTS_SHEET, MEMBERS_SHEET = "Численность", "Сообщества"
COUNT_HEADERS = ("Организация", "Полугодие", "Педагогов", "Из них в сетевых сообществах")
MEMBER_HEADERS = ("Сообщество", "Организация", "Полугодие", "Участников")

KIND_WORDS = {
    "семинар": EventKind.SEMINAR, "школа-школе": EventKind.SCHOOL_TO_SCHOOL,
    'семинар "школа-школе"': EventKind.SCHOOL_TO_SCHOOL, "конференция": EventKind.CONFERENCE,
    "педагогические чтения": EventKind.READINGS, "педчтения": EventKind.READINGS,
    "вебинар": EventKind.WEBINAR, "конкурс": EventKind.COMPETITION,
    "конкурс профессионального мастерства": EventKind.COMPETITION,
}
LEVEL_WORDS = {"школьный": EventLevel.SCHOOL, "муниципальный": EventLevel.MUNICIPAL,
               "городской": EventLevel.MUNICIPAL, "региональный": EventLevel.REGIONAL,
               "федеральный": EventLevel.FEDERAL}
ROLE_WORDS = {
    "участник": ParticipationRole.PARTICIPANT, "+": ParticipationRole.PRESENTED,
    "обобщил опыт": ParticipationRole.PRESENTED, "организатор": ParticipationRole.ORGANIZER,
    "победитель": ParticipationRole.WINNER,
    **{f"диплом {degree} степени": role for role, degrees in (
        (ParticipationRole.DIPLOMA_1, ("1", "i")), (ParticipationRole.DIPLOMA_2, ("2", "ii")),
        (ParticipationRole.DIPLOMA_3, ("3", "iii"))) for degree in degrees},
}


@dataclass
class RowError:
    sheet: str
    row: int
    column: str
    reason: str


@dataclass
class Plan:
    """What a checked file will write: plain values and resolved objects, nothing flushed."""
    kind: str
    items: dict = field(default_factory=lambda: {"events": [], "participations": [],
                                                 "counts": [], "members": []})
    errors: list[RowError] = field(default_factory=list)

    def error(self, sheet, row, column, reason) -> None:
        self.errors.append(RowError(sheet, row, column, str(reason)))

    @property
    def size(self) -> int:
        return sum(len(rows) for rows in self.items.values())


def _organizations(school_ids) -> dict[str, School]:
    return {normalize(s.short_name): s
            for s in db.session.scalars(select(School).where(School.id.in_(school_ids)))}


def _organization(plan, orgs, sheet, row, column) -> School | None:
    raw = text(row.values[column])
    if not raw:
        plan.error(sheet, row.number, column, _("The organization is not given."))
        return None
    school = orgs.get(normalize(raw))
    if school is None:
        plan.error(sheet, row.number, column,
                   _("No organization «%(name)s» in the municipality.", name=raw))
    return school


def _word(plan, words, sheet, row, column, *, required=True):
    raw = text(row.values[column])
    if not raw and not required:
        return None
    value = words.get(normalize(raw))
    if value is None:
        plan.error(sheet, row.number, column, _("Unknown value «%(value)s»; expected one of: "
                                                "%(words)s.", value=raw, words=", ".join(words)))
    return value


def _period(plan, sheet, row, column) -> str | None:
    try:
        return HalfYear.parse(text(row.values[column])).code
    except BadPeriod:
        plan.error(sheet, row.number, column, _("Enter a half-year like 2022-H1."))
        return None


def _count(plan, sheet, row, column, *, required=True) -> int | None:
    raw = row.values[column]
    if text(raw) == "" and not required:
        return None
    value = as_count(raw)
    if value is None:
        plan.error(sheet, row.number, column, _("Enter a whole number that is not negative."))
        return None
    return _fits(plan, sheet, row, column, MethodicalEvent.participants_count, value)


def _fits(plan, sheet, row, column, attribute, value):
    """The cell's value if its column can hold it (tracker.db.column_problem), else an error."""
    problem = column_problem(attribute, value)
    if problem:
        plan.error(sheet, row.number, column, problem)
        return None
    return value


def _missing_sheet(plan, sheet) -> None:
    plan.error(sheet, 1, "", _("The file has no sheet «%(sheet)s».", sheet=sheet))


def check_events(workbook, *, municipality_id: int, school_ids) -> Plan:
    plan = Plan("events")
    orgs = _organizations(school_ids)
    events = read_rows(workbook, EVENTS_SHEET, EVENT_HEADERS)
    if events is None:
        _missing_sheet(plan, EVENTS_SHEET)
        events = []
    known = set()
    for row in events:
        values = row.values
        title, held_on = text(values["Название"]), as_date(values["Дата"])
        for header, attribute in (("Название", MethodicalEvent.title),
                                  ("Приказ", MethodicalEvent.order_text),
                                  ("Результат", MethodicalEvent.result)):
            _fits(plan, EVENTS_SHEET, row, header, attribute, text(values[header]))
        if not title:
            plan.error(EVENTS_SHEET, row.number, "Название", _("The title is not given."))
        if held_on is None:
            plan.error(EVENTS_SHEET, row.number, "Дата", _("Enter a date like 24.03.2022."))
        kind = _word(plan, KIND_WORDS, EVENTS_SHEET, row, "Вид")
        level = _word(plan, LEVEL_WORDS, EVENTS_SHEET, row, "Уровень")
        host = (_organization(plan, orgs, EVENTS_SHEET, row, "Организатор")
                if text(values["Организатор"]) else None)
        count = _count(plan, EVENTS_SHEET, row, "Участников", required=False)
        if (normalize(title), held_on) in known:
            plan.error(EVENTS_SHEET, row.number, "Название", _("The event is listed twice."))
        known.add((normalize(title), held_on))
        plan.items["events"].append(dict(
            title=title, kind=kind, level=level, held_on=held_on,
            host_school_id=host.id if host else None, order_text=text(values["Приказ"]),
            participants_count=count, result=text(values["Результат"])))
    existing = {(normalize(e.title), e.held_on) for e in db.session.scalars(
        select(MethodicalEvent).where(MethodicalEvent.municipality_id == municipality_id))}
    rows = read_rows(workbook, PARTICIPATION_SHEET, PARTICIPATION_HEADERS) or []
    seen = set()
    for row in rows:
        key = (normalize(row.values["Мероприятие"]), as_date(row.values["Дата"]))
        if key not in known and key not in existing:
            plan.error(PARTICIPATION_SHEET, row.number, "Мероприятие",
                       _("No such event (title and date) in the file or in the tracker."))
        school = _organization(plan, orgs, PARTICIPATION_SHEET, row, "Организация")
        role = _word(plan, ROLE_WORDS, PARTICIPATION_SHEET, row, "Участие")
        nomination = text(row.values["Номинация"])
        for header, attribute in (("Номинация", EventParticipation.nomination),
                                  ("Примечание", EventParticipation.note)):
            _fits(plan, PARTICIPATION_SHEET, row, header, attribute, text(row.values[header]))
        if role == ParticipationRole.WINNER and not nomination:
            plan.error(PARTICIPATION_SHEET, row.number, "Номинация",
                       _("Name the nomination the organization won."))
        teachers = _count(plan, PARTICIPATION_SHEET, row, "Педагогов", required=False)
        if school and (key, school.id) in seen:
            plan.error(PARTICIPATION_SHEET, row.number, "Организация",
                       _("The organization is listed twice for this event."))
        seen.add((key, school.id if school else None))
        plan.items["participations"].append(dict(
            event_key=key, title=text(row.values["Мероприятие"]), school=school, role=role,
            nomination=nomination, teachers=teachers, note=text(row.values["Примечание"])))
    return plan


def apply_events(plan: Plan, *, municipality_id: int) -> None:
    events = {(normalize(e.title), e.held_on): e for e in db.session.scalars(
        select(MethodicalEvent).where(MethodicalEvent.municipality_id == municipality_id))}
    for values in plan.items["events"]:
        key = (normalize(values["title"]), values["held_on"])
        if key not in events:
            events[key] = services.create_event(municipality_id=municipality_id, **values)
    for values in plan.items["participations"]:
        services.set_participation(events[values["event_key"]], school=values["school"],
                                   role=values["role"], nomination=values["nomination"],
                                   teachers=values["teachers"], note=values["note"])


def check_counts(workbook, *, municipality_id: int, school_ids,
                 period: str | None = None) -> Plan:
    """Teachers and participants per organization (the sheet «Численность», or the only table
    of the file), and community members; `period` fills an empty or missing «Полугодие»."""
    plan = Plan("counts")
    orgs = _organizations(school_ids)
    counts = read_rows(workbook, COUNTS_SHEET, COUNT_HEADERS, or_the_only_one=True)
    if counts is None:
        _missing_sheet(plan, COUNTS_SHEET)
        counts = []
    seen = set()
    for row in counts:
        school = _organization(plan, orgs, COUNTS_SHEET, row, "Организация")
        if period and not text(row.values["Полугодие"]):
            row.values["Полугодие"] = period
        period_code = _period(plan, COUNTS_SHEET, row, "Полугодие")
        teachers = _count(plan, COUNTS_SHEET, row, "Педагогов")
        network = _count(plan, COUNTS_SHEET, row, "Из них в сетевых сообществах",
                         required=False)  # empty: the community memberships say
        if teachers is not None and network is not None and network > teachers:
            plan.error(COUNTS_SHEET, row.number, "Из них в сетевых сообществах",
                       _("Teachers taking part in communities cannot outnumber the teachers."))
        if school and (school.id, period_code) in seen:
            plan.error(COUNTS_SHEET, row.number, "Организация",
                       _("The organization is listed twice for this half-year."))
        seen.add((school.id if school else None, period_code))
        plan.items["counts"].append(dict(school=school, period=period_code, teachers=teachers,
                                         network_teachers=network))
    communities = {normalize(c.name): c for c in db.session.scalars(
        select(Community).where(Community.municipality_id == municipality_id))}
    for row in read_rows(workbook, MEMBERS_SHEET, MEMBER_HEADERS) or []:
        name = text(row.values["Сообщество"])
        community = communities.get(normalize(name))
        if community is None:
            plan.error(MEMBERS_SHEET, row.number, "Сообщество",
                       _("No community «%(name)s» in the municipality.", name=name))
        school = _organization(plan, orgs, MEMBERS_SHEET, row, "Организация")
        member_period = _period(plan, MEMBERS_SHEET, row, "Полугодие")
        members = _count(plan, MEMBERS_SHEET, row, "Участников")
        plan.items["members"].append(dict(community=community, school=school,
                                          period=member_period, members=members))
    return plan


def apply_counts(plan: Plan) -> None:
    for values in plan.items["counts"]:
        services.set_staff_count(**values)
    for values in plan.items["members"]:
        community = values.pop("community")
        services.set_member_count(community, **values)


def events_template() -> bytes:
    return build_template([
        (EVENTS_SHEET, EVENT_HEADERS, [
            ("Педагогический импульс – 2022", "конкурс", "муниципальный", "20.04.2022",
             "МБОУ «СОШ № 8 имени Бусыгина М.И.»",
             "приказы МКУ ЦРО от 09.03.2022 № 34, от 22.03.2022 № 41", 10, "")]),
        (PARTICIPATION_SHEET, PARTICIPATION_HEADERS, [
            ("Педагогический импульс – 2022", "20.04.2022", "МАОУ «СОШ № 5»", "победитель",
             "Педагогическое мастерство", 5, "")]),
    ])


def counts_template() -> bytes:
    return build_template([
        (COUNTS_SHEET, COUNT_HEADERS, [("МАОУ «СОШ № 5»", "2022-H1", 72, 40)]),
        (MEMBERS_SHEET, MEMBER_HEADERS, [("ГМО учителей математики", "МАОУ «СОШ № 5»",
                                          "2022-H1", 6)]),
    ])
