"""Demo visits: a realistic year of contacts for the people already in the database.

Each accompanied person gets a follow-up rhythm (weekly for the most isolated, then every
two weeks, monthly, every two months, quarterly), a first evaluation visit at home, then
suivi visits and calls, convivialité visits by bénévoles, répit for aidants, permanences for
accès aux droits and, now and then, an orientation to a partner. The latest visit sets the
next contact due — some of them already past, so the veille has people to show. About 300
people give several thousand visits. Rows are bulk-inserted (the services would audit each
one); the follow-up dates are then derived exactly as the visits service does.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from db.base import Base
from db.engine import Database
from db.enums import Role, StatutPersonne
from db.models import (
    AidantLink,
    Partner,
    Person,
    User,
    Visit,
    VisitConfidential,
    VisitIntervenant,
    VisitOrientation,
)
from desktop_app.demo.visit_texts import CONFIDENTIAL, ORIENTATIONS, SUMMARIES, fill

STAFF = [("evidal", "Élodie Vidal"), ("kmansouri", "Karim Mansouri")]
RHYTHMS = [(7, 0.10), (14, 0.25), (30, 0.40), (60, 0.20), (90, 0.05)]  # days, share of people


@dataclass
class _Person:
    id: int
    sexe: str
    created: dt.date
    aidant: bool
    fragile: bool


def _staff(db: Database) -> list[int]:
    """Accounts of the team who visit; two intervenants are created when there are none."""
    with db.uow() as s:
        ids = list(s.scalars(select(User.id).where(
            User.active.is_(True), User.role.in_([str(Role.INTERVENANT), str(Role.COORDINATEUR)])
        ).order_by(User.id)))
        if len(ids) < 2:
            for username, name in STAFF:
                if s.scalar(select(User.id).where(User.username == username)) is None:
                    user = User(username=username, display_name=name, role=str(Role.INTERVENANT))
                    s.add(user)
                    s.flush()
                    ids.append(user.id)
    return ids


def _people(db: Database) -> tuple[list[_Person], list[int]]:
    """Accompanied active people, and the bénévoles who can visit."""
    with db.read() as s:
        aidants = set(s.scalars(select(AidantLink.aidant_id)))
        rows = s.execute(
            select(Person.id, Person.sexe, Person.created_at, Person.est_beneficiaire, Person.vit_seul,
                   Person.fragilite_isolement)
            .where(Person.statut == str(StatutPersonne.ACTIF),
                   or_(Person.est_beneficiaire.is_(True), Person.id.in_(aidants)))
            .order_by(Person.id)
        ).all()
        benevoles = list(s.scalars(select(Person.id).where(
            Person.est_benevole.is_(True), Person.statut == str(StatutPersonne.ACTIF)).order_by(Person.id)))
    people = [_Person(r.id, r.sexe, r.created_at.date(), r.id in aidants, bool(r.vit_seul or r.fragilite_isolement))
              for r in rows]
    return people, benevoles


def _partners(db: Database) -> list[tuple[int, str]]:
    with db.read() as s:
        return [(r.id, r.nom) for r in s.execute(
            select(Partner.id, Partner.nom).where(Partner.archived.is_(False)).order_by(Partner.id))]


def _purpose(rng: random.Random, person: _Person, first: bool) -> str:
    if first:
        return "evaluation"
    choices = {"suivi": 45, "convivialite": 25 if person.fragile else 10, "acces_droits": 8,
               "orientation": 6, "repit": 18 if person.aidant else 0, "evaluation": 3}
    return rng.choices(list(choices), list(choices.values()))[0]


def _mode_and_duration(rng: random.Random, purpose: str) -> tuple[str, int]:
    if purpose == "acces_droits":
        return rng.choice(["permanence", "permanence", "domicile", "bus"]), rng.choice([30, 45, 60])
    if purpose == "evaluation":
        return "domicile", rng.choice([60, 75, 90])
    if purpose in ("convivialite", "repit"):
        return ("telephone", rng.choice([15, 20, 30])) if rng.random() < 0.2 else ("domicile", rng.choice([60, 90, 120, 180]))
    if rng.random() < 0.35:
        return rng.choice(["telephone", "telephone", "visio"]), rng.choice([10, 15, 20, 30])
    return "domicile", rng.choice([30, 45, 60])


class _Buffers:
    """Rows waiting to be inserted, flushed every few thousand visits so 100,000 people
    never hold millions of rows in memory. Core tables, not the mapped classes: the ORM
    bulk path splits rows by their set of non-NULL columns."""

    TABLES: tuple[type[Base], ...] = (Visit, VisitIntervenant, VisitOrientation, VisitConfidential)

    def __init__(self, session: Session) -> None:
        self.session = session
        self.rows: dict[type[Base], list[dict[str, object]]] = {t: [] for t in self.TABLES}
        self.visits = self.orientations = 0

    def flush(self, force: bool = False) -> None:
        if len(self.rows[Visit]) < 20_000 and not force:
            return
        self.visits += len(self.rows[Visit])
        self.orientations += len(self.rows[VisitOrientation])
        for model, rows in self.rows.items():
            if rows:
                self.session.execute(insert(model.metadata.tables[model.__tablename__]), rows)
            rows.clear()


def populate_visits(db: Database, seed: int, reference_date: dt.date) -> str:
    """A year of visits up to ``reference_date`` for the people in the database (call
    populate_partners first so orientations have partners). Deterministic for a seed."""
    rng = random.Random(seed * 7919 + 5)
    staff = _staff(db)
    people, benevoles = _people(db)
    partners = _partners(db)
    start = reference_date - dt.timedelta(days=365)
    followup: list[dict[str, object]] = []
    with db.uow() as s:
        next_id = (s.scalar(select(func.max(Visit.id))) or 0) + 1
        out = _Buffers(s)
        for person in people:
            last = _one_person(rng, person, max(start, person.created), reference_date, next_id, staff,
                               benevoles, partners, out.rows)
            next_id += len(last)
            if last:
                followup.append({"pid": person.id, "last": last[-1]["date"], "due": last[-1]["prochain_contact"]})
            out.flush()
        out.flush(force=True)
        person_table = Person.metadata.tables[Person.__tablename__]
        s.execute(
            update(person_table).where(person_table.c.id == bindparam("pid"))
            .values(last_contact_date=bindparam("last"), next_contact_due=bindparam("due"),
                    updated_at=person_table.c.updated_at),  # derived dates, not an edit of the file
            followup,
        )
    return (f"Visites : {out.visits} contacts sur un an pour {len(followup)} personnes, "
            f"{out.orientations} orientations vers des partenaires.")


def _one_person(
    rng: random.Random, person: _Person, start: dt.date, end: dt.date, next_id: int, staff: list[int],
    benevoles: list[int], partners: list[tuple[int, str]], rows: dict[type[Base], list[dict[str, object]]],
) -> list[dict[str, object]]:
    """The person's visits from ``start`` to ``end`` at their rhythm; returns them in order."""
    rhythm = rng.choices([d for d, _ in RHYTHMS], [w for _, w in RHYTHMS])[0]
    if person.fragile:
        rhythm = min(rhythm, 30)
    day = start + dt.timedelta(days=rng.randrange(0, 20))
    mine: list[dict[str, object]] = []
    while day <= end:
        purpose = _purpose(rng, person, not mine)
        mode, minutes = _mode_and_duration(rng, purpose)
        nxt = day + dt.timedelta(days=max(3, int(rng.gauss(rhythm, rhythm * 0.25))))
        vid = next_id + len(mine)
        hour = dt.time(rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 15, 30]))
        typed_at = dt.datetime.combine(day, hour) + dt.timedelta(hours=2)
        mine.append({
            "id": vid, "person_id": person.id, "date": day, "duree_minutes": minutes, "mode": mode,
            "objet": purpose, "heure": hour, "created_at": typed_at, "updated_at": typed_at,
            "resume": fill(rng.choice(SUMMARIES[purpose]), person.sexe),
            "prochain_contact": nxt if rng.random() < 0.85 else None, "created_by": staff[0],
            "version_id": 1,
        })
        _intervenants(rng, vid, purpose, staff, benevoles, rows[VisitIntervenant])
        if partners and (purpose == "orientation" or rng.random() < 0.03):
            pid, motif = _orientation(rng, partners)
            rows[VisitOrientation].append({"visit_id": vid, "partner_id": pid, "motif": motif})
        if rng.random() < 0.04:
            rows[VisitConfidential].append({"visit_id": vid, "note": rng.choice(CONFIDENTIAL)})
        day = nxt if rng.random() < 0.9 else nxt + dt.timedelta(days=rng.randrange(5, 40))
    rows[Visit].extend(mine)
    return mine


def _intervenants(
    rng: random.Random, vid: int, purpose: str, staff: list[int], benevoles: list[int],
    out: list[dict[str, object]],
) -> None:
    if purpose == "convivialite" and benevoles and rng.random() < 0.8:
        out.append({"visit_id": vid, "position": 1, "user_id": None, "person_id": rng.choice(benevoles)})
        return
    first = rng.choice(staff)
    out.append({"visit_id": vid, "position": 1, "user_id": first, "person_id": None})
    if purpose == "evaluation" and len(staff) > 1 and rng.random() < 0.3:  # binôme
        out.append({"visit_id": vid, "position": 2, "user_id": next(u for u in staff if u != first),
                    "person_id": None})


def _orientation(rng: random.Random, partners: list[tuple[int, str]]) -> tuple[int, str]:
    key = rng.choice(list(ORIENTATIONS))
    matching = [p for p in partners if key.lower() in p[1].lower()] or partners
    pid, _ = rng.choice(matching)
    return pid, rng.choice(ORIENTATIONS[key])
