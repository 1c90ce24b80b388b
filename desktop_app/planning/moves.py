"""Moving and resizing calendar items (drag in the calendar, or the arrow keys).

Each move re-checks the conflicts of the item at its new place before saving (a conflict
raises ConflictsFound unless confirmed). Moving a séance or a passage returns the people
registered to it with their phone numbers, so someone can call them
(:mod:`desktop_app.reports.a_prevenir` prints the list).

- a séance: its start and end;
- a passage: its day and times; the stored pick-up plan moves with it (the outbound stops
  shift with the start, the return stops with the end), so the route stays consistent;
- a visit made: its day, time and duration; a planned contact: its day (the « prochain
  contact » of the latest visit); a recurring contact: the whole series takes the new
  weekday, time and duration;
- an absence: its start and end.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AtelierInscription,
    AtelierSeance,
    Passage,
    PassageParticipant,
    PassageStop,
    Person,
    RecurringContact,
    Unavailability,
    Visit,
)
from db.models.ateliers_participation import StatutInscription
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, ValidationError
from desktop_app.planning import sources
from desktop_app.planning.records import MoveResult, PlanningItem, Source, ToCall
from desktop_app.planning.service import _flush, _load, check_conflicts
from desktop_app.planning.validate import END_BEFORE_START
from desktop_app.security import audit, scope
from desktop_app.security.permissions import Perm, require
from desktop_app.tournees import seance_link
from desktop_app.tournees.records import seconds_of, time_of
from desktop_app.visits.followup import refresh_followup
from desktop_app.visits.names import person_name

_PERMS = {
    Source.SEANCE: Perm.ATELIERS_WRITE, Source.PASSAGE: Perm.TOURNEES_WRITE, Source.VISIT: Perm.VISITS_WRITE,
    Source.PLANNED: Perm.VISITS_WRITE, Source.RECURRING: Perm.VISITS_WRITE, Source.ABSENCE: Perm.PLANNING_WRITE,
}


def _shift(t: dt.time, delta: dt.timedelta) -> dt.time:
    return time_of(seconds_of(t) + int(delta.total_seconds()))


class MoveService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def move(self, actor: Actor, item: PlanningItem, start: dt.datetime, end: dt.datetime,
             confirm: bool = False) -> MoveResult:
        """Put ``item`` (as loaded) at ``start``–``end``; the stored version must still be
        the loaded one (someone else's change in between raises Conflict)."""
        require(actor, Perm.PLANNING_WRITE)
        require(actor, _PERMS[item.source])
        if end <= start:
            raise ValidationError.single("fin", END_BEFORE_START)
        if item.source in (Source.SEANCE, Source.PASSAGE) and start.date() != (end - dt.timedelta(seconds=1)).date():
            raise ValidationError.single("fin", "Une séance ou un passage se tient sur une seule journée.")
        with self.db.uow() as s:
            to_call: list[ToCall] = []
            key = item.key
            if item.source == Source.SEANCE:
                self._seance(s, item, start, end)
                to_call = _registered(s, select(AtelierInscription.person_id).join(
                    AtelierSeance, AtelierSeance.action_id == AtelierInscription.action_id).where(
                    AtelierSeance.id == item.source_id, AtelierInscription.statut == str(StatutInscription.INSCRIT)))
            elif item.source == Source.PASSAGE:
                self._passage(s, item, start, end)
                to_call = _registered(s, select(PassageParticipant.person_id)
                                      .where(PassageParticipant.passage_id == item.source_id))
            elif item.source == Source.VISIT:
                self._visit(s, actor, item, start, end)
            elif item.source == Source.PLANNED:
                self._planned(s, actor, item, start)
            elif item.source == Source.RECURRING:
                key = self._recurring(s, actor, item, start, end)
            else:
                row = _load(s, Unavailability, item.source_id, item.version_id)
                row.debut, row.fin = start, end
                _flush(s, row)
            candidate = _reloaded(s, actor, key, start.date(), end.date())
            if candidate is not None:
                check_conflicts(s, actor, candidate, confirm)
            audit.record(s, actor, "deplacement", _ENTITY[item.source], item.source_id, person_id=item.person_id,
                         fields=["debut", "fin"])
            return MoveResult(key, start, end, to_call, item.title)

    @staticmethod
    def _seance(s: Session, item: PlanningItem, start: dt.datetime, end: dt.datetime) -> None:
        row = _load(s, AtelierSeance, item.source_id, item.version_id)
        row.debut, row.fin = start, end
        _flush(s, row)

    @staticmethod
    def _passage(s: Session, item: PlanningItem, start: dt.datetime, end: dt.datetime) -> None:
        row: Passage = _load(s, Passage, item.source_id, item.version_id)
        old_start = dt.datetime.combine(row.date, row.heure_debut)
        old_end = dt.datetime.combine(row.date, row.heure_fin)
        d_start = start.replace(year=2000, month=1, day=1) - old_start.replace(year=2000, month=1, day=1)
        d_end = end.replace(year=2000, month=1, day=1) - old_end.replace(year=2000, month=1, day=1)
        row.date, row.heure_debut, row.heure_fin = start.date(), start.time(), end.time()
        for stop in s.scalars(select(PassageStop).where(PassageStop.passage_id == row.id)):
            stop.heure_prevue = _shift(stop.heure_prevue, d_start if stop.sens == "aller" else d_end)
        for p in s.scalars(select(PassageParticipant).where(PassageParticipant.passage_id == row.id,
                                                           PassageParticipant.heure_prise_en_charge.is_not(None))):
            assert p.heure_prise_en_charge is not None
            p.heure_prise_en_charge = _shift(p.heure_prise_en_charge, d_start)
        seance_link.sync_seance(s, row)  # the séance the passage hosts moves with it
        _flush(s, row)

    @staticmethod
    def _visit(s: Session, actor: Actor, item: PlanningItem, start: dt.datetime, end: dt.datetime) -> None:
        row: Visit = _load(s, Visit, item.source_id, item.version_id)
        scope.check_person(s, actor, row.person_id)
        row.date, row.heure = start.date(), start.time()
        row.duree_minutes = max(1, int((end - start).total_seconds() // 60))
        _flush(s, row)
        refresh_followup(s, row.person_id)

    @staticmethod
    def _planned(s: Session, actor: Actor, item: PlanningItem, start: dt.datetime) -> None:
        scope.check_person(s, actor, item.source_id)
        latest = s.scalar(select(Visit).where(Visit.person_id == item.source_id)
                          .order_by(Visit.date.desc(), Visit.heure.desc(), Visit.id.desc()).limit(1))
        if latest is None:
            raise NotFound("Aucune visite ne porte ce contact prévu.")
        if start.date() < latest.date:
            raise ValidationError.single("debut", "Le contact prévu ne peut pas précéder la dernière visite.")
        latest.prochain_contact = start.date()
        _flush(s, latest)
        refresh_followup(s, item.source_id)

    @staticmethod
    def _recurring(s: Session, actor: Actor, item: PlanningItem, start: dt.datetime, end: dt.datetime) -> str:
        row: RecurringContact = _load(s, RecurringContact, item.source_id, item.version_id)
        scope.check_person(s, actor, row.person_id)
        row.jour_semaine, row.heure = start.weekday(), start.time()
        row.duree_minutes = max(1, int((end - start).total_seconds() // 60))
        if row.date_debut > start.date():
            row.date_debut = start.date()
        _flush(s, row)
        return f"{Source.RECURRING}-{row.id}-{start.date().isoformat()}"


_ENTITY = {Source.SEANCE: "atelier_seance", Source.PASSAGE: "passage", Source.VISIT: "visit",
           Source.PLANNED: "visit", Source.RECURRING: "recurring_contact", Source.ABSENCE: "unavailability"}


def _reloaded(s: Session, actor: Actor, key: str, first: dt.date, last: dt.date) -> PlanningItem | None:
    return next((i for i in sources.load(s, actor, first, last) if i.key == key), None)


def _registered(s: Session, person_ids: object) -> list[ToCall]:
    rows = s.execute(select(Person.id, Person.nom, Person.prenom, Person.telephone, Person.telephone2)
                     .where(Person.id.in_(person_ids)).order_by(Person.sort_key)).all()  # type: ignore[arg-type]
    return [ToCall(r.id, person_name(r.nom, r.prenom), r.telephone, r.telephone2) for r in rows]
