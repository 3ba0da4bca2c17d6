"""teachers: roster, deficit diagnostics, development plans, mentoring, courses

Inserts the default deficit domains (an editable reference list afterwards).

Revision ID: 7c4041fd2594
Revises: 5b5c49ea915a
Create Date: 2026-11-23 19:55:40.261290

"""
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

DEFAULT_DOMAINS = ("предметный", "методический", "психолого-педагогический",
                   "нормативно-правовой")


# revision identifiers, used by Alembic.
revision = '7c4041fd2594'
down_revision = '1cfbbee18861'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('deficit_domains',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deficit_domains')),
    sa.UniqueConstraint('name', name=op.f('uq_deficit_domains_name'))
    )
    domains = sa.table('deficit_domains', sa.column('name'), sa.column('position'),
                       sa.column('is_active'), sa.column('created_at'), sa.column('updated_at'))
    now = datetime.now(UTC)
    op.bulk_insert(domains, [{'name': name, 'position': i, 'is_active': True, 'created_at': now,
                              'updated_at': now} for i, name in enumerate(DEFAULT_DOMAINS, 1)])
    op.create_table('mentoring_programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=True),
    sa.Column('approval_order', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_mentoring_programs_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentoring_programs')),
    sa.UniqueConstraint('school_id', name=op.f('uq_mentoring_programs_school_id'))
    )
    op.create_table('teachers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('full_name', sa.String(length=200), nullable=False),
    sa.Column('name_key', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.Column('subjects', sa.String(length=500), nullable=False),
    sa.Column('experience_years', sa.Integer(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('is_purged', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('experience_years IS NULL OR experience_years BETWEEN 0 AND 70', name=op.f('ck_teachers_experience_range')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_teachers_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_teachers')),
    sa.UniqueConstraint('school_id', 'name_key', name=op.f('uq_teachers_school_id_name_key'))
    )
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_teachers_school_id'), ['school_id'], unique=False)

    op.create_table('course_completions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('program_title', sa.String(length=500), nullable=False),
    sa.Column('provider', sa.String(length=10), nullable=False),
    sa.Column('hours', sa.Integer(), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('is_federal_registry', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("provider IN ('academy', 'iro', 'other')", name=op.f('ck_course_completions_provider')),
    sa.CheckConstraint('hours >= 16', name=op.f('ck_course_completions_min_hours')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teachers.id'], name=op.f('fk_course_completions_teacher_id_teachers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_course_completions')),
    sa.UniqueConstraint('teacher_id', 'program_title', 'completed_on', name=op.f('uq_course_completions_teacher_id_program_title_completed_on'))
    )
    with op.batch_alter_table('course_completions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_course_completions_completed_on'), ['completed_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_course_completions_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('diagnostics',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('provider', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("provider IN ('cnppm', 'iro', 'school', 'other')", name=op.f('ck_diagnostics_provider')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teachers.id'], name=op.f('fk_diagnostics_teacher_id_teachers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostics')),
    sa.UniqueConstraint('teacher_id', 'held_on', 'provider', name=op.f('uq_diagnostics_teacher_id_held_on_provider'))
    )
    with op.batch_alter_table('diagnostics', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostics_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('mentorships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('mentor_id', sa.Integer(), nullable=False),
    sa.Column('mentee_id', sa.Integer(), nullable=False),
    sa.Column('form', sa.String(length=20), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("form IN ('teacher_teacher', 'peer_to_peer', 'manager_teacher', 'experienced_young')", name=op.f('ck_mentorships_form')),
    sa.CheckConstraint("status IN ('active', 'finished', 'cancelled')", name=op.f('ck_mentorships_status')),
    sa.CheckConstraint('ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_mentorships_dates_order')),
    sa.CheckConstraint('mentor_id != mentee_id', name=op.f('ck_mentorships_two_people')),
    sa.ForeignKeyConstraint(['mentee_id'], ['teachers.id'], name=op.f('fk_mentorships_mentee_id_teachers')),
    sa.ForeignKeyConstraint(['mentor_id'], ['teachers.id'], name=op.f('fk_mentorships_mentor_id_teachers')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_mentorships_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mentorships'))
    )
    with op.batch_alter_table('mentorships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentorships_mentee_id'), ['mentee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentorships_mentor_id'), ['mentor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentorships_school_id'), ['school_id'], unique=False)

    op.create_table('development_plans',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('teacher_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=7), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('diagnostic_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'approved', 'done')", name=op.f('ck_development_plans_status')),
    sa.ForeignKeyConstraint(['diagnostic_id'], ['diagnostics.id'], name=op.f('fk_development_plans_diagnostic_id_diagnostics')),
    sa.ForeignKeyConstraint(['teacher_id'], ['teachers.id'], name=op.f('fk_development_plans_teacher_id_teachers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_development_plans')),
    sa.UniqueConstraint('teacher_id', 'period', name=op.f('uq_development_plans_teacher_id_period'))
    )
    with op.batch_alter_table('development_plans', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_development_plans_teacher_id'), ['teacher_id'], unique=False)

    op.create_table('diagnostic_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('diagnostic_id', sa.Integer(), nullable=False),
    sa.Column('domain_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('deficits', sa.Text(), nullable=False),
    sa.CheckConstraint("level IN ('high', 'medium', 'low')", name=op.f('ck_diagnostic_results_level')),
    sa.CheckConstraint('score IS NULL OR score BETWEEN 0 AND 100', name=op.f('ck_diagnostic_results_score_range')),
    sa.ForeignKeyConstraint(['diagnostic_id'], ['diagnostics.id'], name=op.f('fk_diagnostic_results_diagnostic_id_diagnostics')),
    sa.ForeignKeyConstraint(['domain_id'], ['deficit_domains.id'], name=op.f('fk_diagnostic_results_domain_id_deficit_domains')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_diagnostic_results')),
    sa.UniqueConstraint('diagnostic_id', 'domain_id', name=op.f('uq_diagnostic_results_diagnostic_id_domain_id'))
    )
    with op.batch_alter_table('diagnostic_results', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_diagnostic_results_diagnostic_id'), ['diagnostic_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_diagnostic_results_domain_id'), ['domain_id'], unique=False)

    op.create_table('plan_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('deficit', sa.String(length=500), nullable=False),
    sa.Column('activity', sa.String(length=20), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('result_form', sa.String(length=300), nullable=False),
    sa.Column('is_done', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("activity IN ('course', 'internship', 'webinar', 'methodical_union', 'mentoring', 'self_study')", name=op.f('ck_plan_items_activity')),
    sa.ForeignKeyConstraint(['plan_id'], ['development_plans.id'], name=op.f('fk_plan_items_plan_id_development_plans')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_items'))
    )
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_items_plan_id'), ['plan_id'], unique=False)



def downgrade():
    with op.batch_alter_table('plan_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_items_plan_id'))

    op.drop_table('plan_items')
    with op.batch_alter_table('diagnostic_results', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostic_results_domain_id'))
        batch_op.drop_index(batch_op.f('ix_diagnostic_results_diagnostic_id'))

    op.drop_table('diagnostic_results')
    with op.batch_alter_table('development_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_development_plans_teacher_id'))

    op.drop_table('development_plans')
    with op.batch_alter_table('mentorships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentorships_school_id'))
        batch_op.drop_index(batch_op.f('ix_mentorships_mentor_id'))
        batch_op.drop_index(batch_op.f('ix_mentorships_mentee_id'))

    op.drop_table('mentorships')
    with op.batch_alter_table('diagnostics', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_diagnostics_teacher_id'))

    op.drop_table('diagnostics')
    with op.batch_alter_table('course_completions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_course_completions_teacher_id'))
        batch_op.drop_index(batch_op.f('ix_course_completions_completed_on'))

    op.drop_table('course_completions')
    with op.batch_alter_table('teachers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_teachers_school_id'))

    op.drop_table('teachers')
    op.drop_table('mentoring_programs')
    op.drop_table('deficit_domains')
