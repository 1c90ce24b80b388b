"""Need-to-know access by role (CNIL référentiel 2021-028), checked in the services so the
UI, the CLI and every export obey the same rules."""

from __future__ import annotations

from enum import StrEnum

from db.enums import Role
from desktop_app.actor import Actor
from desktop_app.errors import PermissionDenied


class Perm(StrEnum):
    PEOPLE_READ = "people.read"  # identity, address, phones
    PEOPLE_READ_SENSITIVE = "people.read_sensitive"  # GIR, health, fragility (art. 9)
    PEOPLE_WRITE = "people.write"
    PEOPLE_ARCHIVE = "people.archive"
    VISITS_READ = "visits.read"
    VISITS_WRITE = "visits.write"
    CONFIDENTIAL_READ = "visits.confidential"
    ATELIERS_READ = "ateliers.read"
    ATELIERS_WRITE = "ateliers.write"
    TOURNEES_READ = "tournees.read"
    TOURNEES_WRITE = "tournees.write"
    PARTNERS_READ = "partners.read"
    PARTNERS_WRITE = "partners.write"
    FUNDING_READ = "funding.read"
    FUNDING_WRITE = "funding.write"
    BILANS = "bilans"
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    AUDIT_READ = "audit.read"
    EXPORT_PERSONAL = "export.personal"


_ALL = frozenset(Perm)

MATRIX: dict[Role, frozenset[Perm]] = {
    Role.COORDINATEUR: _ALL - {Perm.ACCOUNTS},
    Role.ADMINISTRATEUR: frozenset({Perm.ACCOUNTS, Perm.SETTINGS, Perm.AUDIT_READ}),
    Role.INTERVENANT: frozenset({
        Perm.PEOPLE_READ, Perm.PEOPLE_READ_SENSITIVE, Perm.PEOPLE_WRITE,
        Perm.VISITS_READ, Perm.VISITS_WRITE, Perm.CONFIDENTIAL_READ,
        Perm.ATELIERS_READ, Perm.ATELIERS_WRITE, Perm.PARTNERS_READ, Perm.TOURNEES_READ,
    }),
    Role.ANIMATEUR: frozenset({
        Perm.PEOPLE_READ, Perm.ATELIERS_READ, Perm.ATELIERS_WRITE,
        Perm.TOURNEES_READ, Perm.PARTNERS_READ,
    }),
    Role.BENEVOLE: frozenset({Perm.PEOPLE_READ, Perm.VISITS_READ, Perm.VISITS_WRITE}),
    Role.CHAUFFEUR: frozenset({Perm.TOURNEES_READ}),
}


def can(actor: Actor, perm: Perm) -> bool:
    return perm in MATRIX.get(actor.role, frozenset())


def require(actor: Actor, perm: Perm) -> None:
    if not can(actor, perm):
        raise PermissionDenied()
