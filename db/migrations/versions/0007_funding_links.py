"""funding links: which actions and tournée conventions each funding line pays for

Copies the atelier actions' existing funding_line_id into action_funding.

Revision ID: 0007_funding_links
Revises: 0004_ateliers
Create Date: 2026-11-22 07:32:27.741423
"""

from alembic import op
import sqlalchemy as sa


revision = '0007_funding_links'
down_revision = '0004_ateliers'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('action_funding',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('funding_line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['atelier_action.id'], name=op.f('fk_action_funding_action_id_atelier_action'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['funding_line_id'], ['funding_line.id'], name=op.f('fk_action_funding_funding_line_id_funding_line'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('action_id', 'funding_line_id', name=op.f('pk_action_funding'))
    )
    with op.batch_alter_table('action_funding', schema=None) as batch_op:
        batch_op.create_index('ix_action_funding_line', ['funding_line_id'], unique=False)

    op.create_table('convention_funding',
    sa.Column('convention_id', sa.Integer(), nullable=False),
    sa.Column('funding_line_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['convention_id'], ['commune_convention.id'], name=op.f('fk_convention_funding_convention_id_commune_convention'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['funding_line_id'], ['funding_line.id'], name=op.f('fk_convention_funding_funding_line_id_funding_line'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('convention_id', 'funding_line_id', name=op.f('pk_convention_funding'))
    )
    with op.batch_alter_table('convention_funding', schema=None) as batch_op:
        batch_op.create_index('ix_convention_funding_line', ['funding_line_id'], unique=False)

    op.execute(
        "INSERT INTO action_funding (action_id, funding_line_id) "
        "SELECT a.id, a.funding_line_id FROM atelier_action a "
        "JOIN funding_line f ON f.id = a.funding_line_id"
    )


def downgrade() -> None:
    with op.batch_alter_table('convention_funding', schema=None) as batch_op:
        batch_op.drop_index('ix_convention_funding_line')

    op.drop_table('convention_funding')
    with op.batch_alter_table('action_funding', schema=None) as batch_op:
        batch_op.drop_index('ix_action_funding_line')

    op.drop_table('action_funding')
