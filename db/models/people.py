"""The people file.

Tables:
- ``person``: everyone the service accompanies or works with (bénéficiaire, aidant, aidé,
  bénévole). Roles "aidant" and "aidé" come from ``aidant_link``; a person may gain them
  later (most aidants do not see themselves as such at first).
- ``aidant_link``: a proche aidant helping an aidé, with the relation.

No NIR is ever stored (CNIL). ``search_text`` holds the folded name, birth name, commune
and phone digits so search-as-you-type is one indexed-column scan on any backend.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class Person(Timestamped, Versioned, Base):
    __tablename__ = "person"

    id: Mapped[int] = mapped_column(primary_key=True)
    civilite: Mapped[str | None] = mapped_column(String(8))
    nom: Mapped[str] = mapped_column(String(100))
    nom_naissance: Mapped[str | None] = mapped_column(String(100))
    prenom: Mapped[str] = mapped_column(String(100))
    sexe: Mapped[str] = mapped_column(String(1), default="i")
    date_naissance: Mapped[dt.date | None] = mapped_column(Date)

    adresse: Mapped[str | None] = mapped_column(String(200))
    complement_adresse: Mapped[str | None] = mapped_column(String(200))
    code_postal: Mapped[str | None] = mapped_column(String(5))
    commune_insee: Mapped[str | None] = mapped_column(String(5), index=True)
    commune_nom: Mapped[str | None] = mapped_column(String(100))
    telephone: Mapped[str | None] = mapped_column(String(20))
    telephone2: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    # Home coordinates (tournées pick-ups): BAN geocoding with its score, or typed by hand.
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geocode_score: Mapped[float | None] = mapped_column(Float)
    geocode_status: Mapped[str | None] = mapped_column(String(12))

    vit_seul: Mapped[bool | None] = mapped_column(Boolean)
    caisse_retraite: Mapped[str | None] = mapped_column(String(30))
    caisse_complementaire: Mapped[str | None] = mapped_column(String(100))
    gir: Mapped[int | None] = mapped_column(Integer, index=True)
    gir_date: Mapped[dt.date | None] = mapped_column(Date)
    gir_evaluateur: Mapped[str | None] = mapped_column(String(100))
    mobilite: Mapped[str | None] = mapped_column(String(20))
    fragilite_isolement: Mapped[bool] = mapped_column(Boolean, default=False)
    fragilite_precarite: Mapped[bool] = mapped_column(Boolean, default=False)
    fragilite_sante: Mapped[bool] = mapped_column(Boolean, default=False)
    source_orientation: Mapped[str | None] = mapped_column(String(30))

    urgence_nom: Mapped[str | None] = mapped_column(String(150))
    urgence_telephone: Mapped[str | None] = mapped_column(String(20))
    urgence_lien: Mapped[str | None] = mapped_column(String(60))
    medecin_traitant: Mapped[str | None] = mapped_column(String(150))

    consentement_date: Mapped[dt.date | None] = mapped_column(Date)
    notice_date: Mapped[dt.date | None] = mapped_column(Date)

    est_beneficiaire: Mapped[bool] = mapped_column(Boolean, default=True)
    est_benevole: Mapped[bool] = mapped_column(Boolean, default=False)
    statut: Mapped[str] = mapped_column(String(10), default="actif", index=True)
    archived_at: Mapped[dt.datetime | None] = mapped_column()
    # Kept after anonymisation so statistics by age still add up (age in year N = N − year).
    annee_naissance: Mapped[int | None] = mapped_column(Integer)
    anonymised_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_contact_date: Mapped[dt.date | None] = mapped_column(Date)
    next_contact_due: Mapped[dt.date | None] = mapped_column(Date, index=True)  # from visits

    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(220), default="")

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("gir IS NULL OR (gir >= 1 AND gir <= 6)", name="gir_range"),
        Index("ix_person_sort", "sort_key", "id"),
        # The Personnes list and its search-as-you-type read only this index, in order:
        # no table lookups, no sort of the matches (see bench/bench_people.py).
        Index("ix_person_list", "statut", "sort_key", "id", "search_text"),
        Index("ix_person_naissance", "date_naissance"),
    )


class AidantLink(Timestamped, Base):
    __tablename__ = "aidant_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    aidant_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    aide_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    relation: Mapped[str] = mapped_column(String(20))
    depuis: Mapped[dt.date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("aidant_id <> aide_id", name="not_self"),
        Index("uq_aidant_link_pair", "aidant_id", "aide_id", unique=True),
    )
