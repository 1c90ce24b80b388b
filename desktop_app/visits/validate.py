"""Turn a VisitInput into clean values, or one ValidationError listing every field the
user must fix (French messages, keyed by field name)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from db.enums import ModeContact, ObjetContact
from desktop_app.errors import ValidationError
from desktop_app.formatting import date_fr
from desktop_app.validation import FieldError, clean_multiline, clean_text, parse_date
from desktop_app.visits.records import MAX_INTERVENANTS, VisitInput

EARLIEST = dt.date(2000, 1, 1)
MAX_DURATION = 12 * 60
_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*$", re.IGNORECASE)
_DURATION_RE = re.compile(r"^\s*(?:(\d+)\s*h\s*(\d{1,2})?|(\d+)\s*:\s*(\d{2})|(-?\d+)\s*(?:min|mn|m)?)\s*$", re.IGNORECASE)
_DURATION_HELP = "en minutes, par exemple 45 ou 1h30"


def parse_time(value: str | dt.time | None) -> dt.time | None:
    """« 14h30 », « 14:30 », « 14h », « 9 » → time; empty → None."""
    if value is None or isinstance(value, dt.time):
        return value
    if not value.strip():
        return None
    m = _TIME_RE.match(value)
    hour, minute = (int(m[1]), int(m[2] or 0)) if m else (-1, -1)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise FieldError("Heure invalide : saisissez-la sous la forme 14h30.")
    return dt.time(hour, minute)


def parse_duration(value: str | int | None) -> int:
    """Minutes from « 45 », « 45 min », « 1h30 », « 1:30 »; refuses empty, zero, negative."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise FieldError(f"Indiquez la durée ({_DURATION_HELP}).")
    if isinstance(value, int):
        minutes = value
    else:
        m = _DURATION_RE.match(value)
        if not m:
            raise FieldError(f"Durée invalide ({_DURATION_HELP}).")
        if m[1] is not None:
            minutes = int(m[1]) * 60 + int(m[2] or 0)
        elif m[3] is not None:
            minutes = int(m[3]) * 60 + int(m[4])
        else:
            minutes = int(m[5])
    if minutes <= 0:
        raise FieldError(f"La durée doit être positive ({_DURATION_HELP}).")
    if minutes > MAX_DURATION:
        raise FieldError("Durée trop longue : 12 heures au plus.")
    return minutes


def _visit_date(value: Any, today: dt.date) -> dt.date | None:
    day = parse_date(value)
    if day is None:
        raise FieldError("La date de la visite est obligatoire.")
    if day > today:
        raise FieldError(
            "Cette date est dans le futur : une visite se saisit une fois faite. "
            "Pour la prévoir, indiquez « Prochain contact » sur la visite précédente."
        )
    if day < EARLIEST:
        raise FieldError("Date trop ancienne : vérifiez l'année.")
    return day


def clean_visit(data: VisitInput, today: dt.date) -> dict[str, Any]:
    """Column values of ``visit`` plus ``note``, ``intervenants`` and ``orientations``."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}

    def take(name: str, parse: Any) -> None:
        try:
            values[name] = parse()
        except FieldError as exc:
            errors[name] = str(exc)

    if data.person_id is None:
        errors["person_id"] = "Choisissez la personne rencontrée."
    values["person_id"] = data.person_id
    take("date", lambda: _visit_date(data.date, today))
    take("heure", lambda: parse_time(data.heure))
    take("duree_minutes", lambda: parse_duration(data.duree))
    if "duree_minutes" in errors:
        errors["duree"] = errors.pop("duree_minutes")
    for name, kind, label in (("mode", ModeContact, "Mode"), ("objet", ObjetContact, "Objet")):
        try:
            values[name] = str(kind(getattr(data, name)))
        except ValueError:
            errors[name] = f"{label} : choisissez dans la liste."
    take("resume", lambda: clean_multiline(data.resume))
    take("note", lambda: clean_multiline(data.note_confidentielle))
    if "note" in errors:
        errors["note_confidentielle"] = errors.pop("note")
    take("prochain_contact", lambda: parse_date(data.prochain_contact))
    _check_next_contact(values, errors)
    values["intervenants"] = _intervenants(data, errors)
    values["orientations"] = _orientations(data, errors)
    if errors:
        raise ValidationError(errors)
    return values


def _check_next_contact(values: dict[str, Any], errors: dict[str, str]) -> None:
    nxt, day = values.get("prochain_contact"), values.get("date")
    if nxt is None or day is None:
        return
    if nxt < day:
        errors["prochain_contact"] = f"Le prochain contact ne peut pas précéder la visite du {date_fr(day)}."
    elif nxt > day + dt.timedelta(days=731):
        errors["prochain_contact"] = "Prochain contact trop lointain : deux ans au plus après la visite."


def _intervenants(data: VisitInput, errors: dict[str, str]) -> list[Any]:
    refs = list(data.intervenants)
    if len(refs) > MAX_INTERVENANTS:
        errors["intervenants"] = "Deux intervenants au plus par visite."
    elif len({r.key for r in refs}) != len(refs):
        errors["intervenants"] = "Le même intervenant est cité deux fois."
    elif any((r.user_id is None) == (r.person_id is None) for r in refs):
        errors["intervenants"] = "Intervenant inconnu."
    return refs


def _orientations(data: VisitInput, errors: dict[str, str]) -> list[tuple[int, str | None]]:
    out: list[tuple[int, str | None]] = []
    for item in data.orientations:
        if item.partner_id is None:
            if clean_text(item.motif):
                errors["orientations"] = "Choisissez le partenaire vers lequel la personne est orientée."
            continue
        try:
            out.append((item.partner_id, clean_text(item.motif, 500)))
        except FieldError as exc:
            errors["orientations"] = f"Motif d'orientation : {exc}"
    if len({pid for pid, _ in out}) != len(out):
        errors["orientations"] = "Le même partenaire est cité deux fois."
    return out
