"""A person's timeline: everything that happened to them, newest first, from every area.

Each area contributes through a provider (visits, ateliers; tournées later): an
object with a ``kind``, the permission needed to see its entries, and ``entries(session,
actor, person_id)``. Adding an area is one line in :func:`default_providers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Person
from desktop_app.actor import Actor
from desktop_app.errors import NotFound
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, can, require


@dataclass(frozen=True)
class TimelineEntry:
    kind: str  # "visite", later "atelier", "tournee"…
    date: dt.date
    title: str  # « Visite à domicile — Suivi »
    detail: str  # factual summary, who, orientations, next contact (one line each)
    time: dt.time | None = None
    ref_id: int | None = None  # id of the record in its area (opens it)
    confidential: str | None = None  # only ever filled for roles allowed to read it


class TimelineProvider(Protocol):
    kind: str
    permission: Perm

    def entries(self, session: Session, actor: Actor, person_id: int) -> list[TimelineEntry]: ...


def default_providers() -> list[TimelineProvider]:
    from desktop_app.ateliers.timeline import AtelierTimeline
    from desktop_app.visits.timeline import VisitTimeline

    return [VisitTimeline(), AtelierTimeline()]


def _newest_first(entry: TimelineEntry) -> tuple[dt.date, dt.time, int]:
    return (entry.date, entry.time or dt.time.min, entry.ref_id or 0)


class TimelineService:
    def __init__(self, db: Database, providers: Sequence[TimelineProvider] | None = None) -> None:
        self.db = db
        self.providers = list(providers) if providers is not None else default_providers()

    def for_person(self, actor: Actor, person_id: int, kinds: set[str] | None = None) -> list[TimelineEntry]:
        """Every entry the actor may see, newest first; ``kinds`` narrows to some areas."""
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            if s.get(Person, person_id) is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            scope.check_person(s, actor, person_id)
            entries: list[TimelineEntry] = []
            for provider in self.providers:
                if (kinds is None or provider.kind in kinds) and can(actor, provider.permission):
                    entries.extend(provider.entries(s, actor, person_id))
        return sorted(entries, key=_newest_first, reverse=True)
