"""Report narratives: the program passport, conclusions, priorities, comments, signatory

Revision ID: d4e784a5754c
Revises: 8274ef7db5a8
Create Date: 2026-11-23 23:11:28.434222

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd4e784a5754c'
down_revision = '8274ef7db5a8'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('report_narratives',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('roadmap_basis', sa.Text(), nullable=False),
    sa.Column('program_basis', sa.Text(), nullable=False),
    sa.Column('program_goal', sa.Text(), nullable=False),
    sa.Column('program_tasks', sa.Text(), nullable=False),
    sa.Column('conclusions', sa.Text(), nullable=False),
    sa.Column('priorities', sa.Text(), nullable=False),
    sa.Column('comment_schools', sa.Text(), nullable=False),
    sa.Column('comment_indicators', sa.Text(), nullable=False),
    sa.Column('comment_measures', sa.Text(), nullable=False),
    sa.Column('comment_teachers', sa.Text(), nullable=False),
    sa.Column('comment_shortage', sa.Text(), nullable=False),
    sa.Column('comment_consultations', sa.Text(), nullable=False),
    sa.Column('comment_events', sa.Text(), nullable=False),
    sa.Column('comment_network', sa.Text(), nullable=False),
    sa.Column('signatory_position', sa.String(length=200), nullable=False),
    sa.Column('signatory_name', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_report_narratives_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_narratives')),
    sa.UniqueConstraint('municipality_id', 'period', name=op.f('uq_report_narratives_municipality_id_period'))
    )
    with op.batch_alter_table('report_narratives', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_report_narratives_municipality_id'), ['municipality_id'], unique=False)



def downgrade():
    with op.batch_alter_table('report_narratives', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_report_narratives_municipality_id'))

    op.drop_table('report_narratives')
