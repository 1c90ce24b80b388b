"""The bilan figures on PostgreSQL: the same hand-worked fixture gives the same JSON as on
SQLite (ESCALE_TEST_PG_URL; CI starts a server)."""

from __future__ import annotations

import json

from bilan_fixture import build

from desktop_app.bilans import json_out
from desktop_app.bilans.service import BilanService, period_of


def test_fixture_figures_on_postgres(pg_app, app) -> None:  # type: ignore[no-untyped-def]
    out = []
    for escale in (pg_app, app):
        build(escale)
        actor = escale.local_actor()
        service = BilanService(escale.db, escale.settings, escale.tournees.figures)
        for scope in (None, "Carsat Sud"):
            out.append(json.loads(json_out.dumps(service.compute(actor, period_of(2025), service.scope(actor, scope)))))
    pg, sqlite = out[:2], out[2:]
    for a, b in zip(pg, sqlite, strict=True):
        a["perimetre"].pop("cle"), b["perimetre"].pop("cle")  # partner ids may differ
        assert a == b
    assert pg[0]["sections"][0]["chiffres"][0]["valeur"] == 12
