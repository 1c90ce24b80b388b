"""Occurrences of a recurring contact (dateutil.rrule), computed for a date range only.

Rules: ``hebdomadaire`` (every week on the weekday), ``quinzaine`` (every other week) and
``mensuelle`` (every month on the same rank of weekday as the first day: the 2nd Tuesday
stays the 2nd Tuesday; a 5th rank becomes the last one of the month).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

FREQUENCES = {"hebdomadaire": "Chaque semaine", "quinzaine": "Toutes les deux semaines", "mensuelle": "Chaque mois"}
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def _rule(frequence: str, jour: int, debut: dt.date, fin: dt.date | None) -> rrule:
    first = debut + dt.timedelta(days=(jour - debut.weekday()) % 7)  # the first such weekday
    start = dt.datetime.combine(first, dt.time())
    until = dt.datetime.combine(fin, dt.time(23, 59)) if fin else None
    if frequence == "mensuelle":
        rank = (first.day - 1) // 7 + 1
        return rrule(MONTHLY, dtstart=start, until=until, byweekday=weekday(jour)(rank if rank < 5 else -1))
    interval = 2 if frequence == "quinzaine" else 1
    return rrule(WEEKLY, interval=interval, dtstart=start, until=until, byweekday=jour)


def _aligned_start(frequence: str, jour: int, debut: dt.date, start: dt.date) -> dt.date:
    """A first day for the rule, near ``start`` and with the same occurrences from there on:
    rrule walks every occurrence from its first day, so a rule begun years ago would cost
    a walk through years for each calendar page."""
    first = debut + dt.timedelta(days=(jour - debut.weekday()) % 7)
    if start <= first:
        return debut
    if frequence == "mensuelle":
        return debut  # the rank of the weekday comes from the first day: kept as it is
    step = 14 if frequence == "quinzaine" else 7
    return first + dt.timedelta(days=((start - first).days // step) * step)


def occurrences(frequence: str, jour: int, debut: dt.date, fin: dt.date | None,
                start: dt.date, end: dt.date) -> Iterator[dt.date]:
    """The days of the rule between ``start`` and ``end`` (inclusive)."""
    if end < debut or (fin is not None and start > fin):
        return
    rule = _rule(frequence, jour, _aligned_start(frequence, jour, debut, start), fin)
    after = dt.datetime.combine(start, dt.time())
    before = dt.datetime.combine(end, dt.time(23, 59))
    for moment in rule.between(after, before, inc=True):
        yield moment.date()


def last_before(frequence: str, jour: int, debut: dt.date, fin: dt.date | None, day: dt.date) -> dt.date | None:
    """The latest occurrence on or before ``day`` (the veille: was a contact due?)."""
    if day < debut:
        return None
    found = _rule(frequence, jour, debut, fin).before(dt.datetime.combine(day, dt.time(23, 59)), inc=True)
    return found.date() if found else None


def describe(frequence: str, jour: int, heure: dt.time) -> str:
    """« Chaque semaine, le lundi à 10:00 »."""
    return f"{FREQUENCES.get(frequence, frequence)}, le {JOURS[jour]} à {heure:%H:%M}"
