"""The yearly plan assistant: proposes a date and a vehicle for every passage of every
subscribed commune over a period. Pure: the service feeds it and stores what the
coordinator accepts.

Rules
- A commune's passages are spread evenly over the period: the k-th of n aims at the middle
  of the k-th n-th of the period, then takes the nearest acceptable day.
- Acceptable day: Monday to Friday, not a French public holiday (``holidays.France``), the
  commune's preferred weekday when it has one, and a vehicle still free that day.
- One half-day slot per vehicle and per day: the bus spends the rest of the day fetching
  people before and driving them home after, so a vehicle hosts at most one passage a day
  (days already taken by existing passages count).
- A découverte passage (free) comes first, the série d'ateliers passages after it.
- Priority communes (Atlas des fragilités) are placed first, then the busiest ones.
- Two passages of the same commune are never on the same day nor closer than half the ideal
  spacing; what cannot be placed is listed with a French reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import holidays

from desktop_app.formatting import JOURS, date_fr


@dataclass(frozen=True)
class CommuneDemand:
    convention_id: int
    commune_nom: str
    passages: int  # paid passages (série d'ateliers)
    decouverte: bool = False  # plus a free first passage
    jour_prefere: int | None = None  # 0 = lundi
    prioritaire: bool = False


@dataclass(frozen=True)
class Proposal:
    convention_id: int
    commune_nom: str
    date: dt.date
    vehicle_id: int
    type: str  # "decouverte" | "serie"
    rank: int  # 1-based among the commune's passages


@dataclass(frozen=True)
class PlanResult:
    proposals: tuple[Proposal, ...]
    unplaced: tuple[str, ...]


def public_holidays(start: dt.date, end: dt.date) -> dict[dt.date, str]:
    days = holidays.France(years=range(start.year, end.year + 1), language="fr")
    return {d: str(name) for d, name in days.items() if start <= d <= end}


def _candidates(target: dt.date, start: dt.date, end: dt.date) -> Iterable[dt.date]:
    """Days of the period ordered by distance to the target (earlier first on ties)."""
    span = (end - start).days
    for offset in range(span + 1):
        for day in ((target - dt.timedelta(offset),) if offset == 0 else
                    (target - dt.timedelta(offset), target + dt.timedelta(offset))):
            if start <= day <= end:
                yield day


def propose(
    demands: Sequence[CommuneDemand],
    vehicle_ids: Sequence[int],
    start: dt.date,
    end: dt.date,
    busy: Iterable[tuple[int, dt.date]] = (),
) -> PlanResult:
    """``busy``: (vehicle id, day) already taken by existing passages."""
    if end < start or not vehicle_ids:
        return PlanResult((), tuple(f"{d.commune_nom} : aucun véhicule ou période vide." for d in demands))
    closed = public_holidays(start, end)
    taken: dict[dt.date, set[int]] = {}
    for vehicle_id, day in busy:
        taken.setdefault(day, set()).add(vehicle_id)
    load = dict.fromkeys(vehicle_ids, 0)
    span_days = (end - start).days + 1
    order = sorted(demands, key=lambda d: (not d.prioritaire, -(d.passages + d.decouverte), d.commune_nom))
    proposals: list[Proposal] = []
    unplaced: list[str] = []
    for demand in order:
        total = demand.passages + (1 if demand.decouverte else 0)
        if total == 0:
            continue
        spacing = span_days / total
        used: list[dt.date] = []
        for k in range(total):
            target = start + dt.timedelta(days=int(spacing * (k + 0.5)))
            placed = _place(demand, target, start, end, closed, taken, load, used, spacing / 2)
            kind = "decouverte" if demand.decouverte and k == 0 else "serie"
            if placed is None:
                weekday = f" le {JOURS[demand.jour_prefere]}" if demand.jour_prefere is not None else ""
                unplaced.append(f"{demand.commune_nom} : pas de créneau libre{weekday} pour le passage n° {k + 1} "
                                f"(visé vers le {date_fr(target)}) — ajoutez un véhicule, élargissez la période "
                                "ou placez-le à la main.")
                continue
            day, vehicle_id = placed
            used.append(day)
            taken.setdefault(day, set()).add(vehicle_id)
            load[vehicle_id] += 1
            proposals.append(Proposal(demand.convention_id, demand.commune_nom, day, vehicle_id, kind, k + 1))
    proposals.sort(key=lambda p: (p.date, p.vehicle_id))
    return PlanResult(tuple(proposals), tuple(unplaced))


def _place(
    demand: CommuneDemand, target: dt.date, start: dt.date, end: dt.date, closed: dict[dt.date, str],
    taken: dict[dt.date, set[int]], load: dict[int, int], used: list[dt.date], min_gap: float,
) -> tuple[dt.date, int] | None:
    for strict in (True, False):
        for day in _candidates(target, start, end):
            if day.weekday() >= 5 or day in closed:
                continue
            if demand.jour_prefere is not None and day.weekday() != demand.jour_prefere:
                continue
            if any(abs((day - u).days) < (min_gap if strict else 1) for u in used):
                continue
            free = [v for v in load if v not in taken.get(day, set())]
            if free:
                return day, min(free, key=lambda v: (load[v], v))
    return None
