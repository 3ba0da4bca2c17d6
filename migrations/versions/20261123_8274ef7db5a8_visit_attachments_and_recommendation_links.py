"""visits: attachments, evidence on answers, recommendations linked to a direction or a measure

The free-text `recommendations.concerns` column is dropped: it only ever held demo text.

Revision ID: 8274ef7db5a8
Revises: f808d0e10944
Create Date: 2026-11-23 23:10:35.827936

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '8274ef7db5a8'
down_revision = 'f808d0e10944'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('visit_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('stored_name', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('visibility', sa.String(length=20), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("visibility IN ('school', 'internal')", name=op.f('ck_visit_attachments_visibility')),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['users.id'], name=op.f('fk_visit_attachments_uploaded_by_id_users')),
    sa.ForeignKeyConstraint(['visit_id'], ['visits.id'], name=op.f('fk_visit_attachments_visit_id_visits')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_attachments')),
    sa.UniqueConstraint('stored_name', name=op.f('uq_visit_attachments_stored_name'))
    )
    with op.batch_alter_table('visit_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_attachments_visit_id'), ['visit_id'], unique=False)

    # existing answers get no file: the defaults fill the old rows, then go (the models set them)
    with op.batch_alter_table('recommendation_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('stored_name', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('original_name', sa.String(length=255), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('content_type', sa.String(length=120), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('size', sa.Integer(), nullable=False, server_default='0'))
        batch_op.create_unique_constraint(batch_op.f('uq_recommendation_events_stored_name'), ['stored_name'])
        batch_op.create_check_constraint(batch_op.f('ck_recommendation_events_file_on_answer'),
                                         "stored_name IS NULL OR action = 'answered'")
    with op.batch_alter_table('recommendation_events', schema=None) as batch_op:
        for column in ('original_name', 'content_type', 'size'):
            batch_op.alter_column(column, server_default=None)

    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('risk_direction_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('measure_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_recommendations_measure_id'), ['measure_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recommendations_risk_direction_id'), ['risk_direction_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_recommendations_risk_direction_id_risk_directions'), 'risk_directions', ['risk_direction_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_recommendations_measure_id_measures'), 'measures', ['measure_id'], ['id'])
        batch_op.drop_column('concerns')


def downgrade():
    with op.batch_alter_table('recommendations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('concerns', sa.VARCHAR(length=500), nullable=True))
        batch_op.drop_constraint(batch_op.f('fk_recommendations_measure_id_measures'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_recommendations_risk_direction_id_risk_directions'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_recommendations_risk_direction_id'))
        batch_op.drop_index(batch_op.f('ix_recommendations_measure_id'))
        batch_op.drop_column('measure_id')
        batch_op.drop_column('risk_direction_id')

    with op.batch_alter_table('recommendation_events', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_recommendation_events_file_on_answer'), type_='check')
        batch_op.drop_constraint(batch_op.f('uq_recommendation_events_stored_name'), type_='unique')
        batch_op.drop_column('size')
        batch_op.drop_column('content_type')
        batch_op.drop_column('original_name')
        batch_op.drop_column('stored_name')

    with op.batch_alter_table('visit_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_attachments_visit_id'))

    op.drop_table('visit_attachments')
