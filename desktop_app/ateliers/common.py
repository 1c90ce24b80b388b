"""Helpers shared by the ateliers services: loading rows with a French NotFound, counts of
inscrits / en attente, display names."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AtelierAction, AtelierInscription, AtelierSeance, Person
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutInscription
from desktop_app.ateliers.records import Counts
from desktop_app.errors import NotFound


def display_name(nom: str, prenom: str) -> str:
    """« MARTIN Hélène », as everywhere else in Escale."""
    return f"{nom.upper()} {prenom}".strip()


def load_action(s: Session, action_id: int) -> AtelierAction:
    action = s.get(AtelierAction, action_id)
    if action is None:
        raise NotFound("Cet atelier n'existe pas ou plus.")
    return action


def load_seance(s: Session, seance_id: int) -> AtelierSeance:
    seance = s.get(AtelierSeance, seance_id)
    if seance is None:
        raise NotFound("Cette séance n'existe pas ou plus.")
    return seance


def load_person(s: Session, person_id: int) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
    return person


def counts(s: Session, action: AtelierAction) -> Counts:
    rows = dict(
        s.execute(
            select(AtelierInscription.statut, func.count())
            .where(AtelierInscription.action_id == action.id)
            .group_by(AtelierInscription.statut)
        ).all()
    )
    return Counts(
        inscrits=rows.get(StatutInscription.INSCRIT, 0),
        en_attente=rows.get(StatutInscription.EN_ATTENTE, 0),
        desistes=rows.get(StatutInscription.DESISTE, 0),
        capacite=action.capacite,
    )


def seance_numbers(s: Session, action_id: int) -> dict[int, int]:
    """Séance id → its 1-based rank among the action's séances that are not cancelled."""
    ids = s.scalars(
        select(AtelierSeance.id)
        .where(AtelierSeance.action_id == action_id, AtelierSeance.statut != StatutSeance.ANNULEE)
        .order_by(AtelierSeance.debut, AtelierSeance.id)
    ).all()
    return {sid: i for i, sid in enumerate(ids, start=1)}
