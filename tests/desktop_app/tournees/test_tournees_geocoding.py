"""Geocoding against a local BAN-like server on 127.0.0.1 (never the internet): one
person, a commune's batch, low-confidence matches flagged, failures reported without
blocking, coordinates typed by hand kept."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import select

from db.models import Person
from desktop_app.tournees.geocoding import GeocodingUnavailable


@pytest.fixture
def geo(app, actor, ban_server):  # type: ignore[no-untyped-def]
    app.settings.set(actor, "geocodage.ban_url", ban_server.url)
    return app.tournees.geocoding


def _person(app, pid: int) -> Person:  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        person = s.scalar(select(Person).where(Person.id == pid))
        assert person is not None
        return person


def test_one_address_is_geocoded_with_its_score(app, actor, geo, ban_server, person_factory) -> None:
    ban_server.answers["5 rue de l'Église"] = (43.6590, 3.3001, 0.91, "5 Rue de l'Église 34800 Octon")
    pid = person_factory("Durand", adresse="5 rue de l'Église")
    result = geo.geocode_person(actor, pid)
    assert result.found and result.status == "ban" and result.score == pytest.approx(0.91)
    stored = _person(app, pid)
    assert (stored.latitude, stored.longitude, stored.geocode_status) == (pytest.approx(43.659), pytest.approx(3.3001), "ban")
    assert ban_server.seen[-1]["citycode"] == ["34186"]
    assert ban_server.seen[-1]["q"] == ["5 rue de l'Église 34800 Octon"]  # restricted to the commune


def test_low_score_is_flagged_for_review_and_unknown_is_reported(app, actor, geo, ban_server, person_factory) -> None:
    ban_server.answers["lieu-dit les Crozes"] = (43.65, 3.30, 0.42, "Octon")
    ban_server.answers["2 place de la Mairie"] = (43.6543, 3.3056, 0.88, "2 Place de la Mairie 34800 Octon")
    doubtful = person_factory("Martin", adresse="lieu-dit les Crozes")
    lost = person_factory("Nulle-part", adresse="chemin inconnu")
    fine = person_factory("Vidal", adresse="2 place de la Mairie")
    manual = person_factory("Fermier", lat=43.70, lon=3.25)  # remote farm typed by hand
    report = geo.geocode_commune(actor, "34186", only_missing=False)
    assert report.to_review == ("Mme MARTIN Test",)
    assert report.not_found == ("Mme NULLE-PART Test",)
    assert report.matched == 1 and _person(app, fine).geocode_status == "ban"
    assert report.skipped == 1 and "1 à vérifier" in report.message
    assert _person(app, doubtful).geocode_status == "a_verifier"
    assert _person(app, lost).geocode_status == "echec" and _person(app, lost).latitude is None
    assert _person(app, manual).geocode_status == "manuel" and _person(app, manual).latitude == 43.70


def test_server_down_gives_a_french_message_and_blocks_nothing(app, actor, person_factory) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed right after: nothing listens there
    app.settings.set(actor, "geocodage.ban_url", f"http://127.0.0.1:{port}")
    pid = person_factory("Durand")
    with pytest.raises(GeocodingUnavailable) as err:
        app.tournees.geocoding.geocode_person(actor, pid)
    assert "saisissez latitude et longitude à la main" in err.value.message_fr
    report = app.tournees.geocoding.geocode_commune(actor, "34186")
    assert "ne répond pas" in report.message
    app.tournees.geocoding.set_person_coordinates(actor, pid, "43,66", "3,30")  # still possible by hand
    assert _person(app, pid).latitude == 43.66


def test_wrong_coordinates_typed_by_hand_are_refused(app, actor, person_factory) -> None:
    from desktop_app.errors import ValidationError

    pid = person_factory("Durand")
    with pytest.raises(ValidationError) as err:
        app.tournees.geocoding.set_person_coordinates(actor, pid, "143", "3,3")
    assert "Latitude invalide" in err.value.errors["latitude"]


def test_osrm_failure_falls_back_to_straight_line(ban_server) -> None:
    from desktop_app.tournees.travel import Point, TravelModel, travel_matrix

    matrix = travel_matrix([Point(43.6, 3.4), Point(43.7, 3.3)], TravelModel(), osrm_url=ban_server.url)
    assert matrix.source == "vol d'oiseau" and matrix.warning and "OSRM" in matrix.warning
    assert matrix.distances[0][1] > 10_000


def test_osrm_road_times_are_used_when_the_local_server_answers() -> None:
    import json
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from desktop_app.tournees.travel import Point, TravelModel, travel_matrix

    class Osrm(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            assert self.path.startswith("/table/v1/driving/3.400000,43.600000;3.300000,43.700000")
            body = json.dumps({"code": "Ok", "durations": [[0, 1234.4], [1250.2, 0]],
                               "distances": [[0, 17890.0], [18010.5, 0]]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Osrm)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        matrix = travel_matrix([Point(43.6, 3.4), Point(43.7, 3.3)], TravelModel(),
                               osrm_url=f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    assert matrix.source == "OSRM" and matrix.warning is None
    assert matrix.durations == [[0, 1234], [1250, 0]] and matrix.distances[1][0] == 18010
