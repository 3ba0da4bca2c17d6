"""The database's side of stored files: every table with a `stored_name` column."""
from dataclasses import dataclass

from sqlalchemy import Table, select, update

from tracker.db import db


@dataclass(frozen=True)
class FileRow:
    table: str
    row_id: int
    stored_name: str
    sha256: str | None


def file_tables() -> list[Table]:
    return [table for table in db.metadata.sorted_tables if "stored_name" in table.c]


def file_rows(connection=None) -> list[FileRow]:
    """Every row that names a stored file, through the session or a given connection (a backup
    reads them in the snapshot it dumps)."""
    executor = connection if connection is not None else db.session
    rows = []
    for table in file_tables():
        checksum = table.c.sha256 if "sha256" in table.c else None
        columns = [table.c.id, table.c.stored_name] + ([checksum] if checksum is not None else [])
        for found in executor.execute(select(*columns).where(table.c.stored_name.is_not(None))):
            rows.append(FileRow(table.name, found[0], found[1],
                                found[2] if checksum is not None else None))
    return rows


def record_checksum(row: FileRow, sha256: str) -> None:
    table = db.metadata.tables[row.table]
    db.session.execute(update(table).where(table.c.id == row.row_id).values(sha256=sha256))
