#!/usr/bin/env python
"""Speed of the indicators and dashboards, measured (issue 7; STYLE.md «Performance notes»).

    python scripts/bench.py [--scale tiny|region|nation|all] [--engine sqlite|pg|all]
                            [--runs N] [--rebuild] [--pg-url URL] [--sqlite-dir DIR]

Builds synthetic data (scripts/benchmark/gen_*.py; seeded, deterministic) at a scale, once per
engine: `region` = 1 region, 10 municipalities, 300 schools, 12 000 teachers; `nation` = 85
regions, 5 000 schools, 200 000 teachers, whose first region is exactly the `region` one;
`tiny` (6 schools) proves the script works (tests/test_bench.py). The schema comes from the
migrations; rows go in with executemany (SQLite) or COPY (PostgreSQL). A built database is
re-used while its marker (scale + fingerprint of schema and generator) matches; `--rebuild`
forces a new one. SQLite files go to instance/bench/; PostgreSQL to
postgresql://postgres@127.0.0.1:5432/tracker_bench_<scale> (skipped with a note when the
server does not answer).

Building takes, on the 2-core development machines: region about 5 s (SQLite) and 10 s
(PostgreSQL); nation about 1.5 min (SQLite) and 2.5 min (PostgreSQL), generation included.

Then every case of scripts/benchmark/cases.py is timed: the median of --runs runs after two
warm-up runs, with its ratio to the bare SQL of the same scope (the teachers_with_plan
aggregation run with the driver) and, for pages and calls, the time of the very statements
they sent, replayed with the driver. The goals are printed next to the figures.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tracker and config; this folder (benchmark) is on the path

from benchmark.cases import CASES  # noqa: E402
from benchmark.context import Bench  # noqa: E402
from benchmark.database import Target, ensure, pg_reachable  # noqa: E402
from benchmark.generate import generate  # noqa: E402
from benchmark.run import (check_agreement, load_average, print_summary, run_all,  # noqa: E402
                           scope_sizes)
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
        print(f"  {case.name:<24} {case.what}")
    results = {}
    for scale in scales:
        generated = {}

        def make_rows(domains, scale=scale, generated=generated):
            key = tuple(domains)  # the same rows for both engines
            if key not in generated:
                generated[key] = generate(SCALES[scale], domains)
            return generated[key]

        for engine in engines:
            target = target_for(engine, scale, args)
            print(f"\n== {scale} · {engine} ==")
            if engine == "pg" and (problem := pg_reachable(target.url)):
                print(f"  PostgreSQL skipped: the server does not answer ({problem})")
                continue
            print(f"  database: {ensure(target, scale, make_rows, args.rebuild)}")
            results[(scale, engine)] = measure(target, scale, args.runs)
    print_summary(results)
    return 0


def measure(target: Target, scale: str, runs: int) -> dict:
    bench = Bench(target, scale)
    try:
        sizes = scope_sizes(bench)
        for scope, (schools, with_plan, teachers) in sizes.items():
            name = f" «{bench.municipality_name}»" if scope == "municipality" else ""
            print(f"  {scope}{name}: {schools} low-result schools, {teachers} active teachers, "
                  f"{with_plan} with a plan")
        print(f"  check: {check_agreement(bench, sizes)}")
        print(f"  load average before timing: {load_average()} (2 cores, shared)")
        return run_all(bench, runs, WARMUP, sizes)
    finally:
        bench.close()


if __name__ == "__main__":
    sys.exit(main())
