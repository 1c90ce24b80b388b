"""French display formats: dates 22/11/2026, amounts 1 234,50 €, counts 1 234."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

NNBSP = "\u202f"

JOURS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MOIS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]


def date_fr(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y")


def datetime_fr(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    return value.strftime("%d/%m/%Y %H:%M")


def long_date_fr(value: dt.date) -> str:
    """« lundi 23 novembre 2026 »."""
    day = "1er" if value.day == 1 else str(value.day)
    return f"{JOURS[value.weekday()]} {day} {MOIS[value.month - 1]} {value.year}"


def number_fr(value: int | float | Decimal, decimals: int = 0) -> str:
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NNBSP).replace(".", ",")


def amount_fr(value: Decimal | float | int | None) -> str:
    if value is None:
        return ""
    return f"{number_fr(value, 2)} €"


def percent_fr(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "—"
    return f"{number_fr(value * 100, decimals)} %"
