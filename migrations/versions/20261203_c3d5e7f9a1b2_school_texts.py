"""report school texts: the coordinator's paragraph on each school of a half-year

Revision ID: c3d5e7f9a1b2
Revises: b2c4d6e8f0a1
Create Date: 2026-12-03 19:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c3d5e7f9a1b2'
down_revision = 'b2c4d6e8f0a1'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'report_school_texts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('school_id', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=7), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['school_id'], ['schools.id'],
                                name=op.f('fk_report_school_texts_school_id_schools')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_school_texts')),
        sa.UniqueConstraint('school_id', 'period', name=op.f('uq_report_school_texts_school_id_period')),
    )
    with op.batch_alter_table('report_school_texts') as batch:
        batch.create_index(batch.f('ix_report_school_texts_school_id'), ['school_id'], unique=False)


def downgrade():
    with op.batch_alter_table('report_school_texts') as batch:
        batch.drop_index(batch.f('ix_report_school_texts_school_id'))
    op.drop_table('report_school_texts')
