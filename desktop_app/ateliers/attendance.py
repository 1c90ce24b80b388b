"""The attendance grid of an action: people × séances, read in three queries and written
cell by cell (or a whole séance at once). People who came without registering are added
on the spot (``hors_inscription``). Recording attendance marks a planned séance as held;
a cancelled séance or one still in the future takes no attendance."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import AtelierInscription, AtelierPresence, AtelierSeance, Person
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutInscription, StatutPresence
from desktop_app.actor import Actor
from desktop_app.ateliers.common import display_name, load_action, load_person, load_seance
from desktop_app.ateliers.records import AttendanceGrid, GridPerson, GridSeance
from desktop_app.errors import Refused, ValidationError
from desktop_app.formatting import date_fr
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require

HORS_INSCRIPTION = "hors_inscription"
_ORDER = {StatutInscription.INSCRIT: 0, StatutInscription.DESISTE: 1, HORS_INSCRIPTION: 2}


def read_grid(s: Session, action_id: int) -> AttendanceGrid:
    """Registered people (inscrits, then those who withdrew but had attendance), then the
    walk-ins; every séance including cancelled ones (shown greyed)."""
    action = load_action(s, action_id)
    seances = s.execute(
        select(AtelierSeance.id, AtelierSeance.debut, AtelierSeance.fin, AtelierSeance.statut)
        .where(AtelierSeance.action_id == action_id)
        .order_by(AtelierSeance.debut, AtelierSeance.id)
    ).all()
    grid_seances, numero = [], 0
    for sid, debut, fin, statut in seances:
        numero += statut != StatutSeance.ANNULEE
        grid_seances.append(GridSeance(sid, debut, fin, statut, numero if statut != StatutSeance.ANNULEE else 0))
    cells: dict[tuple[int, int], str] = {}
    walk_ins: set[int] = set()
    for sid, pid, statut, hors in s.execute(
        select(AtelierPresence.seance_id, AtelierPresence.person_id, AtelierPresence.statut, AtelierPresence.hors_inscription)
        .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
        .where(AtelierSeance.action_id == action_id)
    ):
        cells[(pid, sid)] = statut
        if hors:
            walk_ins.add(pid)
    attended = {pid for pid, _sid in cells}
    people: dict[int, GridPerson] = {}
    for pid, nom, prenom, statut in s.execute(
        select(Person.id, Person.nom, Person.prenom, AtelierInscription.statut)
        .join(AtelierInscription, AtelierInscription.person_id == Person.id)
        .where(AtelierInscription.action_id == action_id, AtelierInscription.statut != StatutInscription.EN_ATTENTE)
    ):
        if statut == StatutInscription.INSCRIT or pid in attended:
            people[pid] = GridPerson(pid, display_name(nom, prenom), statut)
    missing = attended - people.keys()
    if missing:
        for pid, nom, prenom in s.execute(select(Person.id, Person.nom, Person.prenom).where(Person.id.in_(missing))):
            people[pid] = GridPerson(pid, display_name(nom, prenom), HORS_INSCRIPTION)
    ordered = sorted(people.values(), key=lambda p: (_ORDER.get(p.inscription, 3), p.nom))
    return AttendanceGrid(action.id, action.titre, grid_seances, ordered, cells)


class AttendanceService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def grid(self, actor: Actor, action_id: int) -> AttendanceGrid:
        require(actor, Perm.ATELIERS_READ)
        with self.db.read() as s:
            return read_grid(s, action_id)

    def set_cell(self, actor: Actor, seance_id: int, person_id: int, statut: str | None) -> None:
        """Record present / absent / excusé for one person; None clears the cell."""
        self.set_seance(actor, seance_id, {person_id: statut})

    def set_seance(self, actor: Actor, seance_id: int, values: dict[int, str | None]) -> None:
        """Several people of one séance at once (e.g. « tous présents »)."""
        require(actor, Perm.ATELIERS_WRITE)
        clean = {pid: _clean_status(v) for pid, v in values.items()}
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            _check_can_take(seance)
            registered = set(s.scalars(select(AtelierInscription.person_id).where(
                AtelierInscription.action_id == seance.action_id,
                AtelierInscription.statut != StatutInscription.EN_ATTENTE)))
            existing = {p.person_id: p for p in s.scalars(
                select(AtelierPresence).where(AtelierPresence.seance_id == seance.id,
                                              AtelierPresence.person_id.in_(list(clean))))}
            for pid, statut in clean.items():
                row = existing.get(pid)
                if statut is None:
                    if row is not None:
                        s.delete(row)
                        audit.record(s, actor, "presence_effacee", "atelier_seance", seance.id, person_id=pid)
                    continue
                if row is None:
                    if pid not in registered:
                        raise Refused("Cette personne n'est pas inscrite : ajoutez-la comme venue sans inscription.")
                    row = AtelierPresence(seance_id=seance.id, person_id=pid, hors_inscription=False)
                    s.add(row)
                elif row.statut == statut:
                    continue
                row.statut = statut
                audit.record(s, actor, "presence", "atelier_seance", seance.id, person_id=pid, detail=statut)
            if seance.statut == StatutSeance.PREVUE:
                seance.statut = StatutSeance.REALISEE

    def add_walk_in(self, actor: Actor, seance_id: int, person_id: int) -> None:
        """Someone came without registering: present at this séance, flagged as such."""
        require(actor, Perm.ATELIERS_WRITE)
        with self.db.uow() as s:
            seance = load_seance(s, seance_id)
            _check_can_take(seance)
            person = load_person(s, person_id)
            reg = s.scalar(select(AtelierInscription.statut).where(
                AtelierInscription.action_id == seance.action_id, AtelierInscription.person_id == person_id))
            row = s.scalar(select(AtelierPresence).where(
                AtelierPresence.seance_id == seance.id, AtelierPresence.person_id == person_id))
            if row is None:
                row = AtelierPresence(seance_id=seance.id, person_id=person_id)
                s.add(row)
            row.statut = StatutPresence.PRESENT
            row.hors_inscription = reg not in (StatutInscription.INSCRIT, StatutInscription.DESISTE)
            if seance.statut == StatutSeance.PREVUE:
                seance.statut = StatutSeance.REALISEE
            s.flush()
            audit.record(s, actor, "presence_sans_inscription" if row.hors_inscription else "presence",
                         "atelier_seance", seance.id, person_id=person.id, detail="present")


def _clean_status(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    try:
        return str(StatutPresence(value))
    except ValueError as exc:
        raise ValidationError.single("statut", f"Présence inconnue « {value} » : présent, absent ou excusé.") from exc


def _check_can_take(seance: AtelierSeance) -> None:
    if seance.statut == StatutSeance.ANNULEE:
        raise Refused(f"La séance du {date_fr(seance.debut)} est annulée : elle ne prend pas de présences.")
    if seance.debut.date() > dt.date.today():
        raise Refused(
            f"La séance du {date_fr(seance.debut)} n'a pas encore eu lieu : "
            "l'émargement se saisit le jour même ou après."
        )
