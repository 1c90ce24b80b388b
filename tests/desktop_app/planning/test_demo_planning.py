"""The demo database holds absences and recurring calls, and the planning shows them, with
the servicing booked on a bus day listed as a conflict."""

from __future__ import annotations

import datetime as dt

from db.engine import sqlite_url
from desktop_app.app import Escale
from desktop_app.demo import write_demo_database
from desktop_app.demo.traits import REFERENCE_DATE
from desktop_app.planning.records import ConflictKind, Source


def test_demo_planning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "demo.sqlite"
    summary = write_demo_database(path, people=300, seed=1)
    line = next(x for x in summary.splitlines() if x.startswith("Planning : "))
    assert "absences ou indisponibilités" in line and "contacts réguliers" in line
    app = Escale.open(sqlite_url(path))
    try:
        actor = app.local_actor()
        view = app.planning.view(actor, REFERENCE_DATE - dt.timedelta(days=30), REFERENCE_DATE + dt.timedelta(days=60))
        sources = {i.source for i in view.items}
        assert {Source.RECURRING, Source.ABSENCE, Source.SEANCE, Source.PASSAGE, Source.PLANNED} <= sources
        assert any(c.kind == ConflictKind.VEHICLE and "indisponible" in c.message for c in view.conflicts)
    finally:
        app.close()
