"""Need-to-know access by role (CNIL référentiel 2021-028), checked in the services so the
UI, the CLI and every export obey the same rules.

Two questions, two places:
- *may this role do X at all?* — :func:`require` / :func:`can` with a :class:`Perm`, here;
- *on which records?* — :mod:`desktop_app.security.scope` (a bénévole sees only the people
  assigned to them, a driver only their own passages, and which fields of a person a role
  may read).

The matrix, in words (docs/roles.md has the full table):
- administrateur: accounts, settings and the audit journal; no social data;
- coordinateur: everything;
- intervenant social: people (including GIR and health), visits with confidential notes,
  ateliers, partners; reads tournées;
- animateur: ateliers and tournées lists (names, phones, mobility), picking people to
  register them; no GIR, health, notes or visits;
- bénévole: the people assigned to them (identity, phones, address) and their own visits;
  no GIR, health or confidential notes;
- chauffeur: the feuilles de route of their own passages.
"""

from __future__ import annotations

from enum import StrEnum

from db.enums import Role
from desktop_app.actor import Actor
from desktop_app.errors import PermissionDenied


class Perm(StrEnum):
    PEOPLE_READ = "people.read"  # open the people file: list, fiche (identity, address, phones)
    PEOPLE_PICK = "people.pick"  # find a person by name to register them somewhere
    PEOPLE_READ_SENSITIVE = "people.read_sensitive"  # GIR, health, fragility, caisse (art. 9)
    PEOPLE_WRITE = "people.write"
    PEOPLE_ARCHIVE = "people.archive"
    BENEVOLES_ASSIGN = "people.assign"  # choose the people a bénévole account may see
    VISITS_READ = "visits.read"
    VISITS_WRITE = "visits.write"
    CONFIDENTIAL_READ = "visits.confidential"
    ATELIERS_READ = "ateliers.read"
    ATELIERS_WRITE = "ateliers.write"
    TOURNEES_READ = "tournees.read"  # yearly plan, passages, registration lists
    TOURNEES_WRITE = "tournees.write"
    ROUTE_SHEETS = "tournees.route_sheets"  # feuilles de route (pick-up addresses)
    TRAJETS = "tournees.trajets"  # the driver's « Trajets » page (the coordinator has Tournées)
    PARTNERS_READ = "partners.read"
    PARTNERS_WRITE = "partners.write"
    FUNDING_READ = "funding.read"
    FUNDING_WRITE = "funding.write"
    BILANS = "bilans"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    AUDIT_READ = "audit.read"
    EXPORT_PERSONAL = "export.personal"
    PLANNING_READ = "planning.read"  # the calendar (each kind still needs its own read perm)
    PLANNING_WRITE = "planning.write"  # absences, recurring contacts, moving items


_ALL = frozenset(Perm)

MATRIX: dict[Role, frozenset[Perm]] = {
    Role.COORDINATEUR: _ALL - {Perm.TRAJETS},
    Role.ADMINISTRATEUR: frozenset({Perm.ACCOUNTS, Perm.SETTINGS, Perm.AUDIT_READ}),
    Role.INTERVENANT: frozenset({
        Perm.PEOPLE_READ, Perm.PEOPLE_PICK, Perm.PEOPLE_READ_SENSITIVE, Perm.PEOPLE_WRITE,
        Perm.VISITS_READ, Perm.VISITS_WRITE, Perm.CONFIDENTIAL_READ,
        Perm.ATELIERS_READ, Perm.ATELIERS_WRITE, Perm.PARTNERS_READ, Perm.TOURNEES_READ,
        Perm.PLANNING_READ, Perm.PLANNING_WRITE,
    }),
    Role.ANIMATEUR: frozenset({
        Perm.PEOPLE_PICK, Perm.ATELIERS_READ, Perm.ATELIERS_WRITE,
        Perm.TOURNEES_READ, Perm.PARTNERS_READ, Perm.PLANNING_READ, Perm.PLANNING_WRITE,
    }),
    Role.BENEVOLE: frozenset({Perm.PEOPLE_READ, Perm.PEOPLE_PICK, Perm.VISITS_READ, Perm.VISITS_WRITE,
                              Perm.PLANNING_READ}),
    Role.CHAUFFEUR: frozenset({Perm.ROUTE_SHEETS, Perm.TRAJETS}),
}


def can(actor: Actor, perm: Perm) -> bool:
    return perm in MATRIX.get(actor.role, frozenset())


def require(actor: Actor, perm: Perm) -> None:
    if not can(actor, perm):
        raise PermissionDenied()
