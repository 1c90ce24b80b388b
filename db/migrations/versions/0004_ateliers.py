"""ateliers: actions, seances, registrations, attendance, satisfaction, memberships

Also fills ``atelier_theme`` with the CNSA/CFPPA theme grid (editable afterwards).

Revision ID: 0004_ateliers
Revises: 0003_visits_partners
Create Date: 2026-11-22 03:25:43.841422
"""

from alembic import op
import sqlalchemy as sa


revision = '0004_ateliers'
down_revision = '0003_visits_partners'
branch_labels = None
depends_on = None

THEMES = [
    ("sante_globale", "Santé globale / bien vieillir"),
    ("nutrition", "Nutrition"),
    ("memoire", "Mémoire"),
    ("sommeil", "Sommeil"),
    ("activite_physique", "Activité physique / équilibre / prévention des chutes"),
    ("bien_etre", "Bien-être / estime de soi"),
    ("lien_social", "Lien social / lutte contre l'isolement"),
    ("habitat", "Habitat / cadre de vie"),
    ("mobilite", "Sécurité routière / mobilité"),
    ("acces_droits", "Accès aux droits"),
    ("numerique", "Numérique"),
    ("retraite", "Préparation à la retraite"),
    ("soutien_aidants", "Soutien aux aidants"),
    ("autre", "Autre"),
]


def upgrade() -> None:
    op.create_table('atelier_theme',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('libelle', sa.String(length=120), nullable=False),
    sa.Column('ordre', sa.Integer(), nullable=False),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_theme')),
    sa.UniqueConstraint('code', name=op.f('uq_atelier_theme_code'))
    )
    theme = sa.table('atelier_theme', sa.column('code', sa.String), sa.column('libelle', sa.String),
                     sa.column('ordre', sa.Integer), sa.column('actif', sa.Boolean))
    op.bulk_insert(theme, [
        {'code': code, 'libelle': libelle, 'ordre': i, 'actif': True}
        for i, (code, libelle) in enumerate(THEMES, start=1)
    ])
    op.create_table('adhesion',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('annee', sa.Integer(), nullable=False),
    sa.Column('montant', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('date_adhesion', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint('montant >= 0', name=op.f('ck_adhesion_montant_positif')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_adhesion_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_adhesion'))
    )
    with op.batch_alter_table('adhesion', schema=None) as batch_op:
        batch_op.create_index('ix_adhesion_annee', ['annee'], unique=False)
        batch_op.create_index('uq_adhesion_person_annee', ['person_id', 'annee'], unique=True)

    op.create_table('atelier_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('titre', sa.String(length=150), nullable=False),
    sa.Column('type_action', sa.String(length=10), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('axe_cfppa', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('public', sa.String(length=200), nullable=True),
    sa.Column('lieu', sa.String(length=200), nullable=True),
    sa.Column('lieu_partner_id', sa.Integer(), nullable=True),
    sa.Column('animateur', sa.String(length=150), nullable=True),
    sa.Column('animateur_type', sa.String(length=12), nullable=True),
    sa.Column('capacite', sa.Integer(), nullable=True),
    sa.Column('niveau', sa.String(length=12), nullable=True),
    sa.Column('tarification', sa.String(length=10), nullable=False),
    sa.Column('tarif_unite', sa.String(length=10), nullable=False),
    sa.Column('prix_plein', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('prix_reduit', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('prix_adherent', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('financeur', sa.String(length=150), nullable=True),
    sa.Column('funding_line_id', sa.Integer(), nullable=True),
    sa.Column('date_debut', sa.Date(), nullable=True),
    sa.Column('date_fin', sa.Date(), nullable=True),
    sa.Column('statut', sa.String(length=12), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('(prix_plein IS NULL OR prix_plein >= 0) AND (prix_reduit IS NULL OR prix_reduit >= 0) AND (prix_adherent IS NULL OR prix_adherent >= 0)', name=op.f('ck_atelier_action_prix_positifs')),
    sa.CheckConstraint('axe_cfppa IN (5, 6)', name=op.f('ck_atelier_action_axe')),
    sa.CheckConstraint('capacite IS NULL OR capacite > 0', name=op.f('ck_atelier_action_capacite_positive')),
    sa.ForeignKeyConstraint(['theme_id'], ['atelier_theme.id'], name=op.f('fk_atelier_action_theme_id_atelier_theme')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_action'))
    )
    with op.batch_alter_table('atelier_action', schema=None) as batch_op:
        batch_op.create_index('ix_atelier_action_debut', ['date_debut'], unique=False)
        batch_op.create_index(batch_op.f('ix_atelier_action_statut'), ['statut'], unique=False)
        batch_op.create_index(batch_op.f('ix_atelier_action_theme_id'), ['theme_id'], unique=False)

    op.create_table('atelier_inscription',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('statut', sa.String(length=12), nullable=False),
    sa.Column('rang_attente', sa.Integer(), nullable=True),
    sa.Column('inscrit_le', sa.Date(), nullable=False),
    sa.Column('desiste_le', sa.Date(), nullable=True),
    sa.Column('motif_desistement', sa.String(length=300), nullable=True),
    sa.Column('promu_le', sa.DateTime(), nullable=True),
    sa.Column('tarif', sa.String(length=10), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['atelier_action.id'], name=op.f('fk_atelier_inscription_action_id_atelier_action')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_atelier_inscription_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_inscription'))
    )
    with op.batch_alter_table('atelier_inscription', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_atelier_inscription_person_id'), ['person_id'], unique=False)
        batch_op.create_index('ix_atelier_inscription_statut', ['action_id', 'statut', 'rang_attente'], unique=False)
        batch_op.create_index('uq_atelier_inscription_action_person', ['action_id', 'person_id'], unique=True)

    op.create_table('atelier_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('ordre', sa.Integer(), nullable=False),
    sa.Column('libelle', sa.String(length=200), nullable=False),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['atelier_action.id'], name=op.f('fk_atelier_question_action_id_atelier_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_question'))
    )
    with op.batch_alter_table('atelier_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_atelier_question_action_id'), ['action_id'], unique=False)

    op.create_table('atelier_seance',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('debut', sa.DateTime(), nullable=False),
    sa.Column('fin', sa.DateTime(), nullable=False),
    sa.Column('lieu', sa.String(length=200), nullable=True),
    sa.Column('animateur', sa.String(length=150), nullable=True),
    sa.Column('statut', sa.String(length=10), nullable=False),
    sa.Column('motif_annulation', sa.String(length=300), nullable=True),
    sa.Column('annulee_le', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('fin > debut', name=op.f('ck_atelier_seance_fin_apres_debut')),
    sa.ForeignKeyConstraint(['action_id'], ['atelier_action.id'], name=op.f('fk_atelier_seance_action_id_atelier_action')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_seance'))
    )
    with op.batch_alter_table('atelier_seance', schema=None) as batch_op:
        batch_op.create_index('ix_atelier_seance_action', ['action_id', 'debut'], unique=False)
        batch_op.create_index('ix_atelier_seance_debut', ['debut'], unique=False)

    op.create_table('atelier_presence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seance_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('statut', sa.String(length=8), nullable=False),
    sa.Column('hors_inscription', sa.Boolean(), nullable=False),
    sa.Column('saisi_le', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_atelier_presence_person_id_person')),
    sa.ForeignKeyConstraint(['seance_id'], ['atelier_seance.id'], name=op.f('fk_atelier_presence_seance_id_atelier_seance')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_presence'))
    )
    with op.batch_alter_table('atelier_presence', schema=None) as batch_op:
        batch_op.create_index('ix_atelier_presence_figures', ['seance_id', 'statut', 'person_id', 'hors_inscription'], unique=False)
        batch_op.create_index(batch_op.f('ix_atelier_presence_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_atelier_presence_seance_person', ['seance_id', 'person_id'], unique=True)

    op.create_table('atelier_reponse',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('question_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('moment', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Integer(), nullable=False),
    sa.Column('repondu_le', sa.Date(), nullable=False),
    sa.CheckConstraint('note >= 1 AND note <= 5', name=op.f('ck_atelier_reponse_note_range')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_atelier_reponse_person_id_person')),
    sa.ForeignKeyConstraint(['question_id'], ['atelier_question.id'], name=op.f('fk_atelier_reponse_question_id_atelier_question')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_reponse'))
    )
    with op.batch_alter_table('atelier_reponse', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_atelier_reponse_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_atelier_reponse_question_person_moment', ['question_id', 'person_id', 'moment'], unique=True)

    op.create_table('atelier_satisfaction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seance_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Integer(), nullable=False),
    sa.CheckConstraint('note >= 1 AND note <= 5', name=op.f('ck_atelier_satisfaction_note_range')),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_atelier_satisfaction_person_id_person')),
    sa.ForeignKeyConstraint(['seance_id'], ['atelier_seance.id'], name=op.f('fk_atelier_satisfaction_seance_id_atelier_seance')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_atelier_satisfaction'))
    )
    with op.batch_alter_table('atelier_satisfaction', schema=None) as batch_op:
        batch_op.create_index('ix_atelier_satisfaction_figures', ['seance_id', 'note'], unique=False)
        batch_op.create_index(batch_op.f('ix_atelier_satisfaction_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_atelier_satisfaction_seance_person', ['seance_id', 'person_id'], unique=True)



def downgrade() -> None:
    with op.batch_alter_table('atelier_satisfaction', schema=None) as batch_op:
        batch_op.drop_index('uq_atelier_satisfaction_seance_person')
        batch_op.drop_index(batch_op.f('ix_atelier_satisfaction_person_id'))
        batch_op.drop_index('ix_atelier_satisfaction_figures')

    op.drop_table('atelier_satisfaction')
    with op.batch_alter_table('atelier_reponse', schema=None) as batch_op:
        batch_op.drop_index('uq_atelier_reponse_question_person_moment')
        batch_op.drop_index(batch_op.f('ix_atelier_reponse_person_id'))

    op.drop_table('atelier_reponse')
    with op.batch_alter_table('atelier_presence', schema=None) as batch_op:
        batch_op.drop_index('uq_atelier_presence_seance_person')
        batch_op.drop_index(batch_op.f('ix_atelier_presence_person_id'))
        batch_op.drop_index('ix_atelier_presence_figures')

    op.drop_table('atelier_presence')
    with op.batch_alter_table('atelier_seance', schema=None) as batch_op:
        batch_op.drop_index('ix_atelier_seance_debut')
        batch_op.drop_index('ix_atelier_seance_action')

    op.drop_table('atelier_seance')
    with op.batch_alter_table('atelier_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_atelier_question_action_id'))

    op.drop_table('atelier_question')
    with op.batch_alter_table('atelier_inscription', schema=None) as batch_op:
        batch_op.drop_index('uq_atelier_inscription_action_person')
        batch_op.drop_index('ix_atelier_inscription_statut')
        batch_op.drop_index(batch_op.f('ix_atelier_inscription_person_id'))

    op.drop_table('atelier_inscription')
    with op.batch_alter_table('atelier_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_atelier_action_theme_id'))
        batch_op.drop_index(batch_op.f('ix_atelier_action_statut'))
        batch_op.drop_index('ix_atelier_action_debut')

    op.drop_table('atelier_action')
    with op.batch_alter_table('adhesion', schema=None) as batch_op:
        batch_op.drop_index('uq_adhesion_person_annee')
        batch_op.drop_index('ix_adhesion_annee')

    op.drop_table('adhesion')
    op.drop_table('atelier_theme')
