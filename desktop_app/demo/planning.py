"""Demo planning: absences of the team (a week of leave, training days) and of the vehicles
(servicing, one of them on a day the bus is planned so the conflicts list has something
real to show), and recurring calls to people who live alone, by the team or a bénévole."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from db.engine import Database
from db.enums import Role, StatutPersonne
from db.models import Passage, Person, RecurringContact, Unavailability, User, Vehicle

TRAININGS = ("Formation prévention des chutes", "Formation premiers secours", "Réunion de coordination CLIC")


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def populate_planning(db: Database, seed: int, reference_date: dt.date) -> str:
    rng = random.Random(seed * 6151 + 11)
    year_start = reference_date - dt.timedelta(days=180)
    with db.uow() as s:
        staff = list(s.scalars(select(User.id).where(User.active.is_(True), User.role.in_(
            [str(Role.COORDINATEUR), str(Role.INTERVENANT), str(Role.ANIMATEUR)])).order_by(User.id)))
        vehicles = list(s.scalars(select(Vehicle.id).where(Vehicle.actif.is_(True)).order_by(Vehicle.id)))
        absences: list[Unavailability] = []
        for uid in staff:
            leave = year_start + dt.timedelta(days=rng.randrange(0, 330))
            leave -= dt.timedelta(days=leave.weekday())
            absences.append(Unavailability(user_id=uid, debut=_at(leave, 0), fin=_at(leave + dt.timedelta(days=5), 0),
                                           motif="Congés"))
            for _ in range(2):
                day = reference_date + dt.timedelta(days=rng.randrange(-20, 60))
                if day.weekday() < 5:
                    absences.append(Unavailability(user_id=uid, debut=_at(day, 9), fin=_at(day, 17),
                                                   motif=rng.choice(TRAININGS)))
        for vid in vehicles:
            busy = list(s.scalars(select(Passage.date).where(Passage.vehicle_id == vid,
                                                             Passage.date >= reference_date).order_by(Passage.date)
                                  .limit(3)))
            if busy:  # servicing booked on a bus day: a conflict to settle
                absences.append(Unavailability(vehicle_id=vid, debut=_at(busy[-1], 8), fin=_at(busy[-1], 15),
                                               motif="Révision au garage"))
            day = reference_date + dt.timedelta(days=rng.randrange(5, 40))
            absences.append(Unavailability(vehicle_id=vid, debut=_at(day, 8), fin=_at(day, 18),
                                           motif="Contrôle technique"))
        s.add_all(absences)
        alone = list(s.scalars(select(Person.id).where(
            Person.statut == str(StatutPersonne.ACTIF), Person.est_beneficiaire.is_(True),
            Person.vit_seul.is_(True)).order_by(Person.id)))
        benevoles = list(s.scalars(select(Person.id).where(
            Person.est_benevole.is_(True), Person.statut == str(StatutPersonne.ACTIF)).order_by(Person.id).limit(5)))
        chosen = rng.sample(alone, min(len(alone), max(3, len(alone) // 12)))
        contacts = []
        for pid in chosen:
            by_volunteer = benevoles and rng.random() < 0.4
            first = reference_date - dt.timedelta(days=rng.randrange(7, 90))
            contacts.append(RecurringContact(
                person_id=pid, user_id=None if by_volunteer else rng.choice(staff) if staff else None,
                benevole_id=rng.choice(benevoles) if by_volunteer else None,
                frequence=rng.choices(["hebdomadaire", "quinzaine", "mensuelle"], [5, 3, 2])[0],
                jour_semaine=rng.randrange(0, 5), heure=dt.time(rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30])),
                duree_minutes=rng.choice([10, 15, 20]), mode="telephone", date_debut=first,
                date_fin=first + dt.timedelta(days=rng.choice([120, 180, 365])) if rng.random() < 0.5 else None,
                note="Appel de convivialité : prendre des nouvelles, vérifier que rien ne manque.",
            ))
        s.add_all(contacts)
    return f"Planning : {len(absences)} absences ou indisponibilités, {len(contacts)} contacts réguliers."
