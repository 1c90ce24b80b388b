"""Turn a PersonInput into clean column values, or one ValidationError listing every
field the user must fix (French messages, keyed by field name)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from db.enums import CaisseRetraite, Civilite, Mobilite, Sexe, SourceOrientation, StatutPersonne
from desktop_app.communes import clean_commune_fields
from desktop_app.errors import ValidationError
from desktop_app.people.records import PersonInput
from desktop_app.validation import (
    FieldError,
    clean_text,
    normalize_email,
    normalize_phone,
    parse_birth_date,
    parse_date,
)


def _enum(kind: type, label: str) -> Callable[[Any], str | None]:
    def parse(value: Any) -> str | None:
        if value in (None, ""):
            return None
        try:
            return str(kind(value))
        except ValueError as exc:
            raise FieldError(f"{label} : valeur inconnue « {value} ».") from exc

    return parse


def _gir(value: Any) -> int | None:
    if value in (None, ""):
        return None
    try:
        gir = int(value)
    except (TypeError, ValueError) as exc:
        raise FieldError("Le GIR est un nombre de 1 à 6.") from exc
    if not 1 <= gir <= 6:
        raise FieldError("Le GIR est un nombre de 1 à 6 (grille AGGIR).")
    return gir


def _text(max_len: int) -> Callable[[Any], str | None]:
    return lambda value: clean_text(value, max_len)


def _not_future(value: Any) -> dt.date | None:
    day = parse_date(value)
    if day is not None and day > dt.date.today():
        raise FieldError("Cette date est dans le futur.")
    return day


PARSERS: dict[str, Callable[[Any], Any]] = {
    "civilite": _enum(Civilite, "Civilité"),
    "nom_naissance": _text(100),
    "date_naissance": parse_birth_date,
    "adresse": _text(200),
    "complement_adresse": _text(200),
    "telephone": normalize_phone,
    "telephone2": normalize_phone,
    "email": normalize_email,
    "caisse_retraite": _enum(CaisseRetraite, "Caisse de retraite"),
    "caisse_complementaire": _text(100),
    "gir": _gir,
    "gir_date": _not_future,
    "gir_evaluateur": _text(100),
    "mobilite": _enum(Mobilite, "Mobilité"),
    "source_orientation": _enum(SourceOrientation, "Orientation"),
    "urgence_nom": _text(150),
    "urgence_telephone": normalize_phone,
    "urgence_lien": _text(60),
    "medecin_traitant": _text(150),
    "consentement_date": _not_future,
    "notice_date": _not_future,
}
BOOLEANS = (
    "vit_seul", "fragilite_isolement", "fragilite_precarite", "fragilite_sante",
    "est_beneficiaire", "est_benevole",
)


def clean_person(data: PersonInput) -> dict[str, Any]:
    """Every column value of ``person`` derived from the form, or ValidationError."""
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for name, required in (("nom", "Le nom est obligatoire."), ("prenom", "Le prénom est obligatoire.")):
        try:
            text = clean_text(getattr(data, name), 100)
        except FieldError as exc:
            errors[name] = str(exc)
            continue
        if not text:
            errors[name] = required
        values[name] = text
    for name, parse in PARSERS.items():
        try:
            values[name] = parse(getattr(data, name))
        except FieldError as exc:
            errors[name] = str(exc)
    try:
        values["sexe"] = str(Sexe(data.sexe or "i"))
    except ValueError:
        errors["sexe"] = "Sexe : valeur inconnue."
    try:
        values["statut"] = str(StatutPersonne(data.statut or "actif"))
    except ValueError:
        errors["statut"] = "Statut : valeur inconnue."
    for name in BOOLEANS:
        raw = getattr(data, name)
        values[name] = None if raw is None and name == "vit_seul" else bool(raw)
    _clean_commune(data, values, errors)
    if values.get("gir") is None and (values.get("gir_date") or values.get("gir_evaluateur")):
        errors.setdefault("gir", "Indiquez le GIR évalué, ou effacez la date et l'évaluateur.")
    if errors:
        raise ValidationError(errors)
    return values


def _clean_commune(data: PersonInput, values: dict[str, Any], errors: dict[str, str]) -> None:
    clean_commune_fields(data.code_postal, data.commune_insee, values, errors)
