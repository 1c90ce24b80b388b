"""The small, pure data model of a passage's pick-ups, shared by the solver, the timing
check, the reports and the screens. No database, no Qt.

Times are seconds from midnight of the passage day (``int``); :func:`clock` shows them.

Capacity: ``seats`` is the number of passengers the vehicle carries, wheelchair users
included; ``pmr_places`` how many of them may be wheelchair users (a wheelchair user takes
one seat and one PMR place). The API Bus of the seed carries five passengers « y compris
des personnes à mobilité réduite ».
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from desktop_app.errors import Refused
from desktop_app.tournees.travel import DEFAULT_DETOUR, DEFAULT_SPEED_KMH, Point

# Mobility → (rank: 0 = most mobile, boarding minutes at home, solver priority).
# The solver keeps the highest priorities first, so when time is short the most mobile
# people are the ones left to come by themselves.
MOBILITY = {
    None: (0, 2, 1),
    "autonome": (0, 2, 1),
    "canne": (1, 3, 8),
    "deambulateur": (2, 4, 30),
    "fauteuil": (3, 6, 100),
}
MOBILITY_FR = {
    None: "mobilité non renseignée",
    "autonome": "autonome",
    "canne": "canne",
    "deambulateur": "déambulateur",
    "fauteuil": "fauteuil roulant",
}


def clock(seconds: int) -> str:
    """Seconds from midnight → « 13 h 45 » (rounded to the minute)."""
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d}"


def duration_fr(seconds: int) -> str:
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


@dataclass(frozen=True)
class Passenger:
    key: int  # the person id
    name: str  # « Mme DURAND Marie »
    point: Point | None
    mobility: str | None = None  # db.enums.Mobilite value

    @property
    def pmr(self) -> bool:
        return self.mobility == "fauteuil"

    @property
    def rank(self) -> int:
        return MOBILITY.get(self.mobility, MOBILITY[None])[0]

    @property
    def boarding_seconds(self) -> int:
        return MOBILITY.get(self.mobility, MOBILITY[None])[1] * 60

    @property
    def priority(self) -> int:
        return MOBILITY.get(self.mobility, MOBILITY[None])[2]

    @property
    def mobility_fr(self) -> str:
        return MOBILITY_FR.get(self.mobility, self.mobility or "")


@dataclass(frozen=True)
class VehicleSpec:
    name: str
    seats: int = 5
    pmr_places: int = 1
    base: Point | None = None
    speed_kmh: float = DEFAULT_SPEED_KMH
    detour: float = DEFAULT_DETOUR


@dataclass(frozen=True)
class RouteRequest:
    """One passage: who needs a ride, where, when, with which vehicle."""

    venue_name: str
    venue: Point | None
    vehicle: VehicleSpec | None
    passengers: tuple[Passenger, ...]
    start: int  # animation start (seconds)
    end: int  # animation end (seconds)
    arrival_margin: int = 15 * 60  # the bus is set up this long before the start
    earliest_departure: int | None = None  # leaving the base; None = start − 2 h 30
    max_ride: int = 45 * 60  # longest acceptable time on board for one passenger
    osrm_url: str = ""

    @property
    def deadline(self) -> int:
        """Latest arrival at the venue of the last rotation."""
        return self.start - self.arrival_margin

    @property
    def departure_floor(self) -> int:
        if self.earliest_departure is not None:
            return self.earliest_departure
        return self.start - 150 * 60


class StopKind(StrEnum):
    BASE_DEPARTURE = "depart_base"
    PICKUP = "prise_en_charge"
    VENUE_ARRIVAL = "arrivee_lieu"
    VENUE_DEPARTURE = "depart_lieu"
    DROP = "depose"
    BASE_ARRIVAL = "retour_base"


@dataclass(frozen=True)
class Stop:
    kind: StopKind
    time: int
    label: str
    point: Point
    passenger_key: int | None = None
    leg_metres: int = 0  # from the previous stop
    leg_seconds: int = 0


@dataclass(frozen=True)
class Rotation:
    number: int  # 1, 2…
    stops: tuple[Stop, ...]
    passenger_keys: tuple[int, ...]

    @property
    def metres(self) -> int:
        return sum(s.leg_metres for s in self.stops)

    @property
    def departure(self) -> int:
        return self.stops[0].time

    @property
    def arrival(self) -> int:
        return self.stops[-1].time


@dataclass(frozen=True)
class Problem:
    """A broken rule, in French, naming the person or item and what to do."""

    code: str
    message: str
    passenger_key: int | None = None


@dataclass(frozen=True)
class Trip:
    """The outbound tour (base → homes → venue, in rotations) or the return tour."""

    rotations: tuple[Rotation, ...]
    rides: dict[int, int] = field(default_factory=dict)  # passenger → seconds on board

    @property
    def metres(self) -> int:
        return sum(r.metres for r in self.rotations)

    @property
    def departure(self) -> int:
        return self.rotations[0].departure

    @property
    def arrival(self) -> int:
        return self.rotations[-1].arrival

    @property
    def seconds(self) -> int:
        return self.arrival - self.departure

    @property
    def orders(self) -> list[list[int]]:
        return [list(r.passenger_keys) for r in self.rotations]


@dataclass(frozen=True)
class RoutePlan:
    outbound: Trip
    inbound: Trip
    not_fetched: tuple[Passenger, ...] = ()
    problems: tuple[Problem, ...] = ()  # warnings: the plan exists but breaks these
    matrix_source: str = "vol d'oiseau"
    notes: tuple[str, ...] = ()

    @property
    def metres(self) -> int:
        return self.outbound.metres + self.inbound.metres

    @property
    def driving_seconds(self) -> int:
        return sum(s.leg_seconds for r in self.outbound.rotations + self.inbound.rotations for s in r.stops)

    @property
    def ok(self) -> bool:
        return not self.problems


class RouteInfeasible(Refused):
    """No route can be computed; every problem names what to fix."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.message for p in problems))
