"""Plain data exchanged between the partners and funding services and their callers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

DateLike = str | dt.date | None


@dataclass
class PartnerInput:
    nom: str = ""
    type: str = ""
    roles: list[str] = field(default_factory=list)
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune_insee: str | None = None
    telephone: str | None = None
    email: str | None = None
    siret: str | None = None
    notes: str | None = None


@dataclass
class ContactInput:
    nom: str = ""
    fonction: str | None = None
    telephone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class ContactView:
    id: int
    version_id: int
    nom: str
    fonction: str | None
    telephone: str | None
    email: str | None


@dataclass(frozen=True)
class PartnerDetail:
    id: int
    version_id: int
    data: PartnerInput
    commune_nom: str | None
    archived: bool
    contacts: tuple[ContactView, ...]
    siret_display: str  # « 732 829 320 00074 »


@dataclass(frozen=True)
class PartnerRow:
    id: int
    nom: str
    type: str
    roles: tuple[str, ...]
    commune_nom: str | None
    telephone: str | None
    archived: bool


@dataclass(frozen=True)
class PartnerFilter:
    text: str = ""
    type: str | None = None
    role: str | None = None
    include_archived: bool = False


@dataclass
class FundingInput:
    financeur_id: int | None = None
    annee: str | int | None = None
    montant: str | Decimal | None = None
    action: str | None = None
    axe_cfppa: str | None = None
    periode_debut: DateLike = None
    periode_fin: DateLike = None
    statut: str = "demande"
    date_demande: DateLike = None
    date_accord: DateLike = None
    date_versement: DateLike = None
    date_solde: DateLike = None
    reference: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class FundingRow:
    id: int
    version_id: int
    financeur_id: int
    financeur_nom: str
    annee: int
    montant: Decimal
    action: str
    axe_cfppa: str | None
    periode_debut: dt.date | None
    periode_fin: dt.date | None
    statut: str
    date_demande: dt.date | None
    date_accord: dt.date | None
    date_versement: dt.date | None
    date_solde: dt.date | None
    reference: str | None
    notes: str | None

    def to_input(self) -> FundingInput:
        return FundingInput(
            financeur_id=self.financeur_id, annee=self.annee, montant=self.montant,
            action=self.action, axe_cfppa=self.axe_cfppa, periode_debut=self.periode_debut,
            periode_fin=self.periode_fin, statut=self.statut, date_demande=self.date_demande,
            date_accord=self.date_accord, date_versement=self.date_versement,
            date_solde=self.date_solde, reference=self.reference, notes=self.notes,
        )


@dataclass(frozen=True)
class FinanceurTotals:
    financeur_id: int
    financeur_nom: str
    by_status: dict[str, Decimal]  # every status, 0 when none
    total: Decimal
    lines: int


@dataclass(frozen=True)
class FundingSummary:
    """One year: amounts per financeur and status, with the totals of each."""

    year: int
    statuses: tuple[str, ...]
    financeurs: tuple[FinanceurTotals, ...]  # largest total first
    by_status: dict[str, Decimal]
    total: Decimal
