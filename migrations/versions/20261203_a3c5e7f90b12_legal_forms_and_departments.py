"""Legal forms as a reference list; departments of another type inside an organization

Revision ID: a3c5e7f90b12
Revises: 2268b1df4c68
Create Date: 2026-12-03 07:20:00

The list starts with the common forms and every form the organizations already use, so no
organization is left with a form the list does not know.
"""
import sqlalchemy as sa
from alembic import op

revision = 'a3c5e7f90b12'
down_revision = '2268b1df4c68'
branch_labels = None
depends_on = None

# a copy of tracker.schools.models.DEFAULT_LEGAL_FORMS as of this revision
DEFAULT_LEGAL_FORMS = (
    "МБОУ", "МАОУ", "МКОУ", "МОУ", "СПМАОУ", "ГБОУ", "ГОКУ", "ГАОУ", "ЧОУ",
    "МБДОУ", "МАДОУ", "МКДОУ", "ГБДОУ",
    "МБУ ДО", "МАУ ДО", "МКУ ДО", "МАОУ ДО", "МБОУ ДО", "ГБУ ДО",
)


def upgrade():
    legal_forms = op.create_table(
        'legal_forms',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=20), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('is_active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_legal_forms')),
        sa.UniqueConstraint('name', name=op.f('uq_legal_forms_name')),
    )
    connection = op.get_bind()
    schools = sa.table('schools', sa.column('legal_form', sa.String))
    used = [name for (name,) in connection.execute(sa.select(schools.c.legal_form).distinct())
            if name and name not in DEFAULT_LEGAL_FORMS]
    now = sa.func.now()
    rows = [{"name": name, "position": number, "is_active": True}
            for number, name in enumerate((*DEFAULT_LEGAL_FORMS, *sorted(used)))]
    for row in rows:
        connection.execute(legal_forms.insert().values(**row, created_at=now, updated_at=now))
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.add_column(sa.Column('parent_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_schools_parent_id'), ['parent_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_schools_parent_id_schools'), 'schools',
                                    ['parent_id'], ['id'])


def downgrade():
    with op.batch_alter_table('schools', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_schools_parent_id_schools'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_schools_parent_id'))
        batch_op.drop_column('parent_id')
    op.drop_table('legal_forms')
