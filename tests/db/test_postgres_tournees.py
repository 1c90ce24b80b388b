"""The tournées on PostgreSQL through the URL alone: migration, demo year (conventions,
plan, registrations, routes stored), yearly figures and the commune statement."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from desktop_app.app import Escale

PG_URL = os.environ.get("ESCALE_TEST_PG_URL")
pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ESCALE_TEST_PG_URL not set (no PostgreSQL server)"),
]



def test_a_year_of_tournees_on_postgresql(pg_app: Escale) -> None:
    from desktop_app.demo.generator import DemoGenerator
    from desktop_app.demo.tournees import populate_tournees
    from desktop_app.demo.writer import write_people

    actor = pg_app.local_actor()
    with pg_app.db.uow() as session:
        write_people(session, DemoGenerator(300, 1))
    populate_tournees(pg_app.db, 1, dt.date(2026, 11, 22))
    t = pg_app.tournees
    passages = t.passages.for_year(actor, 2026)
    assert len(passages) == 55 and all(p.route_km for p in passages)
    figures = t.figures.year(actor, 2026)
    assert figures.communes_servies == 15 and figures.presents < figures.inscrits
    assert figures.nouvelles_personnes == figures.personnes_uniques > 50
    village = next(c for c in t.conventions.for_year(actor, 2026) if c.commune_nom == "Saint-Jean-de-Fos")
    statement = t.figures.commune_statement(actor, village.id)
    assert len(statement.lines) == 12 and "90,00 €" in statement.tarif_detail
    route = t.pickups.load(actor, passages[0].id)
    assert route is not None and route.plan.outbound.rotations
