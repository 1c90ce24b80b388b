"""Route rules of the solver, on the pure model: capacity, PMR places, rotations, arrival
before the start, ride time, who is left out, and every infeasible case named in French."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from desktop_app.tournees import routing
from desktop_app.tournees.model import (
    Passenger,
    RouteInfeasible,
    RouteRequest,
    StopKind,
    VehicleSpec,
)
from desktop_app.tournees.schedule import Layout
from desktop_app.tournees.travel import Point, TravelModel, haversine_km

BASE = Point(43.6275, 3.4317)  # Clermont-l'Hérault
VENUE = Point(43.6543, 3.3056)  # Octon
BUS = VehicleSpec("API Bus", seats=5, pmr_places=1, base=BASE)


def people(n: int, seed: int = 1, mobility: str | None = "autonome") -> tuple[Passenger, ...]:
    rnd = random.Random(seed)
    return tuple(Passenger(i + 1, f"Personne {i + 1}", Point(VENUE.lat + rnd.uniform(-0.03, 0.03),
                                                             VENUE.lon + rnd.uniform(-0.04, 0.04)), mobility)
                 for i in range(n))


def request(passengers: tuple[Passenger, ...], **kw) -> RouteRequest:  # type: ignore[no-untyped-def]
    return RouteRequest("Salle des fêtes", VENUE, kw.pop("vehicle", BUS), passengers, 14 * 3600, 16 * 3600 + 1800, **kw)


def test_haversine_distance_is_right() -> None:
    # Clermont-l'Hérault → Octon is about 10.6 km as the crow flies
    assert haversine_km(BASE, VENUE) == pytest.approx(10.6, abs=0.3)
    assert TravelModel(50, 1.3).seconds(BASE, VENUE) == pytest.approx(10.6 * 1.3 / 50 * 3600, rel=0.03)


def test_everyone_fits_in_one_rotation_and_arrives_before_the_start() -> None:
    plan = routing.plan_route(request(people(4)))
    assert len(plan.outbound.rotations) == 1
    assert plan.outbound.arrival == 14 * 3600 - 15 * 60
    assert all(s.time <= 13 * 3600 + 45 * 60 for r in plan.outbound.rotations for s in r.stops)
    assert plan.ok and not plan.not_fetched


def test_more_riders_than_seats_makes_rotations_within_capacity() -> None:
    plan = routing.plan_route(request(people(12)))
    assert len(plan.outbound.rotations) == 3
    assert all(len(r.passenger_keys) <= 5 for r in plan.outbound.rotations)
    assert sorted(k for r in plan.outbound.rotations for k in r.passenger_keys) == list(range(1, 13))
    # later rotations leave from the venue, the first from the base
    assert plan.outbound.rotations[1].stops[0].kind == StopKind.VENUE_DEPARTURE
    assert all(len(r.passenger_keys) <= 5 for r in plan.inbound.rotations)
    assert sorted(plan.inbound.rides) == list(range(1, 13))


def test_one_wheelchair_per_rotation_when_one_pmr_place() -> None:
    riders = people(4)
    riders = tuple(replace(p, mobility="fauteuil") if p.key in (1, 2) else p for p in riders)
    plan = routing.plan_route(request(riders))
    for trip in (plan.outbound, plan.inbound):
        for rot in trip.rotations:
            assert sum(1 for k in rot.passenger_keys if k in (1, 2)) <= 1
    assert len(plan.outbound.rotations) == 2


def test_wheelchair_without_pmr_place_is_refused_by_name() -> None:
    riders = (Passenger(1, "Mme BERNARD Louise", VENUE, "fauteuil"),)
    with pytest.raises(RouteInfeasible) as err:
        routing.plan_route(request(riders, vehicle=replace(BUS, pmr_places=0)))
    assert "Mme BERNARD Louise se déplace en fauteuil roulant mais « API Bus » n'a aucune place PMR" in err.value.message_fr


@pytest.mark.parametrize(("change", "expected"), [
    ({"vehicle": None}, "Aucun véhicule n'est affecté à ce passage"),
    ({"vehicle": replace(BUS, base=None)}, "La base du véhicule « API Bus » n'a pas de coordonnées"),
    ({"venue": None}, "Le lieu « Salle des fêtes » n'a pas de coordonnées"),
    ({"earliest_departure": 13 * 3600 + 40 * 60}, "Même sans aucun arrêt, aller de la base"),
    ({"earliest_departure": 14 * 3600}, "ne laisse pas le temps d'arriver à 13 h 45"),
])
def test_infeasible_inputs_say_what_to_fix(change: dict, expected: str) -> None:  # type: ignore[type-arg]
    req = replace(request(people(2)), **change)
    with pytest.raises(RouteInfeasible) as err:
        routing.plan_route(req)
    assert expected in err.value.message_fr


def test_person_without_coordinates_is_named() -> None:
    riders = (*people(2), Passenger(9, "M. PETIT André", None, "canne"))
    with pytest.raises(RouteInfeasible) as err:
        routing.plan_route(request(riders))
    assert "M. PETIT André n'a pas de coordonnées de domicile" in err.value.message_fr
    assert [p.passenger_key for p in err.value.problems] == [9]


def test_when_time_is_short_the_most_mobile_are_left_out_first() -> None:
    # eight neighbours of one hamlet: time for a single rotation of five
    hamlet = Point(43.6700, 3.2900)
    mob = ["autonome", "canne", "deambulateur", "fauteuil", "autonome", "canne", "deambulateur", None]
    riders = tuple(Passenger(i + 1, f"Personne {i + 1}", Point(hamlet.lat + i * 1e-4, hamlet.lon), m)
                   for i, m in enumerate(mob))
    model = TravelModel(BUS.speed_kmh, BUS.detour)
    one_trip = model.seconds(BASE, hamlet) + model.seconds(hamlet, VENUE) + 20 * 60
    req = request(riders, earliest_departure=14 * 3600 - 15 * 60 - one_trip - 5 * 60)
    plan = routing.plan_route(req)
    assert len(plan.outbound.rotations) == 1
    kept = {riders[k - 1].mobility for k in plan.outbound.rotations[0].passenger_keys}
    assert kept == {"fauteuil", "deambulateur", "canne"}
    assert [p.rank for p in plan.not_fetched] == [0, 0, 0]  # the autonomous (or unknown) ones
    assert "ne peut pas aller chercher" in plan.notes[0] and "propres moyens" in plan.notes[0]
    assert plan.outbound.departure >= req.departure_floor


def test_ride_time_limit_splits_rotations_or_reports_by_name() -> None:
    riders = people(5, seed=2)
    loose = routing.plan_route(request(riders))
    longest = max(loose.outbound.rides.values())
    strict = routing.plan_route(request(riders, max_ride=longest - 60))
    assert all(v <= longest - 60 for v in strict.outbound.rides.values()) or any(
        p.code == "duree" and "resterait" in p.message for p in strict.problems)
    impossible = routing.plan_route(request(riders, max_ride=60))
    assert any(p.code == "duree" and "Personne" in p.message for p in impossible.problems)


def test_retime_keeps_the_order_and_lists_broken_rules() -> None:
    riders = (*people(5), Passenger(6, "Mme BERNARD Louise", VENUE, "fauteuil"), Passenger(7, "M. ROLLAND Yves", VENUE, "fauteuil"))
    plan = routing.retime(request(riders), [[1, 2, 3, 4, 5, 6, 7]], [[7, 6, 5, 4, 3, 2, 1]])
    assert plan.outbound.orders == [[1, 2, 3, 4, 5, 6, 7]]
    messages = " | ".join(p.message for p in plan.problems)
    assert "7 passagers pour 5 places" in messages
    assert "2 personnes en fauteuil (Mme BERNARD Louise, M. ROLLAND Yves) pour 1 place PMR" in messages
    missing = routing.retime(request(riders), [[1, 2, 3, 4, 5], [6], [7]], [[1, 2, 3], [6], [7]])
    assert any("Personne 4 n'est dans aucune rotation" in p.message for p in missing.problems)


def _exact_best(req: RouteRequest) -> int:
    layout = Layout(req)
    matrix = routing.build_matrix(req)
    keys = [p.key for p in req.passengers]
    best = None
    for perm in itertools.permutations(keys):
        for cuts in itertools.product([0, 1], repeat=len(keys) - 1):
            groups, cur = [], [perm[0]]
            for k, cut in zip(perm[1:], cuts, strict=True):
                if cut:
                    groups.append(cur)
                    cur = []
                cur.append(k)
            groups.append(cur)
            if any(len(g) > req.vehicle.seats for g in groups):  # type: ignore[union-attr]
                continue
            total, here = 0, 0
            for g in groups:
                for k in g:
                    total += matrix.seconds(here, layout.index[k])
                    here = layout.index[k]
                total += matrix.seconds(here, 1)
                here = 1
            best = total if best is None else min(best, total)
    assert best is not None
    return best


def test_solver_matches_the_exact_optimum_on_a_small_instance() -> None:
    req = request(people(6, seed=7))
    plan = routing.plan_route(req)
    driving = sum(s.leg_seconds for r in plan.outbound.rotations for s in r.stops)
    assert driving == _exact_best(req)
