"""Pick-up routes of a passage, computed by the VROOM solver (pyvroom).

The model
---------
Each person to fetch is a *shipment* from their home to the venue. The one physical bus
is one VROOM vehicle with two capacity dimensions, ``[seats, PMR places]``; a wheelchair
user weighs ``[1, 1]``, anyone else ``[1, 0]``. The vehicle leaves the base and ends at
the venue. Because deliveries at the venue free the seats, the solver itself chains
several **rotations** in one route (base → homes → venue → homes → venue…) whenever more
people need a ride than the bus holds: the rotations follow each other in time, which is
exactly how the one bus and its driver work, so no "virtual vehicles" need chaining by hand.

Time windows: the vehicle may leave the base from the earliest departure; every delivery
at the venue must happen by the deadline (start of the animation − set-up margin). When
not everyone fits in time, the solver leaves shipments unassigned; priorities by
mobility (fauteuil 100, déambulateur 30, canne 8, autonome 1) make the most mobile people
the first left out — they can come by themselves.

VROOM has no per-shipment maximum ride time (its ``max_travel_time`` bounds a whole
vehicle route). The ride time of each passenger is therefore computed on the timed
answer and, when someone would stay on board longer than the setting (45 min by
default), the route is solved again with one seat fewer per rotation (more, shorter
rotations) until nobody does, as long as that does not leave anyone else behind; what
still breaks is reported by name.

The return after the animation is the mirror problem: shipments venue → home, vehicle
from the venue back to the base, rotations again when needed.

The solver only chooses who goes in which rotation and in what order; the planned times
come from :mod:`desktop_app.tournees.schedule`, which times the order as late as
possible (nobody waits on board) and is also what recomputes a hand-made order.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

import vroom

from desktop_app.tournees import schedule
from desktop_app.tournees.model import (
    Passenger,
    Problem,
    RouteInfeasible,
    RoutePlan,
    RouteRequest,
    Trip,
    clock,
    duration_fr,
)
from desktop_app.tournees.schedule import BASE, VENUE, VENUE_SECONDS, Layout
from desktop_app.tournees.travel import Matrix, TravelModel, travel_matrix

log = logging.getLogger(__name__)

EXPLORATION = 5
THREADS = 2
_FAR = 24 * 3600 * 2


def validate(req: RouteRequest) -> None:
    """Raise :class:`RouteInfeasible` listing every input problem, each naming what to fix."""
    problems: list[Problem] = []
    vehicle = req.vehicle
    if vehicle is None:
        problems.append(Problem("vehicule", "Aucun véhicule n'est affecté à ce passage : choisissez-en un dans la fiche du passage."))
    else:
        if vehicle.base is None:
            problems.append(Problem("base", f"La base du véhicule « {vehicle.name} » n'a pas de coordonnées : "
                                    "géocodez son adresse ou saisissez latitude et longitude dans la fiche du véhicule."))
        if vehicle.seats < 1:
            problems.append(Problem("places", f"Le véhicule « {vehicle.name} » n'a aucune place passager : corrigez sa fiche."))
        if vehicle.speed_kmh <= 0 or vehicle.detour < 1:
            problems.append(Problem("vitesse", f"Le véhicule « {vehicle.name} » a une vitesse moyenne ou un facteur "
                                    "de détour invalide : corrigez sa fiche."))
    if req.venue is None:
        problems.append(Problem("lieu", f"Le lieu « {req.venue_name} » n'a pas de coordonnées : géocodez son adresse "
                                "ou saisissez latitude et longitude dans la convention de la commune."))
    for p in req.passengers:
        if p.point is None:
            problems.append(Problem("coordonnees", f"{p.name} n'a pas de coordonnées de domicile : géocodez son "
                                    "adresse ou saisissez latitude et longitude dans sa fiche.", p.key))
        if p.pmr and vehicle is not None and vehicle.pmr_places < 1:
            problems.append(Problem("pmr", f"{p.name} se déplace en fauteuil roulant mais « {vehicle.name} » n'a "
                                    "aucune place PMR : indiquez les places PMR du véhicule ou prévoyez un transport adapté.", p.key))
    if req.end <= req.start:
        problems.append(Problem("horaires", "L'heure de fin de l'animation doit suivre l'heure de début."))
    if req.departure_floor >= req.deadline:
        problems.append(Problem("depart", f"Le départ au plus tôt ({clock(req.departure_floor)}) ne laisse pas le temps "
                                f"d'arriver à {clock(req.deadline)} : avancez le départ ou retardez le début."))
    if problems:
        raise RouteInfeasible(problems)
    assert vehicle is not None and vehicle.base is not None and req.venue is not None
    direct = TravelModel(vehicle.speed_kmh, vehicle.detour).seconds(vehicle.base, req.venue)
    if req.departure_floor + direct > req.deadline:
        raise RouteInfeasible([Problem(
            "depart", f"Même sans aucun arrêt, aller de la base à « {req.venue_name} » prend {duration_fr(direct)} : "
            f"parti à {clock(req.departure_floor)} au plus tôt, le véhicule ne peut pas y être à {clock(req.deadline)}. "
            "Avancez l'heure de départ au plus tôt ou retardez le début de l'animation.")])


def build_matrix(req: RouteRequest) -> Matrix:
    vehicle = req.vehicle
    assert vehicle is not None and vehicle.base is not None and req.venue is not None
    points = [vehicle.base, req.venue] + [p.point for p in req.passengers if p.point is not None]
    return travel_matrix(points, TravelModel(vehicle.speed_kmh, vehicle.detour), req.osrm_url)


def _vroom_input(matrix: Matrix) -> vroom.Input:
    problem = vroom.Input()
    problem.set_durations_matrix("car", matrix.durations)
    return problem


def solve_outbound(layout: Layout, matrix: Matrix, people: Sequence[Passenger], seats: int) -> tuple[list[list[int]], list[int]]:
    """(rotations as ordered passenger keys, keys left out)."""
    req = layout.request
    assert req.vehicle is not None
    if not people:
        return [], []
    problem = _vroom_input(matrix)
    problem.add_vehicle(vroom.Vehicle(
        1, start=BASE, end=VENUE, capacity=[seats, req.vehicle.pmr_places],
        time_window=vroom.TimeWindow(req.departure_floor, req.deadline + _FAR)))
    for p in people:
        idx = layout.index[p.key]
        problem.add_job(vroom.Shipment(
            vroom.ShipmentStep(idx * 2, location=idx, default_service=p.boarding_seconds),
            vroom.ShipmentStep(idx * 2 + 1, location=VENUE, default_service=VENUE_SECONDS,
                               time_windows=[vroom.TimeWindow(req.departure_floor, req.deadline)]),
            amount=[1, 1 if p.pmr else 0], priority=p.priority))
    solution = problem.solve(exploration_level=EXPLORATION, nb_threads=THREADS)
    return _rotations(layout, solution.to_dict(), pickup_side=True)


def solve_inbound(layout: Layout, matrix: Matrix, people: Sequence[Passenger], seats: int) -> tuple[list[list[int]], list[int]]:
    req = layout.request
    assert req.vehicle is not None
    if not people:
        return [], []
    problem = _vroom_input(matrix)
    problem.add_vehicle(vroom.Vehicle(
        1, start=VENUE, end=BASE, capacity=[seats, req.vehicle.pmr_places],
        time_window=vroom.TimeWindow(req.end, req.end + _FAR)))
    for p in people:
        idx = layout.index[p.key]
        problem.add_job(vroom.Shipment(
            vroom.ShipmentStep(idx * 2, location=VENUE, default_service=VENUE_SECONDS),
            vroom.ShipmentStep(idx * 2 + 1, location=idx, default_service=p.boarding_seconds),
            amount=[1, 1 if p.pmr else 0], priority=p.priority))
    solution = problem.solve(exploration_level=EXPLORATION, nb_threads=THREADS)
    return _rotations(layout, solution.to_dict(), pickup_side=False)


def _rotations(layout: Layout, answer: dict, pickup_side: bool) -> tuple[list[list[int]], list[int]]:  # type: ignore[type-arg]
    """Split the single route at each visit of the venue into rotations."""
    by_index = {idx: key for key, idx in layout.index.items()}
    home_step = "pickup" if pickup_side else "delivery"
    rotations: list[list[int]] = []
    current: list[int] = []
    for route in answer.get("routes", []):
        for step in route["steps"]:
            if step["type"] == home_step:
                current.append(by_index[step["id"] // 2])
            elif step["type"] in ("pickup", "delivery") and current:  # at the venue
                rotations.append(current)
                current = []
    if current:
        rotations.append(current)
    left = sorted({by_index[u["id"] // 2] for u in answer.get("unassigned", [])})
    return rotations, left


def _best_trip(layout: Layout, matrix: Matrix, people: list[Passenger], outbound: bool) -> tuple[Trip, list[int], list[Problem]]:
    """Solve; if someone rides too long, retry with fewer seats per rotation (same people served)."""
    vehicle = layout.request.vehicle
    assert vehicle is not None
    direction = "aller" if outbound else "retour"
    solver = solve_outbound if outbound else solve_inbound
    timer = schedule.outbound if outbound else schedule.inbound
    first: tuple[Trip, list[int], list[Problem]] | None = None
    for seats in range(min(vehicle.seats, max(len(people), 1)), 0, -1):
        orders, left = solver(layout, matrix, people, seats)
        trip = timer(layout, matrix, orders)
        problems = schedule.trip_problems(layout, trip, direction)
        if first is None:
            first = (trip, left, problems)
        elif len(left) > len(first[1]):
            break
        if not any(p.code == "duree" for p in problems):
            return trip, left, problems
    assert first is not None
    return first


def plan_route(req: RouteRequest) -> RoutePlan:
    """The optimised outbound and return routes; raises RouteInfeasible on bad input."""
    validate(req)
    layout = Layout(req)
    matrix = build_matrix(req)
    people = list(req.passengers)
    out_trip, left, problems = _best_trip(layout, matrix, people, outbound=True)
    left_people = sorted((layout.passenger(k) for k in left), key=lambda p: (p.rank, p.name))
    carried = [p for p in people if p.key not in left]
    back_trip, unassigned_back, back_problems = _best_trip(layout, matrix, carried, outbound=False)
    problems += back_problems
    for key in unassigned_back:
        problems.append(Problem("retour", f"Le retour de {layout.passenger(key).name} n'a pas pu être organisé : "
                                "vérifiez les places du véhicule.", key))
    dep = schedule.departure_problem(req, out_trip)
    if dep is not None:
        problems.append(dep)
    notes = [_left_out_message(req, p) for p in left_people]
    if matrix.warning:
        notes.append(matrix.warning)
    return RoutePlan(out_trip, back_trip, tuple(left_people), tuple(problems), matrix.source, tuple(notes))


def _left_out_message(req: RouteRequest, p: Passenger) -> str:
    return (f"Le véhicule ne peut pas aller chercher {p.name} ({p.mobility_fr}) à temps pour {clock(req.start)} : "
            "prévenez cette personne qu'elle vienne par ses propres moyens, ou avancez l'heure de départ.")


def retime(req: RouteRequest, out_orders: Sequence[Sequence[int]], back_orders: Sequence[Sequence[int]]) -> RoutePlan:
    """Times of a hand-made order and every rule it breaks (nothing is reordered)."""
    validate(req)
    layout = Layout(req)
    matrix = build_matrix(req)
    problems = schedule.check_orders(layout, out_orders, set(layout.passengers), "aller")
    problems += schedule.check_orders(layout, back_orders, {k for g in out_orders for k in g}, "retour")
    if any(p.code in ("inconnu", "doublon") for p in problems):
        raise RouteInfeasible(problems)
    out_trip = schedule.outbound(layout, matrix, out_orders)
    back_trip = schedule.inbound(layout, matrix, back_orders)
    problems += schedule.trip_problems(layout, out_trip, "aller")
    problems += schedule.trip_problems(layout, back_trip, "retour")
    dep = schedule.departure_problem(req, out_trip)
    if dep is not None:
        problems.append(dep)
    riding = {k for g in out_orders for k in g}
    left = tuple(sorted((p for p in req.passengers if p.key not in riding), key=lambda p: (p.rank, p.name)))
    notes = (matrix.warning,) if matrix.warning else ()
    return RoutePlan(out_trip, back_trip, left, tuple(problems), matrix.source, notes)


def with_passengers(req: RouteRequest, passengers: Sequence[Passenger]) -> RouteRequest:
    return replace(req, passengers=tuple(passengers))
