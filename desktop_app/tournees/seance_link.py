"""A passage IS a séance of an atelier action: one action « API Bus — <commune> <année> »
per convention (created on demand, ``commune_convention.action_id``), one séance per
passage (``passage.seance_id``). Creating a passage creates its séance, moving it moves the
séance, cancelling it cancels the séance; registrations and attendance are then the
ateliers ones (desktop_app.ateliers.registrations / attendance).

These helpers run inside the passage's own transaction, so a passage never exists without
its séance."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import AtelierAction, AtelierSeance, AtelierTheme, CommuneConvention, Passage
from db.models.ateliers import StatutAction, StatutSeance, Tarification, TypeAction
from db.models.tournees import PassageStatus

CAPACITY = 12  # « jusqu'à douze par séance »
THEME_CODE = "lien_social"  # Lien social / lutte contre l'isolement
CANCEL_REASON = "Passage du bus annulé"
SEANCE_STATUS = {PassageStatus.PREVU: StatutSeance.PREVUE, PassageStatus.REALISE: StatutSeance.REALISEE,
                 PassageStatus.ANNULE: StatutSeance.ANNULEE}


def action_title(commune_nom: str, annee: int) -> str:
    return f"API Bus — {commune_nom} {annee}"


def ensure_action(s: Session, passage: Passage) -> AtelierAction:
    """The atelier action of the passage's convention (or, for a passage without
    convention, of its commune and year), created when missing."""
    conv = s.get(CommuneConvention, passage.convention_id) if passage.convention_id else None
    if conv is not None and conv.action_id is not None:
        action = s.get(AtelierAction, conv.action_id)
        if action is not None:
            return action
    annee = conv.annee if conv is not None else passage.date.year
    title = action_title(passage.commune_nom, annee)
    action = None
    if conv is None:
        action = s.scalar(select(AtelierAction).where(AtelierAction.titre == title).order_by(AtelierAction.id).limit(1))
    if action is None:
        theme_id = s.scalar(select(AtelierTheme.id).where(AtelierTheme.code == THEME_CODE)) or s.scalar(
            select(AtelierTheme.id).order_by(AtelierTheme.ordre).limit(1))
        action = AtelierAction(
            titre=title, type_action=TypeAction.CYCLE, theme_id=theme_id, axe_cfppa=6,
            description="Passages du bus itinérant dans la commune (tournées).",
            lieu=(conv.lieu_nom if conv else None) or passage.lieu_nom, capacite=CAPACITY,
            tarification=Tarification.GRATUIT, date_debut=dt.date(annee, 1, 1), date_fin=dt.date(annee, 12, 31),
            statut=StatutAction.OUVERT)
        s.add(action)
        s.flush()
    if conv is not None:
        conv.action_id = action.id
    return action


def attach_seance(s: Session, passage: Passage) -> AtelierSeance:
    """Create the séance of a new passage (same date and times) and link it."""
    action = ensure_action(s, passage)
    seance = AtelierSeance(action_id=action.id, statut=StatutSeance.PREVUE)
    _copy(passage, seance)
    s.add(seance)
    s.flush()
    passage.seance_id = seance.id
    return seance


def sync_seance(s: Session, passage: Passage) -> AtelierSeance:
    """After a passage changed: move its séance, cancel or restore it; creates it if missing."""
    seance = s.get(AtelierSeance, passage.seance_id) if passage.seance_id else None
    if seance is None:
        return attach_seance(s, passage)
    _copy(passage, seance)
    return seance


def _copy(passage: Passage, seance: AtelierSeance) -> None:
    seance.debut = dt.datetime.combine(passage.date, passage.heure_debut)
    seance.fin = dt.datetime.combine(passage.date, passage.heure_fin)
    seance.lieu = passage.lieu_nom
    wanted = SEANCE_STATUS.get(PassageStatus(passage.statut), StatutSeance.PREVUE)
    if wanted == StatutSeance.ANNULEE and seance.statut != StatutSeance.ANNULEE:
        seance.motif_annulation, seance.annulee_le = CANCEL_REASON, utcnow()
    elif wanted != StatutSeance.ANNULEE:
        seance.motif_annulation = seance.annulee_le = None
    seance.statut = wanted
