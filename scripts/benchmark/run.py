"""Running the cases on one open bench database and printing the figures.

Cases are timed in rounds (every case once per round) rather than one after the other, so that
a burst of load on a shared machine falls on all of them alike.
"""
import os
import time
from dataclasses import dataclass
from statistics import median

from benchmark import goals
from benchmark.cases import BASELINE, CASES, Case, indicators, naive_plan_share
from benchmark.context import Bench
from benchmark.sql import plan_share, replay

COLUMNS = (f"  {'case':<26} {'median ms':>10} {'× bare SQL':>11} {'its SQL ms':>11} "
           f"{'× its SQL':>10}  goal")


@dataclass(frozen=True)
class Result:
    ms: float
    ratio: float | None  # × the bare SQL of the case's scope
    sql_ms: float | None = None  # the statements it sent, replayed on the driver

    @property
    def sql_ratio(self) -> float | None:
        return self.ms / self.sql_ms if self.sql_ms else None


def load_average() -> str:
    return " ".join(f"{figure:.1f}" for figure in os.getloadavg())


def scope_sizes(bench: Bench) -> dict[str, tuple[int, int, int]]:
    """Per scope: (schools with active teachers, teachers with a plan, active teachers)."""
    sizes = {}
    for scope in BASELINE:
        per_school = plan_share(bench.connection, scope, bench.engine, bench.scope_id(scope),
                                bench.period)
        sizes[scope] = (len(per_school), sum(n for n, _ in per_school.values()),
                        sum(d for _, d in per_school.values()))
    return sizes


def check_agreement(bench: Bench, sizes: dict) -> str:
    """The bare SQL counts what the application counts; otherwise the ratios mean nothing."""
    for scope, (_schools, with_plan, teachers) in sizes.items():
        value, = indicators(bench, scope, ("teachers_with_plan",))
        found = (value.fraction.numerator, value.fraction.denominator)
        if found != (with_plan, teachers):
            raise AssertionError(f"{scope}: indicator_values() gives {found}, "
                                 f"the bare SQL {(with_plan, teachers)}")
    return "the bare SQL and indicator_values() agree on teachers_with_plan"


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def run_all(bench: Bench, runs: int, warmup: int, sizes: dict) -> dict[str, Result]:
    cases = [case for case in CASES if case.applies(bench)]
    repeated = [case for case in cases if not case.once]
    times: dict[str, list[float]] = {case.name: [] for case in repeated}
    sql_times: dict[str, list[float]] = {case.name: [] for case in repeated if case.replay}
    statements = {case.name: _statements(bench, case) for case in repeated if case.replay}
    for round_number in range(warmup + runs):
        for case in repeated:
            took = _timed(lambda: case.run(bench))
            sql_took = (_timed(lambda: replay(bench.connection, statements[case.name]))
                        if case.replay else None)
            if round_number >= warmup:
                times[case.name].append(took)
                if sql_took is not None:
                    sql_times[case.name].append(sql_took)
    results = {name: median(values) for name, values in times.items()}
    for case in cases:
        if case.once:
            results[case.name] = _timed(lambda: case.run(bench))
    if "naive.region" in results:
        _check_naive(bench, sizes)
    print(COLUMNS)
    out = {}
    for case in cases:
        baseline = results.get(BASELINE[case.scope])
        ms = results[case.name]
        out[case.name] = Result(ms, ms / baseline if baseline else None,
                                median(sql_times[case.name]) if case.name in sql_times else None)
        _print_row(bench, case, out[case.name])
    return out


def _statements(bench: Bench, case: Case) -> list:
    with bench.capturing() as statements:
        case.run(bench)
    return statements


def _check_naive(bench: Bench, sizes: dict) -> None:
    _schools, with_plan, teachers = sizes["region"]
    found = naive_plan_share(bench, "region")
    if found != (with_plan, teachers):
        raise AssertionError(f"the ORM loop counts {found}, the SQL {(with_plan, teachers)}")


def _figure(value: float | None, digits: int = 1) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _print_row(bench: Bench, case: Case, result: Result) -> None:
    goal = goals.verdict(case.name, bench.scale, bench.engine, result)
    print(f"  {case.name:<26} {result.ms:>10.1f} {_figure(result.ratio):>11} "
          f"{_figure(result.sql_ms):>11} {_figure(result.sql_ratio):>10}  {goal}".rstrip(),
          flush=True)


def same_cost(region: Bench, nation: Bench, runs: int, warmup: int
              ) -> dict[str, tuple[float, float]]:
    """The same municipality's dashboard in the region database and in the national one, timed
    alternately (a burst of load falls on both): medians in ms, per case."""
    cases = [case for case in CASES if case.name in goals.SAME_COST_CASES]
    for case in cases:
        if scope_sizes(region)[case.scope] != scope_sizes(nation)[case.scope]:
            raise AssertionError(f"{case.name}: the measured municipality differs between "
                                 f"the two databases")
    times = {case.name: ([], []) for case in cases}
    for round_number in range(warmup + runs):
        for case in cases:
            for bench, kept in zip((region, nation), times[case.name]):
                took = _timed(lambda: case.run(bench))
                if round_number >= warmup:
                    kept.append(took)
    return {name: (median(in_region), median(in_nation))
            for name, (in_region, in_nation) in times.items()}


def print_summary(results: dict[tuple[str, str], dict[str, Result]],
                  same: dict[str, dict[str, tuple[float, float]]]) -> None:
    """The goals once more, with the municipality's cost in both databases."""
    print("\n== Goals ==")
    for limit in goals.LIMITS:
        result = results.get((limit.scale, limit.engine), {}).get(limit.case)
        shown = "not measured" if result is None else (
            f"{result.ms:.1f} ms, {_figure(result.ratio)}× bare SQL, "
            f"{_figure(result.sql_ratio)}× its SQL: {limit.verdict(result)}")
        print(f"  {limit.case} at {limit.scale} scale on {limit.engine}: {shown}")
    for name in goals.SAME_COST_CASES:
        for engine in ("sqlite", "pg"):
            label = f"  {name}, the same municipality on {engine}"
            if engine not in same:
                print(f"{label}: needs both scales")
                continue
            region_ms, nation_ms = same[engine][name]
            ratio = nation_ms / region_ms
            ok = goals.mark(ratio <= goals.SAME_COST_TOLERANCE)
            print(f"{label} (timed alternately): {region_ms:.1f} ms in the region database, "
                  f"{nation_ms:.1f} ms in the national one: ×{ratio:.2f} "
                  f"(≤ {goals.SAME_COST_TOLERANCE:g} {ok})")
