"""sign-in failures: the shared store of the sign-in throttling (when no Redis is configured)

Revision ID: a9b8c7d6e5f4
Revises: f3a9c2e7b814
Create Date: 2026-12-03 14:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'a9b8c7d6e5f4'
down_revision = 'f3a9c2e7b814'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'sign_in_failures',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sign_in_failures')),
    )
    with op.batch_alter_table('sign_in_failures') as batch:
        batch.create_index('ix_sign_in_failures_key_at', ['key', 'at'], unique=False)
        batch.create_index(batch.f('ix_sign_in_failures_at'), ['at'], unique=False)


def downgrade():
    with op.batch_alter_table('sign_in_failures') as batch:
        batch.drop_index(batch.f('ix_sign_in_failures_at'))
        batch.drop_index('ix_sign_in_failures_key_at')
    op.drop_table('sign_in_failures')
