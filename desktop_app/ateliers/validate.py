"""Turn what the ateliers forms send into clean values, or one ValidationError listing every
field to fix with its French message."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from db.models.ateliers import (
    Niveau,
    StatutAction,
    Tarification,
    TypeAction,
    TypeAnimateur,
    UniteTarif,
)
from desktop_app.ateliers.records import ActionInput, SeanceInput, SeanceRule
from desktop_app.ateliers.schedule import MAX_SEANCES, CleanRule, Frequence
from desktop_app.errors import ValidationError
from desktop_app.formatting import date_fr
from desktop_app.validation import FieldError, clean_text, parse_amount, parse_date

_TIME_RE = re.compile(r"^\s*(\d{1,2})\s*(?:[h:.]\s*(\d{2})?)?\s*$", re.IGNORECASE)


def parse_time(value: str | dt.time | None) -> dt.time | None:
    """« 14:00 », « 14h », « 14h30 », « 9.15 » or a time; empty → None."""
    if value is None or isinstance(value, dt.time):
        return value
    text = value.strip()
    if not text:
        return None
    m = _TIME_RE.match(text)
    if not m or int(m[1]) > 23 or int(m[2] or 0) > 59:
        raise FieldError("Heure invalide : saisissez-la sous la forme 14:00 ou 14h30.")
    return dt.time(int(m[1]), int(m[2] or 0))


def _enum(kind: type, value: Any, label: str, default: Any = None) -> str | None:
    if value in (None, ""):
        if default is None:
            return None
        value = default
    try:
        return str(kind(value))
    except ValueError as exc:
        raise FieldError(f"{label} : valeur inconnue « {value} ».") from exc


def _positive_int(value: Any, label: str) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError as exc:
        raise FieldError(f"{label} : saisissez un nombre entier.") from exc
    if number <= 0:
        raise FieldError(f"{label} : saisissez un nombre supérieur à zéro.")
    return number


def _price(value: Any, label: str) -> Decimal | None:
    amount = parse_amount(value)
    if amount is not None and amount < 0:
        raise FieldError(f"{label} : un prix ne peut pas être négatif.")
    return amount


def _axe(value: Any) -> int:
    try:
        axe = int(value if value not in (None, "") else 6)
    except (TypeError, ValueError) as exc:
        raise FieldError("Axe CFPPA : choisissez l'axe 5 ou l'axe 6.") from exc
    if axe not in (5, 6):
        raise FieldError("Axe CFPPA : choisissez l'axe 5 (proches aidants) ou l'axe 6 (autres actions).")
    return axe


def _run(errors: dict[str, str], values: dict[str, Any], name: str, fn: Any, *args: Any) -> None:
    try:
        values[name] = fn(*args)
    except FieldError as exc:
        errors[name] = str(exc)


def clean_action(data: ActionInput) -> dict[str, Any]:
    """Every column of ``atelier_action`` from the form, or ValidationError."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}
    _run(errors, v, "titre", clean_text, data.titre, 150)
    if "titre" not in errors and not v.get("titre"):
        errors["titre"] = "Le titre de l'atelier est obligatoire."
    if data.theme_id is None:
        errors["theme_id"] = "Choisissez un thème."
    v["theme_id"] = data.theme_id
    _run(errors, v, "type_action", _enum, TypeAction, data.type_action, "Type d'action", TypeAction.CYCLE)
    _run(errors, v, "axe_cfppa", _axe, data.axe_cfppa)
    for name, size in (("description", 4000), ("public", 200), ("lieu", 200), ("animateur", 150), ("financeur", 150)):
        _run(errors, v, name, clean_text, getattr(data, name), size)
    _run(errors, v, "animateur_type", _enum, TypeAnimateur, data.animateur_type, "Type d'animateur")
    _run(errors, v, "capacite", _positive_int, data.capacite, "Capacité")
    _run(errors, v, "niveau", _enum, Niveau, data.niveau, "Niveau")
    _run(errors, v, "tarification", _enum, Tarification, data.tarification, "Tarification", Tarification.GRATUIT)
    _run(errors, v, "tarif_unite", _enum, UniteTarif, data.tarif_unite, "Unité du tarif", UniteTarif.CYCLE)
    for name, label in (("prix_plein", "Plein tarif"), ("prix_reduit", "Tarif réduit"), ("prix_adherent", "Tarif adhérent")):
        _run(errors, v, name, _price, getattr(data, name), label)
    _run(errors, v, "statut", _enum, StatutAction, data.statut, "Statut", StatutAction.PREPARATION)
    _run(errors, v, "date_debut", parse_date, data.date_debut)
    _run(errors, v, "date_fin", parse_date, data.date_fin)
    v["lieu_partner_id"] = data.lieu_partner_id
    if v.get("date_debut") and v.get("date_fin") and v["date_fin"] < v["date_debut"]:
        errors["date_fin"] = (
            f"La date de fin ({date_fr(v['date_fin'])}) est avant la date de début ({date_fr(v['date_debut'])})."
        )
    if v.get("tarification") == Tarification.PAYANT and "prix_plein" not in errors and v.get("prix_plein") is None:
        errors["prix_plein"] = "Atelier payant : indiquez au moins le plein tarif."
    if v.get("tarification") == Tarification.GRATUIT:
        v.update(prix_plein=None, prix_reduit=None, prix_adherent=None)
    if errors:
        raise ValidationError(errors)
    return v


def clean_rule(rule: SeanceRule, cycle: tuple[dt.date | None, dt.date | None] = (None, None)) -> CleanRule:
    """A generation rule checked field by field; ``cycle`` is the action's (début, fin)."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}
    try:
        v["frequence"] = Frequence(rule.frequence)
    except ValueError:
        errors["frequence"] = "Choisissez une fréquence : chaque semaine, toutes les deux semaines ou chaque mois."
    _run(errors, v, "premier_jour", parse_date, rule.premier_jour)
    if "premier_jour" not in errors and v.get("premier_jour") is None:
        errors["premier_jour"] = "Indiquez la date de la première séance."
    _run(errors, v, "heure_debut", parse_time, rule.heure_debut)
    _run(errors, v, "heure_fin", parse_time, rule.heure_fin)
    _time_order(errors, v.get("heure_debut"), v.get("heure_fin"))
    _run(errors, v, "nombre", _positive_int, rule.nombre, "Nombre de séances")
    if v.get("nombre") and v["nombre"] > MAX_SEANCES:
        errors["nombre"] = f"Nombre de séances : {MAX_SEANCES} au plus."
    _run(errors, v, "jusqu_au", parse_date, rule.jusqu_au)
    debut, fin = cycle
    if v.get("jusqu_au") is None and v.get("nombre") is None and fin is not None:
        v["jusqu_au"] = fin
    if v.get("nombre") is None and v.get("jusqu_au") is None and "nombre" not in errors and "jusqu_au" not in errors:
        errors["nombre"] = "Indiquez un nombre de séances ou une date de fin."
    first, until = v.get("premier_jour"), v.get("jusqu_au")
    if first and until and until < first:
        errors["jusqu_au"] = f"La date de fin ({date_fr(until)}) est avant la première séance ({date_fr(first)})."
    if first and debut and first < debut:
        errors["premier_jour"] = f"La première séance ({date_fr(first)}) est avant le début du cycle ({date_fr(debut)})."
    if until and fin and until > fin:
        errors["jusqu_au"] = f"La date de fin ({date_fr(until)}) est après la fin du cycle ({date_fr(fin)})."
    weekday = rule.jour_semaine
    if weekday is not None and not 0 <= int(weekday) <= 6:
        errors["jour_semaine"] = "Choisissez un jour de la semaine."
    excluded: set[dt.date] = set()
    for raw in rule.dates_exclues:
        try:
            day = parse_date(raw)
        except FieldError as exc:
            errors["dates_exclues"] = f"Date exclue « {raw} » : {exc}"
            continue
        if day is not None:
            excluded.add(day)
    if errors or first is None:
        raise ValidationError(errors)
    return CleanRule(
        frequence=v["frequence"], premier_jour=first,
        jour_semaine=int(weekday) if weekday is not None else first.weekday(),
        heure_debut=v["heure_debut"], heure_fin=v["heure_fin"], nombre=v.get("nombre"),
        jusqu_au=until, dates_exclues=frozenset(excluded),
    )


def _time_order(errors: dict[str, str], start: dt.time | None, end: dt.time | None) -> None:
    if "heure_debut" not in errors and start is None:
        errors["heure_debut"] = "Indiquez l'heure de début."
    if "heure_fin" not in errors and end is None:
        errors["heure_fin"] = "Indiquez l'heure de fin."
    if start and end and end <= start:
        errors["heure_fin"] = f"L'heure de fin ({end:%H:%M}) doit être après l'heure de début ({start:%H:%M})."


def clean_seance(data: SeanceInput, cycle: tuple[dt.date | None, dt.date | None] = (None, None)) -> dict[str, Any]:
    """(debut, fin, lieu, animateur) of a séance typed by hand, inside the cycle's dates."""
    errors: dict[str, str] = {}
    v: dict[str, Any] = {}
    _run(errors, v, "date", parse_date, data.date)
    if "date" not in errors and v.get("date") is None:
        errors["date"] = "Indiquez la date de la séance."
    _run(errors, v, "heure_debut", parse_time, data.heure_debut)
    _run(errors, v, "heure_fin", parse_time, data.heure_fin)
    _time_order(errors, v.get("heure_debut"), v.get("heure_fin"))
    _run(errors, v, "lieu", clean_text, data.lieu, 200)
    _run(errors, v, "animateur", clean_text, data.animateur, 150)
    day, (debut, fin) = v.get("date"), cycle
    if day and ((debut and day < debut) or (fin and day > fin)):
        errors["date"] = (
            f"Le {date_fr(day)} est en dehors du cycle (du {date_fr(debut) or '…'} au {date_fr(fin) or '…'})."
        )
    if errors or day is None:
        raise ValidationError(errors)
    return {
        "debut": dt.datetime.combine(day, v["heure_debut"]),
        "fin": dt.datetime.combine(day, v["heure_fin"]),
        "lieu": v["lieu"],
        "animateur": v["animateur"],
    }
