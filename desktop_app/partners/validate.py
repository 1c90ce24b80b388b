"""Clean values of a partner, a partner contact or a funding line, or one ValidationError
with the French message of every wrong field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from stdnum.exceptions import InvalidChecksum, InvalidFormat, InvalidLength
from stdnum.fr import siret as stdnum_siret

from db.enums import AxeCfppa, RolePartenaire, StatutFinancement, TypePartenaire
from desktop_app.communes import clean_commune_fields
from desktop_app.errors import ValidationError
from desktop_app.partners.records import ContactInput, FundingInput, PartnerInput
from desktop_app.validation import (
    FieldError,
    clean_multiline,
    clean_text,
    normalize_email,
    normalize_phone,
    parse_amount,
    parse_date,
)


def parse_siret(value: str | None) -> str | None:
    """14 digits with a valid Luhn key (spaces allowed); empty → None."""
    if value is None or not value.strip():
        return None
    try:
        return str(stdnum_siret.validate(value))
    except InvalidChecksum as exc:
        raise FieldError("SIRET invalide : la clé de contrôle ne correspond pas. Vérifiez les 14 chiffres.") from exc
    except InvalidLength as exc:
        raise FieldError("Le SIRET compte 14 chiffres (SIREN à 9 chiffres + 5 chiffres de l'établissement).") from exc
    except InvalidFormat as exc:
        raise FieldError("Le SIRET ne contient que des chiffres.") from exc


def format_siret(value: str | None) -> str:
    return str(stdnum_siret.format(value)) if value else ""


def _collect(parsers: dict[str, Callable[[], Any]]) -> tuple[dict[str, Any], dict[str, str]]:
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, parse in parsers.items():
        try:
            values[name] = parse()
        except FieldError as exc:
            errors[name] = str(exc)
    return values, errors


def _required(value: str | None, max_len: int, message: str) -> str:
    text = clean_text(value, max_len)
    if not text:
        raise FieldError(message)
    return text


def _enum(kind: type, value: Any, message: str) -> str:
    try:
        return str(kind(value))
    except ValueError as exc:
        raise FieldError(message) from exc


def clean_partner(data: PartnerInput) -> dict[str, Any]:
    values, errors = _collect({
        "nom": lambda: _required(data.nom, 200, "Le nom du partenaire est obligatoire."),
        "type": lambda: _enum(TypePartenaire, data.type, "Choisissez le type de partenaire."),
        "roles": lambda: sorted({_enum(RolePartenaire, r, "Rôle inconnu.") for r in data.roles}),
        "adresse": lambda: clean_text(data.adresse, 200),
        "complement_adresse": lambda: clean_text(data.complement_adresse, 200),
        "telephone": lambda: normalize_phone(data.telephone),
        "email": lambda: normalize_email(data.email),
        "siret": lambda: parse_siret(data.siret),
        "notes": lambda: clean_multiline(data.notes),
    })
    clean_commune_fields(data.code_postal, data.commune_insee, values, errors)
    if errors:
        raise ValidationError(errors)
    return values


def clean_contact(data: ContactInput) -> dict[str, Any]:
    values, errors = _collect({
        "nom": lambda: _required(data.nom, 150, "Le nom du contact est obligatoire."),
        "fonction": lambda: clean_text(data.fonction, 150),
        "telephone": lambda: normalize_phone(data.telephone),
        "email": lambda: normalize_email(data.email),
    })
    if errors:
        raise ValidationError(errors)
    return values


def _year(value: str | int | None) -> int:
    try:
        year = int(str(value).strip()) if value not in (None, "") else None
    except ValueError:
        year = None
    if year is None:
        raise FieldError("Indiquez l'année du financement (exemple : 2026).")
    if not 2000 <= year <= 2100:
        raise FieldError("Année invalide : entre 2000 et 2100.")
    return year


def _positive_amount(value: Any) -> Any:
    amount = parse_amount(value)
    if amount is None:
        raise FieldError("Indiquez le montant (exemple : 1 234,50).")
    if amount <= 0:
        raise FieldError("Le montant doit être positif.")
    if amount >= 10**10:
        raise FieldError("Montant trop élevé : vérifiez le nombre de chiffres.")
    return amount


_STEPS = (("date_demande", "la demande"), ("date_accord", "l'accord"),
          ("date_versement", "le versement"), ("date_solde", "le solde"))


def clean_funding(data: FundingInput) -> dict[str, Any]:
    values, errors = _collect({
        "annee": lambda: _year(data.annee),
        "montant": lambda: _positive_amount(data.montant),
        "action": lambda: _required(data.action, 2000, "Indiquez l'action financée."),
        "axe_cfppa": lambda: None if not data.axe_cfppa else _enum(AxeCfppa, data.axe_cfppa, "Axe inconnu."),
        "periode_debut": lambda: parse_date(data.periode_debut),
        "periode_fin": lambda: parse_date(data.periode_fin),
        "statut": lambda: _enum(StatutFinancement, data.statut, "Choisissez le statut."),
        "date_demande": lambda: parse_date(data.date_demande),
        "date_accord": lambda: parse_date(data.date_accord),
        "date_versement": lambda: parse_date(data.date_versement),
        "date_solde": lambda: parse_date(data.date_solde),
        "reference": lambda: clean_text(data.reference, 100),
        "notes": lambda: clean_multiline(data.notes),
    })
    if data.financeur_id is None:
        errors["financeur_id"] = "Choisissez le financeur."
    values["financeur_id"] = data.financeur_id
    start, end = values.get("periode_debut"), values.get("periode_fin")
    if start and end and end < start:
        errors["periode_fin"] = "La fin de la période précède son début."
    _check_step_order(values, errors)
    if errors:
        raise ValidationError(errors)
    return values


def _check_step_order(values: dict[str, Any], errors: dict[str, str]) -> None:
    """Demande ≤ accord ≤ versement ≤ solde, for the dates that are given."""
    previous: tuple[dt.date, str] | None = None
    for name, label in _STEPS:
        day = values.get(name)
        if day is None:
            continue
        if previous is not None and day < previous[0]:
            errors.setdefault(name, f"Cette date précède celle de {previous[1]}.")
        previous = (day, label)
