"""The acting user, passed explicitly to every service so permissions and the audit trail
live in one place."""

from __future__ import annotations

from dataclasses import dataclass

from db.enums import Role


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    display_name: str
    role: Role
    person_id: int | None = None  # a bénévole's or driver's own entry in the people file

    @property
    def is_system(self) -> bool:
        return self.user_id is None


SYSTEM = Actor(user_id=None, username="systeme", display_name="Escale (système)", role=Role.COORDINATEUR)
