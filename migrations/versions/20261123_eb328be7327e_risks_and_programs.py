"""Risks and programs: directions, profiles, documents, programs, measures, evidence

Revision ID: eb328be7327e
Revises: 03e8d34202f7
Create Date: 2026-11-23 20:19:50.470363

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'eb328be7327e'
down_revision = 'eabd86518281'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('risk_directions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('year BETWEEN 2015 AND 2100', name=op.f('ck_risk_directions_year_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_directions')),
    sa.UniqueConstraint('year', 'name', name=op.f('uq_risk_directions_year_name'))
    )
    with op.batch_alter_table('risk_directions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_directions_year'), ['year'], unique=False)

    op.create_table('suggested_measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('task', sa.String(length=500), nullable=False),
    sa.Column('evidence_kind', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['direction_id'], ['risk_directions.id'], name=op.f('fk_suggested_measures_direction_id_risk_directions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_suggested_measures'))
    )
    with op.batch_alter_table('suggested_measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suggested_measures_direction_id'), ['direction_id'], unique=False)

    op.create_table('anti_risk_programs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('goal', sa.Text(), nullable=False),
    sa.Column('tasks', sa.Text(), nullable=False),
    sa.Column('expected_results', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'in_review', 'returned', 'approved')", name=op.f('ck_anti_risk_programs_status')),
    sa.ForeignKeyConstraint(['direction_id'], ['risk_directions.id'], name=op.f('fk_anti_risk_programs_direction_id_risk_directions')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_anti_risk_programs_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anti_risk_programs')),
    sa.UniqueConstraint('school_id', 'direction_id', name=op.f('uq_anti_risk_programs_school_id_direction_id'))
    )
    with op.batch_alter_table('anti_risk_programs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_anti_risk_programs_direction_id'), ['direction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_anti_risk_programs_school_id'), ['school_id'], unique=False)

    op.create_table('concept_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('status_changed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('concept', 'medium_term')", name=op.f('ck_concept_documents_kind')),
    sa.CheckConstraint("status IN ('draft', 'in_review', 'returned', 'approved')", name=op.f('ck_concept_documents_status')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_concept_documents_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_concept_documents')),
    sa.UniqueConstraint('school_id', 'kind', 'year', name=op.f('uq_concept_documents_school_id_kind_year'))
    )
    with op.batch_alter_table('concept_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_concept_documents_school_id'), ['school_id'], unique=False)

    op.create_table('document_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['concept_documents.id'], name=op.f('fk_document_versions_document_id_concept_documents')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_document_versions_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_document_versions')),
    sa.UniqueConstraint('document_id', 'number', name=op.f('uq_document_versions_document_id_number')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_document_versions_stored_name'))
    )
    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_versions_document_id'), ['document_id'], unique=False)

    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('task', sa.String(length=500), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('expected_result', sa.Text(), nullable=False),
    sa.Column('evidence_kind', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("status IN ('planned', 'in_progress', 'done', 'confirmed', 'postponed', 'not_done')", name=op.f('ck_measures_status')),
    sa.ForeignKeyConstraint(['program_id'], ['anti_risk_programs.id'], name=op.f('fk_measures_program_id_anti_risk_programs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measures'))
    )
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measures_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_measures_program_id'), ['program_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_measures_status'), ['status'], unique=False)

    op.create_table('program_indicators',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('program_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=500), nullable=False),
    sa.Column('unit', sa.String(length=50), nullable=False),
    sa.Column('baseline', sa.String(length=50), nullable=False),
    sa.Column('target', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['program_id'], ['anti_risk_programs.id'], name=op.f('fk_program_indicators_program_id_anti_risk_programs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_program_indicators'))
    )
    with op.batch_alter_table('program_indicators', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_program_indicators_program_id'), ['program_id'], unique=False)

    op.create_table('review_transitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('program_id', sa.Integer(), nullable=True),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.CheckConstraint('(document_id IS NULL) <> (program_id IS NULL)', name=op.f('ck_review_transitions_one_subject')),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_review_transitions_actor_id_users')),
    sa.ForeignKeyConstraint(['document_id'], ['concept_documents.id'], name=op.f('fk_review_transitions_document_id_concept_documents')),
    sa.ForeignKeyConstraint(['program_id'], ['anti_risk_programs.id'], name=op.f('fk_review_transitions_program_id_anti_risk_programs')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_review_transitions'))
    )
    with op.batch_alter_table('review_transitions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_review_transitions_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_transitions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_review_transitions_program_id'), ['program_id'], unique=False)

    op.create_table('risk_profiles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('verified_by_id', sa.Integer(), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('verification_comment', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('year BETWEEN 2015 AND 2100', name=op.f('ck_risk_profiles_year_range')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_risk_profiles_school_id_schools')),
    sa.ForeignKeyConstraint(['verified_by_id'], ['users.id'], name=op.f('fk_risk_profiles_verified_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_profiles')),
    sa.UniqueConstraint('school_id', 'year', name=op.f('uq_risk_profiles_school_id_year'))
    )
    with op.batch_alter_table('risk_profiles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_profiles_school_id'), ['school_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('stored_name', sa.String(length=64), nullable=True),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('url', sa.String(length=1000), nullable=True),
    sa.Column('comment', sa.Text(), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verdict', sa.String(length=20), nullable=False),
    sa.Column('verdict_comment', sa.Text(), nullable=False),
    sa.Column('reviewed_by_id', sa.Integer(), nullable=True),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("verdict IN ('pending', 'accepted', 'needs_work')", name=op.f('ck_evidence_verdict')),
    sa.CheckConstraint('(stored_name IS NULL) <> (url IS NULL)', name=op.f('ck_evidence_file_or_link')),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_evidence_measure_id_measures')),
    sa.ForeignKeyConstraint(['replaces_id'], ['evidence.id'], name=op.f('fk_evidence_replaces_id_evidence')),
    sa.ForeignKeyConstraint(['reviewed_by_id'], ['users.id'], name=op.f('fk_evidence_reviewed_by_id_users')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_evidence_uploaded_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_evidence_stored_name'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_uploaded_at'), ['uploaded_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_verdict'), ['verdict'], unique=False)

    op.create_table('measure_comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('author_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['users.id'], name=op.f('fk_measure_comments_author_id_users')),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_measure_comments_measure_id_measures')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_comments'))
    )
    with op.batch_alter_table('measure_comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_measure_comments_measure_id'), ['measure_id'], unique=False)

    op.create_table('risk_profile_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('profile_id', sa.Integer(), nullable=False),
    sa.Column('direction_id', sa.Integer(), nullable=False),
    sa.Column('level', sa.String(length=10), nullable=False),
    sa.Column('is_chosen', sa.Boolean(), nullable=False),
    sa.Column('is_verified', sa.Boolean(), nullable=False),
    sa.Column('verified_by_id', sa.Integer(), nullable=True),
    sa.Column('verified_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("level IN ('high', 'medium', 'low', 'none')", name=op.f('ck_risk_profile_entries_level')),
    sa.ForeignKeyConstraint(['direction_id'], ['risk_directions.id'], name=op.f('fk_risk_profile_entries_direction_id_risk_directions')),
    sa.ForeignKeyConstraint(['profile_id'], ['risk_profiles.id'], name=op.f('fk_risk_profile_entries_profile_id_risk_profiles')),
    sa.ForeignKeyConstraint(['verified_by_id'], ['users.id'], name=op.f('fk_risk_profile_entries_verified_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_risk_profile_entries')),
    sa.UniqueConstraint('profile_id', 'direction_id', name=op.f('uq_risk_profile_entries_profile_id_direction_id'))
    )
    with op.batch_alter_table('risk_profile_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_risk_profile_entries_direction_id'), ['direction_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_risk_profile_entries_profile_id'), ['profile_id'], unique=False)



def downgrade():
    with op.batch_alter_table('risk_profile_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_profile_entries_profile_id'))
        batch_op.drop_index(batch_op.f('ix_risk_profile_entries_direction_id'))

    op.drop_table('risk_profile_entries')
    with op.batch_alter_table('measure_comments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measure_comments_measure_id'))

    op.drop_table('measure_comments')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_verdict'))
        batch_op.drop_index(batch_op.f('ix_evidence_uploaded_at'))
        batch_op.drop_index(batch_op.f('ix_evidence_measure_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('risk_profiles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_profiles_school_id'))

    op.drop_table('risk_profiles')
    with op.batch_alter_table('review_transitions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_review_transitions_program_id'))
        batch_op.drop_index(batch_op.f('ix_review_transitions_document_id'))
        batch_op.drop_index(batch_op.f('ix_review_transitions_at'))

    op.drop_table('review_transitions')
    with op.batch_alter_table('program_indicators', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_program_indicators_program_id'))

    op.drop_table('program_indicators')
    with op.batch_alter_table('measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_measures_status'))
        batch_op.drop_index(batch_op.f('ix_measures_program_id'))
        batch_op.drop_index(batch_op.f('ix_measures_due_on'))

    op.drop_table('measures')
    with op.batch_alter_table('document_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_versions_document_id'))

    op.drop_table('document_versions')
    with op.batch_alter_table('concept_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_concept_documents_school_id'))

    op.drop_table('concept_documents')
    with op.batch_alter_table('anti_risk_programs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_anti_risk_programs_school_id'))
        batch_op.drop_index(batch_op.f('ix_anti_risk_programs_direction_id'))

    op.drop_table('anti_risk_programs')
    with op.batch_alter_table('suggested_measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_suggested_measures_direction_id'))

    op.drop_table('suggested_measures')
    with op.batch_alter_table('risk_directions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_risk_directions_year'))

    op.drop_table('risk_directions')
