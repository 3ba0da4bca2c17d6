"""Communities' groups (kinds from a reference list), group members, yearly community figures;
an organization's participants may be left to the community memberships

Revision ID: b4d6f8a01c23
Revises: a3c5e7f90b12
Create Date: 2026-12-03 07:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = 'b4d6f8a01c23'
down_revision = 'a3c5e7f90b12'
branch_labels = None
depends_on = None

# a copy of tracker.network.group_models.DEFAULT_GROUP_KINDS as of this revision
DEFAULT_GROUP_KINDS = (("Инициативная группа", False), ("Тематическая группа", False),
                       ("Проектная группа", False), ("Кластер", True))
RANKS = "'top', 'synchronous', 'lagging'"
METRICS = ("members", "active_users", "publications", "events", "winners")


def _timestamps():
    return (sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
            sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False))


def upgrade():
    kinds = op.create_table(
        'group_kinds',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=100), nullable=False),
        sa.Column('is_cluster', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('is_active', sa.Boolean(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_group_kinds')),
        sa.UniqueConstraint('name', name=op.f('uq_group_kinds_name')),
    )
    now = sa.func.now()
    for position, (name, is_cluster) in enumerate(DEFAULT_GROUP_KINDS):
        op.get_bind().execute(kinds.insert().values(
            name=name, is_cluster=is_cluster, position=position, is_active=True,
            created_at=now, updated_at=now))
    op.create_table(
        'community_groups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('kind_id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=300), nullable=False),
        sa.Column('entered_members', sa.Integer(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        *_timestamps(),
        sa.CheckConstraint('entered_members IS NULL OR entered_members >= 0',
                           name=op.f('ck_community_groups_entered_members_not_negative')),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], ondelete='CASCADE',
                                name=op.f('fk_community_groups_community_id_communities')),
        sa.ForeignKeyConstraint(['kind_id'], ['group_kinds.id'],
                                name=op.f('fk_community_groups_kind_id_group_kinds')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_community_groups')),
        sa.UniqueConstraint('community_id', 'name',
                            name=op.f('uq_community_groups_community_id_name')),
    )
    op.create_index(op.f('ix_community_groups_community_id'), 'community_groups',
                    ['community_id'])
    op.create_index(op.f('ix_community_groups_kind_id'), 'community_groups', ['kind_id'])
    op.create_table(
        'community_group_members',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('group_id', sa.Integer(), nullable=False),
        sa.Column('school_id', sa.Integer(), nullable=False),
        sa.Column('rank', sa.String(length=20), nullable=True),
        *_timestamps(),
        sa.CheckConstraint(f'rank IS NULL OR rank IN ({RANKS})',
                           name=op.f('ck_community_group_members_rank')),
        sa.ForeignKeyConstraint(['group_id'], ['community_groups.id'], ondelete='CASCADE',
                                name=op.f('fk_community_group_members_group_id_community_groups')),
        sa.ForeignKeyConstraint(['school_id'], ['schools.id'],
                                name=op.f('fk_community_group_members_school_id_schools')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_community_group_members')),
        sa.UniqueConstraint('group_id', 'school_id',
                            name=op.f('uq_community_group_members_group_id_school_id')),
    )
    op.create_index(op.f('ix_community_group_members_group_id'), 'community_group_members',
                    ['group_id'])
    op.create_index(op.f('ix_community_group_members_school_id'), 'community_group_members',
                    ['school_id'])
    op.create_table(
        'community_metrics',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('community_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in METRICS),
        *_timestamps(),
        sa.CheckConstraint('year BETWEEN 2000 AND 2100',
                           name=op.f('ck_community_metrics_year_range')),
        *(sa.CheckConstraint(f'{name} IS NULL OR {name} >= 0',
                             name=op.f(f'ck_community_metrics_{name}_not_negative'))
          for name in METRICS),
        sa.ForeignKeyConstraint(['community_id'], ['communities.id'], ondelete='CASCADE',
                                name=op.f('fk_community_metrics_community_id_communities')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_community_metrics')),
        sa.UniqueConstraint('community_id', 'year',
                            name=op.f('uq_community_metrics_community_id_year')),
    )
    op.create_index(op.f('ix_community_metrics_community_id'), 'community_metrics',
                    ['community_id'])
    with op.batch_alter_table('organization_staff_counts', schema=None) as batch_op:
        batch_op.alter_column('network_teachers', existing_type=sa.Integer(), nullable=True)


def downgrade():
    op.execute("UPDATE organization_staff_counts SET network_teachers = 0 "
               "WHERE network_teachers IS NULL")
    with op.batch_alter_table('organization_staff_counts', schema=None) as batch_op:
        batch_op.alter_column('network_teachers', existing_type=sa.Integer(), nullable=False)
    op.drop_table('community_metrics')
    op.drop_table('community_group_members')
    op.drop_table('community_groups')
    op.drop_table('group_kinds')
