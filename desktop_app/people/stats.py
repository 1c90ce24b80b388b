"""Figures of the Accueil page, and the two list criteria the Accueil links to that
``PersonFilter`` does not carry (people new this year, people living alone).

Every figure counts *active* people, so a figure and the list it opens always agree.
Counting happens in SQL through ``search.apply_filter``: the same clauses as the list.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select

from db.engine import Database
from db.enums import StatutPersonne
from db.models import Person
from desktop_app.actor import Actor
from desktop_app.people import search
from desktop_app.people.records import PersonFilter, RoleFilter
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, can, require


class Focus(StrEnum):
    """An extra criterion on top of a PersonFilter."""

    NOUVEAUX = "nouveaux"  # file created this calendar year
    VIT_SEUL = "vit_seul"  # lives alone


ACTIVE = PersonFilter(statut=str(StatutPersonne.ACTIF))


@dataclass(frozen=True)
class HomeFigures:
    year: int
    total: int  # everyone in the file, whatever the status
    actifs: int
    beneficiaires: int
    aidants: int
    benevoles: int
    nouveaux: int
    vit_seul: int
    gir_1_4: int | None  # None when the actor's role may not see GIR (sensitive data)


def _focus_clause(focus: Focus, today: dt.date) -> Any:
    if focus is Focus.NOUVEAUX:
        return Person.created_at >= dt.datetime(today.year, 1, 1)
    return Person.vit_seul.is_(True)


class PeopleStats:
    def __init__(self, db: Database) -> None:
        self.db = db

    def figures(self, actor: Actor, today: dt.date | None = None) -> HomeFigures:
        require(actor, Perm.PEOPLE_READ)
        today = today or dt.date.today()
        with self.db.read() as s:

            def count(flt: PersonFilter, focus: Focus | None = None) -> int:
                stmt = scope.restrict_people(
                    search.apply_filter(select(func.count(Person.id)), flt), actor, Person.id
                )
                if focus is not None:
                    stmt = stmt.where(_focus_clause(focus, today))
                return int(s.scalar(stmt) or 0)

            show_gir = can(actor, Perm.PEOPLE_READ_SENSITIVE)
            return HomeFigures(
                year=today.year,
                total=count(PersonFilter(statut=None)),
                actifs=count(ACTIVE),
                beneficiaires=count(replace(ACTIVE, role=RoleFilter.BENEFICIAIRE)),
                aidants=count(replace(ACTIVE, role=RoleFilter.AIDANT)),
                benevoles=count(replace(ACTIVE, role=RoleFilter.BENEVOLE)),
                nouveaux=count(ACTIVE, Focus.NOUVEAUX),
                vit_seul=count(ACTIVE, Focus.VIT_SEUL),
                gir_1_4=count(replace(ACTIVE, gir="1-4")) if show_gir else None,
            )

    def list_ids(
        self, actor: Actor, flt: PersonFilter, focus: Focus | None = None,
        today: dt.date | None = None, limit: int | None = None,
    ) -> list[int]:
        """Ordered ids as ``PeopleService.list_ids`` gives them, narrowed by ``focus``."""
        require(actor, Perm.PEOPLE_READ)
        extra = None if focus is None else _focus_clause(focus, today or dt.date.today())
        if not can(actor, Perm.PEOPLE_ARCHIVE):  # archives: coordinator only (CNIL 2023-095)
            flt = replace(flt, hide_archived=True)
        with self.db.read() as s:
            return search.list_ids(s, flt, limit, extra, scope.people_clause(actor, Person.id))

    def file_is_empty(self, actor: Actor) -> bool:
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            return s.scalar(select(Person.id).limit(1)) is None
