"""Use cases of the planning: the items and conflicts of a period, the filter choices, and
the absences and recurring contacts (create, edit, delete, each audited). Moving items is
in :mod:`desktop_app.planning.moves`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.enums import StatutPersonne
from db.models import Person, RecurringContact, Unavailability, User, Vehicle
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, DomainError, NotFound
from desktop_app.planning import conflicts, sources
from desktop_app.planning.records import (
    AbsenceInput,
    AbsenceView,
    Choice,
    Kind,
    PlanningConflict,
    PlanningFilter,
    PlanningItem,
    RecurringInput,
    RecurringView,
    Source,
)
from desktop_app.planning.validate import clean_absence, clean_recurring
from desktop_app.security import audit, scope
from desktop_app.security.permissions import Perm, require
from desktop_app.visits.names import person_name


class ConflictsFound(DomainError):
    """Saving would create conflicts; the caller shows them and may confirm."""

    def __init__(self, found: list[PlanningConflict]) -> None:
        self.conflicts = found
        super().__init__("Conflits de planning :\n" + "\n".join(c.message for c in found))


@dataclass(frozen=True)
class PlanningView:
    start: dt.date
    end: dt.date
    items: list[PlanningItem]  # filtered, sorted by start
    conflicts: list[PlanningConflict]  # among every item the actor may see in the period


def check_conflicts(s: Session, actor: Actor, candidate: PlanningItem, confirm: bool) -> list[PlanningConflict]:
    """The conflicts ``candidate`` (an item as it would be saved) has with the others of
    its days; raises ConflictsFound unless ``confirm``."""
    first, last = candidate.busy_start.date(), candidate.busy_end.date()
    others = [i for i in sources.load(s, actor, first, last) if i.key != candidate.key]
    found = conflicts.involving(conflicts.find([*others, candidate]), candidate.key)
    if found and not confirm:
        raise ConflictsFound(found)
    return found


def filter_choices(items: list[PlanningItem]) -> dict[str, list[Choice]]:
    """What the filter bar offers, from the loaded items (no query)."""
    agents: dict[str, str] = {}
    vehicles: dict[int, str] = {}
    places, communes, actions = set(), set(), {}
    for i in items:
        for key, name in zip(i.who_keys, i.who, strict=False):
            agents.setdefault(key, name)
        if i.vehicle_id is not None and i.vehicle:
            vehicles[i.vehicle_id] = i.vehicle
        if i.place:
            places.add(i.place)
        if i.commune:
            communes.add(i.commune)
        if i.action_id is not None and i.action:
            actions[i.action_id] = i.action
    return {
        "agent": [Choice(k, v) for k, v in sorted(agents.items(), key=lambda kv: kv[1].casefold()) if v],
        "vehicle": [Choice(str(k), v) for k, v in sorted(vehicles.items(), key=lambda kv: kv[1])],
        "place": [Choice(p, p) for p in sorted(places, key=str.casefold)],
        "commune": [Choice(c, c) for c in sorted(communes, key=str.casefold)],
        "action": [Choice(str(k), v) for k, v in sorted(actions.items(), key=lambda kv: kv[1].casefold())],
    }


class PlanningService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ----- reading -------------------------------------------------------------------
    def items(self, actor: Actor, start: dt.date, end: dt.date, summary: bool = False) -> list[PlanningItem]:
        """Every item the actor may see between two days (inclusive); ``summary`` counts
        the contacts made and due per day (the month view)."""
        require(actor, Perm.PLANNING_READ)
        with self.db.read() as s:
            return sources.load(s, actor, start, end, summary)

    def view(self, actor: Actor, start: dt.date, end: dt.date, flt: PlanningFilter | None = None) -> PlanningView:
        everything = self.items(actor, start, end)
        flt = flt or PlanningFilter()
        return PlanningView(start, end, [i for i in everything if flt.accepts(i)], conflicts.find(everything))

    def agent_choices(self, actor: Actor) -> list[Choice]:
        """Staff accounts (« u:id ») and active bénévoles (« p:id ») for the forms."""
        require(actor, Perm.PLANNING_READ)
        with self.db.read() as s:
            users = s.execute(select(User.id, User.display_name).where(User.active.is_(True))
                              .order_by(User.display_name)).all()
            benevoles = s.execute(select(Person.id, Person.nom, Person.prenom)
                                  .where(Person.est_benevole.is_(True), Person.statut == str(StatutPersonne.ACTIF))
                                  .order_by(Person.sort_key)).all()
        return ([Choice(f"u:{u.id}", u.display_name) for u in users]
                + [Choice(f"p:{p.id}", f"{person_name(p.nom, p.prenom)} (bénévole)") for p in benevoles])

    def vehicle_choices(self, actor: Actor) -> list[Choice]:
        require(actor, Perm.PLANNING_READ)
        with self.db.read() as s:
            rows = s.execute(select(Vehicle.id, Vehicle.nom).where(Vehicle.actif.is_(True)).order_by(Vehicle.nom)).all()
        return [Choice(str(r.id), r.nom) for r in rows]

    def person_choices(self, actor: Actor) -> list[Choice]:
        """The active people the actor may see, for the recurring-contact form."""
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            stmt = (select(Person.id, Person.nom, Person.prenom, Person.commune_nom)
                    .where(Person.statut == str(StatutPersonne.ACTIF)).order_by(Person.sort_key))
            rows = s.execute(scope.restrict_people(stmt, actor, Person.id)).all()
        return [Choice(str(r.id), f"{person_name(r.nom, r.prenom)}" + (f" — {r.commune_nom}" if r.commune_nom else ""))
                for r in rows]

    # ----- absences ------------------------------------------------------------------
    def get_absence(self, actor: Actor, absence_id: int) -> AbsenceView:
        require(actor, Perm.PLANNING_READ)
        with self.db.read() as s:
            return _absence_view(_load(s, Unavailability, absence_id))

    def save_absence(self, actor: Actor, data: AbsenceInput, absence_id: int | None = None,
                     expected_version: int | None = None, confirm: bool = False) -> AbsenceView:
        """Create (no id) or edit an absence; conflicts with what the person or vehicle
        had planned raise ConflictsFound unless ``confirm``."""
        require(actor, Perm.PLANNING_WRITE)
        values = clean_absence(data)
        with self.db.uow() as s:
            if absence_id is None:
                row = Unavailability(**values)
                s.add(row)
                s.flush()
            else:
                row = _load(s, Unavailability, absence_id, expected_version)
                for k, v in values.items():
                    setattr(row, k, v)
                s.flush()
            candidate = next(i for i in sources.absences(s, actor, sources.Names(s), row.debut.date(), row.fin.date())
                             if i.source_id == row.id)
            check_conflicts(s, actor, candidate, confirm)
            audit.record(s, actor, "creation" if absence_id is None else "modification", "unavailability", row.id,
                         fields=sorted(values))
            return _absence_view(_flush(s, row))

    def delete_absence(self, actor: Actor, absence_id: int) -> None:
        require(actor, Perm.PLANNING_WRITE)
        with self.db.uow() as s:
            s.delete(_load(s, Unavailability, absence_id))
            audit.record(s, actor, "suppression", "unavailability", absence_id)

    # ----- recurring contacts ---------------------------------------------------------
    def get_recurring(self, actor: Actor, recurring_id: int) -> RecurringView:
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            row = _load(s, RecurringContact, recurring_id)
            scope.check_person(s, actor, row.person_id)
            return _recurring_view(s, row)

    def list_recurring(self, actor: Actor, person_id: int) -> list[RecurringView]:
        require(actor, Perm.VISITS_READ)
        with self.db.read() as s:
            scope.check_person(s, actor, person_id)
            rows = s.scalars(select(RecurringContact).where(RecurringContact.person_id == person_id)
                             .order_by(RecurringContact.date_debut)).all()
            return [_recurring_view(s, r) for r in rows]

    def save_recurring(self, actor: Actor, data: RecurringInput, recurring_id: int | None = None,
                       expected_version: int | None = None) -> RecurringView:
        require(actor, Perm.PLANNING_WRITE)
        require(actor, Perm.VISITS_WRITE)
        values = clean_recurring(data)
        with self.db.uow() as s:
            scope.check_person(s, actor, values["person_id"])
            if s.get(Person, values["person_id"]) is None:
                raise NotFound("Cette personne n'existe plus.")
            if recurring_id is None:
                row = RecurringContact(**values)
                s.add(row)
            else:
                row = _load(s, RecurringContact, recurring_id, expected_version)
                for k, v in values.items():
                    setattr(row, k, v)
            s.flush()
            audit.record(s, actor, "creation" if recurring_id is None else "modification", "recurring_contact", row.id,
                         person_id=row.person_id, fields=sorted(k for k in values if k != "person_id"))
            return _recurring_view(s, _flush(s, row))

    def delete_recurring(self, actor: Actor, recurring_id: int) -> None:
        require(actor, Perm.PLANNING_WRITE)
        with self.db.uow() as s:
            row = _load(s, RecurringContact, recurring_id)
            scope.check_person(s, actor, row.person_id)
            person_id = row.person_id
            s.delete(row)
            audit.record(s, actor, "suppression", "recurring_contact", recurring_id, person_id=person_id)


def _flush(s: Session, row: Any) -> Any:
    try:
        s.flush()
    except StaleDataError as exc:
        raise Conflict() from exc
    return row


def _load(s: Session, model: Any, row_id: int, expected_version: int | None = None) -> Any:
    row = s.get(model, row_id)
    if row is None:
        raise NotFound()
    if expected_version is not None and row.version_id != expected_version:
        raise Conflict()
    return row


def _absence_view(u: Unavailability) -> AbsenceView:
    return AbsenceView(u.id, u.version_id, u.user_id, u.vehicle_id, u.debut, u.fin, u.motif)


def _recurring_view(s: Session, r: RecurringContact) -> RecurringView:
    p = s.get(Person, r.person_id)
    agent = f"u:{r.user_id}" if r.user_id else f"p:{r.benevole_id}" if r.benevole_id else None
    return RecurringView(r.id, r.version_id, r.person_id, person_name(p.nom, p.prenom) if p else "", agent,
                         r.frequence, r.jour_semaine, r.heure, r.duree_minutes, r.mode, r.date_debut,
                         r.date_fin, r.note)


KIND_OF_SOURCE = {Source.VISIT: Kind.CONTACT, Source.PLANNED: Kind.CONTACT, Source.RECURRING: Kind.CONTACT,
                  Source.SEANCE: Kind.SEANCE, Source.PASSAGE: Kind.PASSAGE, Source.ABSENCE: Kind.ABSENCE}
