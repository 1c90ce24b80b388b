"""Recurring contacts as planned contacts, for the veille: who has an occurrence due in a
period (one query for the rules, the occurrences computed in memory)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session

from db.models import RecurringContact
from desktop_app.planning.recurrence import occurrences


def recurring_due(s: Session, start: dt.date, end: dt.date,
                  where: ColumnElement[bool] | None = None) -> dict[int, dt.date]:
    """person id → the first day a recurring contact is due between two days (inclusive);
    ``where`` narrows the people (a condition on RecurringContact.person_id)."""
    stmt = select(RecurringContact.person_id, RecurringContact.frequence, RecurringContact.jour_semaine,
                  RecurringContact.date_debut, RecurringContact.date_fin).where(
        RecurringContact.date_debut <= end,
        or_(RecurringContact.date_fin.is_(None), RecurringContact.date_fin >= start))
    if where is not None:
        stmt = stmt.where(where)
    out: dict[int, dt.date] = {}
    for person_id, frequence, jour, debut, fin in s.execute(stmt):
        first = next(occurrences(frequence, jour, debut, fin, start, end), None)
        if first is not None and (person_id not in out or first < out[person_id]):
            out[person_id] = first
    return out
