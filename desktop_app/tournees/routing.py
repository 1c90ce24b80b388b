"""Pick-up routes of a passage, computed with the VROOM solver (pyvroom).

What is solved
--------------
Outbound: the bus leaves its base, fetches the people ticked for a pick-up and brings them
to the venue before the start (start − set-up margin); when more people need a ride than
the bus holds, it runs several **rotations** (base → homes → venue, then venue → homes →
venue…), each within the seats and the PMR places. Return: the mirror, venue → homes,
back to the venue between rotations, to the base at the end.

How (see :mod:`desktop_app.tournees.solver` for the two VROOM models)
--------------------------------------------------------------------
1. Rotations as VROOM vehicles (capacity ``[seats, PMR places]``), which VROOM solves
   best; the order is then timed by :mod:`schedule` as late as possible (nobody waits on
   board) with the rotations chained in time, as the one bus and its driver do them.
2. For small passages (≤ 12 riders) the one-vehicle shipment model (home → venue,
   deliveries before the deadline) is solved too, and the shorter of the two kept.
3. If the chained rotations cannot leave the base after the earliest departure, the
   shipment model with time windows decides who can still be fetched: mobility
   priorities (fauteuil 100, déambulateur 30, canne 8, autonome 1) make the most mobile
   people the ones left to come by themselves; the others are re-optimised with (1) if that
   still fits.

VROOM has no per-passenger maximum ride time (its ``max_travel_time`` bounds a whole
vehicle route), so ride times are checked on the timed answer: when someone would stay on
board longer than the setting (45 min by default), the route is solved again with one
seat fewer per rotation (more, shorter rotations) as long as nobody else is left behind;
what still breaks is reported by name.

A hand-made order goes through :func:`retime`: same timing, every broken rule listed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from desktop_app.tournees import schedule, solver
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
from desktop_app.tournees.schedule import Layout
from desktop_app.tournees.travel import Matrix, TravelModel, travel_matrix

log = logging.getLogger(__name__)

SMALL = 12  # riders up to which the shipment model is also tried


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


def choose_orders(layout: Layout, matrix: Matrix, people: list[Passenger], seats: int,
                  outbound: bool) -> tuple[list[list[int]], list[int]]:
    """(rotations in driving order, people left out)."""
    if not people:
        return [], []
    orders = solver.solve_rotations(layout, matrix, people, seats, outbound)
    if len(people) <= SMALL:
        other, left = (solver.solve_outbound if outbound else solver.solve_inbound)(layout, matrix, people, seats)
        if not left and solver.driving_seconds(layout, matrix, other, outbound) < \
                solver.driving_seconds(layout, matrix, orders, outbound):
            orders = other
    if not outbound:
        return orders, []
    floor = layout.request.departure_floor
    if schedule.outbound(layout, matrix, orders).departure >= floor:
        return orders, []
    timed, left = solver.solve_outbound(layout, matrix, people, seats)
    kept = [p for p in people if p.key not in left]
    if kept:
        again = solver.solve_rotations(layout, matrix, kept, seats, True)
        if schedule.outbound(layout, matrix, again).departure >= floor and \
                solver.driving_seconds(layout, matrix, again, True) < solver.driving_seconds(layout, matrix, timed, True):
            timed = again
    return timed, left


def _best_trip(layout: Layout, matrix: Matrix, people: list[Passenger], outbound: bool) -> tuple[Trip, list[int], list[Problem]]:
    """Solve; if someone rides too long, retry with fewer seats per rotation (same people served)."""
    vehicle = layout.request.vehicle
    assert vehicle is not None
    direction = "aller" if outbound else "retour"
    timer = schedule.outbound if outbound else schedule.inbound
    first: tuple[Trip, list[int], list[Problem]] | None = None
    for seats in range(min(vehicle.seats, max(len(people), 1)), 0, -1):
        orders, left = choose_orders(layout, matrix, people, seats, outbound)
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
