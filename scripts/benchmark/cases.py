"""The table of what the bench times. A case is a name, what it is, the scope whose bare SQL
it is compared with, and a function of the open bench. Add a case by adding a row here.

Pages go through the Flask test client signed in as the scope's coordinator (or regional
coordinator): their time is the server's time for the request (routing, session, queries,
charts, template). `indicator_values()` is called directly in an application context.
"""
from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import force_locale
from sqlalchemy import select

from tracker.db import db
from tracker.indicators import services
from tracker.indicators.scope import low_result_school_ids
from tracker.reports.halfyear import build_municipal_report
from tracker.schools.models import Municipality, School
from tracker.teachers.models import APPROVED_PLAN, Teacher

from benchmark.context import Bench
from benchmark.sql import plan_share


def always(bench: Bench) -> bool:
    return True


@dataclass(frozen=True)
class Case:
    name: str
    what: str
    scope: str  # "municipality", "municipality.50" or "region": whose bare SQL it is compared with
    run: Callable[[Bench], object]
    applies: Callable[[Bench], bool] = always
    once: bool = False  # timed once, without warm-up (slow on purpose)
    replay: bool = False  # also time the statements it sends, replayed on the driver


BASELINE = {"municipality": "sql.municipality", "region": "sql.region",
            "municipality.50": "sql.municipality.50"}


def kind(scope: str) -> str:
    """The place a scope is: "municipality.50" is a municipality (the one with 50 indicators)."""
    return scope.split(".")[0]


def _bare_sql(scope: str) -> Callable[[Bench], object]:
    return lambda bench: plan_share(bench.connection, scope, bench.engine,
                                    bench.scope_id(scope), bench.period)


def _page(role: str, path: str) -> Callable[[Bench], object]:
    return lambda bench: bench.get(role, path.format(
        m=bench.municipality_id, m50=bench.municipality_50_id, r=bench.region_id,
        period=bench.period.code))


def _schools(bench: Bench, scope: str):
    return low_result_school_ids(bench.period.year,
                                 **{f"{kind(scope)}_id": bench.scope_id(scope)})


def indicators(bench: Bench, scope: str, codes: tuple[str, ...] | None = None):
    return bench.call(lambda: services.indicator_values(
        _schools(bench, scope), bench.period,
        services.TargetLevel(kind(scope), bench.scope_id(scope)), codes))


def naive_plan_share(bench: Bench, scope: str) -> tuple[int, int]:
    """The way not to do it: an ORM loop over the schools, their teachers and their plans."""
    def loop():
        with_plan = teachers = 0
        for school in db.session.scalars(select(School).where(
                School.id.in_(_schools(bench, scope)))).all():
            for teacher in db.session.scalars(select(Teacher).where(
                    Teacher.school_id == school.id)).all():
                if teacher.is_active:
                    teachers += 1
                    with_plan += any(plan.status in APPROVED_PLAN
                                     and plan.period == bench.period.code
                                     for plan in teacher.plans)
        return with_plan, teachers
    return bench.call(loop)


def _region_sized_sqlite(bench: Bench) -> bool:
    return bench.engine == "sqlite" and bench.scale in ("tiny", "region")


BASELINES = [
    Case("sql.municipality", "bare SQL: plans per school, municipality (driver)",
         "municipality", _bare_sql("municipality")),
    Case("sql.region", "bare SQL: plans per school, region (driver)", "region",
         _bare_sql("region")),
    Case("sql.municipality.50", "bare SQL: plans per school, municipality with 50 indicators",
         "municipality.50", _bare_sql("municipality.50")),
]

CALLS = [
    Case("indicators.municipality", "indicator_values(), every indicator, municipality",
         "municipality", lambda bench: indicators(bench, "municipality"), replay=True),
    Case("indicators.region", "indicator_values(), every indicator, region", "region",
         lambda bench: indicators(bench, "region"), replay=True),
    Case("indicators.municipality.50", "indicator_values(), municipality with 50 indicators",
         "municipality.50", lambda bench: indicators(bench, "municipality.50"), replay=True),
]

PAGES = [
    Case("page.municipality", "coordinator's dashboard /indicators/municipality/<id>",
         "municipality", _page("coordinator", "/indicators/municipality/{m}?period={period}"),
         replay=True),
    Case("page.municipality.50", "coordinator's dashboard, 50 indicators in the catalogue",
         "municipality.50",
         _page("coordinator.50", "/indicators/municipality/{m50}?period={period}"), replay=True),
    Case("page.breakdown", "breakdown of teachers_with_plan by school", "municipality",
         _page("coordinator", "/indicators/municipality/{m}/teachers_with_plan?period={period}"),
         replay=True),
    Case("page.export", "XLSX export of the indicator table", "municipality",
         _page("coordinator", "/indicators/municipality/{m}/export.xlsx?period={period}"),
         replay=True),
    Case("page.region", "regional dashboard /indicators/region/<id>", "region",
         _page("regional", "/indicators/region/{r}?period={period}"), replay=True),
]

NAIVE = [
    Case("naive.region", "ORM loop over schools, teachers, plans (once)", "region",
         lambda bench: naive_plan_share(bench, "region"), applies=_region_sized_sqlite,
         once=True),
]

def municipal_report(bench: Bench) -> bytes:
    """The half-year DOCX of the bench municipality, in Russian, charts included."""
    def build():
        with force_locale("ru"):
            return build_municipal_report(db.session.get(Municipality, bench.municipality_id),
                                          bench.period)
    return bench.call(build)


REPORT_CASES = [
    Case("report.docx", "half-year DOCX report of the municipality, with charts",
         "municipality", municipal_report),
]

CASES: list[Case] = [*BASELINES, *CALLS, *PAGES, *NAIVE, *REPORT_CASES]
