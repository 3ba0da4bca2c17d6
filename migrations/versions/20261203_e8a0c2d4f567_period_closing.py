"""period closing: a municipality's period submitted, approved or returned, with its snapshot

Revision ID: e8a0c2d4f567
Revises: d7f9b1c3e456
Create Date: 2026-12-03 14:00:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'e8a0c2d4f567'
down_revision = 'd7f9b1c3e456'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('period_closings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('state_since', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("state IN ('open', 'submitted', 'returned', 'approved')", name=op.f('ck_period_closings_state')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_period_closings_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_closings')),
    sa.UniqueConstraint('municipality_id', 'period', name=op.f('uq_period_closings_municipality_id_period'))
    )
    with op.batch_alter_table('period_closings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_closings_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('period_deadlines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('region_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("period <> ''", name=op.f('ck_period_deadlines_period_given')),
    sa.ForeignKeyConstraint(['region_id'], ['regions.id'], name=op.f('fk_period_deadlines_region_id_regions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_deadlines')),
    sa.UniqueConstraint('region_id', 'period', name=op.f('uq_period_deadlines_region_id_period'))
    )
    with op.batch_alter_table('period_deadlines', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_deadlines_region_id'), ['region_id'], unique=False)

    op.create_table('period_snapshots',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('closing_id', sa.Integer(), nullable=False),
    sa.Column('taken_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('narrative', sa.JSON(), nullable=False),
    sa.Column('stored_name', sa.String(length=80), nullable=True),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['closing_id'], ['period_closings.id'], name=op.f('fk_period_snapshots_closing_id_period_closings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_snapshots'))
    )
    with op.batch_alter_table('period_snapshots', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_snapshots_closing_id'), ['closing_id'], unique=False)

    op.create_table('period_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('closing_id', sa.Integer(), nullable=False),
    sa.Column('step', sa.String(length=10), nullable=False),
    sa.Column('by_id', sa.Integer(), nullable=True),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint("step IN ('submit', 'approve', 'return', 'reopen')", name=op.f('ck_period_steps_step')),
    sa.ForeignKeyConstraint(['by_id'], ['users.id'], name=op.f('fk_period_steps_by_id_users')),
    sa.ForeignKeyConstraint(['closing_id'], ['period_closings.id'], name=op.f('fk_period_steps_closing_id_period_closings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_period_steps'))
    )
    with op.batch_alter_table('period_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_period_steps_closing_id'), ['closing_id'], unique=False)


def downgrade():
    for table in ('period_steps', 'period_snapshots', 'period_deadlines', 'period_closings'):
        op.drop_table(table)
