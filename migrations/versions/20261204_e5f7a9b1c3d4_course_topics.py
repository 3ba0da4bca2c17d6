"""course completions: the course's direction (subject, functional literacy, the updated ФГОС…)

Revision ID: e5f7a9b1c3d4
Revises: d4e6f8a0b2c3
Create Date: 2026-12-04 18:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'e5f7a9b1c3d4'
down_revision = 'd4e6f8a0b2c3'
branch_labels = None
depends_on = None

TOPICS = ('subject', 'functional_literacy', 'updated_standards', 'information_security',
          'inclusion', 'other')


def upgrade():
    with op.batch_alter_table('course_completions') as batch:
        batch.add_column(sa.Column('topic', sa.String(length=30), nullable=True))
        batch.create_check_constraint(
            batch.f('ck_course_completions_topic'),
            "topic IN (" + ", ".join(f"'{topic}'" for topic in TOPICS) + ")")


def downgrade():
    with op.batch_alter_table('course_completions') as batch:
        batch.drop_constraint(batch.f('ck_course_completions_topic'), type_='check')
        batch.drop_column('topic')
