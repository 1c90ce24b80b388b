"""Conflicts in a set of calendar items, found by one sort-and-sweep per resource (each
person, vehicle and place): O(n log n) over the items, not a comparison of every pair.

- an agent or bénévole in two places at once (their absences count as a place);
- a vehicle on two passages at once, or on a passage while unavailable;
- a place (salle) booked by two séances or passages at once;
- a passage whose pick-up route starts before the vehicle is back from the previous one;
- an item on a public holiday.

Planned contacts without a time (a day only) take no slot and never overlap; two contacts
already logged (visits made) are history, not a plan, and are not reported against each other.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence

from desktop_app.ateliers.schedule import holiday_name
from desktop_app.planning.records import ConflictKind, Kind, PlanningConflict, PlanningItem, Source


def _hm(moment: dt.datetime) -> str:
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _dfr(day: dt.date) -> str:
    """« 09/03/2027 » (formatted by hand: strftime is slow on thousands of conflicts)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def _sweep(items: Sequence[PlanningItem], busy: bool = False) -> Iterable[tuple[PlanningItem, PlanningItem]]:
    """Pairs (earlier, later) that overlap, for items sorted by start: each item is compared
    with the one reaching furthest among those before it (every overlap is reported once
    against that item, enough to list it)."""
    reach: PlanningItem | None = None
    for item in items:
        start, end = (item.busy_start, item.busy_end) if busy else (item.start, item.end)
        if reach is not None:
            reach_end = reach.busy_end if busy else reach.end
            if start < reach_end:
                yield reach, item
        if reach is None or end > (reach.busy_end if busy else reach.end):
            reach = item


def find(items: Iterable[PlanningItem], holidays: bool = True) -> list[PlanningConflict]:
    """Every conflict among ``items``, in day order."""
    by_person: dict[str, list[PlanningItem]] = defaultdict(list)
    by_vehicle: dict[int, list[PlanningItem]] = defaultdict(list)
    by_place: dict[str, list[PlanningItem]] = defaultdict(list)
    out: list[PlanningConflict] = []
    seen_days: dict[dt.date, str | None] = {}
    for item in items:
        if item.all_day:
            continue
        for key in item.who_keys:
            by_person[key].append(item)
        if item.vehicle_id is not None:
            by_vehicle[item.vehicle_id].append(item)
        if item.place and item.kind in (Kind.SEANCE, Kind.PASSAGE):
            by_place[item.place.strip().casefold()].append(item)
        if holidays and item.kind != Kind.ABSENCE:
            day = item.start.date()
            if day not in seen_days:
                seen_days[day] = holiday_name(day)
            if seen_days[day]:
                out.append(PlanningConflict(
                    ConflictKind.HOLIDAY, f"{_dfr(day)} est férié ({seen_days[day]}) : {item.title}",
                    (item.key,), day))
    for group in by_person.values():
        group.sort(key=lambda i: i.start)
        for a, b in _sweep(group):
            if a.source == b.source == Source.VISIT:  # two contacts already logged: history, not a plan
                continue
            name = _common_name(a, b)
            out.append(PlanningConflict(
                ConflictKind.PERSON,
                f"{name} est attendu·e à deux endroits le {_dfr(b.start.date())} à {_hm(b.start)} : "
                f"{a.title} / {b.title}", (a.key, b.key), b.start.date()))
    for group in by_vehicle.values():
        out += _vehicle_conflicts(group)
    for group in by_place.values():
        group.sort(key=lambda i: i.start)
        for a, b in _sweep(group):
            out.append(PlanningConflict(
                ConflictKind.ROOM,
                f"{b.place} est réservé deux fois le {_dfr(b.start.date())} à {_hm(b.start)} : "
                f"{a.title} / {b.title}", (a.key, b.key), b.start.date()))
    out.sort(key=lambda c: (c.day, c.kind, c.keys))
    return out


def _common_name(a: PlanningItem, b: PlanningItem) -> str:
    for key, name in zip(b.who_keys, b.who, strict=False):
        if key in a.who_keys:
            return name
    return b.who[0] if b.who else "Une même personne"


def _vehicle_conflicts(group: list[PlanningItem]) -> list[PlanningConflict]:
    """Same vehicle: two bookings at once (passage times or an unavailability), or a pick-up
    route starting before the vehicle is back from the previous passage."""
    out = []
    group.sort(key=lambda i: i.start)
    clashes = set()
    for a, b in _sweep(group):
        clashes.add((a.key, b.key))
        what = "indisponible" if Kind.ABSENCE in (a.kind, b.kind) else "sur deux passages"
        out.append(PlanningConflict(
            ConflictKind.VEHICLE,
            f"{b.vehicle or a.vehicle} est {what} le {_dfr(b.start.date())} à {_hm(b.start)} : "
            f"{a.title} / {b.title}", (a.key, b.key), b.start.date()))
    passages = sorted((i for i in group if i.kind == Kind.PASSAGE), key=lambda i: i.busy_start)
    for a, b in _sweep(passages, busy=True):
        if (a.key, b.key) in clashes or (b.key, a.key) in clashes:
            continue
        out.append(PlanningConflict(
            ConflictKind.ROUTE,
            f"{b.vehicle} : le ramassage de « {b.title} » commence à {_hm(b.busy_start)}, avant le retour "
            f"du véhicule de « {a.title} » ({_hm(a.busy_end)})", (a.key, b.key), b.start.date()))
    return out


def involving(conflicts: Iterable[PlanningConflict], key: str) -> list[PlanningConflict]:
    return [c for c in conflicts if key in c.keys]
