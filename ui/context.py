"""What every page receives: the open database and its services, the acting user, the
background operations, and the window's navigation and notification hooks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.people.service import PeopleService
from desktop_app.people.stats import PeopleStats
from ui.ops import Ops


def _nowhere(key: str, **params: Any) -> None:
    """Navigation before a window is attached (a page shown on its own in a test)."""


def _silent(text: str) -> None:
    """Notification before a window is attached."""


@dataclass
class Context:
    escale: Escale
    actor: Actor
    ops: Ops
    stats: PeopleStats
    navigate: Callable[..., None] = field(default=_nowhere)
    notify: Callable[[str], None] = field(default=_silent)

    @classmethod
    def create(cls, escale: Escale, actor: Actor, ops: Ops) -> Context:
        return cls(escale=escale, actor=actor, ops=ops, stats=PeopleStats(escale.db))

    @property
    def people(self) -> PeopleService:
        return self.escale.people
