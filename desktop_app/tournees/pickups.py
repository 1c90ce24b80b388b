"""Pick-up planning of one passage: compute the optimised route from the ticked people,
store it (every stop with its planned time), let the coordinator reorder it by hand, read
it back for the screen and the feuille de route."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.engine import Database
from db.models import Passage, PassageParticipant, PassageStop, Person, Vehicle
from desktop_app.actor import Actor
from desktop_app.errors import NotFound
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.tournees import participants as parts
from desktop_app.tournees import routing
from desktop_app.tournees.model import (
    Passenger,
    Problem,
    Rotation,
    RoutePlan,
    RouteRequest,
    Stop,
    StopKind,
    Trip,
    VehicleSpec,
)
from desktop_app.tournees.passages import passage_view, person_name
from desktop_app.tournees.records import ParticipantView, PassageRoute, seconds_of, time_of
from desktop_app.tournees.travel import Point
from desktop_app.tournees.vehicles import vehicle_view

OUT, BACK = "aller", "retour"


class PickupService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def compute(self, actor: Actor, passage_id: int) -> PassageRoute:
        """Solve the route for the ticked people and store it (raises RouteInfeasible)."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            plan = routing.plan_route(self._request(s, passage))
            self._store(s, actor, passage, plan)
        return self._stored(actor, passage_id)

    def reorder(self, actor: Actor, passage_id: int, outbound: Sequence[Sequence[int]],
                inbound: Sequence[Sequence[int]]) -> PassageRoute:
        """Keep the coordinator's order: recompute every time and store the broken rules as warnings."""
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.uow() as s:
            passage = self._load(s, passage_id)
            plan = routing.retime(self._request(s, passage), outbound, inbound)
            self._store(s, actor, passage, plan, detail="ordre modifié à la main")
        return self._stored(actor, passage_id)

    def _stored(self, actor: Actor, passage_id: int) -> PassageRoute:
        route = self.load(actor, passage_id)
        assert route is not None, "a route was just stored"
        return route

    def preview(self, actor: Actor, passage_id: int, outbound: Sequence[Sequence[int]],
                inbound: Sequence[Sequence[int]]) -> RoutePlan:
        """Times and warnings of an order, without storing anything."""
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return routing.retime(self._request(s, self._load(s, passage_id)), outbound, inbound)

    def load(self, actor: Actor, passage_id: int) -> PassageRoute | None:
        require(actor, Perm.TOURNEES_READ)
        return self.read_route(passage_id)

    def read_route(self, passage_id: int) -> PassageRoute | None:
        """The stored route, unchecked: callers check the actor first (load, trips)."""
        with self.db.read() as s:
            passage = self._load(s, passage_id)
            rows = s.scalars(select(PassageStop).where(PassageStop.passage_id == passage_id)
                             .order_by(PassageStop.sens, PassageStop.rotation, PassageStop.ordre)).all()
            if not rows:
                return None
            participants = self._participants(s, passage)
            out = _trip([r for r in rows if r.sens == OUT], participants)
            back = _trip([r for r in rows if r.sens == BACK], participants)
            riding = {k for r in out.rotations for k in r.passenger_keys}
            left = tuple(
                Passenger(p.person_id, p.nom, _point(p), p.mobilite) for p in participants.values()
                if p.besoin_transport and p.person_id not in riding)
            warnings = tuple(Problem("enregistre", w) for w in (passage.route_avertissements or "").split("\n") if w)
            plan = RoutePlan(out, back, left, warnings)
            vehicle = s.get(Vehicle, passage.vehicle_id) if passage.vehicle_id else None
            return PassageRoute(passage_view(s, passage), plan, participants,
                                vehicle_view(vehicle) if vehicle else None)

    def export_feuille_de_route(self, actor: Actor, passage_id: int, path: Path | str) -> Path:
        """Write the driver's PDF; every export of personal data is logged."""
        route = self.load(actor, passage_id)
        return self.write_route_sheet(actor, passage_id, route, path)

    def write_route_sheet(self, actor: Actor, passage_id: int, route: PassageRoute | None, path: Path | str) -> Path:
        from desktop_app.reports.feuille_de_route import write_feuille_de_route

        if route is None:
            raise NotFound("Calculez d'abord le trajet de ce passage : la feuille de route en dépend.")
        target = write_feuille_de_route(path, route, str(self.settings.get("service.nom")))
        with self.db.uow() as s:
            audit.record(s, actor, "export", "passage", passage_id, detail=f"feuille de route {Path(path).name}")
        return target

    # ----- helpers ---------------------------------------------------------------------
    def _request(self, s: Session, passage: Passage) -> RouteRequest:
        vehicle = s.get(Vehicle, passage.vehicle_id) if passage.vehicle_id else None
        spec = None
        if vehicle is not None:
            base = Point(vehicle.base_lat, vehicle.base_lon) if vehicle.base_lat is not None and vehicle.base_lon is not None else None
            spec = VehicleSpec(vehicle.nom, vehicle.places, vehicle.places_pmr, base, vehicle.vitesse_kmh, vehicle.facteur_detour)
        registered = parts.participant_ids(s, passage)
        people = s.execute(select(Person).join(PassageParticipant, PassageParticipant.person_id == Person.id).where(
            PassageParticipant.passage_id == passage.id, PassageParticipant.besoin_transport.is_(True),
            Person.id.in_(registered)).order_by(Person.sort_key)).scalars().all()
        passengers = tuple(
            Passenger(p.id, person_name(p), Point(p.latitude, p.longitude)
                      if p.latitude is not None and p.longitude is not None else None, p.mobilite)
            for p in people)
        venue = Point(passage.lieu_lat, passage.lieu_lon) if passage.lieu_lat is not None and passage.lieu_lon is not None else None
        start = seconds_of(passage.heure_debut)
        earliest = seconds_of(passage.depart_au_plus_tot) if passage.depart_au_plus_tot else \
            start - 60 * int(self.settings.get("tournees.depart_au_plus_tot_minutes"))
        return RouteRequest(
            venue_name=passage.lieu_nom or f"lieu du passage à {passage.commune_nom}", venue=venue, vehicle=spec,
            passengers=passengers, start=start, end=seconds_of(passage.heure_fin),
            arrival_margin=60 * int(self.settings.get("tournees.marge_arrivee_minutes")),
            earliest_departure=earliest, max_ride=60 * int(self.settings.get("tournees.trajet_max_minutes")),
            osrm_url=str(self.settings.get("tournees.osrm_url")),
        )

    def _store(self, s: Session, actor: Actor, passage: Passage, plan: RoutePlan, detail: str = "") -> None:
        s.execute(delete(PassageStop).where(PassageStop.passage_id == passage.id))
        pickup_times: dict[int, dt.time] = {}
        for sens, trip in ((OUT, plan.outbound), (BACK, plan.inbound)):
            for rot in trip.rotations:
                for order, stop in enumerate(rot.stops):
                    s.add(PassageStop(
                        passage_id=passage.id, sens=sens, rotation=rot.number, ordre=order, genre=str(stop.kind),
                        person_id=stop.passenger_key, libelle=stop.label[:200], heure_prevue=time_of(stop.time),
                        lat=stop.point.lat, lon=stop.point.lon, distance_m=stop.leg_metres, duree_s=stop.leg_seconds))
                    if sens == OUT and stop.passenger_key is not None:
                        pickup_times[stop.passenger_key] = time_of(stop.time)
        for row in s.scalars(select(PassageParticipant).where(PassageParticipant.passage_id == passage.id)):
            row.heure_prise_en_charge = pickup_times.get(row.person_id)
        passage.route_km = round(plan.metres / 1000, 1)
        passage.route_minutes = round(plan.driving_seconds / 60)
        passage.route_calculee_le = utcnow()
        lines = [p.message for p in plan.problems] + list(plan.notes)
        passage.route_avertissements = "\n".join(lines) or None
        s.flush()
        audit.record(s, actor, "planification_transport", "passage", passage.id,
                     fields=["passage_stop", "heure_prise_en_charge"], detail=detail)

    @staticmethod
    def _participants(s: Session, passage: Passage) -> dict[int, ParticipantView]:
        return {p.person_id: p for p in parts.participants(s, passage)}

    @staticmethod
    def _load(s: Session, passage_id: int) -> Passage:
        passage = s.get(Passage, passage_id)
        if passage is None:
            raise NotFound("Ce passage n'existe pas ou plus.")
        return passage


def _point(p: ParticipantView) -> Point | None:
    return Point(p.latitude, p.longitude) if p.latitude is not None and p.longitude is not None else None


def _trip(rows: list[PassageStop], participants: dict[int, ParticipantView]) -> Trip:
    by_rotation: dict[int, list[PassageStop]] = {}
    for row in rows:
        by_rotation.setdefault(row.rotation, []).append(row)
    rotations = []
    rides: dict[int, int] = {}
    for number in sorted(by_rotation):
        stops = tuple(Stop(StopKind(r.genre), seconds_of(r.heure_prevue), r.libelle, Point(r.lat, r.lon),
                           r.person_id, r.distance_m, r.duree_s) for r in by_rotation[number])
        keys = tuple(st.passenger_key for st in stops if st.passenger_key is not None)
        for st in stops:
            if st.passenger_key is None:
                continue
            if st.kind == StopKind.PICKUP:
                rides[st.passenger_key] = stops[-1].time - st.time
            else:
                rides[st.passenger_key] = st.time - stops[0].time
        rotations.append(Rotation(number, stops, keys))
    return Trip(tuple(rotations), rides)
