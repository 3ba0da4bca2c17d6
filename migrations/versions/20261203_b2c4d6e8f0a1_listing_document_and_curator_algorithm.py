"""report narratives: the document behind the list of schools with low results and the
curator's algorithm, in the program passport

Revision ID: b2c4d6e8f0a1
Revises: a9b8c7d6e5f4
Create Date: 2026-12-03 19:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b2c4d6e8f0a1'
down_revision = 'a9b8c7d6e5f4'
branch_labels = None
depends_on = None

TEXTS = (('listing_document', sa.String(length=300)), ('listing_number', sa.String(length=60)),
         ('listing_title', sa.String(length=500)), ('curator_algorithm', sa.Text()))


def upgrade():
    with op.batch_alter_table('report_narratives') as batch:
        for name, kind in TEXTS:
            batch.add_column(sa.Column(name, kind, nullable=False, server_default=''))
        batch.add_column(sa.Column('listing_date', sa.Date(), nullable=True))
    with op.batch_alter_table('report_narratives') as batch:
        for name, kind in TEXTS:
            batch.alter_column(name, existing_type=kind, server_default=None)


def downgrade():
    with op.batch_alter_table('report_narratives') as batch:
        batch.drop_column('listing_date')
        for name, _kind in reversed(TEXTS):
            batch.drop_column(name)
