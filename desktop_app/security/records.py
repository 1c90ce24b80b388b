"""Plain data exchanged by the login, account and audit services."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.actor import Actor
from desktop_app.errors import DomainError


class LoginRefused(DomainError):
    """Wrong user name or password, or a deactivated account."""

    message_fr = "Identifiant ou mot de passe incorrect."


class AccountLocked(LoginRefused):
    """Too many failures: the account waits ``wait_seconds`` before the next try."""

    def __init__(self, message_fr: str, wait_seconds: int) -> None:
        super().__init__(message_fr)
        self.wait_seconds = wait_seconds


@dataclass(frozen=True)
class LoginResult:
    actor: Actor
    must_change_password: bool


@dataclass
class AccountInput:
    """What the account form sends."""

    username: str = ""
    display_name: str = ""
    role: str = ""
    person_id: int | None = None


@dataclass(frozen=True)
class AccountRow:
    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    has_password: bool
    must_change_password: bool
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    person_id: int | None
    person_name: str | None
    assigned_count: int

    @property
    def status_label(self) -> str:
        if not self.active:
            return "Désactivé"
        if self.locked_until is not None:
            return "Bloqué (trop d'essais)"
        if not self.has_password:
            return "Sans mot de passe"
        if self.must_change_password:
            return "Mot de passe à changer"
        return "Actif"


@dataclass(frozen=True)
class NewPassword:
    """A temporary password, shown once to the administrator, to hand over in person."""

    account: AccountRow
    temporary_password: str
