"""`flask storage check [--repair]`, `flask storage migrate --to s3://bucket/prefix`."""
from datetime import timedelta

import click
from flask.cli import AppGroup

from tracker.storage import backend
from tracker.storage import maintenance

storage_group = AppGroup("storage", help="The stored files: check, repair, move to another store.")


@storage_group.command("check")
@click.option("--repair", is_flag=True,
              help="Remove files without rows and stale temporary files, finish interrupted "
                   "uploads, record missing checksums.")
@click.option("--stale-after-minutes", type=click.IntRange(min=0), default=60, show_default=True,
              help="Age from which a temporary file without a row is an abandoned upload.")
def check_command(repair: bool, stale_after_minutes: int):
    """List files without rows, rows without files and checksum mismatches."""
    store = backend()
    findings = maintenance.check(store, stale_after=timedelta(minutes=stale_after_minutes))
    click.echo(f"{store.url}: {findings.checked} stored files checked")
    for title, items in _sections(findings):
        for item in items:
            click.echo(f"  {title}: {item}")
    if repair:
        for line in maintenance.repair(findings, store):
            click.echo(f"  repaired: {line}")
        left = len(findings.missing) + len(findings.damaged)
    else:
        left = findings.problems
    click.echo(f"{findings.problems} problems found" + (f", {left} left" if repair else ""))
    if left:
        raise SystemExit(1)


def _sections(findings: maintenance.Findings):
    rows = lambda items: [f"{row.table} #{row.row_id} ({row.stored_name})" for row in items]  # noqa: E731
    return (("file without a row", findings.orphans),
            ("stale temporary file", findings.stale_temporary),
            ("upload not finished", rows(findings.unfinished)),
            ("row without its file", rows(findings.missing)),
            ("checksum differs (restore from a backup)", rows(findings.damaged)),
            ("checksum not recorded", rows(findings.unrecorded)))


@storage_group.command("migrate")
@click.option("--to", "target_url", required=True, help="s3://bucket/prefix or a directory")
def migrate_command(target_url: str):
    """Copy every stored file into another store and verify each checksum there."""
    target = backend(target_url)
    outcome = maintenance.migrate(target)
    click.echo(f"{outcome.copied} files copied and verified, {outcome.already_there} already "
               f"there, {len(outcome.problems)} problems")
    for problem in outcome.problems:
        click.echo(f"  {problem}")
    if outcome.problems:
        raise SystemExit(1)
    click.echo(f"Now set STORAGE_URL={target_url}")
