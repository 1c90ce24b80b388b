"""Which records and which fields an actor may see — the single place every service asks.

:mod:`desktop_app.security.permissions` says whether a role may use a feature at all; this
module narrows it to records and fields:

- **people** — a bénévole sees only the people assigned to them (``benevole_assignment``);
  the roles with access to the people file see everyone. Use :func:`restrict_people` on any
  query that lists people (directly or through a join), :func:`check_person` before
  returning one person's data, :func:`visible_ids` to filter ids from elsewhere.
- **own records** — a bénévole sees only the visits they made, a driver only the passages
  they drive: :func:`restrict_own` on a query, given the column holding the author's user id
  (and/or the column holding their person id).
- **fields** — :func:`person_fields` lists the person columns a role may read (no GIR,
  health or caisse without ``PEOPLE_READ_SENSITIVE``; names, phones and mobility only for
  an animateur; plus the address for a driver's feuille de route); :func:`redact` blanks
  the others in a dict.

See docs/roles.md for how the visits, ateliers and tournées services call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.orm import Session

from db.enums import Role
from db.models import BenevoleAssignment
from desktop_app.actor import Actor
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import INPUT_FIELDS, SENSITIVE_FIELDS
from desktop_app.security.permissions import Perm, can

S = TypeVar("S", bound=Select)  # type: ignore[type-arg]

NOT_ASSIGNED = "Cette personne ne vous est pas confiée : sa fiche n'est pas accessible avec votre compte."

# Roles that see every person they have a permission on; the others see none, except
# those listed in _ASSIGNED_ONLY who see their assigned people.
_ALL_PEOPLE = frozenset({Role.COORDINATEUR, Role.INTERVENANT, Role.ANIMATEUR})
_ASSIGNED_ONLY = frozenset({Role.BENEVOLE})
# Roles that see only the records they authored or are in charge of (visits, passages).
_OWN_ONLY = frozenset({Role.BENEVOLE, Role.CHAUFFEUR})

_NAME_FIELDS = frozenset({"civilite", "nom", "prenom"})
_PHONE_FIELDS = frozenset({"telephone", "telephone2"})
_ADDRESS_FIELDS = frozenset({"adresse", "complement_adresse", "code_postal", "commune_insee", "commune_nom"})
_ALL_FIELDS = frozenset(INPUT_FIELDS) | {"commune_nom"}


def sees_all_people(actor: Actor) -> bool:
    return actor.is_system or actor.role in _ALL_PEOPLE


def assigned_ids_query(actor: Actor) -> Select:  # type: ignore[type-arg]
    return select(BenevoleAssignment.person_id).where(BenevoleAssignment.user_id == actor.user_id)


def people_clause(actor: Actor, person_id_col: Any) -> ColumnElement[bool] | None:
    """The SQL condition on ``person_id_col`` limiting rows to the people the actor may
    see, or None when the actor sees everyone."""
    if sees_all_people(actor):
        return None
    if actor.role in _ASSIGNED_ONLY:
        return person_id_col.in_(assigned_ids_query(actor))
    return false()


def restrict_people(stmt: S, actor: Actor, person_id_col: Any) -> S:
    """``stmt`` limited to the people the actor may see."""
    clause = people_clause(actor, person_id_col)
    return stmt if clause is None else stmt.where(clause)


def visible_ids(session: Session, actor: Actor, ids: Iterable[int]) -> list[int]:
    """The given ids the actor may see, in the same order."""
    ids = list(ids)
    if sees_all_people(actor) or not ids:
        return ids
    if actor.role not in _ASSIGNED_ONLY:
        return []
    allowed = set(session.scalars(assigned_ids_query(actor).where(BenevoleAssignment.person_id.in_(ids))))
    return [i for i in ids if i in allowed]


def check_person(session: Session, actor: Actor, person_id: int) -> None:
    """Raise PermissionDenied unless the actor may see this person."""
    if not visible_ids(session, actor, [person_id]):
        raise PermissionDenied(NOT_ASSIGNED)


def own_only(actor: Actor) -> bool:
    """True when the actor sees only their own visits / passages."""
    return not actor.is_system and actor.role in _OWN_ONLY


def own_clause(actor: Actor, user_id_col: Any = None, person_id_col: Any = None) -> ColumnElement[bool] | None:
    """The SQL condition keeping only the actor's own records: ``user_id_col`` is the column
    holding the author / driver account, ``person_id_col`` the one holding their entry in
    the people file (a bénévole recorded as the visitor). None when not restricted."""
    if not own_only(actor):
        return None
    clauses = []
    if user_id_col is not None:
        clauses.append(user_id_col == actor.user_id)
    if person_id_col is not None and actor.person_id is not None:
        clauses.append(person_id_col == actor.person_id)
    return or_(*clauses) if clauses else false()


def restrict_own(stmt: S, actor: Actor, user_id_col: Any = None, person_id_col: Any = None) -> S:
    clause = own_clause(actor, user_id_col, person_id_col)
    return stmt if clause is None else stmt.where(clause)


def person_fields(actor: Actor) -> frozenset[str]:
    """The person fields (PersonInput names, plus ``commune_nom``) the actor may read."""
    if can(actor, Perm.PEOPLE_READ):
        if can(actor, Perm.PEOPLE_READ_SENSITIVE):
            return _ALL_FIELDS
        return _ALL_FIELDS - SENSITIVE_FIELDS
    fields: set[str] = set()
    if can(actor, Perm.PEOPLE_PICK) or can(actor, Perm.ATELIERS_READ) or can(actor, Perm.TOURNEES_READ):
        fields |= _NAME_FIELDS | _PHONE_FIELDS | {"mobilite", "commune_nom"}
    if can(actor, Perm.ROUTE_SHEETS):
        fields |= _NAME_FIELDS | _PHONE_FIELDS | _ADDRESS_FIELDS | {"mobilite"}
    return frozenset(fields)


def redact(actor: Actor, values: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``values`` where every person field the actor may not read is None."""
    allowed = person_fields(actor)
    return {k: (v if k in allowed or k not in _ALL_FIELDS else None) for k, v in values.items()}
