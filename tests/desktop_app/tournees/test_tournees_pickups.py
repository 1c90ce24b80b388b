"""A passage end to end through the services: ticks, computed and stored route, hand
reordering with warnings, PDF export logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AuditEntry, PassageStop
from desktop_app.errors import Refused, ValidationError
from desktop_app.tournees.model import RouteInfeasible, StopKind
from desktop_app.tournees.records import PassageInput


def test_ticked_people_get_a_stored_route_with_pickup_times(app, actor, setup) -> None:
    t = app.tournees
    riders = {setup.people[n] for n in ("Durand", "Martin", "Bernard", "Petit", "Roux", "Fabre", "Blanc")}
    t.passages.set_pickups(actor, setup.passage_id, riders)
    route = t.pickups.compute(actor, setup.passage_id)
    plan = route.plan
    # 7 riders, 5 seats: two rotations, every rider once, nobody left
    assert len(plan.outbound.rotations) == 2
    assert sorted(k for r in plan.outbound.rotations for k in r.passenger_keys) == sorted(riders)
    assert plan.outbound.rotations[0].stops[0].kind == StopKind.BASE_DEPARTURE
    assert plan.outbound.arrival == 14 * 3600 - 15 * 60  # the last group at 13 h 45, before the start
    assert plan.inbound.rotations[-1].stops[-1].kind == StopKind.BASE_ARRIVAL
    people = {p.person_id: p for p in t.passages.participants(actor, setup.passage_id)}
    assert all(people[k].heure_prise_en_charge is not None for k in riders)
    assert all(people[k].heure_prise_en_charge < dt.time(13, 45) for k in riders)
    view = t.passages.get(actor, setup.passage_id)
    assert view.route_km and view.route_km > 20  # Clermont → Octon and back at least
    with app.db.read() as s:
        stored = s.scalars(select(PassageStop).where(PassageStop.passage_id == setup.passage_id)).all()
        logged = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "passage")).all()
    assert sum(1 for r in stored if r.genre == "prise_en_charge") == 7
    assert "planification_transport" in logged


def test_changing_the_ticks_clears_the_stored_route(app, actor, setup) -> None:
    t = app.tournees
    t.passages.set_pickups(actor, setup.passage_id, {setup.people["Durand"], setup.people["Martin"]})
    t.pickups.compute(actor, setup.passage_id)
    t.passages.set_pickups(actor, setup.passage_id, {setup.people["Durand"]})
    assert t.pickups.load(actor, setup.passage_id) is None
    assert t.passages.get(actor, setup.passage_id).route_km is None


def test_hand_reordering_recomputes_times_and_warns(app, actor, setup) -> None:
    t = app.tournees
    riders = [setup.people[n] for n in ("Durand", "Martin", "Bernard", "Petit", "Roux", "Fabre")]
    t.passages.set_pickups(actor, setup.passage_id, set(riders))
    t.pickups.compute(actor, setup.passage_id)
    # everyone in one rotation: 6 for 5 seats
    route = t.pickups.reorder(actor, setup.passage_id, [riders], [list(reversed(riders))])
    messages = [p.message for p in route.plan.problems]
    assert any("6 passagers pour 5 places" in m and "API Bus" in m for m in messages)
    assert route.passage.route_avertissements  # stored for the screen and the PDF
    assert [k for k in route.plan.outbound.rotations[0].passenger_keys] == riders
    with pytest.raises(RouteInfeasible) as err:
        t.pickups.reorder(actor, setup.passage_id, [riders, riders[:1]], [riders])
    assert "figure deux fois" in err.value.message_fr


def test_a_person_without_coordinates_is_named(app, actor, setup, person_factory) -> None:
    t = app.tournees
    lost = person_factory("Lointain", "Émile", "m")
    t.passages.register(actor, setup.passage_id, lost, needs_pickup=True)
    with pytest.raises(RouteInfeasible) as err:
        t.pickups.compute(actor, setup.passage_id)
    assert "M. LOINTAIN Émile n'a pas de coordonnées de domicile" in err.value.message_fr


def test_registration_is_capped_at_twelve(app, actor, setup, person_factory) -> None:
    t = app.tournees
    for i in range(5):
        t.passages.register(actor, setup.passage_id, person_factory(f"Extra{i}"))
    with pytest.raises(Refused) as err:
        t.passages.register(actor, setup.passage_id, person_factory("Treizieme"))
    assert "12 inscrits" in err.value.message_fr


def test_one_passage_per_vehicle_and_day(app, actor, setup) -> None:
    with pytest.raises(ValidationError) as err:
        app.tournees.passages.create(actor, PassageInput("34292", "12/03/2026", "09:30", "11:30",
                                                         vehicle_id=setup.vehicle_id))
    assert "déjà à Octon" in err.value.errors["vehicle_id"]


def test_passage_takes_the_convention_venue(app, actor, setup) -> None:
    view = app.tournees.passages.get(actor, setup.passage_id)
    assert view.lieu_nom == "Salle des fêtes d'Octon" and view.lieu_lat == pytest.approx(43.6543)


def test_feuille_de_route_export_is_logged(app, actor, setup, tmp_path) -> None:
    t = app.tournees
    t.passages.set_pickups(actor, setup.passage_id, {setup.people["Durand"]})
    t.pickups.compute(actor, setup.passage_id)
    path = t.pickups.export_feuille_de_route(actor, setup.passage_id, tmp_path / "fdr.pdf")
    assert path.exists()
    with app.db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(AuditEntry.action == "export")) == "feuille de route fdr.pdf"


def test_a_passage_typed_by_hand_joins_the_commune_convention(app, actor, setup) -> None:
    view = app.tournees.passages.create(actor, PassageInput("34186", "09/04/2026", "14:00", "16:30", type="decouverte"))
    assert view.convention_id == setup.convention_id and view.lieu_nom == "Salle des fêtes d'Octon"
    other_year = app.tournees.passages.create(actor, PassageInput("34186", "09/04/2027", "14:00", "16:30"))
    assert other_year.convention_id is None and other_year.lieu_nom is None
