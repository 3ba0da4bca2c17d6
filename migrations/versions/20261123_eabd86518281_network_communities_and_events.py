"""network: organizations' teacher counts, communities, clusters, targets, methodical events

Revision ID: eabd86518281
Revises: 03e8d34202f7
Create Date: 2026-11-23 19:55:55.598098

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'eabd86518281'
down_revision = '7c4041fd2594'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('network_targets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('indicator', sa.String(length=30), nullable=False),
    sa.Column('planned', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("indicator IN ('teachers_share', 'organizations_share', 'communities')", name=op.f('ck_network_targets_indicator')),
    sa.CheckConstraint('planned >= 0', name=op.f('ck_network_targets_planned_not_negative')),
    sa.CheckConstraint('year BETWEEN 2015 AND 2100', name=op.f('ck_network_targets_year_range')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_network_targets_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_network_targets')),
    sa.UniqueConstraint('municipality_id', 'year', 'indicator', name=op.f('uq_network_targets_municipality_id_year_indicator'))
    )
    with op.batch_alter_table('network_targets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_network_targets_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('communities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('theme', sa.Text(), nullable=False),
    sa.Column('coordinator', sa.String(length=200), nullable=False),
    sa.Column('base_school_id', sa.Integer(), nullable=True),
    sa.Column('is_active', sa.Boolean(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('network', 'association', 'creative_group', 'subject_group', 'cluster')", name=op.f('ck_communities_kind')),
    sa.ForeignKeyConstraint(['base_school_id'], ['schools.id'], name=op.f('fk_communities_base_school_id_schools')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_communities_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_communities')),
    sa.UniqueConstraint('municipality_id', 'name', name=op.f('uq_communities_municipality_id_name'))
    )
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_communities_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('methodical_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('municipality_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('level', sa.String(length=20), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('host_school_id', sa.Integer(), nullable=True),
    sa.Column('order_text', sa.String(length=500), nullable=False),
    sa.Column('participants_count', sa.Integer(), nullable=True),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("kind IN ('seminar', 'school_to_school', 'conference', 'readings', 'webinar', 'competition')", name=op.f('ck_methodical_events_kind')),
    sa.CheckConstraint("level IN ('school', 'municipal', 'regional', 'federal')", name=op.f('ck_methodical_events_level')),
    sa.CheckConstraint('participants_count IS NULL OR participants_count >= 0', name=op.f('ck_methodical_events_participants_not_negative')),
    sa.ForeignKeyConstraint(['host_school_id'], ['schools.id'], name=op.f('fk_methodical_events_host_school_id_schools')),
    sa.ForeignKeyConstraint(['municipality_id'], ['municipalities.id'], name=op.f('fk_methodical_events_municipality_id_municipalities')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_methodical_events'))
    )
    with op.batch_alter_table('methodical_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_methodical_events_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_methodical_events_host_school_id'), ['host_school_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_methodical_events_municipality_id'), ['municipality_id'], unique=False)

    op.create_table('organization_staff_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('teachers', sa.Integer(), nullable=False),
    sa.Column('network_teachers', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=10), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("source IN ('entered', 'roster')", name=op.f('ck_organization_staff_counts_source')),
    sa.CheckConstraint('network_teachers >= 0 AND network_teachers <= teachers', name=op.f('ck_organization_staff_counts_network_within_teachers')),
    sa.CheckConstraint('teachers >= 0', name=op.f('ck_organization_staff_counts_teachers_not_negative')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_organization_staff_counts_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_staff_counts')),
    sa.UniqueConstraint('school_id', 'period', name=op.f('uq_organization_staff_counts_school_id_period'))
    )
    with op.batch_alter_table('organization_staff_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_staff_counts_school_id'), ['school_id'], unique=False)

    op.create_table('cluster_memberships',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('rank', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("rank IN ('top', 'synchronous', 'lagging')", name=op.f('ck_cluster_memberships_rank')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_cluster_memberships_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_cluster_memberships_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cluster_memberships')),
    sa.UniqueConstraint('community_id', 'school_id', 'period', name=op.f('uq_cluster_memberships_community_id_school_id_period'))
    )
    with op.batch_alter_table('cluster_memberships', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cluster_memberships_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cluster_memberships_school_id'), ['school_id'], unique=False)

    op.create_table('community_member_counts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=10), nullable=False),
    sa.Column('members', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('members >= 0', name=op.f('ck_community_member_counts_members_not_negative')),
    sa.ForeignKeyConstraint(['community_id'], ['communities.id'], name=op.f('fk_community_member_counts_community_id_communities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_community_member_counts_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_member_counts')),
    sa.UniqueConstraint('community_id', 'school_id', 'period', name=op.f('uq_community_member_counts_community_id_school_id_period'))
    )
    with op.batch_alter_table('community_member_counts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_member_counts_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_community_member_counts_school_id'), ['school_id'], unique=False)

    op.create_table('event_participations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('nomination', sa.String(length=300), nullable=False),
    sa.Column('teachers', sa.Integer(), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint("role IN ('participant', 'presented', 'organizer', 'winner', 'diploma_1', 'diploma_2', 'diploma_3')", name=op.f('ck_event_participations_role')),
    sa.CheckConstraint('teachers IS NULL OR teachers >= 0', name=op.f('ck_event_participations_teachers_not_negative')),
    sa.ForeignKeyConstraint(['event_id'], ['methodical_events.id'], name=op.f('fk_event_participations_event_id_methodical_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_event_participations_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_participations')),
    sa.UniqueConstraint('event_id', 'school_id', name=op.f('uq_event_participations_event_id_school_id'))
    )
    with op.batch_alter_table('event_participations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_participations_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_event_participations_school_id'), ['school_id'], unique=False)



def downgrade():
    with op.batch_alter_table('event_participations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_participations_school_id'))
        batch_op.drop_index(batch_op.f('ix_event_participations_event_id'))

    op.drop_table('event_participations')
    with op.batch_alter_table('community_member_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_member_counts_school_id'))
        batch_op.drop_index(batch_op.f('ix_community_member_counts_community_id'))

    op.drop_table('community_member_counts')
    with op.batch_alter_table('cluster_memberships', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cluster_memberships_school_id'))
        batch_op.drop_index(batch_op.f('ix_cluster_memberships_community_id'))

    op.drop_table('cluster_memberships')
    with op.batch_alter_table('organization_staff_counts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_staff_counts_school_id'))

    op.drop_table('organization_staff_counts')
    with op.batch_alter_table('methodical_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_methodical_events_municipality_id'))
        batch_op.drop_index(batch_op.f('ix_methodical_events_host_school_id'))
        batch_op.drop_index(batch_op.f('ix_methodical_events_held_on'))

    op.drop_table('methodical_events')
    with op.batch_alter_table('communities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_communities_municipality_id'))

    op.drop_table('communities')
    with op.batch_alter_table('network_targets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_network_targets_municipality_id'))

    op.drop_table('network_targets')
