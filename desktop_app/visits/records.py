"""Plain data exchanged between the visits services and their callers (UI, CLI, tests)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DateLike = str | dt.date | None

# Shown next to every free-text field of a visit (CNIL référentiel 2021-028: the person may
# read every comment written about them).
CNIL_REMINDER = "La personne peut lire ce qui est écrit sur elle : restez factuel."

MAX_INTERVENANTS = 2


@dataclass(frozen=True)
class IntervenantRef:
    """Who made the contact: a staff account (user_id) or a bénévole of the file (person_id)."""

    user_id: int | None = None
    person_id: int | None = None

    @property
    def key(self) -> str:
        return f"u:{self.user_id}" if self.user_id is not None else f"p:{self.person_id}"

    @classmethod
    def from_key(cls, key: str) -> IntervenantRef:
        kind, _, number = key.partition(":")
        return cls(user_id=int(number)) if kind == "u" else cls(person_id=int(number))


@dataclass(frozen=True)
class IntervenantChoice:
    ref: IntervenantRef
    label: str  # « Claire Fabre » or « Jean DURAND (bénévole) »


@dataclass
class OrientationInput:
    partner_id: int | None = None
    motif: str | None = None


@dataclass
class VisitInput:
    """What the visit form sends: raw text where the user types (dates, time, duration)."""

    person_id: int | None = None
    date: DateLike = None
    heure: str | dt.time | None = None
    duree: str | int | None = None
    mode: str = "domicile"
    objet: str = "suivi"
    resume: str | None = None
    note_confidentielle: str | None = None
    intervenants: list[IntervenantRef] = field(default_factory=list)
    orientations: list[OrientationInput] = field(default_factory=list)
    prochain_contact: DateLike = None


@dataclass(frozen=True)
class OrientationView:
    partner_id: int
    partner_nom: str
    motif: str | None


@dataclass(frozen=True)
class VisitDetail:
    id: int
    version_id: int
    person_id: int
    person_name: str
    date: dt.date
    heure: dt.time | None
    duree_minutes: int
    mode: str
    objet: str
    resume: str | None
    intervenants: tuple[IntervenantChoice, ...]
    orientations: tuple[OrientationView, ...]
    prochain_contact: dt.date | None
    created_by_name: str | None
    created_at: dt.datetime
    # None for a role that may not read it; ``note_hidden`` then says so.
    note_confidentielle: str | None = None
    note_hidden: bool = False

    def to_input(self) -> VisitInput:
        return VisitInput(
            person_id=self.person_id, date=self.date, heure=self.heure,
            duree=self.duree_minutes, mode=self.mode, objet=self.objet, resume=self.resume,
            note_confidentielle=None if self.note_hidden else self.note_confidentielle,
            intervenants=[c.ref for c in self.intervenants],
            orientations=[OrientationInput(o.partner_id, o.motif) for o in self.orientations],
            prochain_contact=self.prochain_contact,
        )


@dataclass(frozen=True)
class VisitRow:
    """One line of a visits journal (the Accueil « visites de l'année » list)."""

    id: int
    person_id: int
    person_name: str
    date: dt.date
    heure: dt.time | None
    duree_minutes: int
    mode: str
    objet: str
    intervenants: str
