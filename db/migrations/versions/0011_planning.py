"""planning: absences and recurring contacts

Revision ID: 0011_planning
Revises: 0007_funding_links
Create Date: 2026-12-04 15:57:35.796610
"""

from alembic import op
import sqlalchemy as sa


revision = '0011_planning'
down_revision = '0010_bilans'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('recurring_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('benevole_id', sa.Integer(), nullable=True),
    sa.Column('frequence', sa.String(length=12), nullable=False),
    sa.Column('jour_semaine', sa.Integer(), nullable=False),
    sa.Column('heure', sa.Time(), nullable=False),
    sa.Column('duree_minutes', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('date_debut', sa.Date(), nullable=False),
    sa.Column('date_fin', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('date_fin IS NULL OR date_fin >= date_debut', name=op.f('ck_recurring_contact_fin_apres_debut')),
    sa.CheckConstraint('duree_minutes > 0', name=op.f('ck_recurring_contact_duree_positive')),
    sa.CheckConstraint('jour_semaine >= 0 AND jour_semaine <= 6', name=op.f('ck_recurring_contact_jour_range')),
    sa.ForeignKeyConstraint(['benevole_id'], ['person.id'], name=op.f('fk_recurring_contact_benevole_id_person')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_recurring_contact_person_id_person'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_recurring_contact_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recurring_contact'))
    )
    with op.batch_alter_table('recurring_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recurring_contact_benevole_id'), ['benevole_id'], unique=False)
        batch_op.create_index('ix_recurring_contact_period', ['date_debut', 'date_fin'], unique=False)
        batch_op.create_index(batch_op.f('ix_recurring_contact_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_recurring_contact_user_id'), ['user_id'], unique=False)

    op.create_table('unavailability',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('debut', sa.DateTime(), nullable=False),
    sa.Column('fin', sa.DateTime(), nullable=False),
    sa.Column('motif', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('(user_id IS NULL AND vehicle_id IS NOT NULL) OR (user_id IS NOT NULL AND vehicle_id IS NULL)', name=op.f('ck_unavailability_one_resource')),
    sa.CheckConstraint('fin > debut', name=op.f('ck_unavailability_fin_apres_debut')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_unavailability_user_id_app_user'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_unavailability_vehicle_id_vehicle'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unavailability'))
    )
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.create_index('ix_unavailability_debut', ['debut'], unique=False)
        batch_op.create_index(batch_op.f('ix_unavailability_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_unavailability_vehicle_id'), ['vehicle_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('unavailability', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_unavailability_vehicle_id'))
        batch_op.drop_index(batch_op.f('ix_unavailability_user_id'))
        batch_op.drop_index('ix_unavailability_debut')

    op.drop_table('unavailability')
    with op.batch_alter_table('recurring_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recurring_contact_user_id'))
        batch_op.drop_index(batch_op.f('ix_recurring_contact_person_id'))
        batch_op.drop_index('ix_recurring_contact_period')
        batch_op.drop_index(batch_op.f('ix_recurring_contact_benevole_id'))

    op.drop_table('recurring_contact')
