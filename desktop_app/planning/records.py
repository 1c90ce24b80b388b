"""Plain data of the planning: one calendar item, the filters, the conflicts, the inputs of
absences and recurring contacts, and what a move returns."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    CONTACT = "contact"  # a visit made, a planned next contact, an occurrence of a recurring one
    SEANCE = "seance"
    PASSAGE = "passage"
    ABSENCE = "absence"


KIND_LABELS = {
    Kind.CONTACT: "Contact / visite",
    Kind.SEANCE: "Séance d'atelier",
    Kind.PASSAGE: "Passage du bus",
    Kind.ABSENCE: "Absence / indisponibilité",
}


class Source(StrEnum):
    """Which table an item comes from (``source_id`` is that table's id)."""

    VISIT = "visit"  # a contact made (visit.id)
    PLANNED = "prevu"  # the next contact due decided at the latest visit (person.id)
    RECURRING = "recurrent"  # one occurrence of a recurring contact (recurring_contact.id)
    SEANCE = "seance"
    PASSAGE = "passage"
    ABSENCE = "absence"
    VISIT_DAY = "visites"  # month view: the contacts made one day by one agent, counted
    PLANNED_DAY = "prevus"  # month view: the contacts due one day, counted


SUMMARIES = frozenset({Source.VISIT_DAY, Source.PLANNED_DAY})  # not movable, open the day


@dataclass(frozen=True, slots=True)
class PlanningItem:
    kind: Kind
    source: Source
    source_id: int
    start: dt.datetime
    end: dt.datetime
    title: str
    who: tuple[str, ...] = ()  # the names shown (agents, bénévoles, animateur, driver)
    who_keys: tuple[str, ...] = ()  # "u:<user id>", "p:<person id>" or "n:<name>" (conflicts, filters)
    vehicle_id: int | None = None
    vehicle: str | None = None
    place: str | None = None
    commune: str | None = None
    action_id: int | None = None
    action: str | None = None
    person_id: int | None = None  # the person contacted
    pickup_start: dt.datetime | None = None  # passage: the vehicle leaves for the first pick-up
    back_at: dt.datetime | None = None  # passage: the vehicle is back after the last drop-off
    all_day: bool = False  # a planned contact has a day, no time
    occurrence: dt.date | None = None  # recurring contacts: the day of this occurrence
    version_id: int = 0

    @property
    def key(self) -> str:
        """Unique in a calendar: kind, source, id and (for recurrences) the day."""
        suffix = f"-{self.occurrence.isoformat()}" if self.occurrence else ""
        return f"{self.source}-{self.source_id}{suffix}"

    @property
    def busy_start(self) -> dt.datetime:
        """When the resource is taken: a passage's vehicle from the first pick-up."""
        return self.pickup_start if self.pickup_start and self.pickup_start < self.start else self.start

    @property
    def busy_end(self) -> dt.datetime:
        return self.back_at if self.back_at and self.back_at > self.end else self.end


@dataclass(frozen=True)
class PlanningFilter:
    agent: str | None = None  # a who key ("u:3", "p:12", "n:claire")
    benevole: int | None = None  # a bénévole's person id
    vehicle_id: int | None = None
    place: str | None = None
    commune: str | None = None
    action_id: int | None = None
    kinds: frozenset[Kind] = frozenset(Kind)

    def accepts(self, item: PlanningItem) -> bool:
        if item.kind not in self.kinds:
            return False
        if self.agent and self.agent not in item.who_keys:
            return False
        if self.benevole is not None and f"p:{self.benevole}" not in item.who_keys:
            return False
        if self.vehicle_id is not None and item.vehicle_id != self.vehicle_id:
            return False
        if self.place and (item.place or "").casefold() != self.place.casefold():
            return False
        if self.commune and (item.commune or "").casefold() != self.commune.casefold():
            return False
        return self.action_id is None or item.action_id == self.action_id


class ConflictKind(StrEnum):
    PERSON = "personne"  # an agent or bénévole in two places at once
    VEHICLE = "vehicule"  # a vehicle on two passages (or unavailable)
    ROOM = "salle"  # a place double-booked
    ROUTE = "tournee"  # the pick-up route starts before the vehicle is back
    HOLIDAY = "ferie"  # an item on a public holiday


@dataclass(frozen=True)
class PlanningConflict:
    kind: ConflictKind
    message: str  # French, shown in the conflicts list
    keys: tuple[str, ...]  # the items involved (PlanningItem.key)
    day: dt.date


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass
class AbsenceInput:
    user_id: int | None = None
    vehicle_id: int | None = None
    debut: str | dt.datetime | None = None  # « 24/12/2026 08:00 » or a datetime
    fin: str | dt.datetime | None = None
    motif: str | None = None


@dataclass(frozen=True)
class AbsenceView:
    id: int
    version_id: int
    user_id: int | None
    vehicle_id: int | None
    debut: dt.datetime
    fin: dt.datetime
    motif: str | None


@dataclass
class RecurringInput:
    person_id: int | None = None
    agent: str | None = None  # "u:<user id>" or "p:<bénévole person id>"
    frequence: str = "hebdomadaire"
    jour_semaine: int | None = 0
    heure: str | dt.time | None = "10:00"
    duree_minutes: str | int | None = 15
    mode: str = "telephone"  # db.enums.ModeContact
    date_debut: str | dt.date | None = None
    date_fin: str | dt.date | None = None
    note: str | None = None


@dataclass(frozen=True)
class RecurringView:
    id: int
    version_id: int
    person_id: int
    person_name: str
    agent: str | None
    frequence: str
    jour_semaine: int
    heure: dt.time
    duree_minutes: int
    mode: str
    date_debut: dt.date
    date_fin: dt.date | None
    note: str | None


@dataclass(frozen=True)
class ToCall:
    """A registered person to tell about a moved séance or passage."""

    person_id: int
    name: str
    telephone: str | None
    telephone2: str | None


@dataclass(frozen=True)
class MoveResult:
    item_key: str
    start: dt.datetime
    end: dt.datetime
    to_call: list[ToCall] = field(default_factory=list)
    title: str = ""
