"""Geocoding through the Base Adresse Nationale (BAN, ``api-adresse.data.gouv.fr``).

One address at a time, or all the addresses of one commune in a batch (each request
restricted to the commune's INSEE code, so a homonymous street elsewhere never matches).
The match score is kept; below 0.6 the match is flagged « à vérifier » for a human.
Offline or when the service fails, :class:`GeocodingUnavailable` carries a French message:
the coordinator can always type coordinates by hand, nothing else is blocked.

The base URL is a setting (``geocodage.ban_url``) so tests point it at a local server and a
service can use a mirror.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from desktop_app.errors import Refused

log = logging.getLogger(__name__)

DEFAULT_BAN_URL = "https://api-adresse.data.gouv.fr"
LOW_CONFIDENCE = 0.6
TIMEOUT_S = 8.0


class GeocodingUnavailable(Refused):
    message_fr = ("Le service national d'adresses (BAN) ne répond pas : vérifiez la connexion internet, "
                  "ou saisissez latitude et longitude à la main. Les autres fonctions restent utilisables.")


@dataclass(frozen=True)
class AddressQuery:
    key: int  # the caller's id (person, convention, vehicle)
    text: str  # « 12 rue des Écoles »
    postcode: str | None = None
    citycode: str | None = None  # INSEE
    city: str | None = None

    @property
    def full_text(self) -> str:
        parts = [self.text, self.postcode or "", self.city or ""]
        return " ".join(p for p in parts if p).strip()


@dataclass(frozen=True)
class GeocodeResult:
    key: int
    lat: float | None
    lon: float | None
    score: float | None
    label: str
    status: str  # db.models.tournees.GeocodeStatus value

    @property
    def found(self) -> bool:
        return self.lat is not None

    @property
    def to_review(self) -> bool:
        return self.status == "a_verifier"


class BanClient:
    """A small client of the BAN ``/search/`` endpoint (GeoJSON answer)."""

    def __init__(self, base_url: str = DEFAULT_BAN_URL, timeout: float = TIMEOUT_S,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.base_url = (base_url or DEFAULT_BAN_URL).rstrip("/")
        self._client = httpx.Client(timeout=timeout, transport=transport,
                                    headers={"User-Agent": "Escale (logiciel libre CCAS)"})

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> BanClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def geocode(self, query: AddressQuery) -> GeocodeResult:
        if not query.text.strip():
            return GeocodeResult(query.key, None, None, None, "Adresse vide", "echec")
        params: dict[str, str | int] = {"q": query.full_text, "limit": 1}
        if query.citycode:
            params["citycode"] = query.citycode
        elif query.postcode:
            params["postcode"] = query.postcode
        try:
            response = self._client.get(f"{self.base_url}/search/", params=params)
            response.raise_for_status()
            data = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("BAN geocoding failed for %s: %s", self.base_url, exc)
            raise GeocodingUnavailable() from exc
        return parse_answer(query.key, data)

    def geocode_many(self, queries: Sequence[AddressQuery],
                     progress: Callable[[int, int], None] | None = None) -> list[GeocodeResult]:
        """A batch (typically one commune): stops at the first network failure."""
        results = []
        for done, query in enumerate(queries, start=1):
            results.append(self.geocode(query))
            if progress is not None:
                progress(done, len(queries))
        return results


def parse_answer(key: int, data: dict) -> GeocodeResult:  # type: ignore[type-arg]
    """Read the first feature of a BAN GeoJSON FeatureCollection."""
    features = data.get("features") or []
    if not features:
        return GeocodeResult(key, None, None, None, "Adresse introuvable", "echec")
    feature = features[0]
    try:
        lon, lat = feature["geometry"]["coordinates"][:2]
        props = feature.get("properties", {})
        score = float(props.get("score", 0.0))
        label = str(props.get("label", ""))
    except (KeyError, TypeError, ValueError):
        return GeocodeResult(key, None, None, None, "Réponse illisible du service d'adresses", "echec")
    status = "ban" if score >= LOW_CONFIDENCE else "a_verifier"
    return GeocodeResult(key, float(lat), float(lon), round(score, 4), label, status)


def check_coordinates(lat: float | None, lon: float | None) -> dict[str, str]:
    """French field errors for coordinates typed by hand (France incl. overseas)."""
    errors = {}
    if lat is None or not -90 <= lat <= 90:
        errors["latitude"] = "Latitude invalide : un nombre entre -90 et 90 (ex. 43,6286)."
    if lon is None or not -180 <= lon <= 180:
        errors["longitude"] = "Longitude invalide : un nombre entre -180 et 180 (ex. 3,4319)."
    return errors


def parse_coordinate(value: str | float | None) -> float | None:
    if value is None or isinstance(value, float | int):
        return None if value is None else float(value)
    text = value.strip().replace(",", ".").replace("°", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return float("nan")
