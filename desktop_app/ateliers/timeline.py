"""A person's participation in the ateliers, as entries of their timeline.

:func:`timeline_entries` is Qt-free and takes either an open Session or a Database, so the
person page (visits branch) can merge these entries with visits and contacts. One entry
per registration event (inscription, liste d'attente, promotion, désistement), one per
séance with recorded attendance, and one per yearly membership.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Adhesion, AtelierAction, AtelierInscription, AtelierPresence, AtelierSeance
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutInscription
from desktop_app.ateliers import labels
from desktop_app.formatting import amount_fr
from desktop_app.labels import label

KIND = "atelier"


@dataclass(frozen=True)
class TimelineEntry:
    date: dt.date
    kind: str
    title: str
    detail: str


def timeline_entries(session_or_db: Session | Database, person_id: int) -> list[TimelineEntry]:
    """Every atelier event of one person, oldest first."""
    if isinstance(session_or_db, Database):
        with session_or_db.read() as s:
            return _entries(s, person_id)
    return _entries(session_or_db, person_id)


def _entries(s: Session, person_id: int) -> list[TimelineEntry]:
    out: list[TimelineEntry] = []
    for reg, titre in s.execute(
        select(AtelierInscription, AtelierAction.titre)
        .join(AtelierAction, AtelierAction.id == AtelierInscription.action_id)
        .where(AtelierInscription.person_id == person_id)
    ):
        waited = reg.promu_le is not None or reg.statut == StatutInscription.EN_ATTENTE
        first = "Liste d'attente" if waited else "Inscription"
        out.append(TimelineEntry(reg.inscrit_le, KIND, f"{first} — {titre}", ""))
        if reg.promu_le is not None:
            out.append(TimelineEntry(reg.promu_le.date(), KIND, f"Place obtenue — {titre}",
                                     "Inscrit(e) depuis la liste d'attente"))
        if reg.statut == StatutInscription.DESISTE and reg.desiste_le is not None:
            out.append(TimelineEntry(reg.desiste_le, KIND, f"Désistement — {titre}", reg.motif_desistement or ""))
    for debut, fin, titre, statut, hors in s.execute(
        select(AtelierSeance.debut, AtelierSeance.fin, AtelierAction.titre, AtelierPresence.statut,
               AtelierPresence.hors_inscription)
        .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
        .join(AtelierAction, AtelierAction.id == AtelierSeance.action_id)
        .where(AtelierPresence.person_id == person_id, AtelierSeance.statut != StatutSeance.ANNULEE)
    ):
        detail = label(labels.PRESENCE, statut) + (" (venu(e) sans inscription)" if hors else "")
        out.append(TimelineEntry(debut.date(), KIND, f"Séance — {titre}",
                                 f"{detail}, {debut:%H:%M}–{fin:%H:%M}"))
    for annee, montant, quand in s.execute(
        select(Adhesion.annee, Adhesion.montant, Adhesion.date_adhesion).where(Adhesion.person_id == person_id)
    ):
        out.append(TimelineEntry(quand, KIND, f"Adhésion {annee}", amount_fr(montant)))
    out.sort(key=lambda e: e.date)
    return out


class AtelierTimeline:
    """Provider of the person timeline (desktop_app.timeline) for the ateliers."""

    kind = KIND

    @property
    def permission(self):  # type: ignore[no-untyped-def]
        from desktop_app.security.permissions import Perm

        return Perm.ATELIERS_READ

    def entries(self, session: Session, actor: object, person_id: int) -> list:  # type: ignore[type-arg]
        from desktop_app.timeline import TimelineEntry as PersonTimelineEntry

        return [
            PersonTimelineEntry(kind=e.kind, date=e.date, title=e.title, detail=e.detail)
            for e in _entries(session, person_id)
        ]
