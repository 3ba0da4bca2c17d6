"""Schools: a natural sort key («СОШ № 2» before «СОШ № 17»)

Revision ID: f808d0e10944
Revises: eb328be7327e
Create Date: 2026-11-23 23:18:57.592733

"""
import re

import sqlalchemy as sa
from alembic import op

revision = 'f808d0e10944'
down_revision = 'eb328be7327e'
branch_labels = None
depends_on = None


LEGAL_FORM_PREFIX = re.compile(r"^[А-ЯЁ]{2,}\s+«?")  # «МБОУ «», «МАДОУ »…


def natural_key(name: str) -> str:
    # a copy of tracker.schools.models.natural_key as of this revision
    name = LEGAL_FORM_PREFIX.sub("", name).lower()
    return re.sub(r"\d+", lambda number: number.group().zfill(6), name)[:300]


def upgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sort_key', sa.String(length=300), nullable=True))
    connection = op.get_bind()
    schools = sa.table('schools', sa.column('id', sa.Integer), sa.column('short_name', sa.String),
                       sa.column('sort_key', sa.String))
    for school_id, short_name in connection.execute(sa.select(schools.c.id, schools.c.short_name)):
        connection.execute(schools.update().where(schools.c.id == school_id)
                           .values(sort_key=natural_key(short_name)))
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.alter_column('sort_key', existing_type=sa.String(length=300), nullable=False)
        batch_op.create_index(batch_op.f('ix_schools_sort_key'), ['sort_key'], unique=False)


def downgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_schools_sort_key'))
        batch_op.drop_column('sort_key')
