"""v1 people, users, settings, audit

Revision ID: 0001_v1
Revises: 
Create Date: 2026-11-22 03:04:22.097974
"""

from alembic import op
import sqlalchemy as sa


revision = '0001_v1'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    
    op.create_table('app_setting',
    sa.Column('key', sa.String(length=80), nullable=False),
    sa.Column('value_json', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_setting'))
    )
    op.create_table('app_user',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username'))
    )
    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('civilite', sa.String(length=8), nullable=True),
    sa.Column('nom', sa.String(length=100), nullable=False),
    sa.Column('nom_naissance', sa.String(length=100), nullable=True),
    sa.Column('prenom', sa.String(length=100), nullable=False),
    sa.Column('sexe', sa.String(length=1), nullable=False),
    sa.Column('date_naissance', sa.Date(), nullable=True),
    sa.Column('adresse', sa.String(length=200), nullable=True),
    sa.Column('complement_adresse', sa.String(length=200), nullable=True),
    sa.Column('code_postal', sa.String(length=5), nullable=True),
    sa.Column('commune_insee', sa.String(length=5), nullable=True),
    sa.Column('commune_nom', sa.String(length=100), nullable=True),
    sa.Column('telephone', sa.String(length=20), nullable=True),
    sa.Column('telephone2', sa.String(length=20), nullable=True),
    sa.Column('email', sa.String(length=200), nullable=True),
    sa.Column('vit_seul', sa.Boolean(), nullable=True),
    sa.Column('caisse_retraite', sa.String(length=30), nullable=True),
    sa.Column('caisse_complementaire', sa.String(length=100), nullable=True),
    sa.Column('gir', sa.Integer(), nullable=True),
    sa.Column('gir_date', sa.Date(), nullable=True),
    sa.Column('gir_evaluateur', sa.String(length=100), nullable=True),
    sa.Column('mobilite', sa.String(length=20), nullable=True),
    sa.Column('fragilite_isolement', sa.Boolean(), nullable=False),
    sa.Column('fragilite_precarite', sa.Boolean(), nullable=False),
    sa.Column('fragilite_sante', sa.Boolean(), nullable=False),
    sa.Column('source_orientation', sa.String(length=30), nullable=True),
    sa.Column('urgence_nom', sa.String(length=150), nullable=True),
    sa.Column('urgence_telephone', sa.String(length=20), nullable=True),
    sa.Column('urgence_lien', sa.String(length=60), nullable=True),
    sa.Column('medecin_traitant', sa.String(length=150), nullable=True),
    sa.Column('consentement_date', sa.Date(), nullable=True),
    sa.Column('notice_date', sa.Date(), nullable=True),
    sa.Column('est_beneficiaire', sa.Boolean(), nullable=False),
    sa.Column('est_benevole', sa.Boolean(), nullable=False),
    sa.Column('statut', sa.String(length=10), nullable=False),
    sa.Column('archived_at', sa.DateTime(), nullable=True),
    sa.Column('last_contact_date', sa.Date(), nullable=True),
    sa.Column('search_text', sa.Text(), nullable=False),
    sa.Column('sort_key', sa.String(length=220), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('gir IS NULL OR (gir >= 1 AND gir <= 6)', name=op.f('ck_person_gir_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_person_commune_insee'), ['commune_insee'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_gir'), ['gir'], unique=False)
        batch_op.create_index('ix_person_naissance', ['date_naissance'], unique=False)
        batch_op.create_index('ix_person_sort', ['sort_key', 'id'], unique=False)
        batch_op.create_index(batch_op.f('ix_person_statut'), ['statut'], unique=False)

    op.create_table('aidant_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('aidant_id', sa.Integer(), nullable=False),
    sa.Column('aide_id', sa.Integer(), nullable=False),
    sa.Column('relation', sa.String(length=20), nullable=False),
    sa.Column('depuis', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('aidant_id <> aide_id', name=op.f('ck_aidant_link_not_self')),
    sa.ForeignKeyConstraint(['aidant_id'], ['person.id'], name=op.f('fk_aidant_link_aidant_id_person')),
    sa.ForeignKeyConstraint(['aide_id'], ['person.id'], name=op.f('fk_aidant_link_aide_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_aidant_link'))
    )
    with op.batch_alter_table('aidant_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aidant_link_aidant_id'), ['aidant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_aidant_link_aide_id'), ['aide_id'], unique=False)
        batch_op.create_index('uq_aidant_link_pair', ['aidant_id', 'aide_id'], unique=True)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.Text(), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('entry_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_audit_entry_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entity', ['entity', 'entity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entry_user_id'), ['user_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_person_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entry_at'))
        batch_op.drop_index('ix_audit_entity')

    op.drop_table('audit_entry')
    with op.batch_alter_table('aidant_link', schema=None) as batch_op:
        batch_op.drop_index('uq_aidant_link_pair')
        batch_op.drop_index(batch_op.f('ix_aidant_link_aide_id'))
        batch_op.drop_index(batch_op.f('ix_aidant_link_aidant_id'))

    op.drop_table('aidant_link')
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_person_statut'))
        batch_op.drop_index('ix_person_sort')
        batch_op.drop_index('ix_person_naissance')
        batch_op.drop_index(batch_op.f('ix_person_gir'))
        batch_op.drop_index(batch_op.f('ix_person_commune_insee'))

    op.drop_table('person')
    op.drop_table('app_user')
    op.drop_table('app_setting')
    
