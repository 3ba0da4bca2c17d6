"""report narratives: figures the records do not hold (all teachers of the municipality and
those trained; the half-year's listeners in the municipality and in the region)

Revision ID: d4e6f8a0b2c3
Revises: c3d5e7f9a1b2
Create Date: 2026-12-03 19:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'd4e6f8a0b2c3'
down_revision = 'c3d5e7f9a1b2'
branch_labels = None
depends_on = None

FIGURES = ('municipal_teachers_trained', 'municipal_teachers_total', 'listeners_academy',
           'listeners_iro_registry', 'listeners_iro_other', 'region_listeners_academy',
           'region_listeners_iro_registry', 'region_listeners_iro_other')


def upgrade():
    with op.batch_alter_table('report_narratives') as batch:
        for name in FIGURES:
            batch.add_column(sa.Column(name, sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('report_narratives') as batch:
        for name in reversed(FIGURES):
            batch.drop_column(name)
