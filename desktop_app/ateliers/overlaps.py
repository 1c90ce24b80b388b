"""Séances that would clash: same time range and the same place or the same animateur.

Places and names are compared folded (case, accents and punctuation ignored) so « Salle
des fêtes » and « salle des fetes » are one room. Cancelled séances never clash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import AtelierAction, AtelierSeance
from db.models.ateliers import StatutSeance
from desktop_app.ateliers.records import OverlapWarning
from desktop_app.text import fold


@dataclass(frozen=True)
class Slot:
    debut: dt.datetime
    fin: dt.datetime
    lieu: str | None
    animateur: str | None


def find_overlaps(s: Session, slots: Iterable[Slot], exclude_ids: Iterable[int] = ()) -> list[OverlapWarning]:
    wanted = sorted(slots, key=lambda x: x.debut)
    if not wanted:
        return []
    excluded = set(exclude_ids)
    lieu = func.coalesce(AtelierSeance.lieu, AtelierAction.lieu)
    animateur = func.coalesce(AtelierSeance.animateur, AtelierAction.animateur)
    rows = s.execute(
        select(AtelierSeance.id, AtelierSeance.debut, AtelierSeance.fin, lieu, animateur, AtelierAction.titre)
        .join(AtelierAction, AtelierAction.id == AtelierSeance.action_id)
        .where(
            AtelierSeance.statut != StatutSeance.ANNULEE,
            AtelierSeance.debut < max(x.fin for x in wanted),
            AtelierSeance.fin > wanted[0].debut,
        )
        .order_by(AtelierSeance.debut)
    ).all()
    existing = [r for r in rows if r[0] not in excluded]
    warnings: list[OverlapWarning] = []
    for slot in wanted:
        slot_lieu, slot_anim = fold(slot.lieu), fold(slot.animateur)
        for sid, debut, fin, other_lieu, other_anim, titre in existing:
            if not (debut < slot.fin and fin > slot.debut):
                continue
            reasons = []
            if slot_lieu and slot_lieu == fold(other_lieu):
                reasons.append(f"même lieu ({other_lieu})")
            if slot_anim and slot_anim == fold(other_anim):
                reasons.append(f"même animateur ({other_anim})")
            if reasons:
                warnings.append(OverlapWarning(slot.debut, slot.fin, sid, titre, debut, fin, " et ".join(reasons)))
    return warnings
