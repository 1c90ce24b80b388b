"""Demo data for data protection: files past the retention period, so the Conservation
page has people to review, and a few rights requests (answered, open, one overdue).

Old files are chosen among active people with no atelier or tournée: people with no visit
get a last contact 25 to 40 months back; people with visits get their whole visit history
moved back by the same span (dates, next contact due, file opening), so the file stays
coherent. Requests go through the rights service as the demo coordinator (audited).
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import exists, func, select, update

from db.engine import Database
from db.enums import Role, StatutPersonne
from db.models import AtelierInscription, PassageParticipant, Person, User, Visit
from desktop_app.actor import Actor
from desktop_app.rights import RequestInput, RightsService
from desktop_app.settings import SettingsService

OLD_SHARE = 0.03  # of the whole file
REQUESTS = [
    ("acces", "la personne elle-même, par courrier", 40, "Copie du dossier remise en main propre."),
    ("rectification", "sa fille, par téléphone", 25, "Adresse et téléphone corrigés."),
    ("effacement", "la personne elle-même, à la permanence", 12, None),
    ("opposition", "son fils, par courriel", 45, None),  # overdue: received more than a month ago
]


def _age_files(db: Database, rng: random.Random, reference_date: dt.date) -> int:
    with db.uow() as s:
        busy = (exists().where(AtelierInscription.person_id == Person.id)
                | exists().where(PassageParticipant.person_id == Person.id))
        candidates = s.scalars(select(Person.id).where(
            Person.statut == StatutPersonne.ACTIF, Person.est_beneficiaire.is_(True), ~busy,
        ).order_by(Person.id)).all()
        total = s.scalar(select(func.count(Person.id))) or 0
        chosen = rng.sample(list(candidates), k=min(len(candidates), max(3, int(total * OLD_SHARE))))
        for pid in chosen:
            target = reference_date - dt.timedelta(days=rng.randint(760, 1200))
            latest = s.scalar(select(func.max(Visit.date)).where(Visit.person_id == pid))
            shift = (latest - target) if latest else dt.timedelta(0)
            if latest:
                for visit in s.scalars(select(Visit).where(Visit.person_id == pid)):
                    visit.date -= shift
                    if visit.prochain_contact:
                        visit.prochain_contact -= shift
            first = s.scalar(select(func.min(Visit.date)).where(Visit.person_id == pid)) or target
            opened = dt.datetime.combine(first - dt.timedelta(days=rng.randint(0, 60)), dt.time(10, 0))
            s.execute(update(Person).where(Person.id == pid).values(
                last_contact_date=target, next_contact_due=None, created_at=opened, updated_at=opened,
                consentement_date=opened.date(), notice_date=opened.date(),
            ))
        return len(chosen)


def _requests(db: Database, rng: random.Random, reference_date: dt.date) -> int:
    with db.read() as s:
        coordinator = s.scalar(select(User).where(User.role == Role.COORDINATEUR).order_by(User.id))
        people = s.scalars(select(Person.id).where(Person.statut == StatutPersonne.ACTIF).order_by(Person.id)).all()
    if coordinator is None or not people:
        return 0
    actor = Actor(coordinator.id, coordinator.username, coordinator.display_name, Role.COORDINATEUR)
    service = RightsService(db, SettingsService(db))
    today = min(dt.date.today(), reference_date)
    chosen = rng.sample(list(people), k=min(len(REQUESTS), len(people)))
    for (kind, requester, days_ago, answer), pid in zip(REQUESTS, chosen, strict=False):
        received = today - dt.timedelta(days=days_ago)
        request = service.record_request(actor, pid, RequestInput(kind, requester, received))
        if answer:
            service.answer(actor, request.id, request.version_id, received + dt.timedelta(days=rng.randint(3, 20)), answer)
    return len(chosen)


def populate_rgpd(db: Database, seed: int, reference_date: dt.date) -> str:
    rng = random.Random(f"rgpd-{seed}")
    old = _age_files(db, rng, reference_date)
    requests = _requests(db, rng, reference_date)
    return (f"Données personnelles : {old} fiches sans contact depuis plus de deux ans à examiner, "
            f"{requests} demandes d'exercice des droits.")
