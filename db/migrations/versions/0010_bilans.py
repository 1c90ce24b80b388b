"""bilans: the coordinator's narrative of each bilan, and the indexes the bilan reads visits and presences from

Revision ID: 0010_bilans
Revises: 0007_funding_links
Create Date: 2026-12-04 16:10:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0010_bilans'
down_revision = '0009_passage_seance'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bilan_narrative',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('periode_debut', sa.Date(), nullable=False),
    sa.Column('periode_fin', sa.Date(), nullable=False),
    sa.Column('perimetre', sa.String(length=40), nullable=False),
    sa.Column('objectifs', sa.Text(), nullable=False),
    sa.Column('faits_marquants', sa.Text(), nullable=False),
    sa.Column('difficultes', sa.Text(), nullable=False),
    sa.Column('temoignages', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_bilan_narrative'))
    )
    with op.batch_alter_table('bilan_narrative', schema=None) as batch_op:
        batch_op.create_index('uq_bilan_narrative_bilan', ['periode_debut', 'periode_fin', 'perimetre'], unique=True)
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_bilan', ['date', 'mode', 'objet'], unique=False)
    with op.batch_alter_table('atelier_presence', schema=None) as batch_op:
        batch_op.create_index('ix_atelier_presence_bilan', ['person_id', 'statut', 'seance_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('atelier_presence', schema=None) as batch_op:
        batch_op.drop_index('ix_atelier_presence_bilan')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_bilan')
    with op.batch_alter_table('bilan_narrative', schema=None) as batch_op:
        batch_op.drop_index('uq_bilan_narrative_bilan')
    op.drop_table('bilan_narrative')
