"""The visits' entries of a person's timeline: one entry per visit, with who, the factual
summary, orientations and the next contact due; the confidential note only for roles
allowed to read it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Partner, Visit, VisitConfidential, VisitOrientation
from desktop_app.actor import Actor
from desktop_app.formatting import date_fr
from desktop_app.labels import MODE_CONTACT, OBJET_CONTACT, label
from desktop_app.security.permissions import Perm, can
from desktop_app.timeline import TimelineEntry
from desktop_app.visits.names import intervenant_labels
from desktop_app.visits.scoping import restrict_visits


def duration_fr(minutes: int) -> str:
    """45 → « 45 min », 90 → « 1 h 30 », 120 → « 2 h »."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


class VisitTimeline:
    kind = "visite"
    permission = Perm.VISITS_READ

    def entries(self, session: Session, actor: Actor, person_id: int) -> list[TimelineEntry]:
        visits = session.execute(
            restrict_visits(select(Visit.id, Visit.date, Visit.heure, Visit.duree_minutes, Visit.mode,
                                   Visit.objet, Visit.resume, Visit.prochain_contact), actor)
            .where(Visit.person_id == person_id)
            .order_by(Visit.date.desc(), Visit.id.desc())
        ).all()
        ids = [v.id for v in visits]
        who = intervenant_labels(session, ids)
        orientations: dict[int, list[str]] = {}
        for o in session.execute(
            select(VisitOrientation.visit_id, Partner.nom, VisitOrientation.motif)
            .join(Partner, Partner.id == VisitOrientation.partner_id)
            .where(VisitOrientation.visit_id.in_(ids))
        ):
            orientations.setdefault(o.visit_id, []).append(f"{o.nom} ({o.motif})" if o.motif else o.nom)
        notes: dict[int, str] = {}
        if ids and can(actor, Perm.CONFIDENTIAL_READ):
            notes = dict(session.execute(
                select(VisitConfidential.visit_id, VisitConfidential.note)
                .where(VisitConfidential.visit_id.in_(ids))
            ).all())
        out = []
        for v in visits:
            lines = []
            if v.resume:
                lines.append(v.resume)
            names = ", ".join(c.label for c in who.get(v.id, ()))
            lines.append(f"Durée : {duration_fr(v.duree_minutes)}" + (f" — avec {names}" if names else ""))
            if v.id in orientations:
                lines.append("Orientation : " + " ; ".join(orientations[v.id]))
            if v.prochain_contact:
                lines.append(f"Prochain contact prévu le {date_fr(v.prochain_contact)}")
            out.append(TimelineEntry(
                kind=self.kind, date=v.date, time=v.heure, ref_id=v.id,
                title=f"{label(MODE_CONTACT, v.mode)} — {label(OBJET_CONTACT, v.objet)}",
                detail="\n".join(lines), confidential=notes.get(v.id),
            ))
        return out
