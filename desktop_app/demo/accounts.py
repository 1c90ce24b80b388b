"""Demo accounts, one per role, all with the documented password DEMO_PASSWORD
(docs/demo-accounts.md). The bénévole account is linked to a bénévole of the people file
and is given a few people to visit, near where they live."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select, update

from db.engine import Database
from db.enums import Role, StatutPersonne
from db.models import BenevoleAssignment, Passage, Person, User
from desktop_app.actor import SYSTEM
from desktop_app.security import audit, passwords

DEMO_PASSWORD = "Escale-Demo-2026"

DEMO_ACCOUNTS: list[tuple[str, str, Role]] = [
    ("admin", "Nadia Benali", Role.ADMINISTRATEUR),
    ("coordinatrice", "Claire Fabre", Role.COORDINATEUR),
    ("intervenante", "Sophie Martin", Role.INTERVENANT),
    ("animateur", "Julien Roux", Role.ANIMATEUR),
    ("benevole", "Monique Garcia", Role.BENEVOLE),
    ("chauffeur", "Patrick Blanc", Role.CHAUFFEUR),
]


def populate_accounts(db: Database, seed: int, reference_date: dt.date) -> str:
    """Create (or refresh) the demo accounts; deterministic for a seed."""
    rng = random.Random(seed * 7919 + 8)
    hasher = passwords.hasher()
    password_hash = hasher.hash(DEMO_PASSWORD)
    with db.uow() as s:
        volunteer = s.scalar(
            select(Person).where(Person.est_benevole.is_(True), Person.statut == str(StatutPersonne.ACTIF))
            .order_by(Person.sort_key, Person.id).limit(1)
        )
        for username, display, role in DEMO_ACCOUNTS:
            user = s.scalar(select(User).where(User.username == username))
            if user is None:
                user = User(username=username)
                s.add(user)
            if role == Role.BENEVOLE and volunteer is not None:
                display = f"{volunteer.prenom} {volunteer.nom}"
                user.person_id = volunteer.id
            user.display_name, user.role, user.active = display, str(role), True
            user.password_hash, user.must_change_password = password_hash, False
            user.failed_attempts, user.locked_until = 0, None
            s.flush()
            audit.record(s, SYSTEM, "creation", "user", user.id, fields=["username", "display_name", "role"],
                         detail="compte de démonstration")
            if role == Role.BENEVOLE:
                assigned = _assign(s, rng, user, volunteer)
            if role == Role.CHAUFFEUR:  # drives the API Bus: every passage of the demo year
                s.execute(update(Passage).values(chauffeur_id=user.id))
    return (f"{len(DEMO_ACCOUNTS)} comptes de démonstration (mot de passe « {DEMO_PASSWORD} »), "
            f"{assigned} personnes confiées au compte « benevole »")


def _assign(s, rng: random.Random, user: User, volunteer: Person | None) -> int:  # type: ignore[no-untyped-def]
    """3 to 5 active bénéficiaires, from the volunteer's commune first."""
    if s.scalar(select(BenevoleAssignment.id).where(BenevoleAssignment.user_id == user.id).limit(1)):
        return len(list(s.scalars(select(BenevoleAssignment.id).where(BenevoleAssignment.user_id == user.id))))
    candidates = select(Person.id).where(
        Person.est_beneficiaire.is_(True), Person.statut == str(StatutPersonne.ACTIF)
    ).order_by(Person.id)
    near = []
    if volunteer is not None and volunteer.commune_insee:
        near = list(s.scalars(candidates.where(Person.commune_insee == volunteer.commune_insee,
                                               Person.id != volunteer.id)))
    pool = near if len(near) >= 3 else list(s.scalars(candidates.limit(500)))
    chosen = rng.sample(pool, min(len(pool), rng.randint(3, 5)))
    for pid in sorted(chosen):
        s.add(BenevoleAssignment(user_id=user.id, person_id=pid))
        s.flush()
        audit.record(s, SYSTEM, "attribution_benevole", "person", pid, person_id=pid,
                     detail=f"confiée à {user.username} (démonstration)")
    return len(chosen)
