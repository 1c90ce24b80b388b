"""The other areas' part of a person's file (visits with their notes, ateliers, tournées)
and what anonymisation removes there (free text that may name or describe the person).

Visits and ateliers reuse their timeline providers, read as the coordinator would (so the
confidential notes are included: the person may read every comment written about them,
CNIL 2021-028); tournées are read here directly, having no timeline provider yet.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Column, Select, select, update
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import (
    AtelierInscription,
    AtelierPresence,
    Passage,
    PassageParticipant,
    Visit,
    VisitConfidential,
    VisitOrientation,
)
from desktop_app.actor import Actor
from desktop_app.person_data import Section

ERASED_NOTE = "[note effacée lors de l'anonymisation]"
_READER = Actor(user_id=None, username="export", display_name="Export des droits", role=Role.COORDINATEUR)


def visit_sections(s: Session, person_id: int) -> list[Section]:
    from desktop_app.visits.timeline import VisitTimeline

    entries = VisitTimeline().entries(s, _READER, person_id)
    rows = [(e.date, e.title, e.detail, e.confidential) for e in reversed(entries)]
    return [Section("Visites et contacts", columns=("Date", "Contact", "Compte rendu", "Note confidentielle"),
                    rows=rows, widths=(1.3, 2, 4.2, 2.5), empty_text="Aucune visite ni aucun contact.",
                    note="Les notes confidentielles ne sont lues que par les rôles habilités ; "
                         "elles figurent ici parce qu'elles vous concernent.")]


def atelier_sections(s: Session, person_id: int) -> list[Section]:
    from desktop_app.ateliers.timeline import AtelierTimeline

    entries = AtelierTimeline().entries(s, _READER, person_id)
    rows = [(e.date, e.title, e.detail) for e in reversed(entries)]
    return [Section("Ateliers", columns=("Date", "Atelier", "Détail"), rows=rows, widths=(1.3, 3, 5),
                    empty_text="Aucune participation à un atelier.")]


def tournee_sections(s: Session, person_id: int) -> list[Section]:
    presence = (select(AtelierPresence.statut == "present").where(
        AtelierPresence.seance_id == Passage.seance_id, AtelierPresence.person_id == person_id)
        .scalar_subquery().label("present"))
    stmt = (select(Passage.date, Passage.commune_nom, Passage.theme, PassageParticipant.besoin_transport,
                   PassageParticipant.heure_prise_en_charge, presence)
            .join(Passage, Passage.id == PassageParticipant.passage_id)
            .where(PassageParticipant.person_id == person_id).order_by(Passage.date))
    rows = [(r.date, r.commune_nom, r.theme, r.besoin_transport,
             r.heure_prise_en_charge.strftime("%H:%M") if r.heure_prise_en_charge else None, r.present)
            for r in s.execute(stmt)]
    return [Section("Tournées du bus", columns=("Date", "Commune", "Animation", "Transport", "Prise en charge", "Présent(e)"),
                    rows=rows, widths=(1.3, 2, 3, 1.2, 1.4, 1.2), empty_text="Aucune inscription à une tournée.")]


def _blank(s: Session, name: str, owners: Select[tuple[int, int]], key: Column[int], values: dict[str, object],
           cleared: dict[int, list[str]]) -> None:
    """Record ``name`` for the people who had that text (``owners``: row key, person id),
    then blank it in those rows with one Core statement (no ORM bookkeeping)."""
    rows = s.execute(owners).all()
    for _key, pid in rows:
        if name not in cleared[pid]:
            cleared[pid].append(name)
    if rows:
        s.execute(update(key.table).where(key.in_([r[0] for r in rows])).values(**values))


def anonymise_activity(s: Session, person_ids: Sequence[int]) -> dict[int, list[str]]:
    """Blank the free text about these people; dates, durations, modes and presences stay
    so the bilans (visits made, séances attended, passages) still add up."""
    cleared: dict[int, list[str]] = {pid: [] for pid in person_ids}
    ids = list(person_ids)
    _blank(s, "visite.resume",
           select(Visit.id, Visit.person_id).where(Visit.person_id.in_(ids), Visit.resume.is_not(None)),
           Visit.__table__.c.id, {"resume": None}, cleared)
    _blank(s, "visite.note_confidentielle",
           select(VisitConfidential.visit_id, Visit.person_id).join(Visit, Visit.id == VisitConfidential.visit_id)
           .where(Visit.person_id.in_(ids), VisitConfidential.note != ERASED_NOTE),
           VisitConfidential.__table__.c.visit_id, {"note": ERASED_NOTE}, cleared)
    _blank(s, "visite.orientation_motif",
           select(VisitOrientation.id, Visit.person_id).join(Visit, Visit.id == VisitOrientation.visit_id)
           .where(Visit.person_id.in_(ids), VisitOrientation.motif.is_not(None)),
           VisitOrientation.__table__.c.id, {"motif": None}, cleared)
    _blank(s, "atelier.motif_desistement",
           select(AtelierInscription.id, AtelierInscription.person_id)
           .where(AtelierInscription.person_id.in_(ids), AtelierInscription.motif_desistement.is_not(None)),
           AtelierInscription.__table__.c.id, {"motif_desistement": None}, cleared)
    return cleared
