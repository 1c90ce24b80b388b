"""Revision 0009: a database at 0007 with passages, registered people, presences and a
stored route is upgraded; every passage becomes a séance of its convention's « API Bus »
action, presences become séance attendance, pick-up rows and stops survive the SQLite
rebuild of the passage table."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Boolean, Column, Integer, MetaData, Table, create_engine, text

from db.engine import Database, sqlite_url
from db.migrate import alembic_config, upgrade

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")


def _blank(column: Column) -> object:  # type: ignore[type-arg]
    if isinstance(column.type, Boolean):
        return False
    if isinstance(column.type, Integer):
        return 0
    return "x"


def _build_at_0007(db: Database) -> None:
    with db.engine.begin() as conn:
        cfg = alembic_config(db.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007_funding_links")
    with db.engine.begin() as conn:
        person = Table("person", MetaData(), autoload_with=conn)
        for pid, nom in ((1, "Durand"), (2, "Martin"), (3, "Bernard")):
            values = {c.name: _blank(c) for c in person.columns if not c.nullable and c.server_default is None}
            values.update(id=pid, nom=nom, prenom="Test", sort_key=nom, statut="actif", version_id=1)
            conn.execute(person.insert().values(**values))
        conn.execute(text(
            "INSERT INTO commune_convention (id, annee, commune_insee, commune_nom, passages_commandes, decouverte, "
            "lieu_nom, prioritaire, paye, version_id) VALUES (1, 2026, '34186', 'Octon', 4, false, 'Salle des fêtes', "
            "true, false, 1)"))
        for pid, day, statut in ((1, "2026-03-12", "realise"), (2, "2026-06-11", "annule"), (3, "2026-09-10", "prevu")):
            conn.execute(text(
                "INSERT INTO passage (id, convention_id, commune_insee, commune_nom, date, heure_debut, heure_fin, type, "
                "statut, lieu_nom, seance_id, version_id) VALUES (:id, 1, '34186', 'Octon', :d, '14:00:00', '16:30:00', "
                "'serie', :s, 'Salle des fêtes', 999, 1)"), {"id": pid, "d": day, "s": statut})
        rows = [(1, 1, True, True), (1, 2, False, False), (1, 3, None, True), (3, 1, None, True)]
        for passage, person, present, ride in rows:
            conn.execute(text(
                "INSERT INTO passage_participant (passage_id, person_id, besoin_transport, heure_prise_en_charge, "
                "present) VALUES (:p, :q, :r, :h, :pr)"),
                {"p": passage, "q": person, "r": ride, "h": "13:20:00" if ride else None, "pr": present})
        conn.execute(text(
            "INSERT INTO passage_stop (passage_id, sens, rotation, ordre, genre, person_id, libelle, heure_prevue, lat, "
            "lon, distance_m, duree_s) VALUES (1, 'aller', 1, 0, 'prise_en_charge', 1, 'Durand', '13:20:00', 43.6, "
            "3.3, 1000, 120)"))


def _check_upgraded(db: Database) -> None:
    with db.engine.connect() as conn:
        def q(sql: str) -> list[tuple]:  # type: ignore[type-arg]
            return [tuple(r) for r in conn.execute(text(sql)).all()]

        [(action_id, titre, capacite)] = q("SELECT id, titre, capacite FROM atelier_action")
        assert titre == "API Bus — Octon 2026" and capacite == 12
        assert q("SELECT action_id FROM commune_convention") == [(action_id,)]
        seances = q("SELECT p.id, s.action_id, s.debut, s.statut FROM passage p JOIN atelier_seance s "
                    "ON s.id = p.seance_id ORDER BY p.id")
        assert [(p, a, str(d)[:16], st) for p, a, d, st in seances] == [
            (1, action_id, "2026-03-12 14:00", "realisee"), (2, action_id, "2026-06-11 14:00", "annulee"),
            (3, action_id, "2026-09-10 14:00", "prevue")]
        assert q("SELECT person_id, statut, inscrit_le FROM atelier_inscription ORDER BY person_id") == [
            (1, "inscrit", q("SELECT inscrit_le FROM atelier_inscription WHERE person_id = 1")[0][0]),
            (2, "inscrit", q("SELECT inscrit_le FROM atelier_inscription WHERE person_id = 2")[0][0]),
            (3, "inscrit", q("SELECT inscrit_le FROM atelier_inscription WHERE person_id = 3")[0][0])]
        assert str(q("SELECT inscrit_le FROM atelier_inscription WHERE person_id = 1")[0][0]) == "2026-03-12"
        assert q("SELECT ap.person_id, ap.statut FROM atelier_presence ap JOIN passage p ON p.seance_id = ap.seance_id "
                 "WHERE p.id = 1 ORDER BY ap.person_id") == [(1, "present"), (2, "absent")]
        # the bus's own rows survived the rebuild of the passage table
        pp = q("SELECT passage_id, person_id, besoin_transport FROM passage_participant ORDER BY passage_id, person_id")
        assert [(a, b, bool(c)) for a, b, c in pp] == [(1, 1, True), (1, 2, False), (1, 3, True), (3, 1, True)]
        assert q("SELECT count(*) FROM passage_stop") == [(1,)]
        cols = {r[1] for r in q("PRAGMA table_info(passage_participant)")} if db.is_sqlite else set()
        assert "present" not in cols


def test_0007_database_with_passages_upgrades(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "old.sqlite"))
    _build_at_0007(db)
    upgrade(db)
    _check_upgraded(db)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # switched back on
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)")
def test_0007_database_with_passages_upgrades_on_postgresql() -> None:
    assert PG_URL
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    db = Database(PG_URL)
    _build_at_0007(db)
    upgrade(db)
    _check_upgraded(db)
