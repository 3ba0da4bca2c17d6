"""Deliberate breaks the test suite must catch.

Each mutant replaces one piece of code with a broken version in a temporary copy of the
repository (the committed tree plus the working changes), runs the tests that guard that piece and
reports whether they failed, i.e. whether the suite caught the break, and which test caught it.
The working tree is never touched.

    .venv/bin/python scripts/mutants.py            # every mutant
    .venv/bin/python scripts/mutants.py --list     # the list, nothing run
    .venv/bin/python scripts/mutants.py -k scope   # the mutants whose name contains «scope»

Exits non-zero when any mutant survives. Runs on demand (a few minutes), not in every CI run.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Mutant:
    name: str
    what: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


ACCESS = ("tests/test_access.py",)

MUTANTS = (
    Mutant("scope.director_sees_municipality",
           "a director sees every school of the municipality",
           "tracker/permissions.py",
           "        return School.id == user.school_id\n",
           "        return School.municipality_id == select(School.municipality_id).where(\n"
           "            School.id == user.school_id).scalar_subquery()\n",
           ACCESS),
    Mutant("scope.coordinator_sees_region",
           "a coordinator's scope widens to the whole region",
           "tracker/permissions.py",
           "        return School.municipality_id == user.municipality_id\n",
           "        return School.municipality_id.in_(select(Municipality.id).where(\n"
           "            Municipality.region_id == select(Municipality.region_id).where(\n"
           "                Municipality.id == user.municipality_id).scalar_subquery()))\n",
           ACCESS),
    Mutant("scope.curator_keeps_ended_assignment",
           "a curator keeps the schools of an ended assignment",
           "tracker/permissions.py",
           "        or_(CuratorAssignment.ends_on.is_(None), CuratorAssignment.ends_on >= day),\n",
           "        true(),\n",
           ACCESS),
    Mutant("scope.director_reads_internal_notes",
           "a director reads internal visit notes and attachments",
           "tracker/permissions.py",
           "    return user.role != Role.DIRECTOR\n",
           "    return True\n",
           ACCESS),
    Mutant("scope.any_curator_edits_a_visit",
           "any curator of the school may edit another curator's visit",
           "tracker/permissions.py",
           "    return visit.curator_id == user.id and can_record_visit(user, visit.school)\n",
           "    return can_record_visit(user, visit.school)\n",
           ACCESS),
    Mutant("scope.coordinator_edits_region_indicator",
           "a municipal coordinator edits the region's indicators",
           "tracker/permissions.py",
           "        return indicator.municipality_id is not None \\\n"
           "            and indicator.municipality_id == user.municipality_id\n",
           "        return indicator.municipality_id is None \\\n"
           "            or indicator.municipality_id == user.municipality_id\n",
           ("tests/test_indicator_catalogue_pages.py",)),
    Mutant("targets.share_above_100",
           "a share above 100 % is accepted as a target or a typed value",
           "tracker/indicators/figures.py",
           "    if unit == Unit.PERCENT and not 0 <= number <= 100:\n",
           "    if unit == Unit.PERCENT and number < 0:\n",
           ("tests/test_indicator_catalogue_pages.py", "tests/test_entered_values.py")),
    Mutant("scope.declared_roles_everywhere",
           "a model declaring its editors is edited outside the place's scope",
           "tracker/permissions.py",
           "    return user.role in (model.editors if edit else model.viewers) and can_view(user, "
           "place)\n",
           "    return user.role in (model.editors if edit else model.viewers)\n",
           ("tests/test_network_developments.py", "tests/test_addressed_recommendations.py")),
    Mutant("addressed.return_without_reason",
           "the region returns an answer without saying why",
           "tracker/addressed/forms.py",
           "        if self.decision.data == \"return\" and not (field.data or \"\").strip():\n",
           "        if False:\n",
           ("tests/test_addressed_recommendations.py",)),
    Mutant("report.drops_courses_table",
           "the half-year report loses the per-school courses table",
           "tracker/reports/halfyear/teachers.py",
           "    section.blocks += [*figures, *([topics] if topics else []), courses]\n",
           "    section.blocks += [*figures, *([topics] if topics else [])]\n",
           ("tests/test_report_docx.py", "tests/test_report_demo.py")),
    Mutant("report.drops_course_figures",
           "the half-year report loses the municipality-wide course figures and the listeners "
           "table",
           "tracker/reports/halfyear/teachers.py",
           "    section.blocks += [*figures, *([topics] if topics else []), courses]\n",
           "    section.blocks += [*([topics] if topics else []), courses]\n",
           ("tests/test_report_demo.py", "tests/test_report_pages.py")),
    Mutant("report.topics_of_the_half_year_only",
           "the course directions are counted in the half-year, not in its school year",
           "tracker/reports/halfyear/teachers.py",
           "    counts = queries.teachers_by_course_topic(ctx.school_ids, school_year.starts_on,\n",
           "    counts = queries.teachers_by_course_topic(ctx.school_ids, ctx.period.starts_on,\n",
           ("tests/test_report_demo.py",)),
    Mutant("charts.kept_by_labels_only",
           "a report's chart is reused for other figures with the same labels",
           "tracker/reports/halfyear/charts.py",
           "        return cached(*(_frozen(arg) for arg in args))\n",
           "        return cached(*(_frozen(arg) for arg in args[:1]))\n",
           ("tests/test_report_charts.py",)),
    Mutant("report.drops_development_table",
           "the half-year report loses the per-school development table",
           "tracker/reports/halfyear/teachers.py",
           "        development,\n",
           "",
           ("tests/test_report_docx.py", "tests/test_report_demo.py")),
    Mutant("report.drops_network_table",
           "the half-year report loses the network-participation table",
           "tracker/reports/halfyear/network.py",
           "    section.blocks.append(Table(",
           "    section.blocks.count(Table(",
           ("tests/test_report_docx.py", "tests/test_report_demo.py",
            "tests/test_report_network_warnings.py")),
    Mutant("report.drops_measures_summary",
           "the half-year report loses the measures summary per school",
           "tracker/reports/halfyear/measures.py",
           "        section.blocks += _summary(ctx, schools, chosen, tallies)\n",
           "",
           ("tests/test_report_docx.py", "tests/test_report_demo.py")),
    Mutant("report.drops_visits_table",
           "the half-year report loses the curator-visits table (says there were no visits)",
           "tracker/reports/halfyear/staffing.py",
           "    rows = [row for row in school_coverage(ctx.municipality, ctx.period, today=ctx.today)\n"
           "            if row.school_id in mine]\n",
           "    rows = []\n",
           ("tests/test_report_variants.py",)),
    Mutant("dates.pages_count_on_today",
           "pages without a period count «overdue» on today instead of the working period's day",
           "tracker/working_period.py",
           "        g.reference_day = working_period(user).as_of()\n",
           "        g.reference_day = date.today()\n",
           ("tests/test_reference_day.py",)),
    Mutant("import.commits_each_chunk",
           "the teachers import commits after every chunk of rows",
           "tracker/teachers/import_writes.py",
           "                                               for r in chunk])\n"
           "            self.advance(len(chunk))\n",
           "                                               for r in chunk])\n"
           "            db.session.commit()\n"
           "            self.advance(len(chunk))\n",
           ("tests/test_write_failures.py", "tests/test_teachers_import.py")),
    Mutant("upload.accepts_active_pdf",
           "a PDF with scripts or embedded files is stored",
           "tracker/storage/checks.py",
           "    problem = active_content.pdf_problem(data)\n",
           "    problem = None\n",
           ("tests/test_uploads.py",)),
    Mutant("upload.accepts_external_relationships",
           "a DOCX that loads a remote template or an outside object is stored",
           "tracker/storage/active_content.py",
           "            if external and kind not in SAFE_EXTERNAL:\n",
           "            if False:\n",
           ("tests/test_uploads.py",)),
    Mutant("import.unbounded_cells",
           "a sheet as wide as column XFD is read to the end",
           "tracker/spreadsheets.py",
           "            if self.cells < 0:\n",
           "            if False:\n",
           ("tests/robustness/test_import_limits.py",)),
    Mutant("purge.keeps_names_in_audit",
           "a purged teacher's name stays in the audit record",
           "tracker/teachers/services.py",
           "    rewritten = audit.pseudonymise(names | removed.names, pseudonym,\n",
           "    rewritten = [] and audit.pseudonymise(names | removed.names, pseudonym,\n",
           ("tests/test_teachers.py",)),
    Mutant("audit.card_read_unrecorded",
           "reading a teacher's card leaves no trace in the audit",
           "tracker/teachers/views.py",
           "    audit.record_personal_data(\"personal_viewed\", teacher)\n",
           "",
           ("tests/test_audit.py",)),
)


def copy_of_the_tree(target: Path) -> None:
    """The files git knows of (committed or not), as they are in the working tree."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT,
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / ".venv").symlink_to(ROOT / ".venv")


def apply(mutant: Mutant, tree: Path) -> str:
    path = tree / mutant.path
    text = path.read_text(encoding="utf-8")
    if text.count(mutant.old) != 1:
        raise SystemExit(f"{mutant.name}: the code to break is not found once in {mutant.path}; "
                         "update the mutant to the current code")
    path.write_text(text.replace(mutant.old, mutant.new), encoding="utf-8")
    return text


def run_tests(mutant: Mutant, tree: Path) -> tuple[bool, str]:
    """(caught, the first failing test or the last line of the run)."""
    env = dict(os.environ, TRACKER_ENV="test")
    env.pop("TEST_DATABASE_URL", None)
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), "-m", "pytest", "-x", "-q", "-rf", "-p",
         "no:cacheprovider", *mutant.tests], cwd=tree, env=env, capture_output=True, text=True)
    failed = re.findall(r"^(?:FAILED|ERROR) (\S+)", result.stdout, re.M)
    last = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    return result.returncode != 0, failed[0] if failed else last


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", dest="only", default="", help="run mutants whose name contains this")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    args = parser.parse_args()
    chosen = [m for m in MUTANTS if args.only in m.name]
    if args.list:
        for mutant in chosen:
            print(f"{mutant.name:40} {mutant.what}")
        return 0
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="tracker-mutants-") as temp:
        tree = Path(temp)
        copy_of_the_tree(tree)
        for mutant in chosen:
            original = apply(mutant, tree)
            try:
                caught, by = run_tests(mutant, tree)
            finally:
                (tree / mutant.path).write_text(original, encoding="utf-8")
            survivors += not caught
            verdict = "caught  " if caught else "SURVIVED"
            print(f"{verdict} {mutant.name:40} {by if caught else mutant.what}", flush=True)
    print(f"{len(chosen) - survivors} of {len(chosen)} mutants caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
