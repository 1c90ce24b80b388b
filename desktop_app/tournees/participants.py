"""Who takes part in a passage, read from the ateliers tables: the people registered to the
passage's action (``atelier_inscription``, statut inscrit) plus anyone with attendance at
its séance (a walk-in, someone who withdrew after coming); presence is the séance
attendance. ``passage_participant`` adds the bus's own business: pick-up tick and time."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    AtelierInscription,
    AtelierPresence,
    AtelierSeance,
    Passage,
    PassageParticipant,
    Person,
)
from db.models.ateliers_participation import StatutInscription, StatutPresence
from desktop_app.tournees.records import ParticipantView
from desktop_app.validation import format_phone

CIVILITE_COURTE = {"mme": "Mme", "m": "M."}


def person_name(p: Person, with_civilite: bool = True) -> str:
    civ = CIVILITE_COURTE.get(p.civilite or "", "") if with_civilite else ""
    return " ".join(x for x in (civ, p.nom.upper(), p.prenom) if x)


def participant_view(p: Person, row: PassageParticipant | None, presence: str | None) -> ParticipantView:
    address = ", ".join(x for x in (p.adresse, p.complement_adresse) if x)
    urgence = " ".join(x for x in (p.urgence_nom or "", f"({p.urgence_lien})" if p.urgence_lien else "",
                                   format_phone(p.urgence_telephone)) if x)
    return ParticipantView(
        row.id if row else 0, p.id, person_name(p, False), p.civilite, address, p.commune_nom, p.telephone,
        p.mobilite, p.latitude, p.longitude, p.geocode_status, urgence, bool(row and row.besoin_transport),
        row.heure_prise_en_charge if row else None,
        None if presence is None else presence == StatutPresence.PRESENT, presence,
    )


def action_id_of(s: Session, passage: Passage) -> int | None:
    if passage.seance_id is None:
        return None
    return s.scalar(select(AtelierSeance.action_id).where(AtelierSeance.id == passage.seance_id))


def participant_ids(s: Session, passage: Passage) -> set[int]:
    action_id = action_id_of(s, passage)
    if action_id is None:
        return set()
    registered = set(s.scalars(select(AtelierInscription.person_id).where(
        AtelierInscription.action_id == action_id, AtelierInscription.statut == StatutInscription.INSCRIT)))
    came = set(s.scalars(select(AtelierPresence.person_id).where(AtelierPresence.seance_id == passage.seance_id)))
    return registered | came


def participants(s: Session, passage: Passage) -> list[ParticipantView]:
    ids = participant_ids(s, passage)
    if not ids:
        return []
    presence = dict(s.execute(select(AtelierPresence.person_id, AtelierPresence.statut).where(
        AtelierPresence.seance_id == passage.seance_id)).all())
    rows = {r.person_id: r for r in s.scalars(select(PassageParticipant).where(PassageParticipant.passage_id == passage.id))}
    people = s.scalars(select(Person).where(Person.id.in_(ids)).order_by(Person.sort_key, Person.id)).all()
    return [participant_view(p, rows.get(p.id), presence.get(p.id)) for p in people]


def counts(s: Session, passage: Passage) -> tuple[int, int, int]:
    """(inscrits, présents, à chercher) of one passage."""
    ids = participant_ids(s, passage)
    if not ids:
        return 0, 0, 0
    presents = s.scalar(select(func.count()).where(
        AtelierPresence.seance_id == passage.seance_id, AtelierPresence.statut == StatutPresence.PRESENT)) or 0
    riders = s.scalar(select(func.count()).where(
        PassageParticipant.passage_id == passage.id, PassageParticipant.besoin_transport.is_(True),
        PassageParticipant.person_id.in_(ids))) or 0
    return len(ids), presents, riders
