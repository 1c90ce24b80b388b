"""Timing of a given order of stops, and the rules it breaks.

Used twice: on the solver's answer (to time it as late as possible, so nobody waits on
board or at the venue longer than needed) and on an order the coordinator changed by
hand (to recompute every planned time and warn about what no longer holds).

Outbound: rotation 1 leaves the base, rotations 2… leave the venue after dropping the
previous group; the last rotation reaches the venue at the deadline (start − margin).
Return: rotation 1 leaves the venue a few minutes after the end of the animation; the bus
comes back to the venue between rotations and to the base after the last one.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.tournees.model import (
    Passenger,
    Problem,
    Rotation,
    RouteRequest,
    Stop,
    StopKind,
    Trip,
    clock,
    duration_fr,
)
from desktop_app.tournees.travel import Matrix

BASE, VENUE = 0, 1
VENUE_SECONDS = 60  # each passenger getting off or on at the venue (the solver sees the same)


class Layout:
    """Matrix indices: 0 = base, 1 = venue, 2… = the passengers' homes."""

    def __init__(self, request: RouteRequest) -> None:
        self.request = request
        self.passengers = {p.key: p for p in request.passengers}
        self.index = {p.key: 2 + i for i, p in enumerate(request.passengers)}

    def passenger(self, key: int) -> Passenger:
        return self.passengers[key]


def _base_point(layout: Layout):  # type: ignore[no-untyped-def]
    vehicle = layout.request.vehicle
    assert vehicle is not None and vehicle.base is not None and layout.request.venue is not None
    return vehicle.base, layout.request.venue


def outbound(layout: Layout, matrix: Matrix, orders: Sequence[Sequence[int]]) -> Trip:
    base_pt, venue_pt = _base_point(layout)
    req = layout.request
    groups = [list(g) for g in orders if g] or [[]]
    raw: list[list[Stop]] = []
    t = 0
    for n, group in enumerate(groups):
        here = BASE if n == 0 else VENUE
        if n:
            t += VENUE_SECONDS * len(groups[n - 1])
        stops = [Stop(StopKind.BASE_DEPARTURE if n == 0 else StopKind.VENUE_DEPARTURE, t,
                      "Départ de la base" if n == 0 else f"Départ de {req.venue_name}",
                      base_pt if n == 0 else venue_pt)]
        for key in group:
            p = layout.passenger(key)
            idx = layout.index[key]
            t += matrix.seconds(here, idx)
            assert p.point is not None
            stops.append(Stop(StopKind.PICKUP, t, p.name, p.point, key, matrix.metres(here, idx), matrix.seconds(here, idx)))
            t += p.boarding_seconds
            here = idx
        t += matrix.seconds(here, VENUE)
        stops.append(Stop(StopKind.VENUE_ARRIVAL, t, f"Arrivée à {req.venue_name}", venue_pt, None,
                          matrix.metres(here, VENUE), matrix.seconds(here, VENUE)))
        raw.append(stops)
    shift = req.deadline - t
    rotations = []
    rides: dict[int, int] = {}
    for n, stops in enumerate(raw):
        timed = tuple(_shift(s, shift) for s in stops)
        arrival = timed[-1].time
        for s in timed:
            if s.passenger_key is not None:
                rides[s.passenger_key] = arrival - s.time - layout.passenger(s.passenger_key).boarding_seconds
        keys = tuple(s.passenger_key for s in timed if s.passenger_key is not None)
        rotations.append(Rotation(n + 1, timed, keys))
    return Trip(tuple(rotations), rides)


def inbound(layout: Layout, matrix: Matrix, orders: Sequence[Sequence[int]]) -> Trip:
    base_pt, venue_pt = _base_point(layout)
    req = layout.request
    groups = [list(g) for g in orders if g] or [[]]
    rotations = []
    rides: dict[int, int] = {}
    t = req.end
    for n, group in enumerate(groups):
        t += VENUE_SECONDS * len(group)
        leave = t
        stops = [Stop(StopKind.VENUE_DEPARTURE, t, f"Départ de {req.venue_name}", venue_pt)]
        here = VENUE
        for key in group:
            p = layout.passenger(key)
            idx = layout.index[key]
            t += matrix.seconds(here, idx)
            assert p.point is not None
            stops.append(Stop(StopKind.DROP, t, p.name, p.point, key, matrix.metres(here, idx), matrix.seconds(here, idx)))
            rides[key] = t - leave
            t += p.boarding_seconds
            here = idx
        last = n == len(groups) - 1
        goal = BASE if last else VENUE
        t += matrix.seconds(here, goal)
        stops.append(Stop(StopKind.BASE_ARRIVAL if last else StopKind.VENUE_ARRIVAL, t,
                          "Retour à la base" if last else f"Retour à {req.venue_name}",
                          base_pt if last else venue_pt, None, matrix.metres(here, goal), matrix.seconds(here, goal)))
        rotations.append(Rotation(n + 1, tuple(stops), tuple(group)))
    return Trip(tuple(rotations), rides)


def _shift(stop: Stop, delta: int) -> Stop:
    return Stop(stop.kind, stop.time + delta, stop.label, stop.point, stop.passenger_key, stop.leg_metres, stop.leg_seconds)


def check_orders(layout: Layout, orders: Sequence[Sequence[int]], expected: set[int], direction: str) -> list[Problem]:
    """Each expected passenger exactly once; nobody unknown."""
    problems = []
    seen: list[int] = [k for g in orders for k in g]
    for key in sorted(set(seen)):
        if key not in layout.passengers:
            problems.append(Problem("inconnu", f"Trajet {direction} : une personne de la liste n'est pas inscrite à ce passage.", key))
        elif seen.count(key) > 1:
            problems.append(Problem("doublon", f"Trajet {direction} : {layout.passenger(key).name} figure deux fois : retirez l'un des deux arrêts.", key))
    for key in sorted(expected - set(seen)):
        problems.append(Problem("oubli", f"Trajet {direction} : {layout.passenger(key).name} n'est dans aucune rotation : ajoutez son arrêt.", key))
    return problems


def trip_problems(layout: Layout, trip: Trip, direction: str) -> list[Problem]:
    """Seats, PMR places and ride time of every rotation of a timed trip."""
    req = layout.request
    vehicle = req.vehicle
    assert vehicle is not None
    problems: list[Problem] = []
    for rot in trip.rotations:
        people = [layout.passenger(k) for k in rot.passenger_keys]
        if len(people) > vehicle.seats:
            problems.append(Problem(
                "places", f"Trajet {direction}, rotation {rot.number} : {len(people)} passagers pour "
                f"{vehicle.seats} places dans « {vehicle.name} » : déplacez quelqu'un dans une autre rotation."))
        pmr = [p for p in people if p.pmr]
        if len(pmr) > vehicle.pmr_places:
            names = ", ".join(p.name for p in pmr)
            problems.append(Problem(
                "pmr", f"Trajet {direction}, rotation {rot.number} : {len(pmr)} personnes en fauteuil ({names}) "
                f"pour {vehicle.pmr_places} place{'s' if vehicle.pmr_places > 1 else ''} PMR : placez-les dans des rotations différentes.",
                pmr[-1].key))
    for key, ride in trip.rides.items():
        if ride > req.max_ride:
            p = layout.passenger(key)
            problems.append(Problem(
                "duree", f"Trajet {direction} : {p.name} resterait {duration_fr(ride)} dans le véhicule "
                f"(maximum {duration_fr(req.max_ride)}) : placez cet arrêt plus près du lieu ou dans une autre rotation.",
                key))
    return problems


def departure_problem(req: RouteRequest, trip: Trip) -> Problem | None:
    if trip.departure < req.departure_floor:
        return Problem(
            "depart", f"Il faudrait quitter la base à {clock(trip.departure)}, avant l'heure de départ au "
            f"plus tôt ({clock(req.departure_floor)}), pour arriver à {clock(req.deadline)} : retirez un "
            "arrêt, regroupez les rotations ou avancez l'heure de départ.")
    return None
