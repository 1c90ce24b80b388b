"""Loading the calendar items of a date range: one query per kind of item (plus one for
the pick-up windows and one for the visits' intervenants), whatever the number of items.
Nothing here runs SQL per item: the month view of a busy year stays one handful of queries.

What each role sees is decided here, through the same scope rules as the other services:
contacts need ``VISITS_READ`` (a bénévole sees only the people assigned to them, and their
own visits), séances ``ATELIERS_READ``, passages ``TOURNEES_READ`` or, for a driver, their
own passages when passages record their driver; absences are seen by the planning roles,
a bénévole seeing only their own.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session

from db.models import (
    AtelierAction,
    AtelierSeance,
    Passage,
    PassageStop,
    Person,
    RecurringContact,
    Unavailability,
    User,
    Vehicle,
    Visit,
    VisitIntervenant,
)
from db.models.ateliers import StatutSeance
from db.models.tournees import PassageStatus
from desktop_app.actor import Actor
from desktop_app.planning.records import Kind, PlanningItem, Source
from desktop_app.planning.recurrence import occurrences
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, can
from desktop_app.visits.names import person_name

MODES = {"domicile": "Visite", "telephone": "Appel", "permanence": "Permanence", "bus": "Bus", "visio": "Visio"}


def _day_start(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time())


def _at(day: dt.date, t: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, t)


class Names:
    """Who is who, loaded once per range: accounts by id and by name (an atelier's
    animateur is typed as text; when it is an account's name it is that account)."""

    def __init__(self, s: Session) -> None:
        self.users: dict[int, str] = dict(s.execute(select(User.id, User.display_name)).all())
        self.by_name = {name.casefold(): uid for uid, name in self.users.items()}

    def animateur(self, name: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if not name:
            return (), ()
        uid = self.by_name.get(name.strip().casefold())
        return (name,), ((f"u:{uid}",) if uid else (f"n:{name.strip().casefold()}",))


def load(s: Session, actor: Actor, start: dt.date, end: dt.date, summary: bool = False) -> list[PlanningItem]:
    """Every item the actor may see between two days (inclusive), sorted by start.

    ``summary`` (the month view): the contacts made and the contacts due are counted per
    day (and per agent for those made) instead of listed one by one — a busy service logs
    hundreds a week, and the month shows where they fall, the week and day show them."""
    names = Names(s)
    items: list[PlanningItem] = []
    if can(actor, Perm.VISITS_READ):
        if summary and scope.sees_all_people(actor):
            items += _visits_per_day(s, names, start, end)
            items += _planned_per_day(s, start, end)
        else:
            items += _visits(s, actor, names, start, end)
            items += _planned(s, actor, start, end)
        items += _recurring(s, actor, names, start, end)
    if can(actor, Perm.ATELIERS_READ):
        items += _seances(s, names, start, end)
    if can(actor, Perm.TOURNEES_READ) or can(actor, Perm.ROUTE_SHEETS):
        items += _passages(s, actor, start, end)
    items += absences(s, actor, names, start, end)
    items.sort(key=lambda i: (i.start, i.end, i.key))
    return items


def _visits(s: Session, actor: Actor, names: Names, start: dt.date, end: dt.date) -> list[PlanningItem]:
    stmt = (select(Visit.id, Visit.person_id, Visit.date, Visit.heure, Visit.duree_minutes, Visit.mode,
                   Visit.version_id, Person.nom, Person.prenom, Person.commune_nom)
            .join(Person, Person.id == Visit.person_id).where(Visit.date.between(start, end)))
    stmt = scope.restrict_people(stmt, actor, Visit.person_id)
    if scope.own_only(actor):
        mine = select(VisitIntervenant.visit_id).where(
            scope.own_clause(actor, VisitIntervenant.user_id, VisitIntervenant.person_id))  # type: ignore[arg-type]
        stmt = stmt.where(or_(Visit.created_by == actor.user_id, Visit.id.in_(mine)))
    rows = s.execute(stmt).all()
    who: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks([r.id for r in rows]):
        for v in s.execute(
            select(VisitIntervenant.visit_id, VisitIntervenant.user_id, VisitIntervenant.person_id,
                   Person.nom, Person.prenom)
            .outerjoin(Person, Person.id == VisitIntervenant.person_id)
            .where(VisitIntervenant.visit_id.in_(chunk)).order_by(VisitIntervenant.position)
        ):
            if v.user_id is not None:
                who[v.visit_id].append((names.users.get(v.user_id, ""), f"u:{v.user_id}"))
            else:
                who[v.visit_id].append((f"{person_name(v.nom or '', v.prenom or '')} (bénévole)", f"p:{v.person_id}"))
    out = []
    for r in rows:
        begin = _at(r.date, r.heure or dt.time(9))
        pairs = who.get(r.id, [])
        out.append(PlanningItem(
            Kind.CONTACT, Source.VISIT, r.id, begin, begin + dt.timedelta(minutes=r.duree_minutes),
            f"{MODES.get(r.mode, r.mode.capitalize())} — {person_name(r.nom, r.prenom)}",
            tuple(p[0] for p in pairs), tuple(p[1] for p in pairs), commune=r.commune_nom,
            person_id=r.person_id, all_day=r.heure is None, version_id=r.version_id,
        ))
    return out


def _visits_per_day(s: Session, names: Names, start: dt.date, end: dt.date) -> list[PlanningItem]:
    rows = s.execute(
        select(Visit.date, VisitIntervenant.user_id, VisitIntervenant.person_id, func.count(Visit.id))
        .outerjoin(VisitIntervenant, VisitIntervenant.visit_id == Visit.id)
        .where(Visit.date.between(start, end))
        .group_by(Visit.date, VisitIntervenant.user_id, VisitIntervenant.person_id)
    ).all()
    wanted = sorted({r[2] for r in rows if r[2] is not None})
    benevoles = {pid: person_name(nom, prenom) for chunk in _chunks(wanted) for pid, nom, prenom in s.execute(
        select(Person.id, Person.nom, Person.prenom).where(Person.id.in_(chunk)))}
    out = []
    for day, uid, pid, count in rows:
        if uid is not None:
            who, keys, sid = (names.users.get(uid, ""),), (f"u:{uid}",), uid
        elif pid is not None:
            who, keys, sid = (f"{benevoles.get(pid, '')} (bénévole)",), (f"p:{pid}",), -pid
        else:
            who, keys, sid = (), (), 0
        title = f"{count} contact{'s' if count > 1 else ''}" + (f" — {who[0]}" if who else "")
        out.append(PlanningItem(Kind.CONTACT, Source.VISIT_DAY, sid, _day_start(day),
                                _day_start(day) + dt.timedelta(days=1), title, who, keys, all_day=True,
                                occurrence=day))
    return out


def _planned_per_day(s: Session, start: dt.date, end: dt.date) -> list[PlanningItem]:
    rows = s.execute(select(Person.next_contact_due, func.count(Person.id))
                     .where(Person.next_contact_due.between(start, end)).group_by(Person.next_contact_due)).all()
    return [PlanningItem(Kind.CONTACT, Source.PLANNED_DAY, 0, _day_start(day), _day_start(day) + dt.timedelta(days=1),
                         f"{n} contact{'s' if n > 1 else ''} prévu{'s' if n > 1 else ''}", all_day=True, occurrence=day)
            for day, n in rows]


def _planned(s: Session, actor: Actor, start: dt.date, end: dt.date) -> list[PlanningItem]:
    stmt = (select(Person.id, Person.nom, Person.prenom, Person.commune_nom, Person.next_contact_due)
            .where(Person.next_contact_due.between(start, end)))
    stmt = scope.restrict_people(stmt, actor, Person.id)
    return [
        PlanningItem(Kind.CONTACT, Source.PLANNED, r.id, _day_start(r.next_contact_due),
                     _day_start(r.next_contact_due) + dt.timedelta(days=1),
                     f"Contact prévu — {person_name(r.nom, r.prenom)}", commune=r.commune_nom,
                     person_id=r.id, all_day=True)
        for r in s.execute(stmt)
    ]


def _recurring(s: Session, actor: Actor, names: Names, start: dt.date, end: dt.date) -> list[PlanningItem]:
    benevole = Person.__table__.alias("benevole")
    stmt = (select(RecurringContact, Person.nom, Person.prenom, Person.commune_nom,
                   benevole.c.nom.label("b_nom"), benevole.c.prenom.label("b_prenom"))
            .join(Person, Person.id == RecurringContact.person_id)
            .outerjoin(benevole, benevole.c.id == RecurringContact.benevole_id)
            .where(RecurringContact.date_debut <= end,
                   or_(RecurringContact.date_fin.is_(None), RecurringContact.date_fin >= start)))
    stmt = scope.restrict_people(stmt, actor, RecurringContact.person_id)
    out = []
    for r in s.execute(stmt):
        rc: RecurringContact = r.RecurringContact
        if rc.user_id is not None:
            who, keys = (names.users.get(rc.user_id, ""),), (f"u:{rc.user_id}",)
        elif rc.benevole_id is not None:
            who = (f"{person_name(r.b_nom or '', r.b_prenom or '')} (bénévole)",)
            keys = (f"p:{rc.benevole_id}",)
        else:
            who, keys = (), ()
        title = f"{MODES.get(rc.mode, rc.mode.capitalize())} régulier — {person_name(r.nom, r.prenom)}"
        for day in occurrences(rc.frequence, rc.jour_semaine, rc.date_debut, rc.date_fin, start, end):
            begin = _at(day, rc.heure)
            out.append(PlanningItem(
                Kind.CONTACT, Source.RECURRING, rc.id, begin, begin + dt.timedelta(minutes=rc.duree_minutes),
                title, who, keys, commune=r.commune_nom, person_id=rc.person_id, occurrence=day,
                version_id=rc.version_id,
            ))
    return out


def _seances(s: Session, names: Names, start: dt.date, end: dt.date) -> list[PlanningItem]:
    rows = s.execute(
        select(AtelierSeance.id, AtelierSeance.debut, AtelierSeance.fin, AtelierSeance.lieu,
               AtelierSeance.animateur, AtelierSeance.version_id, AtelierAction.id.label("action_id"),
               AtelierAction.titre, AtelierAction.lieu.label("a_lieu"), AtelierAction.animateur.label("a_anim"))
        .join(AtelierAction, AtelierAction.id == AtelierSeance.action_id)
        .where(AtelierSeance.debut >= _day_start(start), AtelierSeance.debut < _day_start(end + dt.timedelta(days=1)),
               AtelierSeance.statut != str(StatutSeance.ANNULEE),
               # a bus passage hosts its séance: it is shown (and checked) once, as the passage
               ~exists().where(Passage.seance_id == AtelierSeance.id))
    ).all()
    out = []
    for r in rows:
        who, keys = names.animateur(r.animateur or r.a_anim)
        out.append(PlanningItem(
            Kind.SEANCE, Source.SEANCE, r.id, r.debut, r.fin, r.titre, who, keys,
            place=r.lieu or r.a_lieu, action_id=r.action_id, action=r.titre, version_id=r.version_id,
        ))
    return out


def _passages(s: Session, actor: Actor, start: dt.date, end: dt.date) -> list[PlanningItem]:
    chauffeur = getattr(Passage, "chauffeur_id", None)  # recorded once passages have a driver
    columns: list[Any] = [Passage.id, Passage.date, Passage.heure_debut, Passage.heure_fin,
                          Passage.commune_nom, Passage.lieu_nom, Passage.theme, Passage.type,
                          Passage.vehicle_id, Passage.seance_id, Passage.version_id, Vehicle.nom.label("vehicule")]
    if chauffeur is not None:
        columns.append(chauffeur.label("chauffeur_id"))
    stmt = (select(*columns).outerjoin(Vehicle, Vehicle.id == Passage.vehicle_id)
            .where(Passage.date.between(start, end), Passage.statut != PassageStatus.ANNULE.value))
    if not can(actor, Perm.TOURNEES_READ):  # a driver: their own passages only
        stmt = scope.restrict_own(stmt, actor, chauffeur)
    rows = s.execute(stmt).all()
    windows = _pickup_windows(s, [r.id for r in rows])
    actions = _seance_actions(s, [r.seance_id for r in rows if r.seance_id])
    drivers = _driver_names(s, [getattr(r, "chauffeur_id", None) for r in rows])
    out = []
    for r in rows:
        begin, finish = _at(r.date, r.heure_debut), _at(r.date, r.heure_fin)
        first, last = windows.get(r.id, (None, None))
        action_id, action = actions.get(r.seance_id, (None, None))
        driver = getattr(r, "chauffeur_id", None)
        label = "Découverte" if r.type == "decouverte" else (r.theme or "Atelier")
        out.append(PlanningItem(
            Kind.PASSAGE, Source.PASSAGE, r.id, begin, finish, f"Bus {r.commune_nom} — {label}",
            (drivers[driver],) if driver in drivers else (), (f"u:{driver}",) if driver else (),
            vehicle_id=r.vehicle_id, vehicle=r.vehicule, place=r.lieu_nom, commune=r.commune_nom,
            action_id=action_id, action=action,
            pickup_start=_at(r.date, first) if first else None, back_at=_at(r.date, last) if last else None,
            version_id=r.version_id,
        ))
    return out


def _pickup_windows(s: Session, ids: list[int]) -> dict[int, tuple[dt.time | None, dt.time | None]]:
    """passage id → (first planned stop, last planned stop) of its stored pick-up route."""
    out: dict[int, tuple[dt.time | None, dt.time | None]] = {}
    for chunk in _chunks(ids):
        for pid, first, last in s.execute(
            select(PassageStop.passage_id, func.min(PassageStop.heure_prevue), func.max(PassageStop.heure_prevue))
            .where(PassageStop.passage_id.in_(chunk)).group_by(PassageStop.passage_id)
        ):
            out[pid] = (_as_time(first), _as_time(last))
    return out


def _as_time(value: Any) -> dt.time | None:
    if value is None or isinstance(value, dt.time):
        return value
    return dt.time.fromisoformat(str(value)[:8])  # SQLite returns the aggregate as text


def _seance_actions(s: Session, seance_ids: list[int]) -> dict[int, tuple[int, str]]:
    out: dict[int, tuple[int, str]] = {}
    for chunk in _chunks(seance_ids):
        for sid, aid, titre in s.execute(
            select(AtelierSeance.id, AtelierAction.id, AtelierAction.titre)
            .join(AtelierAction, AtelierAction.id == AtelierSeance.action_id).where(AtelierSeance.id.in_(chunk))
        ):
            out[sid] = (aid, titre)
    return out


def _driver_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    return dict(s.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all())


def absences(s: Session, actor: Actor, names: Names, start: dt.date, end: dt.date) -> list[PlanningItem]:
    stmt = (select(Unavailability, Vehicle.nom).outerjoin(Vehicle, Vehicle.id == Unavailability.vehicle_id)
            .where(Unavailability.debut < _day_start(end + dt.timedelta(days=1)),
                   Unavailability.fin > _day_start(start)))
    if not (can(actor, Perm.PLANNING_WRITE) or actor.is_system):
        stmt = stmt.where(and_(Unavailability.user_id.is_not(None), Unavailability.user_id == actor.user_id))
    out = []
    for u, vehicule in s.execute(stmt):
        if u.user_id is not None:
            who, keys = (names.users.get(u.user_id, ""),), (f"u:{u.user_id}",)
            title = f"Absence — {who[0]}"
        else:
            who, keys = (), ()
            title = f"Indisponible — {vehicule}"
        if u.motif:
            title += f" ({u.motif})"
        out.append(PlanningItem(
            Kind.ABSENCE, Source.ABSENCE, u.id, u.debut, u.fin, title, who, keys,
            vehicle_id=u.vehicle_id, vehicle=vehicule, version_id=u.version_id,
        ))
    return out


def _chunks(ids: list[int], size: int = 900) -> Iterable[list[int]]:
    """IN lists below SQLite's parameter limit."""
    for i in range(0, len(ids), size):
        yield ids[i:i + size]
