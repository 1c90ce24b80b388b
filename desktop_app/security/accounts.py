"""Account management (administrator): create accounts, change their role, deactivate
them, reset a password (a temporary one, to be changed at the next login), and — for a
coordinator — choose the people each bénévole account may see."""

from __future__ import annotations

from argon2 import PasswordHasher
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.engine import Database
from db.enums import Role
from db.models import BenevoleAssignment, Person, User
from desktop_app import labels
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, Refused, ValidationError, collect
from desktop_app.security import audit, passwords
from desktop_app.security.auth import clean_username
from desktop_app.security.permissions import MATRIX, Perm, require
from desktop_app.security.records import AccountInput, AccountRow, NewPassword
from desktop_app.validation import clean_text

_MANAGERS = [str(role) for role, perms in MATRIX.items() if Perm.ACCOUNTS in perms]
LAST_MANAGER = (
    "Il doit rester au moins un compte actif capable de gérer les comptes "
    "(administrateur ou coordinateur)."
)


def _name(person: Person) -> str:
    return f"{person.nom.upper()} {person.prenom}".strip()


class AccountService:
    def __init__(self, db: Database, hasher: PasswordHasher | None = None) -> None:
        self.db = db
        self.hasher = hasher or passwords.hasher()

    # ----- reading -------------------------------------------------------------------
    def list_accounts(self, actor: Actor, include_inactive: bool = True) -> list[AccountRow]:
        require(actor, Perm.ACCOUNTS)
        with self.db.read() as s:
            stmt = select(User).order_by(User.active.desc(), User.display_name)
            if not include_inactive:
                stmt = stmt.where(User.active.is_(True))
            return [self._row(s, u) for u in s.scalars(stmt)]

    def get(self, actor: Actor, user_id: int) -> AccountRow:
        require(actor, Perm.ACCOUNTS)
        with self.db.read() as s:
            return self._row(s, self._load(s, user_id))

    def linkable_people(self, actor: Actor) -> list[tuple[int, str]]:
        """The bénévoles of the people file, to link a bénévole's account to their entry."""
        require(actor, Perm.ACCOUNTS)
        with self.db.read() as s:
            rows = s.scalars(select(Person).where(Person.est_benevole.is_(True)).order_by(Person.sort_key))
            return [(p.id, _name(p)) for p in rows]

    # ----- writing -------------------------------------------------------------------
    def create(self, actor: Actor, data: AccountInput) -> NewPassword:
        require(actor, Perm.ACCOUNTS)
        errors: dict[str, str] = {}
        name, display, role = "", "", ""
        try:
            name = clean_username(data.username)
        except ValidationError as exc:
            errors.update(exc.errors)
        try:
            display, role = self._clean(data)
        except ValidationError as exc:
            errors.update(exc.errors)
        temporary = passwords.temporary_password()
        with self.db.uow() as s:
            if name and s.scalar(select(User.id).where(User.username == name)) is not None:
                errors["username"] = f"L'identifiant « {name} » est déjà pris."
            if errors:  # every wrong field at once
                raise ValidationError(errors)
            self._check_person(s, data.person_id)
            user = User(username=name, display_name=display, role=role, active=True, person_id=data.person_id,
                        password_hash=self.hasher.hash(temporary), must_change_password=True)
            s.add(user)
            s.flush()
            audit.record(s, actor, "creation", "user", user.id,
                         fields=["username", "display_name", "role", "person_id", "password_hash"])
            return NewPassword(self._row(s, user), temporary)

    def update(self, actor: Actor, user_id: int, data: AccountInput) -> AccountRow:
        """Change the displayed name, the role or the linked person (not the identifier:
        the journal refers to it)."""
        require(actor, Perm.ACCOUNTS)
        display, role = self._clean(data)
        with self.db.uow() as s:
            user = self._load(s, user_id)
            self._check_person(s, data.person_id)
            if role not in _MANAGERS and user.role in _MANAGERS:
                self._keep_a_manager(s, user)
            changed = [k for k, v in (("display_name", display), ("role", role), ("person_id", data.person_id))
                       if getattr(user, k) != v]
            user.display_name, user.role, user.person_id = display, role, data.person_id
            if role != str(Role.BENEVOLE):  # assignments only mean something for a bénévole
                for link in s.scalars(select(BenevoleAssignment).where(BenevoleAssignment.user_id == user.id)):
                    s.delete(link)
            if changed:
                audit.record(s, actor, "modification", "user", user.id, fields=changed)
            s.flush()
            return self._row(s, user)

    def set_active(self, actor: Actor, user_id: int, active: bool) -> AccountRow:
        require(actor, Perm.ACCOUNTS)
        with self.db.uow() as s:
            user = self._load(s, user_id)
            if user.active == active:
                return self._row(s, user)
            if not active:
                if user.id == actor.user_id:
                    raise Refused("Vous ne pouvez pas désactiver votre propre compte.")
                self._keep_a_manager(s, user)
            user.active = active
            audit.record(s, actor, "reactivation" if active else "desactivation", "user", user.id, fields=["active"])
            return self._row(s, user)

    def reset_password(self, actor: Actor, user_id: int) -> NewPassword:
        """A new temporary password (shown once); the person must change it at next login.
        It also lifts a lockout."""
        require(actor, Perm.ACCOUNTS)
        temporary = passwords.temporary_password()
        with self.db.uow() as s:
            user = self._load(s, user_id)
            user.password_hash = self.hasher.hash(temporary)
            user.must_change_password = True
            user.failed_attempts = 0
            user.locked_until = None
            audit.record(s, actor, "reinitialisation_mot_de_passe", "user", user.id, fields=["password_hash"])
            return NewPassword(self._row(s, user), temporary)

    # ----- bénévole assignments ------------------------------------------------------
    def assigned(self, actor: Actor, user_id: int) -> list[tuple[int, str]]:
        require(actor, Perm.BENEVOLES_ASSIGN)
        with self.db.read() as s:
            rows = s.scalars(
                select(Person).join(BenevoleAssignment, BenevoleAssignment.person_id == Person.id)
                .where(BenevoleAssignment.user_id == user_id).order_by(Person.sort_key)
            )
            return [(p.id, _name(p)) for p in rows]

    def assign(self, actor: Actor, user_id: int, person_id: int) -> None:
        require(actor, Perm.BENEVOLES_ASSIGN)
        with self.db.uow() as s:
            user = self._load(s, user_id)
            if user.role != str(Role.BENEVOLE):
                raise ValidationError.single("role", "Seul un compte bénévole reçoit des personnes à visiter.")
            if s.get(Person, person_id) is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            exists = s.scalar(select(BenevoleAssignment.id).where(
                BenevoleAssignment.user_id == user_id, BenevoleAssignment.person_id == person_id))
            if exists is None:
                s.add(BenevoleAssignment(user_id=user_id, person_id=person_id))
                s.flush()
                audit.record(s, actor, "attribution_benevole", "person", person_id, person_id=person_id,
                             detail=f"confiée à {user.username}")

    def unassign(self, actor: Actor, user_id: int, person_id: int) -> None:
        require(actor, Perm.BENEVOLES_ASSIGN)
        with self.db.uow() as s:
            user = self._load(s, user_id)
            link = s.scalar(select(BenevoleAssignment).where(
                BenevoleAssignment.user_id == user_id, BenevoleAssignment.person_id == person_id))
            if link is not None:
                s.delete(link)
                audit.record(s, actor, "retrait_benevole", "person", person_id, person_id=person_id,
                             detail=f"n'est plus confiée à {user.username}")

    # ----- helpers -------------------------------------------------------------------
    @staticmethod
    def _clean(data: AccountInput) -> tuple[str, str]:
        display = clean_text(data.display_name)
        valid_role = data.role in {str(r) for r in Role}
        collect([
            ("display_name", None if display and len(display) <= 120 else "Saisissez le nom affiché (120 caractères au plus)."),
            ("role", None if valid_role else "Choisissez un rôle."),
        ])
        return display or "", str(Role(data.role))

    @staticmethod
    def _check_person(s: Session, person_id: int | None) -> None:
        if person_id is not None and s.get(Person, person_id) is None:
            raise ValidationError.single("person_id", "Cette personne n'existe pas ou plus dans le fichier.")

    @staticmethod
    def _load(s: Session, user_id: int) -> User:
        user = s.get(User, user_id)
        if user is None:
            raise NotFound("Ce compte n'existe pas.")
        return user

    @staticmethod
    def _keep_a_manager(s: Session, leaving: User) -> None:
        others = s.scalar(select(func.count(User.id)).where(
            User.id != leaving.id, User.active.is_(True), User.role.in_(_MANAGERS),
            User.password_hash.is_not(None)))
        if not others:
            raise Refused(LAST_MANAGER)

    @staticmethod
    def _row(s: Session, user: User) -> AccountRow:
        person = s.get(Person, user.person_id) if user.person_id else None
        assigned = s.scalar(select(func.count(BenevoleAssignment.id)).where(BenevoleAssignment.user_id == user.id))
        locked = user.locked_until if user.locked_until and user.locked_until > utcnow() else None
        return AccountRow(
            id=user.id, username=user.username, display_name=user.display_name, role=user.role,
            role_label=labels.ROLE.get(Role(user.role), user.role), active=user.active,
            has_password=user.password_hash is not None, must_change_password=user.must_change_password,
            locked_until=locked, last_login_at=user.last_login_at,
            person_id=user.person_id, person_name=_name(person) if person else None,
            assigned_count=assigned or 0,
        )
