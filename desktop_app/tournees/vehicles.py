"""Vehicles of the tournées: seats, PMR places, base and travel-time parameters."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from db.engine import Database
from db.models import Vehicle
from desktop_app.actor import Actor
from desktop_app.errors import Conflict, NotFound, ValidationError
from desktop_app.security import audit
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.tournees.geocoding import check_coordinates
from desktop_app.tournees.records import VehicleInput, VehicleView, parse_float
from desktop_app.validation import FieldError, clean_text


def vehicle_view(v: Vehicle) -> VehicleView:
    return VehicleView(v.id, v.version_id, v.nom, v.places, v.places_pmr, v.base_adresse, v.base_lat,
                       v.base_lon, v.vitesse_kmh, v.facteur_detour, v.actif)


def _int(value: Any, field: str, low: int, high: int, message: str, errors: dict[str, str]) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        errors[field] = message
        return low
    if not low <= number <= high:
        errors[field] = message
    return number


class VehicleService:
    def __init__(self, db: Database, settings: SettingsService) -> None:
        self.db = db
        self.settings = settings

    def list_all(self, actor: Actor, include_inactive: bool = False) -> list[VehicleView]:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            query = select(Vehicle).order_by(Vehicle.nom)
            if not include_inactive:
                query = query.where(Vehicle.actif.is_(True))
            return [vehicle_view(v) for v in s.scalars(query)]

    def get(self, actor: Actor, vehicle_id: int) -> VehicleView:
        require(actor, Perm.TOURNEES_READ)
        with self.db.read() as s:
            return vehicle_view(self._load(s, vehicle_id))

    def create(self, actor: Actor, data: VehicleInput) -> VehicleView:
        require(actor, Perm.TOURNEES_WRITE)
        values = self._clean(data)
        try:
            with self.db.uow() as s:
                vehicle = Vehicle(**values)
                s.add(vehicle)
                s.flush()
                audit.record(s, actor, "creation", "vehicle", vehicle.id, fields=values.keys())
                return vehicle_view(vehicle)
        except IntegrityError as exc:
            raise ValidationError.single("nom", "Un véhicule porte déjà ce nom.") from exc

    def update(self, actor: Actor, vehicle_id: int, expected_version: int, data: VehicleInput) -> VehicleView:
        require(actor, Perm.TOURNEES_WRITE)
        values = self._clean(data)
        try:
            with self.db.uow() as s:
                vehicle = self._load(s, vehicle_id)
                if vehicle.version_id != expected_version:
                    raise Conflict()
                changed = [k for k, v in values.items() if getattr(vehicle, k) != v]
                for key, value in values.items():
                    setattr(vehicle, key, value)
                s.flush()
                if changed:
                    audit.record(s, actor, "modification", "vehicle", vehicle.id, fields=changed)
                return vehicle_view(vehicle)
        except StaleDataError as exc:
            raise Conflict() from exc
        except IntegrityError as exc:
            raise ValidationError.single("nom", "Un véhicule porte déjà ce nom.") from exc

    def _clean(self, data: VehicleInput) -> dict[str, Any]:
        errors: dict[str, str] = {}
        values: dict[str, Any] = {}
        try:
            values["nom"] = clean_text(data.nom, 100)
        except FieldError as exc:
            errors["nom"] = str(exc)
        if not values.get("nom") and "nom" not in errors:
            errors["nom"] = "Donnez un nom au véhicule (par exemple « API Bus »)."
        values["places"] = _int(data.places, "places", 1, 60, "Nombre de places passagers : de 1 à 60.", errors)
        values["places_pmr"] = _int(data.places_pmr, "places_pmr", 0, 60, "Places PMR : un nombre de 0 au nombre de places.", errors)
        if "places_pmr" not in errors and "places" not in errors and values["places_pmr"] > values["places"]:
            errors["places_pmr"] = "Les places PMR font partie des places passagers : pas plus que le nombre de places."
        try:
            values["base_adresse"] = clean_text(data.base_adresse, 250)
            lat = parse_float(data.base_lat, "Latitude invalide : un nombre comme 43,6286.")
            lon = parse_float(data.base_lon, "Longitude invalide : un nombre comme 3,4319.")
            speed = parse_float(data.vitesse_kmh, "Vitesse invalide : un nombre de km/h comme 50.")
            detour = parse_float(data.facteur_detour, "Facteur de détour invalide : un nombre comme 1,3.")
        except FieldError as exc:
            errors["base_lat"] = str(exc)
            lat = lon = speed = detour = None
        if (lat is None) != (lon is None):
            errors["base_lat"] = "Saisissez la latitude et la longitude de la base, ou aucune des deux."
        elif lat is not None:
            errors.update({f"base_{k[:3]}": m for k, m in check_coordinates(lat, lon).items()})
        values["base_lat"], values["base_lon"] = lat, lon
        speed = speed if speed is not None else float(self.settings.get("tournees.vitesse_kmh"))
        detour = detour if detour is not None else float(self.settings.get("tournees.facteur_detour"))
        if not 10 <= speed <= 110:
            errors["vitesse_kmh"] = "Vitesse moyenne : entre 10 et 110 km/h (50 sur routes de campagne)."
        if not 1.0 <= detour <= 3.0:
            errors["facteur_detour"] = "Facteur de détour : entre 1 et 3 (1,3 en campagne)."
        values["vitesse_kmh"], values["facteur_detour"] = speed, detour
        values["actif"] = bool(data.actif)
        if errors:
            raise ValidationError(errors)
        return values

    @staticmethod
    def _load(s: Any, vehicle_id: int) -> Vehicle:
        vehicle = s.get(Vehicle, vehicle_id)
        if vehicle is None:
            raise NotFound("Ce véhicule n'existe pas ou plus.")
        return vehicle
