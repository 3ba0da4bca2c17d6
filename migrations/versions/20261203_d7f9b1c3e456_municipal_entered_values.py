"""entered values once per municipality, and a plain figure beside pupils counted

An entered indicator counted at the municipality level (a survey result, a figure from another
system) is typed once for the municipality and period; `value` holds a count, a number or a share
typed as it is. Existing rows are per school and keep their meaning.

Revision ID: d7f9b1c3e456
Revises: 6b8596d5b6cc
Create Date: 2026-12-03 13:30:00.000000

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'd7f9b1c3e456'
down_revision = '6b8596d5b6cc'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('indicator_entered_values', schema=None) as batch_op:
        batch_op.add_column(sa.Column('municipality_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('value', sa.Numeric(precision=14, scale=2), nullable=True))
        batch_op.alter_column('school_id', existing_type=sa.Integer(), nullable=True)
        batch_op.create_index(batch_op.f('ix_indicator_entered_values_municipality_id'),
                              ['municipality_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_indicator_entered_values_municipality_id_municipalities'),
            'municipalities', ['municipality_id'], ['id'])
        batch_op.create_unique_constraint(
            batch_op.f('uq_indicator_entered_values_code_period_municipality_id'),
            ['code', 'period', 'municipality_id'])
        batch_op.create_check_constraint(
            batch_op.f('ck_indicator_entered_values_one_place'),
            '(school_id IS NULL) <> (municipality_id IS NULL)')


def downgrade():
    op.execute("DELETE FROM indicator_entered_values WHERE school_id IS NULL")
    with op.batch_alter_table('indicator_entered_values', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_indicator_entered_values_one_place'),
                                 type_='check')
        batch_op.drop_constraint(
            batch_op.f('uq_indicator_entered_values_code_period_municipality_id'), type_='unique')
        batch_op.drop_constraint(
            batch_op.f('fk_indicator_entered_values_municipality_id_municipalities'),
            type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_indicator_entered_values_municipality_id'))
        batch_op.alter_column('school_id', existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column('value')
        batch_op.drop_column('municipality_id')
