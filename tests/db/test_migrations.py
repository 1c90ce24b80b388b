"""Schema migrations: an empty database and a committed v1 database reach head; a newer
database is refused; the file is backed up before upgrading."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from db.engine import Database, sqlite_url
from db.migrate import DatabaseTooNew, current_revisions, head_revisions, upgrade

RESOURCES = Path(__file__).parent.parent / "resources" / "db"


def test_empty_database_reaches_head(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "new.sqlite"))
    assert upgrade(db) is None  # nothing to back up on a new file
    assert set(current_revisions(db.engine)) == set(head_revisions())
    tables = set(inspect(db.engine).get_table_names())
    assert {"person", "aidant_link", "app_user", "audit_entry", "app_setting"} <= tables


def test_committed_v1_database_upgrades_and_keeps_people(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(RESOURCES / "v1.sqlite", path)
    db = Database(sqlite_url(path))
    upgrade(db)
    assert set(current_revisions(db.engine)) == set(head_revisions())
    with db.engine.connect() as conn:
        names = conn.execute(text("SELECT prenom FROM person ORDER BY prenom")).scalars().all()
        links = conn.execute(text("SELECT relation FROM aidant_link")).scalars().all()
    assert names == ["Hélène", "Jean"]
    assert links == ["conjoint"]


def test_backup_is_made_before_an_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v1.sqlite"
    shutil.copy(RESOURCES / "v1.sqlite", path)
    db = Database(sqlite_url(path))
    if set(current_revisions(db.engine)) == set(head_revisions()):
        pytest.skip("the committed v1 file is already at head")
    backup = upgrade(db)
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM person").fetchone()[0] == 2


def test_database_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "future.sqlite"))
    upgrade(db)
    with db.engine.begin() as conn:
        # one head only: with several branches merged there is one row per head
        conn.execute(text("UPDATE alembic_version SET version_num = 'ffff_from_the_future' "
                          "WHERE version_num = (SELECT min(version_num) FROM alembic_version)"))
    with pytest.raises(DatabaseTooNew):
        upgrade(db)


def test_sqlite_connections_enforce_foreign_keys_and_wal(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "p.sqlite"))
    upgrade(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
