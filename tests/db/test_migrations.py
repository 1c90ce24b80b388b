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


def _row(conn, table: str, **values) -> None:  # type: ignore[no-untyped-def]
    """Insert with every other NOT NULL column given a neutral value (schema of that revision)."""
    import datetime as dt

    from sqlalchemy import Boolean, Date, DateTime, Integer, MetaData, Numeric, Table

    t = Table(table, MetaData(), autoload_with=conn)
    for col in t.columns:
        if col.name in values or col.nullable or col.server_default is not None or col.primary_key:
            continue
        kind = col.type
        values[col.name] = (False if isinstance(kind, Boolean) else dt.datetime(2026, 1, 1) if isinstance(kind, DateTime) else dt.date(2026, 1, 1)
                            if isinstance(kind, Date) else 0 if isinstance(kind, Integer | Numeric) else "")
    conn.execute(t.insert().values(**values))


def _insert_linked_action(conn) -> None:  # type: ignore[no-untyped-def]
    """A financeur with a funding line, a lieu partner, and an action using both, with a séance,
    a registration and its link in action_funding, written at revision 0007."""
    _row(conn, "person", id=1, nom="Martin", prenom="Hélène", statut="actif")
    _row(conn, "partner", id=1, nom="Carsat", type="caisse_retraite")
    _row(conn, "partner", id=2, nom="Mairie", type="commune")
    _row(conn, "funding_line", id=7, financeur_id=1, annee=2026, montant=12000, action="Mémoire", statut="accorde")
    theme = conn.execute(text("SELECT id FROM atelier_theme ORDER BY id LIMIT 1")).scalar()
    _row(conn, "atelier_action", id=1, titre="Atelier mémoire", theme_id=theme, axe_cfppa=6, lieu="Salle",
         lieu_partner_id=2, financeur="Carsat", funding_line_id=7, statut="ouvert")
    _row(conn, "atelier_action", id=2, titre="Orphelin", theme_id=theme, axe_cfppa=6, lieu_partner_id=99)
    _row(conn, "action_funding", action_id=1, funding_line_id=7)
    import datetime as dt

    _row(conn, "atelier_seance", id=1, action_id=1, debut=dt.datetime(2026, 1, 5, 14), fin=dt.datetime(2026, 1, 5, 16))
    _row(conn, "atelier_inscription", action_id=1, person_id=1, statut="inscrit")


def test_upgrade_from_0007_keeps_the_action_funding_and_its_rows(tmp_path: Path) -> None:
    from alembic import command

    from db.migrate import alembic_config

    path = tmp_path / "at0007.sqlite"
    db = Database(sqlite_url(path))
    with db.engine.begin() as conn:
        cfg = alembic_config(db.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_funding_links")
    with db.engine.begin() as conn:
        _insert_linked_action(conn)
    assert upgrade(db) is not None
    assert set(current_revisions(db.engine)) == set(head_revisions())
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT action_id, funding_line_id FROM action_funding")).all() == [(1, 7)]
        assert conn.execute(text("SELECT count(*) FROM atelier_seance")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM atelier_inscription")).scalar() == 1
        assert conn.execute(text("SELECT id, financeur, lieu_partner_id FROM atelier_action ORDER BY id")).all() == [
            (1, "Carsat", 2), (2, None, None)]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    columns = {c["name"] for c in inspect(db.engine).get_columns("atelier_action")}
    assert "funding_line_id" not in columns and "financeur" in columns
    fks = inspect(db.engine).get_foreign_keys("atelier_action")
    assert any(fk["referred_table"] == "partner" and fk["constrained_columns"] == ["lieu_partner_id"] for fk in fks)


def test_models_match_the_migrations(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import db.models
    from db.base import Base

    db = Database(sqlite_url(tmp_path / "head.sqlite"))
    upgrade(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    assert [d for d in diff if "atelier_action" in repr(d)] == []


def test_upgrade_from_0007_on_postgresql() -> None:
    import os

    from alembic import command
    from sqlalchemy import create_engine

    from db.migrate import alembic_config

    url = os.environ.get("ESCALE_TEST_PG_URL")
    if not url:
        pytest.skip("ESCALE_TEST_PG_URL not set (no PostgreSQL server)")
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    with engine.begin() as conn:
        cfg = alembic_config(url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_funding_links")
    with engine.begin() as conn:
        _insert_linked_action(conn)
    engine.dispose()
    db = Database(url)
    upgrade(db)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT action_id, funding_line_id FROM action_funding")).all() == [(1, 7)]
        assert conn.execute(text("SELECT id, lieu_partner_id FROM atelier_action ORDER BY id")).all() == [(1, 2), (2, None)]
    assert "funding_line_id" not in {c["name"] for c in inspect(db.engine).get_columns("atelier_action")}
    db.dispose()
