"""Display names shared by the visit views: people as « NOM Prénom », intervenants as the
account's name or « NOM Prénom (bénévole) »."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Person, User, VisitIntervenant
from desktop_app.visits.records import IntervenantChoice, IntervenantRef


def person_name(nom: str, prenom: str) -> str:
    return f"{nom.upper()} {prenom}".strip()


def intervenant_labels(s: Session, visit_ids: Sequence[int]) -> dict[int, tuple[IntervenantChoice, ...]]:
    """visit id → its intervenants in order, in one query for any number of visits."""
    if not visit_ids:
        return {}
    rows = s.execute(
        select(VisitIntervenant.visit_id, VisitIntervenant.user_id, VisitIntervenant.person_id,
               User.display_name, Person.nom, Person.prenom)
        .outerjoin(User, User.id == VisitIntervenant.user_id)
        .outerjoin(Person, Person.id == VisitIntervenant.person_id)
        .where(VisitIntervenant.visit_id.in_(list(visit_ids)))
        .order_by(VisitIntervenant.visit_id, VisitIntervenant.position)
    ).all()
    out: dict[int, list[IntervenantChoice]] = {}
    for r in rows:
        if r.user_id is not None:
            choice = IntervenantChoice(IntervenantRef(user_id=r.user_id), r.display_name or "")
        else:
            label = f"{person_name(r.nom or '', r.prenom or '')} (bénévole)"
            choice = IntervenantChoice(IntervenantRef(person_id=r.person_id), label)
        out.setdefault(r.visit_id, []).append(choice)
    return {k: tuple(v) for k, v in out.items()}
