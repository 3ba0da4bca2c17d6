"""`flask backup create DEST`, `flask backup restore SRC` (behind scripts/backup.sh, restore.sh)."""
from pathlib import Path

import click
from flask.cli import AppGroup

from tracker import backup
from tracker.storage import backend

backup_group = AppGroup("backup", help="One consistent backup of the database and the files; "
                                       "its verified restore.")


@backup_group.command("create")
@click.argument("target", type=click.Path(file_okay=False, path_type=Path))
def create_command(target: Path):
    """Dump the database, then copy the files its rows name, with their SHA-256 manifest, into
    TARGET (a new or empty directory)."""
    store = backend()
    try:
        summary = backup.create(target, store)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"{target}: {summary.engine} database ({summary.dump}, {_size(summary.dump_size)}),"
               f" {summary.files} files from {store.url} ({_size(summary.files_size)}), "
               "manifest.sha256")


@backup_group.command("restore")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
def restore_command(source: Path):
    """Verify the backup in SOURCE against its manifest, put its files into the configured
    (empty) store and its database into the configured (empty) database, then check that every
    row has its file with the same checksum."""
    store = backend()
    try:
        summary = backup.restore(source, store)
    except backup.BackupError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Restored {summary.engine} database ({_size(summary.dump_size)}) and "
               f"{summary.files} files into {store.url}: every row has its file, every checksum "
               "equals the manifest's. Then run flask db upgrade if this code is newer.")


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:.1f} MB" if count >= 1024 * 1024 else f"{count / 1024:.0f} KB"
