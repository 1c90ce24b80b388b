"""Fixtures of the tournées tests: people living around Octon (Hérault), the API Bus based
in Clermont-l'Hérault, a convention and a passage; and a local BAN-like HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar
from urllib.parse import parse_qs, urlparse

import pytest

from desktop_app.people.records import PersonInput
from desktop_app.tournees.records import ConventionInput, PassageInput, VehicleInput

CLERMONT = (43.6275, 3.4317)  # base: Clermont-l'Hérault
OCTON_SALLE = (43.6543, 3.3056)  # salle des fêtes, Octon
HOMES = [  # around Octon and its hamlets
    ("Durand", "Marie", "mme", 43.6590, 3.3000, "autonome"),
    ("Martin", "Jean", "m", 43.6480, 3.2950, "canne"),
    ("Bernard", "Louise", "mme", 43.6650, 3.3150, "fauteuil"),
    ("Petit", "André", "m", 43.6420, 3.3120, "deambulateur"),
    ("Roux", "Jeanne", "mme", 43.6700, 3.2900, "autonome"),
    ("Fabre", "Paul", "m", 43.6510, 3.3250, None),
    ("Blanc", "Odette", "mme", 43.6605, 3.2820, "canne"),
]


@dataclass
class Setup:
    vehicle_id: int
    convention_id: int
    passage_id: int
    people: dict[str, int]


def make_person(app, actor, nom: str, prenom: str, civ: str, lat: float | None, lon: float | None,  # type: ignore[no-untyped-def]
                mobilite: str | None, insee: str = "34186", adresse: str | None = None) -> int:
    detail = app.people.create(actor, PersonInput(
        nom=nom, prenom=prenom, civilite=civ, adresse=adresse or f"{len(nom)} chemin des Vignes", code_postal="34800",
        commune_insee=insee, telephone="0467" + f"{abs(hash(nom)) % 1000000:06d}", mobilite=mobilite,
        urgence_nom=f"{prenom} fils", urgence_telephone="0612345678", urgence_lien="fils"), confirm_duplicate=True)
    if lat is not None:
        app.tournees.geocoding.set_person_coordinates(actor, detail.id, lat, lon)
    return detail.id


@pytest.fixture
def setup(app, actor) -> Setup:  # type: ignore[no-untyped-def]
    t = app.tournees
    vehicle = t.vehicles.create(actor, VehicleInput("API Bus", 5, 1, "Clermont-l'Hérault", *CLERMONT))
    t.conventions.set_tariff_grid(actor, [(1, "150"), (2, "130"), (3, "120"), (4, "100"), (5, "90")])
    conv = t.conventions.save(actor, ConventionInput(
        2026, "34186", 6, lieu_nom="Salle des fêtes d'Octon", lieu_lat=OCTON_SALLE[0], lieu_lon=OCTON_SALLE[1],
        contact="Mairie d'Octon, 04 67 96 00 00"))
    passage = t.passages.create(actor, PassageInput(
        "34186", "12/03/2026", "14:00", "16:30", vehicle_id=vehicle.id, convention_id=conv.id, theme="Prévention des chutes"))
    people = {}
    for nom, prenom, civ, lat, lon, mob in HOMES:
        people[nom] = make_person(app, actor, nom, prenom, civ, lat, lon, mob)
        t.passages.register(actor, passage.id, people[nom])
    return Setup(vehicle.id, conv.id, passage.id, people)


class BanHandler(BaseHTTPRequestHandler):
    """Answers /search/ like api-adresse.data.gouv.fr (GeoJSON FeatureCollection)."""

    answers: ClassVar[dict[str, tuple[float, float, float, str]]] = {}
    seen: ClassVar[list[dict[str, list[str]]]] = []

    def do_GET(self) -> None:
        url = urlparse(self.path)
        params = parse_qs(url.query)
        type(self).seen.append(params)
        if url.path != "/search/":
            self.send_error(404)
            return
        q = params.get("q", [""])[0]
        features = []
        for needle, (lat, lon, score, label) in self.answers.items():
            if needle in q:
                features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                                 "properties": {"label": label, "score": score, "type": "housenumber",
                                                "citycode": params.get("citycode", [""])[0]}})
                break
        body = json.dumps({"type": "FeatureCollection", "version": "draft", "features": features,
                           "query": q}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@dataclass
class BanServer:
    url: str
    answers: dict[str, tuple[float, float, float, str]]  # text in the query → lat, lon, score, label
    seen: list[dict[str, list[str]]]


@pytest.fixture
def ban_server() -> Iterator[BanServer]:
    BanHandler.answers = {}
    BanHandler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), BanHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield BanServer(f"http://127.0.0.1:{server.server_address[1]}", BanHandler.answers, BanHandler.seen)
    server.shutdown()
    server.server_close()


@pytest.fixture
def person_factory(app, actor):  # type: ignore[no-untyped-def]
    def make(nom: str, prenom: str = "Test", civ: str = "mme", lat: float | None = None, lon: float | None = None,
             mobilite: str | None = None, insee: str = "34186", adresse: str | None = None) -> int:
        return make_person(app, actor, nom, prenom, civ, lat, lon, mobilite, insee, adresse)

    return make
