"""visits, partners and funding

Tables visit, visit_confidential, visit_intervenant, visit_orientation, partner,
partner_role, partner_contact, funding_line; person gains next_contact_due and the covering
index ix_person_veille used by the follow-up watch.

Revision ID: 0003_visits_partners
Revises: 0006_retention
Create Date: 2026-11-22 03:23:04.721293
"""

from alembic import op
import sqlalchemy as sa


revision = '0003_visits_partners'
down_revision = '0006_retention'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('partner',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nom', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=30), nullable=False),
    sa.Column('adresse', sa.String(length=200), nullable=True),
    sa.Column('complement_adresse', sa.String(length=200), nullable=True),
    sa.Column('code_postal', sa.String(length=5), nullable=True),
    sa.Column('commune_insee', sa.String(length=5), nullable=True),
    sa.Column('commune_nom', sa.String(length=100), nullable=True),
    sa.Column('telephone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('siret', sa.String(length=14), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner'))
    )
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_sort_key'), ['sort_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_partner_type'), ['type'], unique=False)

    op.create_table('funding_line',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('financeur_id', sa.Integer(), nullable=False),
    sa.Column('annee', sa.Integer(), nullable=False),
    sa.Column('montant', sa.Numeric(precision=12, scale=2), nullable=False),
    sa.Column('action', sa.Text(), nullable=False),
    sa.Column('axe_cfppa', sa.String(length=2), nullable=True),
    sa.Column('periode_debut', sa.Date(), nullable=True),
    sa.Column('periode_fin', sa.Date(), nullable=True),
    sa.Column('statut', sa.String(length=10), nullable=False),
    sa.Column('date_demande', sa.Date(), nullable=True),
    sa.Column('date_accord', sa.Date(), nullable=True),
    sa.Column('date_versement', sa.Date(), nullable=True),
    sa.Column('date_solde', sa.Date(), nullable=True),
    sa.Column('reference', sa.String(length=100), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['financeur_id'], ['partner.id'], name=op.f('fk_funding_line_financeur_id_partner')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_funding_line'))
    )
    with op.batch_alter_table('funding_line', schema=None) as batch_op:
        batch_op.create_index('ix_funding_line_annee', ['annee', 'financeur_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_funding_line_financeur_id'), ['financeur_id'], unique=False)

    op.create_table('partner_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('nom', sa.String(length=150), nullable=False),
    sa.Column('fonction', sa.String(length=150), nullable=True),
    sa.Column('telephone', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_contact_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_partner_contact'))
    )
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_partner_contact_partner_id'), ['partner_id'], unique=False)

    op.create_table('partner_role',
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_partner_role_partner_id_partner'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('partner_id', 'role', name=op.f('pk_partner_role'))
    )
    op.create_table('visit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('heure', sa.Time(), nullable=True),
    sa.Column('duree_minutes', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=20), nullable=False),
    sa.Column('objet', sa.String(length=20), nullable=False),
    sa.Column('resume', sa.Text(), nullable=True),
    sa.Column('prochain_contact', sa.Date(), nullable=True),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('duree_minutes > 0', name=op.f('ck_visit_duree_positive')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_visit_created_by_app_user')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_person_id_person'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit'))
    )
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.create_index('ix_visit_date', ['date'], unique=False)
        batch_op.create_index('ix_visit_person_date', ['person_id', 'date'], unique=False)

    op.create_table('visit_confidential',
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_confidential_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('visit_id', name=op.f('pk_visit_confidential'))
    )
    op.create_table('visit_intervenant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(user_id IS NULL AND person_id IS NOT NULL) OR (user_id IS NOT NULL AND person_id IS NULL)', name=op.f('ck_visit_intervenant_one_kind')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_visit_intervenant_person_id_person')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_visit_intervenant_user_id_app_user')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_intervenant_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_intervenant'))
    )
    with op.batch_alter_table('visit_intervenant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_intervenant_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_intervenant_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_intervenant_visit_id'), ['visit_id'], unique=False)

    op.create_table('visit_orientation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('visit_id', sa.Integer(), nullable=False),
    sa.Column('partner_id', sa.Integer(), nullable=False),
    sa.Column('motif', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['partner_id'], ['partner.id'], name=op.f('fk_visit_orientation_partner_id_partner')),
    sa.ForeignKeyConstraint(['visit_id'], ['visit.id'], name=op.f('fk_visit_orientation_visit_id_visit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_orientation'))
    )
    with op.batch_alter_table('visit_orientation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_visit_orientation_partner_id'), ['partner_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_visit_orientation_visit_id'), ['visit_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('next_contact_due', sa.Date(), nullable=True))
        batch_op.create_index(batch_op.f('ix_person_next_contact_due'), ['next_contact_due'], unique=False)
        batch_op.create_index('ix_person_veille', ['statut', 'last_contact_date', 'next_contact_due', 'est_beneficiaire', 'vit_seul', 'gir', 'fragilite_isolement', 'date_naissance'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index('ix_person_veille')
        batch_op.drop_index(batch_op.f('ix_person_next_contact_due'))
        batch_op.drop_column('next_contact_due')

    with op.batch_alter_table('visit_orientation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_orientation_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_orientation_partner_id'))

    op.drop_table('visit_orientation')
    with op.batch_alter_table('visit_intervenant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visit_intervenant_visit_id'))
        batch_op.drop_index(batch_op.f('ix_visit_intervenant_user_id'))
        batch_op.drop_index(batch_op.f('ix_visit_intervenant_person_id'))

    op.drop_table('visit_intervenant')
    op.drop_table('visit_confidential')
    with op.batch_alter_table('visit', schema=None) as batch_op:
        batch_op.drop_index('ix_visit_person_date')
        batch_op.drop_index('ix_visit_date')

    op.drop_table('visit')
    op.drop_table('partner_role')
    with op.batch_alter_table('partner_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_contact_partner_id'))

    op.drop_table('partner_contact')
    with op.batch_alter_table('funding_line', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_funding_line_financeur_id'))
        batch_op.drop_index('ix_funding_line_annee')

    op.drop_table('funding_line')
    with op.batch_alter_table('partner', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_partner_type'))
        batch_op.drop_index(batch_op.f('ix_partner_sort_key'))

    op.drop_table('partner')
