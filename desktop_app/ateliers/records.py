"""Plain data exchanged between the ateliers services and their callers (UI, CLI, tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from desktop_app.errors import DomainError

DateLike = str | dt.date | None
TimeLike = str | dt.time | None
AmountLike = str | Decimal | int | float | None


@dataclass
class ActionInput:
    """What the action form sends: raw text where the user types (dates, amounts)."""

    titre: str = ""
    theme_id: int | None = None
    type_action: str = "cycle"
    axe_cfppa: int | str | None = 6
    description: str | None = None
    public: str | None = None
    lieu: str | None = None
    lieu_partner_id: int | None = None
    animateur: str | None = None
    animateur_type: str | None = None
    capacite: int | str | None = None
    niveau: str | None = None
    tarification: str = "gratuit"
    tarif_unite: str = "cycle"
    prix_plein: AmountLike = None
    prix_reduit: AmountLike = None
    prix_adherent: AmountLike = None
    financeur: str | None = None  # free text typed before funding lines existed (old data)
    financements: list[int] = field(default_factory=list)  # ids of the funding lines paying for it
    date_debut: DateLike = None
    date_fin: DateLike = None
    statut: str = "preparation"


@dataclass(frozen=True)
class Choice:
    """One entry of a list the form offers (a funding line, a partner place)."""

    id: int
    libelle: str


@dataclass(frozen=True)
class Counts:
    """Inscrits and en attente are two numbers, never one sum."""

    inscrits: int
    en_attente: int
    desistes: int
    capacite: int | None

    @property
    def places_libres(self) -> int | None:
        return None if self.capacite is None else max(self.capacite - self.inscrits, 0)

    @property
    def complet(self) -> bool:
        return self.capacite is not None and self.inscrits >= self.capacite


@dataclass(frozen=True)
class ActionDetail:
    id: int
    version_id: int
    data: ActionInput
    theme_libelle: str
    counts: Counts
    seances_prevues: int
    seances_annulees: int
    financements: tuple[Choice, ...] = ()  # « Carsat 2026 — 12 000 € — accordé »
    lieu_partner_nom: str | None = None


@dataclass(frozen=True)
class ActionRow:
    """One line of the Ateliers list."""

    id: int
    titre: str
    theme: str
    type_action: str
    statut: str
    lieu: str | None
    animateur: str | None
    date_debut: dt.date | None
    date_fin: dt.date | None
    capacite: int | None
    inscrits: int
    en_attente: int
    seances: int
    prochaine_seance: dt.datetime | None


@dataclass(frozen=True)
class ThemeRow:
    id: int
    code: str
    libelle: str
    ordre: int
    actif: bool


@dataclass(frozen=True)
class ActionFormChoices:
    """What the action form offers: themes, funding lines, partner places."""

    themes: list[ThemeRow]
    financements: list[Choice]
    lieux: list[Choice]


@dataclass
class SeanceRule:
    """How to generate a cycle's séances. ``jour_semaine``: 0 = lundi … 6 = dimanche; None
    takes the weekday of ``premier_jour``. Stop after ``nombre`` séances or on ``jusqu_au``
    (whichever comes first); public holidays and ``dates_exclues`` are skipped and do not
    count."""

    frequence: str = "hebdomadaire"
    premier_jour: DateLike = None
    jour_semaine: int | None = None
    heure_debut: TimeLike = "14:00"
    heure_fin: TimeLike = "16:00"
    nombre: int | str | None = None
    jusqu_au: DateLike = None
    dates_exclues: list[DateLike] = field(default_factory=list)


@dataclass
class SeanceInput:
    """One séance typed by hand (add or move). Empty place/animateur: the action's own."""

    date: DateLike = None
    heure_debut: TimeLike = None
    heure_fin: TimeLike = None
    lieu: str | None = None
    animateur: str | None = None


@dataclass(frozen=True)
class SkippedDate:
    date: dt.date
    reason: str


@dataclass(frozen=True)
class OverlapWarning:
    debut: dt.datetime
    fin: dt.datetime
    other_seance_id: int
    other_titre: str
    other_debut: dt.datetime
    other_fin: dt.datetime
    reason: str

    @property
    def message(self) -> str:
        day = self.debut.strftime("%d/%m/%Y")
        return (
            f"Le {day} de {self.debut:%H:%M} à {self.fin:%H:%M} chevauche « {self.other_titre} » "
            f"({self.other_debut:%H:%M}–{self.other_fin:%H:%M}) : {self.reason}."
        )


@dataclass
class OverlapSuspected(DomainError):
    """Raised before saving; the caller may confirm and call again with confirm_overlaps."""

    warnings: list[OverlapWarning] = field(default_factory=list)

    def __post_init__(self) -> None:
        lines = "\n".join(w.message for w in self.warnings[:5])
        more = f"\n… et {len(self.warnings) - 5} autre(s)." if len(self.warnings) > 5 else ""
        DomainError.__init__(self, f"Chevauchement avec une autre séance :\n{lines}{more}")


@dataclass(frozen=True)
class GenerationPreview:
    slots: list[tuple[dt.datetime, dt.datetime]]
    skipped: list[SkippedDate]
    overlaps: list[OverlapWarning]


@dataclass(frozen=True)
class SeanceRow:
    id: int
    version_id: int
    action_id: int
    numero: int  # 1-based rank among the action's non-cancelled séances (0 if cancelled)
    debut: dt.datetime
    fin: dt.datetime
    lieu: str | None  # effective place (the séance's own or the action's)
    animateur: str | None
    lieu_propre: bool  # True when the séance overrides the action's place
    statut: str
    motif_annulation: str | None
    presents: int


@dataclass(frozen=True)
class RegistrationRow:
    id: int
    version_id: int
    action_id: int
    person_id: int
    nom: str  # « MARTIN Hélène »
    statut: str
    rang_attente: int | None  # 1-based position on the waiting list, None otherwise
    inscrit_le: dt.date
    desiste_le: dt.date | None
    promu_le: dt.datetime | None
    tarif: str | None
    telephone: str | None
    mobilite: str | None = None  # for the room and the transport; never GIR or health


@dataclass(frozen=True)
class Registrations:
    inscrits: list[RegistrationRow]
    en_attente: list[RegistrationRow]  # in waiting order
    desistes: list[RegistrationRow]
    counts: Counts
    offre: RegistrationRow | None  # first waiting person when a place is free


@dataclass(frozen=True)
class RegisterResult:
    registration: RegistrationRow
    counts: Counts


@dataclass(frozen=True)
class WithdrawResult:
    registration: RegistrationRow
    counts: Counts
    offre: RegistrationRow | None  # offer the freed place to this person (one click)


@dataclass(frozen=True)
class GridSeance:
    id: int
    debut: dt.datetime
    fin: dt.datetime
    statut: str
    numero: int


@dataclass(frozen=True)
class GridPerson:
    person_id: int
    nom: str
    inscription: str  # inscrit, desiste, hors_inscription


@dataclass(frozen=True)
class AttendanceGrid:
    action_id: int
    titre: str
    seances: list[GridSeance]
    people: list[GridPerson]
    cells: dict[tuple[int, int], str]  # (person_id, seance_id) → present/absent/excuse


@dataclass(frozen=True)
class SatisfactionEntry:
    person_id: int
    nom: str
    presence: str | None
    note: int | None


@dataclass(frozen=True)
class QuestionRow:
    id: int
    ordre: int
    libelle: str
    actif: bool


@dataclass(frozen=True)
class QuestionSummary:
    question_id: int
    libelle: str
    moyenne_debut: float | None
    n_debut: int
    moyenne_fin: float | None
    n_fin: int

    @property
    def evolution(self) -> float | None:
        if self.moyenne_debut is None or self.moyenne_fin is None:
            return None
        return self.moyenne_fin - self.moyenne_debut


@dataclass(frozen=True)
class SatisfactionSummary:
    moyenne: float | None
    nombre: int
    distribution: dict[int, int]  # smiley 1..5 → count
    par_seance: list[tuple[int, dt.datetime, float | None, int]]  # (seance_id, debut, mean, n)
    questionnaire: list[QuestionSummary]


@dataclass(frozen=True)
class ActionFigures:
    action_id: int
    capacite: int | None
    inscrits: int
    en_attente: int
    desistes: int
    seances_prevues: int  # not cancelled (planned or held)
    seances_realisees: int
    seances_annulees: int
    heures_realisees: float
    presences: int  # every « présent » at a held séance, walk-ins included
    presences_inscrits: int  # « présent » of people currently registered
    presences_hors_inscription: int
    participants_uniques: int
    presents_premiere: int
    presents_derniere: int
    recettes: Decimal
    satisfaction_moyenne: float | None
    satisfaction_nombre: int

    @property
    def liste_attente(self) -> int:
        return self.en_attente

    @property
    def taux_remplissage(self) -> float | None:
        if not self.capacite:
            return None
        return self.inscrits / self.capacite

    @property
    def taux_presence(self) -> float | None:
        """presences / (inscrits × séances held), registered people only."""
        expected = self.inscrits * self.seances_realisees
        return self.presences_inscrits / expected if expected else None

    @property
    def retention(self) -> float | None:
        """Present at the last held séance / present at the first."""
        if self.seances_realisees < 2 or not self.presents_premiere:
            return None
        return self.presents_derniere / self.presents_premiere


@dataclass(frozen=True)
class MembershipRow:
    id: int
    person_id: int
    annee: int
    montant: Decimal
    date_adhesion: dt.date
