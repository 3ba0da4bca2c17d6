"""scripts/bench.py runs end to end on a tiny synthetic dataset on SQLite: it builds the
database, checks its bare SQL against the application's figures, prints every case, and
re-uses the database on the next run. No timing is asserted (speed is the bench's report)."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from benchmark.cases import CASES  # noqa: E402


def run_bench(sqlite_dir: Path) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench.py"), "--scale", "tiny",
         "--engine", "sqlite", "--runs", "1", "--sqlite-dir", str(sqlite_dir)],
        capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_bench_runs_every_case_on_tiny_data(tmp_path):
    first = run_bench(tmp_path)
    assert "database: built" in first
    assert "the bare SQL and indicator_values() agree on teachers_with_plan" in first
    assert "50 indicators in its catalogue" in first
    table = first.split("== tiny · sqlite ==", 1)[1]
    for case in CASES:
        assert re.search(rf"^  {re.escape(case.name)} +\d+\.\d", table, re.MULTILINE), case.name
    assert "== Goals ==" in first
    assert "database: re-used" in run_bench(tmp_path)
