"""visits: visits, participants, notes, recommendations and their history, coverage settings

Revision ID: 1cfbbee18861
Revises: 5b5c49ea915a
Create Date: 2026-11-23 19:58:14.105521

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '1cfbbee18861'
down_revision = '03e8d34202f7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('visit_coverage_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('stale_after_days', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('stale_after_days BETWEEN 1 AND 730', name=op.f('ck_visit_coverage_settings_stale_after_days')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_visit_coverage_settings_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_coverage_settings')),
    sa.UniqueConstraint('municipality_id', name=op.f('uq_visit_coverage_settings_municipality_id'))
    )
    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('curator_id', sa.Integer(), nullable=False),
    sa.Column('planned_on', sa.Date(), nullable=False),
    sa.Column('visited_on', sa.Date(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('format', sa.String(length=20), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('purpose', sa.Text(), nullable=False),
    sa.Column('agenda', sa.Text(), nullable=False),
    sa.Column('risk_profile_discussed', sa.Boolean(), nullable=False),
    sa.Column('documents_sound', sa.Boolean(), nullable=False),
    sa.Column('measures_on_time', sa.Boolean(), nullable=False),
    sa.Column('evidence_present', sa.Boolean(), nullable=False),
    sa.Column('lessons_observed', sa.Boolean(), nullable=False),
    sa.Column('lessons_observed_count', sa.Integer(), nullable=False),
    sa.Column('findings', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("format IN ('in_person', 'remote')", name=op.f('ck_visits_format')),
    sa.CheckConstraint("kind IN ('setup', 'consultation', 'monitoring', 'final')", name=op.f('ck_visits_kind')),
    sa.CheckConstraint("status != 'completed' OR visited_on IS NOT NULL", name=op.f('ck_visits_completed_dated')),
    sa.CheckConstraint("status IN ('planned', 'completed', 'cancelled')", name=op.f('ck_visits_status')),
    sa.CheckConstraint('lessons_observed_count >= 0', name=op.f('ck_visits_lessons_count')),
    sa.ForeignKeyConstraint(['curator_id'], ['users.id'], name=op.f('fk_visits_curator_id_users')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_visits_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visits_curator_id'), ['curator_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_planned_on'), ['planned_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_school_id'), ['school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_visited_on'), ['visited_on'], unique=False)

    op.create_table('recommendations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('concerns', sa.String(length=500), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('open', 'answered', 'closed', 'returned')", name=op.f('ck_recommendations_status')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_recommendations_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendations'))
    )
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendations_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendations_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendations_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_notes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("visibility IN ('school', 'internal')", name=op.f('ck_visit_notes_visibility')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_visit_notes_author_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_notes_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_notes'))
    )
    with op.batch_alter_table('visit_notes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_notes_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_participants',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('position_in_list', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_participants_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_participants'))
    )
    with op.batch_alter_table('visit_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_participants_visit_id'), ['visit_id'], unique=False)

    op.create_table('recommendation_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('recommendation_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("action IN ('answered', 'closed', 'returned')", name=op.f('ck_recommendation_events_action')),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_recommendation_events_author_id_users')),
    sa.ForeignKeyConstraint(['recommendation_id'], ['recommendations.id'], name=op.f('fk_recommendation_events_recommendation_id_recommendations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recommendation_events'))
    )
    with op.batch_alter_table('recommendation_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recommendation_events_recommendation_id'), ['recommendation_id'], unique=False)



def downgrade():
    with op.batch_alter_table('recommendation_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendation_events_recommendation_id'))

    op.drop_table('recommendation_events')
    with op.batch_alter_table('visit_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_participants_visit_id'))

    op.drop_table('visit_participants')
    with op.batch_alter_table('visit_notes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_notes_visit_id'))

    op.drop_table('visit_notes')
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recommendations_visit_id'))
        batch_op.drop_index(batch_op.f('ix_recommendations_status'))
        batch_op.drop_index(batch_op.f('ix_recommendations_due_on'))

    op.drop_table('recommendations')
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_visited_on'))
        batch_op.drop_index(batch_op.f('ix_visits_school_id'))
        batch_op.drop_index(batch_op.f('ix_visits_planned_on'))
        batch_op.drop_index(batch_op.f('ix_visits_curator_id'))

    op.drop_table('visits')
    op.drop_table('visit_coverage_settings')
