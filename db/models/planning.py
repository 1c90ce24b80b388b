"""Planning: absences of staff and vehicles, and recurring personal contacts.

Tables:
- ``unavailability``: a staff account (``user_id``) or a vehicle (``vehicle_id``) unavailable
  from ``debut`` to ``fin`` (congé, formation, entretien du véhicule…), exactly one of the two.
- ``recurring_contact``: a contact planned again and again with one person (« appel tous les
  lundis »): the agent in charge (staff account or bénévole of the file), the rule (weekly,
  fortnightly or monthly, on a weekday, at a time), the first day and an optional last day.
  The occurrences are computed (dateutil.rrule), never stored.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class Unavailability(Timestamped, Versioned, Base):
    __tablename__ = "unavailability"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"), index=True)
    vehicle_id: Mapped[int | None] = mapped_column(ForeignKey("vehicle.id", ondelete="CASCADE"), index=True)
    debut: Mapped[dt.datetime] = mapped_column(DateTime)
    fin: Mapped[dt.datetime] = mapped_column(DateTime)
    motif: Mapped[str | None] = mapped_column(String(200))

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("fin > debut", name="fin_apres_debut"),
        CheckConstraint(
            "(user_id IS NULL AND vehicle_id IS NOT NULL) OR (user_id IS NOT NULL AND vehicle_id IS NULL)",
            name="one_resource",
        ),
        Index("ix_unavailability_debut", "debut"),
    )


class RecurringContact(Timestamped, Versioned, Base):
    __tablename__ = "recurring_contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    benevole_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    frequence: Mapped[str] = mapped_column(String(12))  # hebdomadaire, quinzaine, mensuelle
    jour_semaine: Mapped[int] = mapped_column(Integer)  # 0 = lundi … 6 = dimanche
    heure: Mapped[dt.time] = mapped_column(Time)
    duree_minutes: Mapped[int] = mapped_column(Integer, default=15)
    mode: Mapped[str] = mapped_column(String(20), default="telephone")  # db.enums.ModeContact
    date_debut: Mapped[dt.date] = mapped_column(Date)
    date_fin: Mapped[dt.date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("jour_semaine >= 0 AND jour_semaine <= 6", name="jour_range"),
        CheckConstraint("duree_minutes > 0", name="duree_positive"),
        CheckConstraint("date_fin IS NULL OR date_fin >= date_debut", name="fin_apres_debut"),
        Index("ix_recurring_contact_period", "date_debut", "date_fin"),
    )
