"""The two VROOM models behind the pick-up routes.

**Rotations as vehicles (CVRP)** — the main model. Each rotation of the one bus is a
VROOM vehicle with capacity ``[seats, PMR places]``: the first leaves the base (outbound)
or the last ends at the base (return), the others go venue → homes → venue. Every person
is a single job at home loading (outbound) or unloading (return) ``[1, 1 if wheelchair]``.
VROOM is at its best on this classic capacitated problem (see bench/bench_routing.py:
exact on 6–9 pick-ups, fast on 60). Its vehicles run in parallel, so time is not
modelled here: the chained timing of :mod:`schedule` then checks the departure.

**One vehicle with shipments (PDP with time windows)** — used when time is short. Each
person is a shipment home → venue, the bus one vehicle that may visit the venue several
times (the deliveries free the seats, so VROOM chains the rotations itself), every delivery
before the deadline, the bus available from the earliest departure. Unassigned shipments
are the people who cannot be fetched in time; priorities by mobility make them the most
mobile ones. The fetched people are then re-optimised with the main model when that still
fits in the window.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import vroom

from desktop_app.tournees.model import Passenger
from desktop_app.tournees.schedule import BASE, VENUE, VENUE_SECONDS, Layout
from desktop_app.tournees.travel import Matrix

EXPLORATION = 5
THREADS = 2
_FAR = 24 * 3600 * 2


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



def _route_cost(matrix: Matrix, start: int, group: Sequence[int], end: int, layout: Layout) -> int:
    here, total = start, 0
    for key in group:
        total += matrix.seconds(here, layout.index[key])
        here = layout.index[key]
    return total + matrix.seconds(here, end)


def solve_rotations(layout: Layout, matrix: Matrix, people: Sequence[Passenger], seats: int,
                    outbound: bool) -> list[list[int]]:
    """The main model: rotations as vehicles; returns the rotations in driving order."""
    req = layout.request
    assert req.vehicle is not None
    if not people:
        return []
    pmr_places = req.vehicle.pmr_places
    wheelchairs = sum(1 for p in people if p.pmr)
    count = max(math.ceil(len(people) / seats), math.ceil(wheelchairs / pmr_places) if wheelchairs else 0) + 1
    problem = _vroom_input(matrix)
    for v in range(count):
        start, end = (BASE, VENUE) if outbound else (VENUE, BASE)
        if v:
            start = end = VENUE
        problem.add_vehicle(vroom.Vehicle(v + 1, start=start, end=end, capacity=[seats, pmr_places]))
    for p in people:
        idx = layout.index[p.key]
        load = [1, 1 if p.pmr else 0]
        problem.add_job(vroom.Job(idx, location=idx, default_service=p.boarding_seconds,
                                  pickup=load if outbound else [0, 0], delivery=[0, 0] if outbound else load))
    answer = problem.solve(exploration_level=EXPLORATION, nb_threads=THREADS).to_dict()
    by_index = {idx: key for key, idx in layout.index.items()}
    groups: dict[int, list[int]] = {}
    for route in answer.get("routes", []):
        keys = [by_index[step["id"]] for step in route["steps"] if step["type"] == "job"]
        if keys:
            groups[route["vehicle"]] = keys
    if answer.get("unassigned"):
        raise RuntimeError("capacity model left jobs unassigned")
    base_group = groups.pop(1, None)
    others = [groups[v] for v in sorted(groups)]
    if base_group is None:  # the bus still comes from (goes back to) the base: give it the cheapest group
        base_group = _cheapest_base_group(layout, matrix, others, outbound)
    return [base_group, *others] if outbound else [*others, base_group]


def _cheapest_base_group(layout: Layout, matrix: Matrix, groups: list[list[int]], outbound: bool) -> list[int]:
    best: tuple[int, int, list[int]] | None = None
    for i, group in enumerate(groups):
        for order in (group, group[::-1]):
            if outbound:
                extra = _route_cost(matrix, BASE, order, VENUE, layout) - _route_cost(matrix, VENUE, group, VENUE, layout)
            else:
                extra = _route_cost(matrix, VENUE, order, BASE, layout) - _route_cost(matrix, VENUE, group, VENUE, layout)
            if best is None or extra < best[0]:
                best = (extra, i, list(order))
    assert best is not None
    groups.pop(best[1])
    return best[2]


def driving_seconds(layout: Layout, matrix: Matrix, rotations: Sequence[Sequence[int]], outbound: bool) -> int:
    total = 0
    for n, group in enumerate(rotations):
        first, last = n == 0, n == len(rotations) - 1
        start = BASE if outbound and first else VENUE
        end = BASE if not outbound and last else VENUE
        total += _route_cost(matrix, start, group, end, layout)
    return total
