"""tournees: vehicles, conventions, passages, pick-ups

Also adds the home coordinates of a person (latitude, longitude, geocode score and status)
and pre-fills the tariff grid from the API Bus seed: 150 € for one passage a year, 90 € per
passage from five a year on; the prices for two to four passages are left for the user.

Revision ID: 0005_tournees
Revises: 0002_person_list_index
Create Date: 2026-11-22 03:14:53.375626
"""

from alembic import op
import sqlalchemy as sa


revision = '0005_tournees'
down_revision = '0002_person_list_index'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('commune_convention',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('annee', sa.Integer(), nullable=False),
    sa.Column('commune_insee', sa.String(length=5), nullable=False),
    sa.Column('commune_nom', sa.String(length=100), nullable=False),
    sa.Column('passages_commandes', sa.Integer(), nullable=False),
    sa.Column('decouverte', sa.Boolean(), nullable=False),
    sa.Column('lieu_nom', sa.String(length=150), nullable=True),
    sa.Column('lieu_adresse', sa.String(length=250), nullable=True),
    sa.Column('lieu_lat', sa.Float(), nullable=True),
    sa.Column('lieu_lon', sa.Float(), nullable=True),
    sa.Column('contact', sa.Text(), nullable=True),
    sa.Column('prioritaire', sa.Boolean(), nullable=False),
    sa.Column('jour_prefere', sa.Integer(), nullable=True),
    sa.Column('montant', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('paye', sa.Boolean(), nullable=False),
    sa.Column('date_paiement', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('jour_prefere IS NULL OR (jour_prefere >= 0 AND jour_prefere <= 6)', name=op.f('ck_commune_convention_jour_range')),
    sa.CheckConstraint('passages_commandes >= 0', name=op.f('ck_commune_convention_passages_min')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_commune_convention'))
    )
    with op.batch_alter_table('commune_convention', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_commune_convention_commune_insee'), ['commune_insee'], unique=False)
        batch_op.create_index('uq_commune_convention_year', ['annee', 'commune_insee'], unique=True)

    tariff = op.create_table('tariff_rate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('min_passages', sa.Integer(), nullable=False),
    sa.Column('prix_par_passage', sa.Numeric(precision=10, scale=2), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tariff_rate')),
    sa.UniqueConstraint('min_passages', name=op.f('uq_tariff_rate_min_passages'))
    )
    op.bulk_insert(tariff, [
        {'min_passages': 1, 'prix_par_passage': 150},
        {'min_passages': 2, 'prix_par_passage': None},
        {'min_passages': 3, 'prix_par_passage': None},
        {'min_passages': 4, 'prix_par_passage': None},
        {'min_passages': 5, 'prix_par_passage': 90},
    ])
    op.create_table('vehicle',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('nom', sa.String(length=100), nullable=False),
    sa.Column('places', sa.Integer(), nullable=False),
    sa.Column('places_pmr', sa.Integer(), nullable=False),
    sa.Column('base_adresse', sa.String(length=250), nullable=True),
    sa.Column('base_lat', sa.Float(), nullable=True),
    sa.Column('base_lon', sa.Float(), nullable=True),
    sa.Column('vitesse_kmh', sa.Float(), nullable=False),
    sa.Column('facteur_detour', sa.Float(), nullable=False),
    sa.Column('actif', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('places >= 1', name=op.f('ck_vehicle_places_min')),
    sa.CheckConstraint('places_pmr >= 0 AND places_pmr <= places', name=op.f('ck_vehicle_pmr_range')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_vehicle')),
    sa.UniqueConstraint('nom', name=op.f('uq_vehicle_nom'))
    )
    op.create_table('passage',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('convention_id', sa.Integer(), nullable=True),
    sa.Column('commune_insee', sa.String(length=5), nullable=False),
    sa.Column('commune_nom', sa.String(length=100), nullable=False),
    sa.Column('date', sa.Date(), nullable=False),
    sa.Column('heure_debut', sa.Time(), nullable=False),
    sa.Column('heure_fin', sa.Time(), nullable=False),
    sa.Column('depart_au_plus_tot', sa.Time(), nullable=True),
    sa.Column('type', sa.String(length=12), nullable=False),
    sa.Column('statut', sa.String(length=10), nullable=False),
    sa.Column('theme', sa.String(length=150), nullable=True),
    sa.Column('vehicle_id', sa.Integer(), nullable=True),
    sa.Column('lieu_nom', sa.String(length=150), nullable=True),
    sa.Column('lieu_lat', sa.Float(), nullable=True),
    sa.Column('lieu_lon', sa.Float(), nullable=True),
    sa.Column('seance_id', sa.Integer(), nullable=True),
    sa.Column('route_km', sa.Float(), nullable=True),
    sa.Column('route_minutes', sa.Integer(), nullable=True),
    sa.Column('route_calculee_le', sa.DateTime(), nullable=True),
    sa.Column('route_avertissements', sa.Text(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['convention_id'], ['commune_convention.id'], name=op.f('fk_passage_convention_id_commune_convention')),
    sa.ForeignKeyConstraint(['vehicle_id'], ['vehicle.id'], name=op.f('fk_passage_vehicle_id_vehicle')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_passage'))
    )
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_commune_insee'), ['commune_insee'], unique=False)
        batch_op.create_index(batch_op.f('ix_passage_convention_id'), ['convention_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_passage_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_passage_seance_id'), ['seance_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_passage_statut'), ['statut'], unique=False)
        batch_op.create_index('ix_passage_vehicle_date', ['vehicle_id', 'date'], unique=False)

    op.create_table('passage_participant',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('passage_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('besoin_transport', sa.Boolean(), nullable=False),
    sa.Column('heure_prise_en_charge', sa.Time(), nullable=True),
    sa.Column('present', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['passage_id'], ['passage.id'], name=op.f('fk_passage_participant_passage_id_passage'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_passage_participant_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_passage_participant'))
    )
    with op.batch_alter_table('passage_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_participant_passage_id'), ['passage_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_passage_participant_person_id'), ['person_id'], unique=False)
        batch_op.create_index('uq_passage_participant_pair', ['passage_id', 'person_id'], unique=True)

    op.create_table('passage_stop',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('passage_id', sa.Integer(), nullable=False),
    sa.Column('sens', sa.String(length=6), nullable=False),
    sa.Column('rotation', sa.Integer(), nullable=False),
    sa.Column('ordre', sa.Integer(), nullable=False),
    sa.Column('genre', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=True),
    sa.Column('libelle', sa.String(length=200), nullable=False),
    sa.Column('heure_prevue', sa.Time(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('distance_m', sa.Integer(), nullable=False),
    sa.Column('duree_s', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['passage_id'], ['passage.id'], name=op.f('fk_passage_stop_passage_id_passage'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_passage_stop_person_id_person')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_passage_stop'))
    )
    with op.batch_alter_table('passage_stop', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_passage_stop_passage_id'), ['passage_id'], unique=False)

    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.add_column(sa.Column('latitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('longitude', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('geocode_score', sa.Float(), nullable=True))
        batch_op.add_column(sa.Column('geocode_status', sa.String(length=12), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('person', schema=None) as batch_op:
        batch_op.drop_column('geocode_status')
        batch_op.drop_column('geocode_score')
        batch_op.drop_column('longitude')
        batch_op.drop_column('latitude')

    with op.batch_alter_table('passage_stop', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_passage_stop_passage_id'))

    op.drop_table('passage_stop')
    with op.batch_alter_table('passage_participant', schema=None) as batch_op:
        batch_op.drop_index('uq_passage_participant_pair')
        batch_op.drop_index(batch_op.f('ix_passage_participant_person_id'))
        batch_op.drop_index(batch_op.f('ix_passage_participant_passage_id'))

    op.drop_table('passage_participant')
    with op.batch_alter_table('passage', schema=None) as batch_op:
        batch_op.drop_index('ix_passage_vehicle_date')
        batch_op.drop_index(batch_op.f('ix_passage_statut'))
        batch_op.drop_index(batch_op.f('ix_passage_seance_id'))
        batch_op.drop_index(batch_op.f('ix_passage_date'))
        batch_op.drop_index(batch_op.f('ix_passage_convention_id'))
        batch_op.drop_index(batch_op.f('ix_passage_commune_insee'))

    op.drop_table('passage')
    op.drop_table('vehicle')
    op.drop_table('tariff_rate')
    with op.batch_alter_table('commune_convention', schema=None) as batch_op:
        batch_op.drop_index('uq_commune_convention_year')
        batch_op.drop_index(batch_op.f('ix_commune_convention_commune_insee'))

    op.drop_table('commune_convention')
