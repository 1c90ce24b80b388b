"""Partners of the service and the funding they give.

Tables:
- ``partner``: an organisation (financeur, commune, CCAS, association, SAAD, CLIC…) with its
  type, address (postal code + INSEE code), SIRET (checked), notes and an archived flag.
  ``search_text`` holds the folded name and commune for search-as-you-type.
- ``partner_role``: the roles a partner plays for the service (several: financeur, relais,
  prescripteur, prestataire, lieu).
- ``partner_contact``: people to call at the partner (name, function, phone, e-mail).
- ``funding_line``: a convention / financement: financeur, year, amount, funded action,
  CFPPA axis, period and status (demandé → accordé → versé → soldé) with the date of each
  step.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class Partner(Timestamped, Versioned, Base):
    __tablename__ = "partner"

    id: Mapped[int] = mapped_column(primary_key=True)
    nom: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(30), index=True)
    adresse: Mapped[str | None] = mapped_column(String(200))
    complement_adresse: Mapped[str | None] = mapped_column(String(200))
    code_postal: Mapped[str | None] = mapped_column(String(5))
    commune_insee: Mapped[str | None] = mapped_column(String(5))
    commune_nom: Mapped[str | None] = mapped_column(String(100))
    telephone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))
    siret: Mapped[str | None] = mapped_column(String(14))
    notes: Mapped[str | None] = mapped_column(Text)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    search_text: Mapped[str] = mapped_column(Text, default="")
    sort_key: Mapped[str] = mapped_column(String(200), default="", index=True)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012


class PartnerRole(Base):
    __tablename__ = "partner_role"

    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class PartnerContact(Timestamped, Versioned, Base):
    __tablename__ = "partner_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    partner_id: Mapped[int] = mapped_column(
        ForeignKey("partner.id", ondelete="CASCADE"), index=True
    )
    nom: Mapped[str] = mapped_column(String(150))
    fonction: Mapped[str | None] = mapped_column(String(150))
    telephone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(200))

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012


class FundingLine(Timestamped, Versioned, Base):
    __tablename__ = "funding_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    financeur_id: Mapped[int] = mapped_column(ForeignKey("partner.id"), index=True)
    annee: Mapped[int] = mapped_column(Integer)
    montant: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    action: Mapped[str] = mapped_column(Text)
    axe_cfppa: Mapped[str | None] = mapped_column(String(2))
    periode_debut: Mapped[dt.date | None] = mapped_column(Date)
    periode_fin: Mapped[dt.date | None] = mapped_column(Date)
    statut: Mapped[str] = mapped_column(String(10), default="demande")
    date_demande: Mapped[dt.date | None] = mapped_column(Date)
    date_accord: Mapped[dt.date | None] = mapped_column(Date)
    date_versement: Mapped[dt.date | None] = mapped_column(Date)
    date_solde: Mapped[dt.date | None] = mapped_column(Date)
    reference: Mapped[str | None] = mapped_column(String(100))
    notes: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (Index("ix_funding_line_annee", "annee", "financeur_id"),)
