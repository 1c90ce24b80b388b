"""The tournées demo: deterministic, realistic, every passage with a computed route."""

from __future__ import annotations

import datetime as dt

from desktop_app.demo.generator import DemoGenerator
from desktop_app.demo.tournees import CENTRES, populate_tournees
from desktop_app.demo.writer import write_people
from desktop_app.tournees.travel import Point, haversine_km


def test_demo_year_of_tournees(app, actor) -> None:
    with app.db.uow() as session:
        write_people(session, DemoGenerator(300, 1))
    summary = populate_tournees(app.db, 1, dt.date(2026, 11, 22))
    assert "15 communes conventionnées" in summary
    t = app.tournees
    passages = t.passages.for_year(actor, 2026)
    assert len(passages) == 55 and all(p.route_km for p in passages)
    assert sum(p.type == "decouverte" for p in passages) == 3
    assert {p.statut for p in passages if p.date < dt.date(2026, 11, 22)} == {"realise"}
    figures = t.figures.year(actor, 2026)
    assert figures.communes_servies == 15 and 60 < figures.personnes_uniques < 300
    # every passage is a séance of its convention's « API Bus » action
    assert all(p.seance_id and p.action_id for p in passages)
    assert len({p.action_id for p in passages}) == 15
    assert figures.presents < figures.inscrits  # some absences recorded
    # homes stay around their commune centre (hamlets up to ~4 km)
    village = next(p for p in passages if p.commune_nom == "Saint-Jean-de-Fos")
    centre = Point(*CENTRES["34267"][:2])
    for person in t.passages.participants(actor, village.id):
        assert person.commune_nom == "Saint-Jean-de-Fos"
        assert haversine_km(centre, Point(person.latitude, person.longitude)) < 4.5
