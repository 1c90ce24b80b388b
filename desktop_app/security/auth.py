"""Logging in: the first administrator, login with growing delays after failures, the
session unlock, and changing one's own password.

After ``FREE_ATTEMPTS`` consecutive failures the account waits 30 s, then 1 min, 2 min,
4 min… up to ``MAX_DELAY`` before each new try (CNIL 2022-100 « temporisation »). Every
success and failure is in the audit journal. The clock is injected so tests control time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.engine import Database
from db.enums import Role
from db.models import User
from desktop_app.actor import Actor
from desktop_app.errors import DomainError, Refused, ValidationError, collect
from desktop_app.security import audit, passwords
from desktop_app.security.records import AccountLocked, LoginRefused, LoginResult
from desktop_app.validation import clean_text

FREE_ATTEMPTS = 5
FIRST_DELAY = dt.timedelta(seconds=30)
MAX_DELAY = dt.timedelta(minutes=30)
_ANONYMOUS = Actor(user_id=None, username="", display_name="", role=Role.ADMINISTRATEUR)
_USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


def lock_delay(failures: int) -> dt.timedelta:
    """The wait imposed after ``failures`` consecutive failures (zero before the 5th)."""
    if failures < FREE_ATTEMPTS:
        return dt.timedelta(0)
    return min(FIRST_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


def format_wait(seconds: int) -> str:
    """« 30 secondes », « 1 minute », « 2 minutes » (rounded up to the minute past 60 s)."""
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


def clean_username(raw: str | None) -> str:
    name = (raw or "").strip().lower()
    if not name:
        raise ValidationError.single("username", "Saisissez un identifiant.")
    if not 3 <= len(name) <= 60 or not set(name) <= _USERNAME_CHARS:
        raise ValidationError.single(
            "username",
            "L'identifiant compte de 3 à 60 caractères : lettres sans accent, chiffres, point, tiret ou souligné.",
        )
    return name


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, Role(user.role), person_id=user.person_id)


class AuthService:
    def __init__(
        self,
        db: Database,
        clock: Callable[[], dt.datetime] = utcnow,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        self.hasher = hasher or passwords.hasher()

    # ----- first start ---------------------------------------------------------------
    def needs_first_admin(self) -> bool:
        """True while no account can log in (a new database, or one from before accounts)."""
        with self.db.read() as s:
            return s.scalar(select(User.id).where(User.password_hash.is_not(None)).limit(1)) is None

    def create_first_admin(self, username: str, display_name: str, password: str, confirm: str) -> Actor:
        name = clean_username(username)
        display = clean_text(display_name)
        collect([
            ("display_name", None if display else "Saisissez le nom affiché (prénom et nom)."),
            ("password", passwords.problem(password, name, display or "")),
            ("confirm", None if password == confirm else "Les deux saisies du mot de passe ne correspondent pas."),
        ])
        with self.db.uow() as s:
            if s.scalar(select(User.id).where(User.password_hash.is_not(None)).limit(1)) is not None:
                raise Refused("Un compte existe déjà : connectez-vous avec votre identifiant.")
            user = s.scalar(select(User).where(User.username == name))
            if user is None:
                user = User(username=name)
                s.add(user)
            user.display_name = display or name
            user.role = str(Role.ADMINISTRATEUR)
            user.active = True
            user.password_hash = self.hasher.hash(password)
            user.must_change_password = False
            s.flush()
            actor = actor_of(user)
            audit.record(s, actor, "creation", "user", user.id, fields=["username", "display_name", "role"],
                         detail="premier administrateur")
            return actor

    # ----- login, unlock -------------------------------------------------------------
    def login(self, username: str, password: str) -> LoginResult:
        name = (username or "").strip().lower()
        collect([
            ("username", None if name else "Saisissez votre identifiant."),
            ("password", None if password else "Saisissez votre mot de passe."),
        ])
        error: DomainError | None = None
        result: LoginResult | None = None
        with self.db.uow() as s:
            user = s.scalar(select(User).where(User.username == name))
            if user is None:
                self._verify(self._dummy_hash(), password)  # same time as a real check
                audit.record(s, _ANONYMOUS, "echec_connexion", "user", detail=f"identifiant inconnu « {name[:60]} »")
                error = LoginRefused()
            else:
                error = self._attempt(s, user, password, "connexion", "echec_connexion")
                if error is None:
                    result = LoginResult(actor_of(user), user.must_change_password)
        if error is not None or result is None:
            raise error or LoginRefused()
        return result

    def unlock(self, actor: Actor, password: str) -> None:
        """Unlock a locked session: the same password check, delays and journal as a login."""
        if not password:
            raise ValidationError.single("password", "Saisissez votre mot de passe.")
        with self.db.uow() as s:
            user = s.get(User, actor.user_id)
            if user is None:
                raise LoginRefused("Ce compte n'existe plus.")
            error = self._attempt(s, user, password, "deverrouillage", "echec_deverrouillage")
        if error is not None:
            raise error

    def logout(self, actor: Actor) -> None:
        with self.db.uow() as s:
            audit.record(s, actor, "deconnexion", "user", actor.user_id)

    def change_password(self, actor: Actor, current: str, new: str, confirm: str) -> None:
        with self.db.uow() as s:
            user = s.get(User, actor.user_id)
            if user is None:
                raise LoginRefused("Ce compte n'existe plus.")
            collect([
                ("current", None if self._verify(user.password_hash, current) else "Le mot de passe actuel est incorrect."),
                ("new", "Le nouveau mot de passe doit être différent de l'actuel." if new and new == current
                 else passwords.problem(new, user.username, user.display_name)),
                ("confirm", None if new == confirm else "Les deux saisies du nouveau mot de passe ne correspondent pas."),
            ])
            user.password_hash = self.hasher.hash(new)
            user.must_change_password = False
            audit.record(s, actor, "changement_mot_de_passe", "user", user.id, fields=["password_hash"])

    # ----- helpers -------------------------------------------------------------------
    def _attempt(self, s: Session, user: User, password: str, ok_action: str, ko_action: str) -> DomainError | None:
        """Check one try against the account; update its counters and the journal. Returns
        the error to raise once the unit of work is committed, or None on success."""
        now = self.clock()
        actor = actor_of(user)
        if user.locked_until is not None and now < user.locked_until:
            wait = math.ceil((user.locked_until - now).total_seconds())
            audit.record(s, actor, ko_action, "user", user.id, detail="compte en attente après plusieurs échecs")
            return AccountLocked(
                f"Trop d'essais infructueux ({user.failed_attempts}) : réessayez dans {format_wait(wait)}.", wait
            )
        if not self._verify(user.password_hash, password):
            user.failed_attempts += 1
            delay = lock_delay(user.failed_attempts)
            user.locked_until = now + delay if delay else None
            audit.record(s, actor, ko_action, "user", user.id,
                         detail=f"mot de passe incorrect ({user.failed_attempts} échec(s) consécutif(s))")
            if delay:
                wait = int(delay.total_seconds())
                return AccountLocked(
                    f"Mot de passe incorrect. Après {user.failed_attempts} essais infructueux, le compte "
                    f"est bloqué : réessayez dans {format_wait(wait)}.", wait,
                )
            return LoginRefused()
        if not user.active:
            audit.record(s, actor, ko_action, "user", user.id, detail="compte désactivé")
            return LoginRefused("Ce compte est désactivé : adressez-vous à l'administrateur d'Escale.")
        user.failed_attempts = 0
        user.locked_until = None
        if ok_action == "connexion":
            user.last_login_at = now
        if self.hasher.check_needs_rehash(user.password_hash or ""):
            user.password_hash = self.hasher.hash(password)
        audit.record(s, actor, ok_action, "user", user.id)
        return None

    def _verify(self, password_hash: str | None, password: str) -> bool:
        if not password_hash or not password:
            return False
        try:
            return self.hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    @cache  # noqa: B019  (one hash per service, kept for its lifetime on purpose)
    def _dummy_hash(self) -> str:
        return self.hasher.hash("escale-compte-inconnu")
