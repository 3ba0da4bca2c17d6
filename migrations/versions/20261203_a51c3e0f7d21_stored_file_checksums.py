"""stored file checksums: the SHA-256 of every stored file on its row, verified on download

Existing rows get the checksum of the file as it is now in the configured store; a row whose file
is missing keeps NULL (`flask storage check` lists it).

Revision ID: a51c3e0f7d21
Revises: c6e8a0b2d345
Create Date: 2026-12-03 07:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a51c3e0f7d21'
down_revision = 'c6e8a0b2d345'
branch_labels = None
depends_on = None

TABLES = ('document_versions', 'evidence', 'visit_attachments', 'recommendation_events')


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('sha256', sa.String(length=64), nullable=True))
    for table in TABLES:
        _record_existing(table)


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column('sha256')


def _record_existing(name: str) -> None:
    from tracker import storage
    connection = op.get_bind()
    table = sa.table(name, sa.column('id'), sa.column('stored_name'), sa.column('sha256'))
    rows = connection.execute(sa.select(table.c.id, table.c.stored_name)
                              .where(table.c.stored_name.is_not(None))).all()
    for row_id, stored_name in rows:
        try:
            with storage.open_file(stored_name) as handle:
                checksum = storage.sha256_of(handle)
        except (FileNotFoundError, ValueError):
            continue
        connection.execute(table.update().where(table.c.id == row_id).values(sha256=checksum))
