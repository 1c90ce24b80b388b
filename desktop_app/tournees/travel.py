"""Travel times and distances between points, without the network.

Rural roads wind: the road distance is the straight-line (haversine) distance times a
detour factor (1.3 by default), and the time is that distance at the vehicle's average
speed (50 km/h by default). Good enough to plan a half-day tour and always available
offline. When a local OSRM server is configured, :func:`osrm_matrix` asks it for road
times instead; any failure falls back to the straight-line model with a French warning.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass

import httpx

log = logging.getLogger(__name__)

EARTH_RADIUS_KM = 6371.0088
DEFAULT_SPEED_KMH = 50.0
DEFAULT_DETOUR = 1.3


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi = phi2 - phi1
    dlmb = math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True)
class TravelModel:
    """Straight-line distance × detour factor ÷ average speed."""

    speed_kmh: float = DEFAULT_SPEED_KMH
    detour: float = DEFAULT_DETOUR

    def road_km(self, a: Point, b: Point) -> float:
        return haversine_km(a, b) * self.detour

    def seconds(self, a: Point, b: Point) -> int:
        return round(self.road_km(a, b) / self.speed_kmh * 3600)


@dataclass(frozen=True)
class Matrix:
    """Square matrices over a list of points: durations in seconds, distances in metres."""

    durations: list[list[int]]
    distances: list[list[int]]
    source: str  # "vol d'oiseau" or "OSRM"
    warning: str | None = None

    def seconds(self, i: int, j: int) -> int:
        return self.durations[i][j]

    def metres(self, i: int, j: int) -> int:
        return self.distances[i][j]


def straight_line_matrix(points: Sequence[Point], model: TravelModel) -> Matrix:
    n = len(points)
    dist = [[0] * n for _ in range(n)]
    dur = [[0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            km = model.road_km(points[i], points[j])
            dist[i][j] = dist[j][i] = round(km * 1000)
            dur[i][j] = dur[j][i] = round(km / model.speed_kmh * 3600)
    return Matrix(dur, dist, "vol d'oiseau")


def osrm_matrix(base_url: str, points: Sequence[Point], model: TravelModel, timeout: float = 5.0) -> Matrix:
    """Road times from a local OSRM server (``/table/v1/driving/``); the straight-line model
    with a warning when the server cannot answer. Never required."""
    coords = ";".join(f"{p.lon:.6f},{p.lat:.6f}" for p in points)
    url = f"{base_url.rstrip('/')}/table/v1/driving/{coords}"
    try:
        response = httpx.get(url, params={"annotations": "duration,distance"}, timeout=timeout)
        response.raise_for_status()
        data = response.json()
        if data.get("code") != "Ok":
            raise ValueError(data.get("code"))
        durations = [[round(v) for v in row] for row in data["durations"]]
        distances = [[round(v) for v in row] for row in data["distances"]]
        if len(durations) != len(points) or len(distances) != len(points):
            raise ValueError("matrix size")
    except (httpx.HTTPError, ValueError, KeyError, TypeError) as exc:
        log.warning("OSRM unavailable at %s: %s", base_url, exc)
        fallback = straight_line_matrix(points, model)
        return Matrix(
            fallback.durations, fallback.distances, fallback.source,
            "Le serveur d'itinéraires (OSRM) ne répond pas : temps estimés à vol d'oiseau "
            "× facteur de détour.",
        )
    return Matrix(durations, distances, "OSRM")


def travel_matrix(points: Sequence[Point], model: TravelModel, osrm_url: str = "") -> Matrix:
    if osrm_url.strip():
        return osrm_matrix(osrm_url.strip(), points, model)
    return straight_line_matrix(points, model)
