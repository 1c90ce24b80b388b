"""Opening Escale on a database: resolve where it is, upgrade its schema, and hand out the
services. The UI and the CLI both start here."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from db.engine import Database, sqlite_url
from db.enums import Role
from db.migrate import upgrade
from db.models import User
from desktop_app import paths
from desktop_app.actor import Actor
from desktop_app.ateliers.service import AteliersService
from desktop_app.people.service import PeopleService
from desktop_app.settings import SettingsService

log = logging.getLogger(__name__)

LOCAL_COORDINATOR = "coordinateur"


def resolve_database_url(db_path: str | Path | None = None, demo: bool = False) -> str:
    """``--db PATH`` first, then ESCALE_DATABASE_URL, then the file in the user data dir."""
    if db_path:
        text = str(db_path)
        return text if "://" in text else sqlite_url(text)
    env = os.environ.get("ESCALE_DATABASE_URL")
    if env:
        return env
    return sqlite_url(paths.demo_database_path() if demo else paths.default_database_path())


@dataclass
class Escale:
    """One open database and its services."""

    db: Database
    people: PeopleService
    settings: SettingsService
    ateliers: AteliersService

    @classmethod
    def open(cls, url: str) -> Escale:
        db = Database(url)
        upgrade(db)
        return cls(
            db=db, people=PeopleService(db), settings=SettingsService(db),
            ateliers=AteliersService(db),
        )

    def local_actor(self) -> Actor:
        """The fixed local coordinator account used until personal logins exist."""
        with self.db.uow() as s:
            user = s.scalar(select(User).where(User.username == LOCAL_COORDINATOR))
            if user is None:
                user = User(username=LOCAL_COORDINATOR, display_name="Coordinateur", role=str(Role.COORDINATEUR))
                s.add(user)
                s.flush()
            return Actor(user.id, user.username, user.display_name, Role(user.role))

    def close(self) -> None:
        self.db.dispose()
