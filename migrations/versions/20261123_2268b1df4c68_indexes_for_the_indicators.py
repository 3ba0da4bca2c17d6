"""indexes for the indicator queries: each answers within the scope, from the index

- measures (program_id, status): SQLite (no statistics) answered «done measures of these
  schools» from ix_measures_status, reading the done measures of the whole database;
- teachers (school_id, is_active) and development_plans (teacher_id, status): the teachers'
  shares are counted from the indexes alone on SQLite (about half the time), and the plan
  lookup per teacher is an index-only scan on PostgreSQL.

Measured with scripts/bench.py.

Revision ID: 2268b1df4c68
Revises: d4e784a5754c
Create Date: 2026-11-23 23:35:56.307300

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '2268b1df4c68'
down_revision = 'd4e784a5754c'
branch_labels = None
depends_on = None

INDEXES = (
    ('measures', 'ix_measures_program_id_status', ['program_id', 'status']),
    ('teachers', 'ix_teachers_school_id_is_active', ['school_id', 'is_active']),
    ('development_plans', 'ix_development_plans_teacher_id_status', ['teacher_id', 'status']),
)


def upgrade():
    for table, name, columns in INDEXES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(name, columns, unique=False)


def downgrade():
    for table, name, _columns in reversed(INDEXES):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(name)
