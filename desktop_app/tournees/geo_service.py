"""Coordinates of homes, venues and vehicle bases: BAN geocoding (one or a commune's
batch) and coordinates typed by hand. A failure never blocks anything else."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from sqlalchemy import select

from db.engine import Database
from db.models import CommuneConvention, Person, Vehicle
from db.models.tournees import GeocodeStatus
from desktop_app.actor import Actor
from desktop_app.errors import NotFound, ValidationError
from desktop_app.security import audit, scope
from desktop_app.security.permissions import Perm, require
from desktop_app.settings import SettingsService
from desktop_app.tournees.geocoding import AddressQuery, BanClient, GeocodeResult, check_coordinates
from desktop_app.tournees.passages import person_name
from desktop_app.tournees.records import BatchGeocodeReport, HomeCoordinates, Num, parse_float
from desktop_app.validation import FieldError


class GeocodingService:
    def __init__(self, db: Database, settings: SettingsService,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.db = db
        self.settings = settings
        self._transport = transport

    def _client(self) -> BanClient:
        return BanClient(str(self.settings.get("geocodage.ban_url")), transport=self._transport)

    # ----- people ----------------------------------------------------------------------
    def geocode_person(self, actor: Actor, person_id: int) -> GeocodeResult:
        require(actor, Perm.PEOPLE_WRITE)
        with self.db.read() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            query = _person_query(person)
        if query is None:
            raise ValidationError.single("adresse", "Cette fiche n'a pas d'adresse : saisissez-la, ou les coordonnées à la main.")
        with self._client() as client:
            result = client.geocode(query)
        self._store_people(actor, [result])
        return result

    def geocode_commune(self, actor: Actor, commune_insee: str, only_missing: bool = True,
                        progress: Callable[[int, int], None] | None = None) -> BatchGeocodeReport:
        """Every active person of a commune (those without coordinates by default).
        Coordinates typed by hand are never overwritten."""
        require(actor, Perm.PEOPLE_WRITE)
        with self.db.read() as s:
            people = s.scalars(select(Person).where(Person.commune_insee == commune_insee,
                                                    Person.statut == "actif").order_by(Person.sort_key)).all()
            names = {p.id: person_name(p) for p in people}
            queries, skipped = [], 0
            for p in people:
                query = _person_query(p)
                if query is None or p.geocode_status == GeocodeStatus.MANUEL or (only_missing and p.latitude is not None):
                    skipped += 1
                else:
                    queries.append(query)
        results: list[GeocodeResult] = []
        message = ""
        try:
            with self._client() as client:
                for done, query in enumerate(queries, start=1):
                    results.append(client.geocode(query))
                    if progress is not None:
                        progress(done, len(queries))
        except Exception as exc:  # keep what was found before the network failed
            from desktop_app.tournees.geocoding import GeocodingUnavailable

            if not isinstance(exc, GeocodingUnavailable):
                raise
            message = exc.message_fr + f" {len(results)} adresse(s) traitée(s) avant l'interruption."
        self._store_people(actor, results)
        review = tuple(names[r.key] for r in results if r.to_review)
        missing = tuple(names[r.key] for r in results if not r.found)
        matched = sum(1 for r in results if r.found and not r.to_review)
        if not message:
            message = (f"{matched} adresse(s) localisée(s), {len(review)} à vérifier, {len(missing)} introuvable(s), "
                       f"{skipped} non traitée(s) (sans adresse, déjà localisée ou saisie à la main).")
        return BatchGeocodeReport(matched, review, missing, skipped, message)

    def home(self, actor: Actor, person_id: int) -> HomeCoordinates:
        """The stored home coordinates of a person, with how they were obtained."""
        require(actor, Perm.PEOPLE_READ)
        with self.db.read() as s:
            scope.check_person(s, actor, person_id)
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            return HomeCoordinates(person.latitude, person.longitude, person.geocode_score, person.geocode_status)

    def set_person_coordinates(self, actor: Actor, person_id: int, lat: Num, lon: Num) -> None:
        """Coordinates typed or corrected by hand (a remote farm, a wrong match)."""
        require(actor, Perm.PEOPLE_WRITE)
        latitude, longitude = _coords(lat, lon)
        with self.db.uow() as s:
            person = s.get(Person, person_id)
            if person is None:
                raise NotFound("Cette personne n'existe pas ou plus dans le fichier.")
            person.latitude, person.longitude = latitude, longitude
            person.geocode_score = None
            person.geocode_status = GeocodeStatus.MANUEL.value if latitude is not None else None
            audit.record(s, actor, "modification", "person", person.id, person_id=person.id,
                         fields=["latitude", "longitude", "geocode_status"])

    def _store_people(self, actor: Actor, results: list[GeocodeResult]) -> None:
        if not results:
            return
        with self.db.uow() as s:
            for r in results:
                person = s.get(Person, r.key)
                if person is None:
                    continue
                if r.found:
                    person.latitude, person.longitude, person.geocode_score = r.lat, r.lon, r.score
                person.geocode_status = r.status
                audit.record(s, actor, "geocodage", "person", person.id, person_id=person.id,
                             fields=["latitude", "longitude", "geocode_score", "geocode_status"])

    # ----- venues and bases ------------------------------------------------------------
    def geocode_convention_venue(self, actor: Actor, convention_id: int) -> GeocodeResult:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            conv = s.get(CommuneConvention, convention_id)
            if conv is None:
                raise NotFound("Cette convention n'existe pas ou plus.")
            query = AddressQuery(conv.id, conv.lieu_adresse or conv.lieu_nom or "mairie", None, conv.commune_insee,
                                 conv.commune_nom)
        with self._client() as client:
            result = client.geocode(query)
        if result.found:
            with self.db.uow() as s:
                conv = s.get(CommuneConvention, convention_id)
                assert conv is not None
                conv.lieu_lat, conv.lieu_lon = result.lat, result.lon
                audit.record(s, actor, "geocodage", "commune_convention", conv.id, fields=["lieu_lat", "lieu_lon"])
        return result

    def geocode_vehicle_base(self, actor: Actor, vehicle_id: int) -> GeocodeResult:
        require(actor, Perm.TOURNEES_WRITE)
        with self.db.read() as s:
            vehicle = s.get(Vehicle, vehicle_id)
            if vehicle is None:
                raise NotFound("Ce véhicule n'existe pas ou plus.")
            if not vehicle.base_adresse:
                raise ValidationError.single("base_adresse", "Saisissez d'abord l'adresse de la base du véhicule.")
            query = AddressQuery(vehicle.id, vehicle.base_adresse)
        with self._client() as client:
            result = client.geocode(query)
        if result.found:
            with self.db.uow() as s:
                vehicle = s.get(Vehicle, vehicle_id)
                assert vehicle is not None
                vehicle.base_lat, vehicle.base_lon = result.lat, result.lon
                audit.record(s, actor, "geocodage", "vehicle", vehicle.id, fields=["base_lat", "base_lon"])
        return result


def _person_query(p: Person) -> AddressQuery | None:
    if not p.adresse:
        return None
    return AddressQuery(p.id, p.adresse, p.code_postal, p.commune_insee, p.commune_nom)


def _coords(lat: Num, lon: Num) -> tuple[float | None, float | None]:
    parsed: dict[str, float | None] = {}
    errors: dict[str, str] = {}
    for field, value, message in (("latitude", lat, "Latitude invalide : un nombre comme 43,6286."),
                                  ("longitude", lon, "Longitude invalide : un nombre comme 3,4319.")):
        try:
            parsed[field] = parse_float(value, message)
        except FieldError as exc:
            errors[field] = str(exc)
    if errors:
        raise ValidationError(errors)
    latitude, longitude = parsed["latitude"], parsed["longitude"]
    if latitude is None and longitude is None:
        return None, None
    errors = check_coordinates(latitude, longitude)
    if errors:
        raise ValidationError(errors)
    return latitude, longitude
