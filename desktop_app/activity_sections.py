"""The other areas' part of a person's file (visits with their notes, ateliers, tournées)
and what anonymisation removes there (free text that may name or describe the person).

Visits and ateliers reuse their timeline providers, read as the coordinator would (so the
confidential notes are included: the person may read every comment written about them,
CNIL 2021-028); tournées are read here directly, having no timeline provider yet.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import (
    AtelierInscription,
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
    stmt = (select(Passage.date, Passage.commune_nom, Passage.theme, PassageParticipant.besoin_transport,
                   PassageParticipant.heure_prise_en_charge, PassageParticipant.present)
            .join(Passage, Passage.id == PassageParticipant.passage_id)
            .where(PassageParticipant.person_id == person_id).order_by(Passage.date))
    rows = [(r.date, r.commune_nom, r.theme, r.besoin_transport,
             r.heure_prise_en_charge.strftime("%H:%M") if r.heure_prise_en_charge else None, r.present)
            for r in s.execute(stmt)]
    return [Section("Tournées du bus", columns=("Date", "Commune", "Animation", "Transport", "Prise en charge", "Présent(e)"),
                    rows=rows, widths=(1.3, 2, 3, 1.2, 1.4, 1.2), empty_text="Aucune inscription à une tournée.")]


def anonymise_activity(s: Session, person_id: int) -> list[str]:
    """Blank the free text about the person; dates, durations, modes and presences stay
    so the bilans (visits made, séances attended, passages) still add up."""
    cleared: list[str] = []
    visit_ids = select(Visit.id).where(Visit.person_id == person_id).scalar_subquery()
    if s.execute(update(Visit).where(Visit.person_id == person_id, Visit.resume.is_not(None))
                 .values(resume=None)).rowcount:
        cleared.append("visite.resume")
    if s.execute(update(VisitConfidential).where(VisitConfidential.visit_id.in_(visit_ids))
                 .values(note=ERASED_NOTE)).rowcount:
        cleared.append("visite.note_confidentielle")
    if s.execute(update(VisitOrientation).where(VisitOrientation.visit_id.in_(visit_ids),
                                                VisitOrientation.motif.is_not(None))
                 .values(motif=None)).rowcount:
        cleared.append("visite.orientation_motif")
    if s.execute(update(AtelierInscription).where(AtelierInscription.person_id == person_id,
                                                  AtelierInscription.motif_desistement.is_not(None))
                 .values(motif_desistement=None)).rowcount:
        cleared.append("atelier.motif_desistement")
    return cleared
