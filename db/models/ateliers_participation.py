"""Who takes part in the ateliers: registrations with their waiting list, attendance per
séance, the smiley score per séance and the questionnaire at the first and last séance.

Tables:
- ``atelier_inscription``: one person on one action, ``inscrit``, ``en_attente`` (ordered
  by ``rang_attente``) or ``desiste``; ``promu_le`` is set when a waiting person was
  offered a freed place. One row per (action, person): registering twice is impossible.
- ``atelier_presence``: present / absent / excusé for one person at one séance;
  ``hors_inscription`` marks someone who came without being registered.
- ``atelier_satisfaction``: a smiley score 1–5 per person per séance.
- ``atelier_question``: the questionnaire items of an action (editable, ordered).
- ``atelier_reponse``: a 1–5 answer to an item at a moment (début, fin, suivi à 3 mois).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned, utcnow


class StatutInscription(StrEnum):
    INSCRIT = "inscrit"
    EN_ATTENTE = "en_attente"
    DESISTE = "desiste"


class Tarif(StrEnum):
    PLEIN = "plein"
    REDUIT = "reduit"
    ADHERENT = "adherent"
    EXONERE = "exonere"


class StatutPresence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSE = "excuse"


class MomentQuestionnaire(StrEnum):
    DEBUT = "debut"
    FIN = "fin"
    SUIVI = "suivi"


class AtelierInscription(Timestamped, Versioned, Base):
    __tablename__ = "atelier_inscription"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("atelier_action.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    statut: Mapped[str] = mapped_column(String(12))
    rang_attente: Mapped[int | None] = mapped_column(Integer)
    inscrit_le: Mapped[dt.date] = mapped_column(Date)
    desiste_le: Mapped[dt.date | None] = mapped_column(Date)
    motif_desistement: Mapped[str | None] = mapped_column(String(300))
    promu_le: Mapped[dt.datetime | None] = mapped_column(DateTime)
    tarif: Mapped[str | None] = mapped_column(String(10))  # NULL: adhérent if member, else plein

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        Index("uq_atelier_inscription_action_person", "action_id", "person_id", unique=True),
        Index("ix_atelier_inscription_statut", "action_id", "statut", "rang_attente"),
    )


class AtelierPresence(Base):
    __tablename__ = "atelier_presence"

    id: Mapped[int] = mapped_column(primary_key=True)
    seance_id: Mapped[int] = mapped_column(ForeignKey("atelier_seance.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    statut: Mapped[str] = mapped_column(String(8))
    hors_inscription: Mapped[bool] = mapped_column(Boolean, default=False)
    saisi_le: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        Index("uq_atelier_presence_seance_person", "seance_id", "person_id", unique=True),
        # covering index of the figures: presences per séance without touching the table
        Index("ix_atelier_presence_figures", "seance_id", "statut", "person_id", "hors_inscription"),
    )


class AtelierSatisfaction(Base):
    __tablename__ = "atelier_satisfaction"

    id: Mapped[int] = mapped_column(primary_key=True)
    seance_id: Mapped[int] = mapped_column(ForeignKey("atelier_seance.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    note: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("note >= 1 AND note <= 5", name="note_range"),
        Index("uq_atelier_satisfaction_seance_person", "seance_id", "person_id", unique=True),
        Index("ix_atelier_satisfaction_figures", "seance_id", "note"),
    )


class AtelierQuestion(Base):
    __tablename__ = "atelier_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("atelier_action.id"), index=True)
    ordre: Mapped[int] = mapped_column(Integer, default=0)
    libelle: Mapped[str] = mapped_column(String(200))
    actif: Mapped[bool] = mapped_column(Boolean, default=True)


class AtelierReponse(Base):
    __tablename__ = "atelier_reponse"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("atelier_question.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    moment: Mapped[str] = mapped_column(String(8))
    note: Mapped[int] = mapped_column(Integer)
    repondu_le: Mapped[dt.date] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("note >= 1 AND note <= 5", name="note_range"),
        Index("uq_atelier_reponse_question_person_moment", "question_id", "person_id", "moment", unique=True),
    )
