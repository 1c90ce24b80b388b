"""Checking what is typed in the absence and recurring-contact forms: one French message
per wrong field, every wrong field at once."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app.errors import collect
from desktop_app.planning.records import AbsenceInput, RecurringInput
from desktop_app.planning.recurrence import FREQUENCES
from desktop_app.tournees.records import parse_time
from desktop_app.validation import FieldError, clean_multiline, clean_text, parse_date

_DT_RE = re.compile(r"^\s*(\S+)(?:\s+(?:à\s+)?(\S+))?\s*$")
END_BEFORE_START = "La fin doit être après le début."


def parse_datetime(value: str | dt.datetime | None, default_time: dt.time = dt.time(0)) -> dt.datetime | None:
    """« 24/12/2026 08:30 », « 24/12/2026 » (at ``default_time``) or a datetime."""
    if value is None or isinstance(value, dt.datetime):
        return value
    if not value.strip():
        return None
    m = _DT_RE.match(value)
    if not m:
        raise FieldError("Date et heure invalides : saisissez par exemple 24/12/2026 08:30.")
    day = parse_date(m[1])
    hour = parse_time(m[2]) if m[2] else default_time
    assert day is not None and hour is not None
    return dt.datetime.combine(day, hour)


def _field(errors: list[tuple[str, str | None]], name: str, fn: Any, *args: Any) -> Any:
    try:
        return fn(*args)
    except FieldError as exc:
        errors.append((name, str(exc)))
        return None


def clean_absence(data: AbsenceInput) -> dict[str, Any]:
    errors: list[tuple[str, str | None]] = []
    if (data.user_id is None) == (data.vehicle_id is None):
        errors.append(("qui", "Choisissez une personne ou un véhicule."))
    debut = _field(errors, "debut", parse_datetime, data.debut, dt.time(0))
    fin = _field(errors, "fin", parse_datetime, data.fin, dt.time(23, 59))
    if debut is None and not any(f == "debut" for f, _ in errors):
        errors.append(("debut", "Indiquez le début."))
    if fin is None and not any(f == "fin" for f, _ in errors):
        errors.append(("fin", "Indiquez la fin."))
    if debut and fin and fin <= debut:
        errors.append(("fin", END_BEFORE_START))
    motif = _field(errors, "motif", clean_text, data.motif, 200)
    collect(errors)
    return {"user_id": data.user_id, "vehicle_id": data.vehicle_id, "debut": debut, "fin": fin, "motif": motif}


def clean_recurring(data: RecurringInput) -> dict[str, Any]:
    errors: list[tuple[str, str | None]] = []
    if data.person_id is None:
        errors.append(("person_id", "Choisissez la personne à contacter."))
    user_id = benevole_id = None
    agent = (data.agent or "").strip()
    if agent.startswith("u:") and agent[2:].isdigit():
        user_id = int(agent[2:])
    elif agent.startswith("p:") and agent[2:].isdigit():
        benevole_id = int(agent[2:])
    elif agent:
        errors.append(("agent", "Intervenant inconnu."))
    if data.frequence not in FREQUENCES:
        errors.append(("frequence", "Choisissez la fréquence : chaque semaine, toutes les deux semaines ou chaque mois."))
    jour = data.jour_semaine
    if jour is None or not 0 <= int(jour) <= 6:
        errors.append(("jour_semaine", "Choisissez le jour de la semaine."))
    heure = _field(errors, "heure", parse_time, data.heure)
    if heure is None and not any(f == "heure" for f, _ in errors):
        errors.append(("heure", "Indiquez l'heure du contact."))
    duree = _field(errors, "duree_minutes", _duration, data.duree_minutes)
    debut = _field(errors, "date_debut", parse_date, data.date_debut)
    if debut is None and not any(f == "date_debut" for f, _ in errors):
        errors.append(("date_debut", "Indiquez le premier jour."))
    fin = _field(errors, "date_fin", parse_date, data.date_fin)
    if debut and fin and fin < debut:
        errors.append(("date_fin", "La date de fin doit être après le premier jour."))
    note = _field(errors, "note", clean_multiline, data.note, 2000)
    mode = (data.mode or "telephone").strip() or "telephone"
    collect(errors)
    return {"person_id": data.person_id, "user_id": user_id, "benevole_id": benevole_id,
            "frequence": data.frequence, "jour_semaine": int(jour or 0), "heure": heure, "duree_minutes": duree,
            "mode": mode, "date_debut": debut, "date_fin": fin, "note": note}


def _duration(value: str | int | None) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return 15
    try:
        minutes = int(str(value).strip())
    except ValueError as exc:
        raise FieldError("Durée invalide : un nombre de minutes.") from exc
    if not 1 <= minutes <= 600:
        raise FieldError("La durée doit être comprise entre 1 et 600 minutes.")
    return minutes
