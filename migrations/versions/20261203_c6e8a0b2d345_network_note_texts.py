"""The coordinator's conclusions and recommendations of the analytical note on network
interaction, per municipality and year or school year

Revision ID: c6e8a0b2d345
Revises: b4d6f8a01c23
Create Date: 2026-12-03 07:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'c6e8a0b2d345'
down_revision = 'b4d6f8a01c23'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'network_note_texts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('municipality_id', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=7), nullable=False),
        sa.Column('conclusions', sa.Text(), nullable=False),
        sa.Column('recommendations', sa.Text(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'],
                                name=op.f('fk_network_note_texts_municipality_id_municipalities')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_network_note_texts')),
        sa.UniqueConstraint('municipality_id', 'period',
                            name=op.f('uq_network_note_texts_municipality_id_period')),
    )
    op.create_index(op.f('ix_network_note_texts_municipality_id'), 'network_note_texts',
                    ['municipality_id'])


def downgrade():
    op.drop_index(op.f('ix_network_note_texts_municipality_id'), table_name='network_note_texts')
    op.drop_table('network_note_texts')
