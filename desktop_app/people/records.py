"""Plain data exchanged between the people service and its callers (UI, CLI, tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from desktop_app.errors import DomainError

DateLike = str | dt.date | None


@dataclass
class PersonInput:
    """What a form sends: raw text where the user types (dates, phones, codes)."""

    nom: str = ""
    prenom: str = ""
    civilite: str | None = None
    nom_naissance: str | None = None
    sexe: str = "i"
    date_naissance: DateLike = None
    adresse: str | None = None
    complement_adresse: str | None = None
    code_postal: str | None = None
    commune_insee: str | None = None
    telephone: str | None = None
    telephone2: str | None = None
    email: str | None = None
    vit_seul: bool | None = None
    caisse_retraite: str | None = None
    caisse_complementaire: str | None = None
    gir: int | None = None
    gir_date: DateLike = None
    gir_evaluateur: str | None = None
    mobilite: str | None = None
    fragilite_isolement: bool = False
    fragilite_precarite: bool = False
    fragilite_sante: bool = False
    source_orientation: str | None = None
    urgence_nom: str | None = None
    urgence_telephone: str | None = None
    urgence_lien: str | None = None
    medecin_traitant: str | None = None
    consentement_date: DateLike = None
    notice_date: DateLike = None
    est_beneficiaire: bool = True
    est_benevole: bool = False
    statut: str = "actif"


INPUT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(PersonInput))
SENSITIVE_FIELDS = frozenset({
    "gir", "gir_date", "gir_evaluateur", "fragilite_sante", "medecin_traitant",
    "fragilite_precarite", "fragilite_isolement", "caisse_retraite", "caisse_complementaire",
})


@dataclass(frozen=True)
class LinkView:
    link_id: int
    person_id: int
    display_name: str
    relation: str


@dataclass(frozen=True)
class PersonDetail:
    id: int
    version_id: int
    data: PersonInput
    commune_nom: str | None
    age: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    last_contact_date: dt.date | None
    archived_at: dt.datetime | None
    aidants: tuple[LinkView, ...] = ()  # people who help this person
    aides: tuple[LinkView, ...] = ()  # people this person helps
    sensitive_hidden: bool = False

    @property
    def display_name(self) -> str:
        return f"{self.data.nom.upper()} {self.data.prenom}".strip()

    def to_input(self) -> PersonInput:
        return replace(self.data)


@dataclass(frozen=True)
class PersonRow:
    """One line of the Personnes list."""

    id: int
    nom: str
    prenom: str
    date_naissance: dt.date | None
    age: int | None
    commune_nom: str | None
    code_postal: str | None
    telephone: str | None
    gir: int | None
    statut: str
    roles: str
    last_contact_date: dt.date | None


class RoleFilter(StrEnum):
    TOUS = "tous"
    BENEFICIAIRE = "beneficiaire"
    AIDANT = "aidant"
    AIDE = "aide"
    BENEVOLE = "benevole"


class SortKey(StrEnum):
    NOM = "nom"
    AGE = "age"
    COMMUNE = "commune"
    GIR = "gir"
    DERNIER_CONTACT = "dernier_contact"
    STATUT = "statut"


@dataclass(frozen=True)
class PersonFilter:
    text: str = ""
    role: RoleFilter = RoleFilter.TOUS
    statut: str | None = "actif"  # None = every status
    commune_insee: str | None = None
    gir: str | None = None  # "1".."6", "1-4", "5-6", "aucun"
    sort: SortKey = SortKey.NOM
    descending: bool = False
    hide_archived: bool = False  # set by the service for roles that may not read archives


@dataclass(frozen=True)
class DuplicateCandidate:
    id: int
    display_name: str
    date_naissance: dt.date | None
    commune_nom: str | None
    reason: str
    score: float


@dataclass
class DuplicateSuspected(DomainError):
    candidates: list[DuplicateCandidate] = field(default_factory=list)

    def __post_init__(self) -> None:
        DomainError.__init__(
            self,
            "Une fiche très proche existe déjà. Ouvrez-la, ou confirmez qu'il s'agit d'une autre personne.",
        )
