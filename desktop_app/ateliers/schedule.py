"""Séance dates from a rule: weekly, fortnightly or monthly on a weekday, skipping French
public holidays (the ``holidays`` package) and the dates the coordinator excludes.

A skipped date does not count: « 10 séances » means ten séances actually planned, so the
cycle runs one week longer when Easter Monday falls in it. Monthly rules keep the weekday
and its rank in the month (« le 2e mardi »); a 5th occurrence that a month lacks becomes
the last one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import holidays

from desktop_app.formatting import JOURS, date_fr

MAX_SEANCES = 200


class Frequence(StrEnum):
    HEBDOMADAIRE = "hebdomadaire"
    QUINZAINE = "quinzaine"
    MENSUELLE = "mensuelle"


@dataclass(frozen=True)
class CleanRule:
    frequence: Frequence
    premier_jour: dt.date
    jour_semaine: int
    heure_debut: dt.time
    heure_fin: dt.time
    nombre: int | None
    jusqu_au: dt.date | None
    dates_exclues: frozenset[dt.date]


@lru_cache(maxsize=64)
def _french_holidays(year: int) -> dict[dt.date, str]:
    return dict(holidays.France(years=year, language="fr").items())


def holiday_name(day: dt.date) -> str | None:
    """The French public holiday falling on ``day``, or None."""
    return _french_holidays(day.year).get(day)


def _first_on_weekday(start: dt.date, weekday: int) -> dt.date:
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def _nth_weekday(year: int, month: int, weekday: int, rank: int) -> dt.date:
    first = _first_on_weekday(dt.date(year, month, 1), weekday)
    day = first + dt.timedelta(weeks=rank - 1)
    if day.month != month:  # no 5th occurrence this month: take the last one
        day -= dt.timedelta(weeks=1)
    return day


def candidate_dates(rule: CleanRule) -> Iterator[dt.date]:
    """Every date of the rule in order, before any skipping (unbounded)."""
    first = _first_on_weekday(rule.premier_jour, rule.jour_semaine)
    if rule.frequence is Frequence.MENSUELLE:
        rank = (first.day - 1) // 7 + 1
        year, month = first.year, first.month
        while True:
            yield _nth_weekday(year, month, rule.jour_semaine, rank)
            month += 1
            if month > 12:
                year, month = year + 1, 1
    step = dt.timedelta(weeks=2 if rule.frequence is Frequence.QUINZAINE else 1)
    day = first
    while True:
        yield day
        day += step


def generate_dates(rule: CleanRule, already: frozenset[dt.date] = frozenset()) -> tuple[list[dt.date], list[tuple[dt.date, str]]]:
    """(dates to create, [(date skipped, French reason)]). ``already`` holds days that have
    a séance of this action at that time: they count towards ``nombre`` (the cycle has
    them) but are not created twice, so running the same rule again creates nothing."""
    kept: list[dt.date] = []
    skipped: list[tuple[dt.date, str]] = []
    existing = 0
    for day in candidate_dates(rule):
        if rule.jusqu_au is not None and day > rule.jusqu_au:
            break
        if rule.nombre is not None and len(kept) + existing >= rule.nombre:
            break
        if len(kept) + len(skipped) >= MAX_SEANCES * 2:
            break
        name = holiday_name(day)
        if name:
            skipped.append((day, f"jour férié ({name})"))
        elif day in rule.dates_exclues:
            skipped.append((day, "date exclue"))
        elif day in already:
            existing += 1
            skipped.append((day, "séance déjà prévue ce jour-là"))
        else:
            kept.append(day)
    return kept, skipped


def slots(rule: CleanRule, days: list[dt.date]) -> list[tuple[dt.datetime, dt.datetime]]:
    return [(dt.datetime.combine(d, rule.heure_debut), dt.datetime.combine(d, rule.heure_fin)) for d in days]


def describe(rule: CleanRule) -> str:
    """« Chaque lundi de 14:00 à 16:00 à partir du 05/01/2027, 10 séances »."""
    jour = JOURS[rule.jour_semaine]
    every = {
        Frequence.HEBDOMADAIRE: f"chaque {jour}",
        Frequence.QUINZAINE: f"un {jour} sur deux",
        Frequence.MENSUELLE: f"un {jour} par mois",
    }[rule.frequence]
    limit = f"{rule.nombre} séance{'s' if rule.nombre > 1 else ''}" if rule.nombre else f"jusqu'au {date_fr(rule.jusqu_au)}"
    return (
        f"{every.capitalize()} de {rule.heure_debut:%H:%M} à {rule.heure_fin:%H:%M} "
        f"à partir du {date_fr(rule.premier_jour)}, {limit}"
    )
