"""Schema upgrades at start: back the file up, upgrade to head in a transaction, and refuse
a database written by a newer Escale."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from db.backup import copy_database
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


def head_revisions() -> tuple[str, ...]:
    return tuple(ScriptDirectory.from_config(alembic_config("sqlite://")).get_heads())


def is_known_revision(revision: str) -> bool:
    """True when this code knows the revision (a file from a newer Escale is not)."""
    try:
        return ScriptDirectory.from_config(alembic_config("sqlite://")).get_revision(revision) is not None
    except Exception:
        return False


def current_revisions(engine: Engine) -> tuple[str, ...]:
    with engine.connect() as conn:
        return tuple(MigrationContext.configure(conn).get_current_heads())


def backup_sqlite_file(db: Database, label: str) -> Path:
    """Consistent, verified copy of a live SQLite file next to it (online backup API; an
    encrypted file gives an encrypted copy with the same key)."""
    path = db.path
    assert path is not None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    return copy_database(db, target).path


def upgrade(db: Database) -> Path | None:
    """Bring the schema to head. Returns the backup made before migrating, if any."""
    script = ScriptDirectory.from_config(alembic_config(db.url))
    current = current_revisions(db.engine)
    heads = tuple(script.get_heads())
    if set(current) == set(heads):
        return None
    for rev in current:
        try:
            script.get_revision(rev)
        except Exception as exc:
            raise DatabaseTooNew(rev) from exc
    backup = None
    path = sqlite_path(db.url)
    if current and path is not None and path.exists():
        backup = backup_sqlite_file(db, f"avant-migration-{current[0][:12]}")
        log.info("Backup before migration: %s", backup)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # a batch rebuild of a parent table must not cascade into its children
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg = alembic_config(db.url)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "heads")
                if db.is_sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"Migration refusée : références cassées {broken[:5]}")
        finally:
            if db.is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    log.info("Database upgraded from %s to %s", current, heads)
    return backup
