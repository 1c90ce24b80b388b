"""The person's follow-up dates, derived from their real contacts.

``person.last_contact_date`` is the date of the latest visit and ``person.next_contact_due``
that visit's « prochain contact ». With no visit left, the last contact falls back to the
day the file was opened (registering someone is a first contact).

The update goes through an SQL UPDATE rather than the ORM unit of work on purpose: these
are derived values, not an edit of the file, so they must not bump the person's version
(someone editing the file while a colleague logs a visit must not get a conflict).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import Person, Visit


def refresh_followup(session: Session, person_id: int) -> None:
    latest = session.execute(
        select(Visit.date, Visit.prochain_contact)
        .where(Visit.person_id == person_id)
        .order_by(Visit.date.desc(), Visit.heure.desc(), Visit.id.desc())
        .limit(1)
    ).first()
    if latest is not None:
        last, nxt = latest.date, latest.prochain_contact
    else:
        created = session.scalar(select(Person.created_at).where(Person.id == person_id))
        last, nxt = (created.date() if created else None), None
    session.execute(
        update(Person)
        .where(Person.id == person_id)
        .values(last_contact_date=last, next_contact_due=nxt, updated_at=Person.updated_at)
        .execution_options(synchronize_session="fetch")
    )
