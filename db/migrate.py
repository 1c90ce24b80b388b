"""Schema upgrades at start: back the file up, upgrade to head in a transaction, and refuse
a database written by a newer Escale."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.engine import Database, sqlite_path

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class DatabaseTooNew(Exception):
    """The file was written by a newer version of Escale."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_sqlite_file(path: Path, label: str) -> Path:
    """Consistent copy of a live SQLite file (online backup API) next to it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def upgrade(db: Database) -> Path | None:
    """Bring the schema to head. Returns the backup made before migrating, if any."""
    script = ScriptDirectory.from_config(alembic_config(db.url))
    current = current_revision(db.engine)
    head = script.get_current_head()
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseTooNew(current) from exc
    backup = None
    path = sqlite_path(db.url)
    if current is not None and path is not None and path.exists():
        backup = backup_sqlite_file(path, f"avant-migration-{current[:8]}")
        log.info("Backup before migration: %s", backup)
    with db.engine.begin() as conn:
        cfg = alembic_config(db.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    log.info("Database upgraded from %s to %s", current, head)
    return backup
