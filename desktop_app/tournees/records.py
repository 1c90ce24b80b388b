"""Plain data exchanged between the tournées services and their callers (UI, CLI, reports,
tests), and the small field parsers they share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from desktop_app.tournees.model import RoutePlan
from desktop_app.validation import FieldError

Num = str | float | int | None
_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?\s*$")


def parse_time(value: str | dt.time | None) -> dt.time | None:
    """« 14:00 », « 14h », « 14 h 30 » → time; empty → None."""
    if value is None or isinstance(value, dt.time):
        return value
    if not value.strip():
        return None
    m = _TIME_RE.match(value)
    if not m or int(m[1]) > 23 or (m[2] and int(m[2]) > 59):
        raise FieldError("Heure invalide : saisissez-la sous la forme 14:30.")
    return dt.time(int(m[1]), int(m[2] or 0))


def seconds_of(t: dt.time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


def time_of(seconds: int) -> dt.time:
    minutes = round(seconds / 60) % (24 * 60)
    return dt.time(minutes // 60, minutes % 60)


def parse_float(value: Num, message: str) -> float | None:
    if value is None or isinstance(value, float | int):
        return None if value is None else float(value)
    text = value.strip().replace(",", ".").replace("°", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise FieldError(message) from exc


@dataclass(frozen=True)
class HomeCoordinates:
    latitude: float | None
    longitude: float | None
    score: float | None  # BAN match score 0–1
    status: str | None  # db.models.tournees.GeocodeStatus value

    @property
    def to_review(self) -> bool:
        return self.status == "a_verifier"


@dataclass
class VehicleInput:
    nom: str = ""
    places: Num = 5
    places_pmr: Num = 1
    base_adresse: str | None = None
    base_lat: Num = None
    base_lon: Num = None
    vitesse_kmh: Num = None  # None → the setting's default
    facteur_detour: Num = None
    actif: bool = True


@dataclass(frozen=True)
class VehicleView:
    id: int
    version_id: int
    nom: str
    places: int
    places_pmr: int
    base_adresse: str | None
    base_lat: float | None
    base_lon: float | None
    vitesse_kmh: float
    facteur_detour: float
    actif: bool

    @property
    def has_coordinates(self) -> bool:
        return self.base_lat is not None and self.base_lon is not None


@dataclass
class ConventionInput:
    annee: Num = None
    commune_insee: str = ""
    passages_commandes: Num = 1
    decouverte: bool = False
    lieu_nom: str | None = None
    lieu_adresse: str | None = None
    lieu_lat: Num = None
    lieu_lon: Num = None
    contact: str | None = None
    prioritaire: bool = False
    jour_prefere: int | None = None
    paye: bool = False
    date_paiement: str | dt.date | None = None
    notes: str | None = None
    funding_line_ids: tuple[int, ...] | None = None  # None: leave the funding links as they are


@dataclass(frozen=True)
class ConventionView:
    id: int
    version_id: int
    annee: int
    commune_insee: str
    commune_nom: str
    passages_commandes: int
    decouverte: bool
    lieu_nom: str | None
    lieu_adresse: str | None
    lieu_lat: float | None
    lieu_lon: float | None
    contact: str | None
    prioritaire: bool
    jour_prefere: int | None
    montant: Decimal | None
    paye: bool
    date_paiement: dt.date | None
    notes: str | None
    passages_planifies: int = 0
    passages_realises: int = 0
    financements: tuple[tuple[int, str], ...] = ()  # (funding line id, « financeur — action (montant) »)


@dataclass
class PassageInput:
    commune_insee: str = ""
    date: str | dt.date | None = None
    heure_debut: str | dt.time | None = "14:00"
    heure_fin: str | dt.time | None = "16:30"
    depart_au_plus_tot: str | dt.time | None = None
    type: str = "serie"
    statut: str = "prevu"
    theme: str | None = None
    vehicle_id: int | None = None
    convention_id: int | None = None
    lieu_nom: str | None = None  # None → the convention's venue
    lieu_lat: Num = None
    lieu_lon: Num = None
    notes: str | None = None
    chauffeur_id: int | None = None


@dataclass(frozen=True)
class PassageView:
    id: int
    version_id: int
    convention_id: int | None
    commune_insee: str
    commune_nom: str
    date: dt.date
    heure_debut: dt.time
    heure_fin: dt.time
    depart_au_plus_tot: dt.time | None
    type: str
    statut: str
    theme: str | None
    vehicle_id: int | None
    vehicle_nom: str | None
    lieu_nom: str | None
    lieu_lat: float | None
    lieu_lon: float | None
    seance_id: int | None
    inscrits: int
    presents: int
    a_chercher: int
    route_km: float | None
    route_minutes: int | None
    route_calculee_le: dt.datetime | None
    route_avertissements: tuple[str, ...]
    notes: str | None
    chauffeur_id: int | None = None
    chauffeur_nom: str | None = None
    action_id: int | None = None


@dataclass(frozen=True)
class ParticipantView:
    id: int
    person_id: int
    nom: str  # « DURAND Marie »
    civilite: str | None
    adresse: str
    commune_nom: str | None
    telephone: str | None
    mobilite: str | None
    latitude: float | None
    longitude: float | None
    geocode_status: str | None
    urgence: str  # « Paul DURAND (fils) 06 12 34 56 78 »
    besoin_transport: bool
    heure_prise_en_charge: dt.time | None
    present: bool | None  # from the séance attendance: True present, False absent / excusé
    presence: str | None = None  # the attendance status itself (present / absent / excuse)

    @property
    def pmr(self) -> bool:
        return self.mobilite == "fauteuil"

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class PassageRoute:
    """A passage's stored pick-up plan, with the participants it concerns."""

    passage: PassageView
    plan: RoutePlan
    participants: dict[int, ParticipantView]  # by person id
    vehicle: VehicleView | None


@dataclass(frozen=True)
class BatchGeocodeReport:
    matched: int
    to_review: tuple[str, ...]  # names
    not_found: tuple[str, ...]
    skipped: int  # no address, or coordinates typed by hand
    message: str


@dataclass(frozen=True)
class YearFigures:
    annee: int
    communes_servies: int
    passages_par_type: dict[str, int]
    passages_realises: int
    passages_annules: int
    inscrits: int  # registrations (a person twice counts twice)
    presents: int  # presences
    personnes_transportees: int  # presences of people picked up at home
    kilometres: float
    personnes_uniques: int
    nouvelles_personnes: int
    montant_conventions: Decimal
    montant_encaisse: Decimal


@dataclass(frozen=True)
class CommuneStatementLine:
    date: dt.date
    type: str
    statut: str
    theme: str | None
    inscrits: int
    presents: int
    transportes: int


@dataclass(frozen=True)
class CommuneStatement:
    """« État des passages et participation » of one commune for one year."""

    convention: ConventionView
    lines: tuple[CommuneStatementLine, ...]
    personnes_uniques: int
    tarif_detail: str
    service_nom: str
