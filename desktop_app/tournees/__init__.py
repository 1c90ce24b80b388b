"""Tournées of an itinerant bus (API Bus): vehicles, commune conventions and tariff, the
yearly plan, passages, home pick-ups with optimised routes, geocoding and yearly figures.

:class:`Tournees` groups the services so the application container holds one field.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.engine import Database
from desktop_app.settings import SettingsService
from desktop_app.tournees.conventions import ConventionService
from desktop_app.tournees.figures import FiguresService
from desktop_app.tournees.geo_service import GeocodingService
from desktop_app.tournees.passages import PassageService
from desktop_app.tournees.pickups import PickupService
from desktop_app.tournees.trips import TripsService
from desktop_app.tournees.vehicles import VehicleService


@dataclass
class Tournees:
    vehicles: VehicleService
    conventions: ConventionService
    passages: PassageService
    pickups: PickupService
    geocoding: GeocodingService
    figures: FiguresService
    trips: TripsService

    @classmethod
    def create(cls, db: Database, settings: SettingsService) -> Tournees:
        pickups = PickupService(db, settings)
        return cls(
            vehicles=VehicleService(db, settings),
            conventions=ConventionService(db),
            passages=PassageService(db),
            pickups=pickups,
            geocoding=GeocodingService(db, settings),
            figures=FiguresService(db, settings),
            trips=TripsService(db, pickups),
        )
