"""Retention and rights of the person: birth year and anonymisation time on ``person``
(statistics by age survive anonymisation), and the ``rights_request`` register.

Revision ID: 0006_retention
Revises: 0002_accounts
Create Date: 2026-11-22
"""

from alembic import op
import sqlalchemy as sa


revision = '0006_retention'
down_revision = "0002_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('rights_request',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('requester', sa.String(length=150), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_rights_request_person_id_person')),
    sa.ForeignKeyConstraint(['recorded_by'], ['app_user.id'], name=op.f('fk_rights_request_recorded_by_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rights_request'))
    )
    with op.batch_alter_table('rights_request', schema=None) as batch_op:
        batch_op.create_index('ix_rights_request_open', ['answered_on', 'due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_rights_request_person_id'), ['person_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('annee_naissance', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('anonymised_at', sa.DateTime(), nullable=True))

    # Backfill the birth year from the birth date (portable: EXTRACT compiles on SQLite too).
    person = sa.table('person', sa.column('date_naissance', sa.Date()), sa.column('annee_naissance', sa.Integer()))
    op.execute(
        person.update()
        .where(person.c.date_naissance.is_not(None))
        .values(annee_naissance=sa.cast(sa.extract('year', person.c.date_naissance), sa.Integer()))
    )


def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('anonymised_at')
        batch_op.drop_column('annee_naissance')

    with op.batch_alter_table('rights_request', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_rights_request_person_id'))
        batch_op.drop_index('ix_rights_request_open')

    op.drop_table('rights_request')
