"""Which visits an actor may see (docs/roles.md): the roles with the people file see every
visit; a bénévole sees only the visits of the people assigned to them, and among those
only their own — the ones they logged or took part in (as an account or as the bénévole
entry of the file linked to their account)."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from db.models import Visit, VisitIntervenant
from desktop_app.actor import Actor
from desktop_app.errors import PermissionDenied
from desktop_app.security import scope

S = TypeVar("S", bound=Select)  # type: ignore[type-arg]

NOT_OWN = "Cette visite a été faite par quelqu'un d'autre : elle n'est pas accessible avec votre compte."


def own_visit_clause(actor: Actor) -> ColumnElement[bool] | None:
    """Visits the actor logged or took part in; None when the actor sees every visit."""
    if not scope.own_only(actor):
        return None
    took_part = scope.own_clause(actor, VisitIntervenant.user_id, VisitIntervenant.person_id)
    assert took_part is not None
    return or_(Visit.created_by == actor.user_id,
               exists().where(VisitIntervenant.visit_id == Visit.id, took_part))


def restrict_visits(stmt: S, actor: Actor) -> S:
    """``stmt`` (selecting from ``visit``) limited to the visits the actor may see."""
    stmt = scope.restrict_people(stmt, actor, Visit.person_id)
    clause = own_visit_clause(actor)
    return stmt if clause is None else stmt.where(clause)


def check_visit(session: Session, actor: Actor, visit: Visit) -> None:
    """PermissionDenied unless the actor may see this visit."""
    scope.check_person(session, actor, visit.person_id)
    clause = own_visit_clause(actor)
    if clause is not None and not session.scalar(select(exists().where(Visit.id == visit.id, clause))):
        raise PermissionDenied(NOT_OWN)
