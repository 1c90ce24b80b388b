"""Tournées of an itinerant bus (API Bus): vehicles, commune conventions, passages and
the pick-ups planned for each passage.

Tables:
- ``vehicle``: a bus or minibus: passenger seats (wheelchair users included), PMR places,
  base address with coordinates, average speed and detour factor for travel times.
- ``tariff_rate``: the editable tariff grid: price per passage by number of passages ordered
  in the year (a row applies from ``min_passages`` on; an empty price is "not set").
- ``commune_convention``: one commune (INSEE code) and one year: passages ordered, the venue
  with coordinates, the mairie/CCAS contact, Atlas des fragilités priority, preferred
  weekday, the amount due (frozen when computed) and its payment.
- ``passage``: the bus in one commune on one half-day, with its type (découverte or série
  d'ateliers), vehicle, driver account, times, and the summary of its computed route. A
  passage IS a séance (``seance_id``, unique) of its convention's atelier action « API Bus —
  <commune> <année> » (``commune_convention.action_id``): registrations and attendance are
  the ateliers ones.
- ``passage_participant``: the bus's own business per registered person: pick-up needed or
  not and the planned pick-up time.
- ``passage_stop``: the stored pick-up plan: every stop of every rotation, outbound and
  return, in order, with its planned time.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class PassageType(StrEnum):
    DECOUVERTE = "decouverte"
    SERIE = "serie"


class PassageStatus(StrEnum):
    PREVU = "prevu"
    REALISE = "realise"
    ANNULE = "annule"


class GeocodeStatus(StrEnum):
    BAN = "ban"  # matched by the Base Adresse Nationale with a good score
    A_VERIFIER = "a_verifier"  # matched with a low score: a human must check
    MANUEL = "manuel"  # typed or corrected by hand
    ECHEC = "echec"  # no match


class Vehicle(Timestamped, Versioned, Base):
    __tablename__ = "vehicle"

    id: Mapped[int] = mapped_column(primary_key=True)
    nom: Mapped[str] = mapped_column(String(100), unique=True)
    places: Mapped[int] = mapped_column(Integer, default=5)
    places_pmr: Mapped[int] = mapped_column(Integer, default=1)
    base_adresse: Mapped[str | None] = mapped_column(String(250))
    base_lat: Mapped[float | None] = mapped_column(Float)
    base_lon: Mapped[float | None] = mapped_column(Float)
    vitesse_kmh: Mapped[float] = mapped_column(Float, default=50.0)
    facteur_detour: Mapped[float] = mapped_column(Float, default=1.3)
    actif: Mapped[bool] = mapped_column(Boolean, default=True)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("places >= 1", name="places_min"),
        CheckConstraint("places_pmr >= 0 AND places_pmr <= places", name="pmr_range"),
    )


class TariffRate(Timestamped, Base):
    __tablename__ = "tariff_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    min_passages: Mapped[int] = mapped_column(Integer, unique=True)
    prix_par_passage: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))


class CommuneConvention(Timestamped, Versioned, Base):
    __tablename__ = "commune_convention"

    id: Mapped[int] = mapped_column(primary_key=True)
    annee: Mapped[int] = mapped_column(Integer)
    commune_insee: Mapped[str] = mapped_column(String(5), index=True)
    commune_nom: Mapped[str] = mapped_column(String(100))
    passages_commandes: Mapped[int] = mapped_column(Integer, default=1)  # paid passages
    decouverte: Mapped[bool] = mapped_column(Boolean, default=False)  # plus a free first passage
    lieu_nom: Mapped[str | None] = mapped_column(String(150))
    lieu_adresse: Mapped[str | None] = mapped_column(String(250))
    lieu_lat: Mapped[float | None] = mapped_column(Float)
    lieu_lon: Mapped[float | None] = mapped_column(Float)
    contact: Mapped[str | None] = mapped_column(Text)
    prioritaire: Mapped[bool] = mapped_column(Boolean, default=False)
    jour_prefere: Mapped[int | None] = mapped_column(Integer)  # 0 = lundi … 4 = vendredi
    montant: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    paye: Mapped[bool] = mapped_column(Boolean, default=False)
    date_paiement: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    # the atelier action « API Bus — <commune> <année> » whose séances are the passages
    action_id: Mapped[int | None] = mapped_column(ForeignKey("atelier_action.id", ondelete="SET NULL"), index=True)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        Index("uq_commune_convention_year", "annee", "commune_insee", unique=True),
        CheckConstraint("passages_commandes >= 0", name="passages_min"),
        CheckConstraint("jour_prefere IS NULL OR (jour_prefere >= 0 AND jour_prefere <= 6)", name="jour_range"),
    )


class Passage(Timestamped, Versioned, Base):
    __tablename__ = "passage"

    id: Mapped[int] = mapped_column(primary_key=True)
    convention_id: Mapped[int | None] = mapped_column(ForeignKey("commune_convention.id"), index=True)
    commune_insee: Mapped[str] = mapped_column(String(5), index=True)
    commune_nom: Mapped[str] = mapped_column(String(100))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    heure_debut: Mapped[dt.time] = mapped_column(Time)
    heure_fin: Mapped[dt.time] = mapped_column(Time)
    depart_au_plus_tot: Mapped[dt.time | None] = mapped_column(Time)
    type: Mapped[str] = mapped_column(String(12), default=PassageType.SERIE.value)
    statut: Mapped[str] = mapped_column(String(10), default=PassageStatus.PREVU.value, index=True)
    theme: Mapped[str | None] = mapped_column(String(150))
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id"))
    lieu_nom: Mapped[str | None] = mapped_column(String(150))
    lieu_lat: Mapped[float | None] = mapped_column(Float)
    lieu_lon: Mapped[float | None] = mapped_column(Float)
    # The atelier séance this passage is (one séance per passage).
    seance_id: Mapped[int | None] = mapped_column(ForeignKey("atelier_seance.id", ondelete="SET NULL"))
    chauffeur_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="SET NULL"), index=True)
    route_km: Mapped[float | None] = mapped_column(Float)
    route_minutes: Mapped[int | None] = mapped_column(Integer)
    route_calculee_le: Mapped[dt.datetime | None] = mapped_column()
    route_avertissements: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        Index("ix_passage_vehicle_date", "vehicle_id", "date"),
        Index("uq_passage_seance", "seance_id", unique=True),
    )


class PassageParticipant(Timestamped, Base):
    __tablename__ = "passage_participant"

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passage.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    besoin_transport: Mapped[bool] = mapped_column(Boolean, default=False)
    heure_prise_en_charge: Mapped[dt.time | None] = mapped_column(Time)

    __table_args__ = (
        Index("uq_passage_participant_pair", "passage_id", "person_id", unique=True),
    )


class PassageStop(Base):
    __tablename__ = "passage_stop"

    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passage.id", ondelete="CASCADE"), index=True)
    sens: Mapped[str] = mapped_column(String(6))  # "aller" / "retour"
    rotation: Mapped[int] = mapped_column(Integer)
    ordre: Mapped[int] = mapped_column(Integer)
    genre: Mapped[str] = mapped_column(String(20))  # desktop_app.tournees.model.StopKind
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    libelle: Mapped[str] = mapped_column(String(200))
    heure_prevue: Mapped[dt.time] = mapped_column(Time)
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    distance_m: Mapped[int] = mapped_column(Integer, default=0)
    duree_s: Mapped[int] = mapped_column(Integer, default=0)
