"""Where to draw each point of a route sketch, shared by the screen and the PDF.

An equirectangular projection (north up) fitted to the box. The base is often much
farther than the homes are from each other (12 km to the village, homes within 3 km): drawn
to scale, the whole village would shrink to a dot. When the base is more than
``FAR_RATIO`` times the size of the rest of the route, it is drawn at the edge in its true
direction, the leg to it dashed, and its distance written next to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop_app.tournees.model import RoutePlan, StopKind
from desktop_app.tournees.travel import Point, haversine_km

FAR_RATIO = 2.5


@dataclass(frozen=True)
class SketchLayout:
    positions: dict[tuple[float, float], tuple[float, float]]  # (lat, lon) → (x, y), y downwards
    base: tuple[float, float]
    base_far_km: float | None  # set when the base is drawn at the edge, not to scale

    def at(self, p: Point) -> tuple[float, float]:
        return self.positions[(p.lat, p.lon)]


def layout(plan: RoutePlan, width: float, height: float, pad: float) -> SketchLayout:
    stops = [s for trip in (plan.outbound, plan.inbound) for r in trip.rotations for s in r.stops]
    base_stop = next(s for s in plan.outbound.rotations[0].stops if s.kind == StopKind.BASE_DEPARTURE)
    base = base_stop.point
    others = [s.point for s in stops if (s.point.lat, s.point.lon) != (base.lat, base.lon)] or [base]
    centre = Point(sum(p.lat for p in others) / len(others), sum(p.lon for p in others) / len(others))
    spread = max(haversine_km(centre, p) for p in others)
    far = haversine_km(centre, base) > FAR_RATIO * max(spread, 0.3)
    fitted = others if far else [*others, base]
    kx = math.cos(math.radians(centre.lat))
    min_lat, max_lat = min(p.lat for p in fitted), max(p.lat for p in fitted)
    min_lon, max_lon = min(p.lon for p in fitted), max(p.lon for p in fitted)
    span_x = max((max_lon - min_lon) * kx, 1e-4)
    span_y = max(max_lat - min_lat, 1e-4)
    inner = pad * 3.2 if far else pad  # room at the edge for the far base
    scale = min((width - 2 * inner) / span_x, (height - 2 * inner) / span_y)
    ox = (width - span_x * scale) / 2
    oy = (height - span_y * scale) / 2

    def xy(p: Point) -> tuple[float, float]:
        return ox + (p.lon - min_lon) * kx * scale, height - (oy + (p.lat - min_lat) * scale)

    positions = {(p.lat, p.lon): xy(p) for p in others}
    if far:
        cx, cy = xy(centre)
        dx, dy = (base.lon - centre.lon) * kx, -(base.lat - centre.lat)
        length = math.hypot(dx, dy) or 1.0
        ux, uy = dx / length, dy / length
        limits = [((width - pad) - cx) / ux if ux > 0 else (pad - cx) / ux if ux < 0 else math.inf,
                  ((height - pad) - cy) / uy if uy > 0 else (pad - cy) / uy if uy < 0 else math.inf]
        t = min(limits)
        base_xy = (cx + ux * t, cy + uy * t)
    else:
        base_xy = xy(base)
    positions[(base.lat, base.lon)] = base_xy
    return SketchLayout(positions, base_xy, round(haversine_km(centre, base), 1) if far else None)
