#!/usr/bin/env python
"""Speed of the indicators and dashboards, measured (the goals: scripts/benchmark/goals.py).

    python scripts/bench.py [--scale tiny|region|nation|all] [--engine sqlite|pg|all]
                            [--runs N] [--rebuild] [--pg-url URL] [--sqlite-dir DIR]

Builds synthetic data (scripts/benchmark/gen_*.py; seeded, deterministic) at a scale, once per
engine: `region` = 1 region, 10 municipalities, 300 schools, 12 000 teachers; `nation` = 85
regions, 5 000 schools, 200 000 teachers, whose first region is exactly the `region` one;
`tiny` (6 schools) proves the script works (tests/test_bench.py). In every scale the second
municipality of the first region adds 36 indicators of its own to its region's 14 (scripts/
benchmark/gen_catalogue.py): its dashboard is the case `page.municipality.50`, a catalogue of 50
indicators, judged by the goals of the municipal dashboard. The schema comes from the
migrations; rows go in with executemany (SQLite) or COPY (PostgreSQL). A built database is
re-used while its marker (scale + fingerprint of schema and generator) matches; `--rebuild`
forces a new one. SQLite files go to instance/bench/; PostgreSQL to
postgresql://postgres@127.0.0.1:5432/tracker_bench_<scale> (skipped with a note when the
server does not answer).

Building takes, on the shared 2-core development machine: region 3–13 s per engine; nation
about 50 s per engine (generation 10 s, shared by both; SQLite load 40 s, PostgreSQL COPY with
foreign keys checked and VACUUM ANALYZE 55 s), up to 2.5 min each when the machine is busy.
A whole `--scale all` run with building takes 3–5 minutes; re-using the databases, 1–2.

Then every case of scripts/benchmark/cases.py is timed: in rounds (each case once per round,
two warm-up rounds, then --runs rounds) so that load bursts fall on all cases alike; printed
are the median, its ratio to the bare SQL of the same scope (the teachers_with_plan aggregation
run with the driver), and for pages and calls the time of the very statements they sent,
replayed on the driver, with the ratio to it. The goals are printed next to the figures; with
both scales, the two municipal dashboards are timed alternately in the two databases.

The first visit of the demo municipal dashboard in headless Chromium with a cold cache, and the
size of the chart bundle, are printed as `page.first_visit` (scripts/benchmark/first_load.py).

The half-year DOCX report is timed as the case `report.docx` for the bench
municipality and, except at the tiny scale, for the demo municipality (scripts/benchmark/
demo_report.py: the demo loaded into a temporary SQLite database). To time something new, add a
row to scripts/benchmark/cases.py.
"""
import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tracker and config; this folder (benchmark) is on the path

from benchmark.cases import CASES  # noqa: E402
from benchmark.context import Bench  # noqa: E402
from benchmark.database import Target, ensure, pg_reachable  # noqa: E402
from benchmark.demo_report import time_demo_report  # noqa: E402
from benchmark.first_load import bundle_sizes, chromium, time_first_load  # noqa: E402
from benchmark.generate import generate  # noqa: E402
from benchmark.goals import BUNDLE_MAX_BYTES, mark  # noqa: E402
from benchmark.run import (check_agreement, load_average, print_summary, run_all,  # noqa: E402
                           same_cost, scope_sizes)
from benchmark.scales import SCALES  # noqa: E402

WARMUP = 2
DEFAULT_PG_URL = "postgresql://postgres@127.0.0.1:5432/tracker_bench_{scale}"


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=[*SCALES, "all"], default="region",
                        help="'all' is region and nation")
    parser.add_argument("--engine", choices=["sqlite", "pg", "all"], default="all")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--rebuild", action="store_true", help="build the databases anew")
    parser.add_argument("--first-load", action="store_true",
                        help="time the first visit in Chromium also at the tiny scale")
    parser.add_argument("--pg-url", default=DEFAULT_PG_URL,
                        help="PostgreSQL database; {scale} is replaced by the scale")
    parser.add_argument("--sqlite-dir", type=Path, default=ROOT / "instance" / "bench")
    return parser.parse_args(argv)


def target_for(engine: str, scale: str, args: argparse.Namespace) -> Target:
    from config import database_url
    if engine == "sqlite":
        return Target("sqlite", f"sqlite:///{(args.sqlite_dir / f'{scale}.db').resolve()}")
    return Target("pg", database_url(args.pg_url.format(scale=scale)))


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    scales = ["region", "nation"] if args.scale == "all" else [args.scale]
    engines = ["sqlite", "pg"] if args.engine == "all" else [args.engine]
    print("Cases:")
    for case in CASES:
        print(f"  {case.name:<26} {case.what}")
    if os.environ.get("TRACKER_DRY_RUN"):  # the README test: arguments and cases, no databases
        print(f"Dry run: would measure {', '.join(scales)} on {', '.join(engines)}")
        return 0
    results, ready = {}, {}
    for scale in scales:
        make_rows = rows_maker(scale)
        for engine in engines:
            target = target_for(engine, scale, args)
            print(f"\n== {scale} · {engine} ==")
            if engine == "pg" and (problem := pg_reachable(target.url)):
                print(f"  PostgreSQL skipped: the server does not answer ({problem})")
                continue
            print(f"  database: {ensure(target, scale, make_rows, args.rebuild)}")
            results[(scale, engine)] = measure(target, scale, args.runs)
            ready[(scale, engine)] = target
    print_summary(results, compare_sizes(ready, args.runs))
    if args.scale != "tiny" and "sqlite" in engines:
        drawn, kept, size, served = time_demo_report(min(args.runs, 5))
        print(f"\n== demo · sqlite ==\n  report.docx of the demo municipality (2022-H1): "
              f"median {drawn * 1000:.0f} ms drawing its charts (goal < 500 ms "
              f"{mark(drawn < 0.5)}), {kept * 1000:.0f} ms with the charts of the same figures "
              f"kept, {size // 1024} KB; once submitted, served from the snapshot in "
              f"{served * 1000:.0f} ms")
    if args.scale != "tiny" or args.first_load:
        print_first_load(min(args.runs, 5))
    return 0


def print_first_load(runs: int) -> None:
    (bundle, raw, packed), *locales = bundle_sizes()
    print(f"\n== first load · chromium ==\n  chart bundle {bundle}: {_bytes(raw)} bytes = "
          f"{raw / 1e6:.3f} MB, {packed / 1e6:.3f} MB gzipped (MB = 1 000 000 bytes; goal "
          f"< {BUNDLE_MAX_BYTES / 1e6:g} MB {mark(raw < BUNDLE_MAX_BYTES)})")
    for name, size, size_packed in locales:
        raw, packed = raw + size, packed + size_packed
        print(f"  with {name}: {_bytes(raw)} bytes = {raw / 1e6:.3f} MB ({raw / 2**20:.3f} MiB), "
              f"{packed / 1e6:.3f} MB gzipped")
    if not chromium():
        print("  first visit skipped: no Chromium (apt-get install chromium)")
        return
    cold, every_chart, warm = time_first_load(runs)
    print(f"  page.first_visit (demo municipal dashboard, cold cache, first screen): median "
          f"{cold * 1000:.0f} ms (goal < 1000 ms {'✓' if cold < 1 else '✗'}); every chart drawn "
          f"{every_chart * 1000:.0f} ms; second visit {warm * 1000:.0f} ms")


def _bytes(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def rows_maker(scale: str):
    """Generates the scale's rows once, for every engine that needs them."""
    generated = {}

    def make_rows(domains):
        key = tuple(domains)
        if key not in generated:
            generated[key] = generate(SCALES[scale], domains)
        return generated[key]
    return make_rows


def compare_sizes(ready: dict, runs: int) -> dict[str, dict[str, tuple[float, float]]]:
    """Per engine with both databases: the municipal dashboards in each, timed alternately."""
    same = {}
    for engine in ("sqlite", "pg"):
        if ("region", engine) in ready and ("nation", engine) in ready:
            region = Bench(ready[("region", engine)], "region")
            nation = Bench(ready[("nation", engine)], "nation")
            try:
                same[engine] = same_cost(region, nation, runs, WARMUP)
            finally:
                region.close()
                nation.close()
    return same


def measure(target: Target, scale: str, runs: int) -> dict:
    bench = Bench(target, scale)
    try:
        sizes = scope_sizes(bench)
        for scope, (schools, with_plan, teachers) in sizes.items():
            name = f" «{bench.municipality_name}»" if scope == "municipality" else ""
            if scope == "municipality.50":
                every, of_period = bench.catalogue_50
                name = (f" «{bench.municipality_50_name}», {every} indicators in its catalogue, "
                        f"{of_period} of them per half-year")
            print(f"  {scope}{name}: {schools} low-result schools, {teachers} active teachers, "
                  f"{with_plan} with a plan")
        print(f"  check: {check_agreement(bench, sizes)}")
        print(f"  load average before timing: {load_average()} (2 cores, shared)")
        return run_all(bench, runs, WARMUP, sizes)
    finally:
        bench.close()


if __name__ == "__main__":
    sys.exit(main())
