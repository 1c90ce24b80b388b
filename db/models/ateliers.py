"""Collective prevention ateliers: the actions and their séances, plus the reference themes
and the yearly memberships used by the « adhérent » price.

Tables:
- ``atelier_theme``: the CNSA/CFPPA theme grid (pre-filled by the migration, editable).
- ``atelier_action``: a cycle of séances or a one-off event (title, theme, CFPPA axis,
  place, animateur, capacity, level, price rule and amounts, status). The place is a free
  text, optionally linked to a partner whose role is « lieu » (``lieu_partner_id``). The
  financeurs are funding lines linked through ``action_funding``
  (``db.models.funding_links``); the free-text ``financeur`` is kept for older data.
- ``atelier_seance``: one dated session of an action; place and animateur are NULL when
  they are the action's own. A cancelled séance keeps its row, reason and date.
- ``adhesion``: a person's membership for one calendar year (amount, date).

Registrations, attendance and satisfaction are in ``db.models.ateliers_participation``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class TypeAction(StrEnum):
    CYCLE = "cycle"
    PONCTUEL = "ponctuel"


class StatutAction(StrEnum):
    PREPARATION = "preparation"
    OUVERT = "ouvert"
    TERMINE = "termine"
    ANNULE = "annule"


class TypeAnimateur(StrEnum):
    SALARIE = "salarie"
    BENEVOLE = "benevole"
    PRESTATAIRE = "prestataire"


class Niveau(StrEnum):
    DEBUTANT = "debutant"
    CONFIRME = "confirme"


class Tarification(StrEnum):
    GRATUIT = "gratuit"
    PAYANT = "payant"


class UniteTarif(StrEnum):
    CYCLE = "cycle"  # one price for the whole cycle, paid at registration
    SEANCE = "seance"  # a price for each séance attended


class StatutSeance(StrEnum):
    PREVUE = "prevue"
    REALISEE = "realisee"
    ANNULEE = "annulee"


class AtelierTheme(Base):
    __tablename__ = "atelier_theme"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    libelle: Mapped[str] = mapped_column(String(120))
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    actif: Mapped[bool] = mapped_column(Boolean, default=True)


class AtelierAction(Timestamped, Versioned, Base):
    __tablename__ = "atelier_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    titre: Mapped[str] = mapped_column(String(150))
    type_action: Mapped[str] = mapped_column(String(10), default=TypeAction.CYCLE)
    theme_id: Mapped[int] = mapped_column(ForeignKey("atelier_theme.id"), index=True)
    axe_cfppa: Mapped[int] = mapped_column(Integer, default=6)
    description: Mapped[str | None] = mapped_column(Text)
    public: Mapped[str | None] = mapped_column(String(200))
    lieu: Mapped[str | None] = mapped_column(String(200))
    lieu_partner_id: Mapped[int | None] = mapped_column(ForeignKey("partner.id", ondelete="SET NULL"), index=True)
    animateur: Mapped[str | None] = mapped_column(String(150))
    animateur_type: Mapped[str | None] = mapped_column(String(12))
    capacite: Mapped[int | None] = mapped_column(Integer)
    niveau: Mapped[str | None] = mapped_column(String(12))
    tarification: Mapped[str] = mapped_column(String(10), default=Tarification.GRATUIT)
    tarif_unite: Mapped[str] = mapped_column(String(10), default=UniteTarif.CYCLE)
    prix_plein: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    prix_reduit: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    prix_adherent: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    financeur: Mapped[str | None] = mapped_column(String(150))
    date_debut: Mapped[dt.date | None] = mapped_column(Date)
    date_fin: Mapped[dt.date | None] = mapped_column(Date)
    statut: Mapped[str] = mapped_column(String(12), default=StatutAction.PREPARATION, index=True)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("axe_cfppa IN (5, 6)", name="axe"),
        CheckConstraint("capacite IS NULL OR capacite > 0", name="capacite_positive"),
        CheckConstraint(
            "(prix_plein IS NULL OR prix_plein >= 0) AND (prix_reduit IS NULL OR prix_reduit >= 0)"
            " AND (prix_adherent IS NULL OR prix_adherent >= 0)",
            name="prix_positifs",
        ),
        Index("ix_atelier_action_debut", "date_debut"),
    )


class AtelierSeance(Timestamped, Versioned, Base):
    __tablename__ = "atelier_seance"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("atelier_action.id"))
    debut: Mapped[dt.datetime] = mapped_column(DateTime)
    fin: Mapped[dt.datetime] = mapped_column(DateTime)
    lieu: Mapped[str | None] = mapped_column(String(200))  # NULL: the action's place
    animateur: Mapped[str | None] = mapped_column(String(150))  # NULL: the action's animateur
    statut: Mapped[str] = mapped_column(String(10), default=StatutSeance.PREVUE)
    motif_annulation: Mapped[str | None] = mapped_column(String(300))
    annulee_le: Mapped[dt.datetime | None] = mapped_column(DateTime)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("fin > debut", name="fin_apres_debut"),
        Index("ix_atelier_seance_action", "action_id", "debut"),
        Index("ix_atelier_seance_debut", "debut"),
    )


class Adhesion(Timestamped, Base):
    __tablename__ = "adhesion"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    annee: Mapped[int] = mapped_column(Integer)
    montant: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    date_adhesion: Mapped[dt.date] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("montant >= 0", name="montant_positif"),
        Index("uq_adhesion_person_annee", "person_id", "annee", unique=True),
        Index("ix_adhesion_annee", "annee"),
    )
