"""Home visits and other contacts with a person.

Tables:
- ``visit``: one real contact (visite à domicile, appel, permanence, bus, visio) with its
  date and time, duration, mode, purpose, factual summary and the next contact due.
- ``visit_confidential``: the restricted note of a visit, kept in its own table so no query
  of ``visit`` can carry it by accident; only roles with the confidential permission read it.
- ``visit_intervenant``: who made the contact (one or two): a staff account or a bénévole
  (a person of the file), exactly one of the two per row.
- ``visit_orientation``: orientations to a partner decided during the visit, with the reason.

``person.last_contact_date`` and ``person.next_contact_due`` are derived from these rows by
the visits service (the latest visit's date and its next contact due). ``ix_person_veille``
(declared here, on ``person``) covers the veille query: one scan of a narrow index instead
of the whole person table (bench/bench_visits.py: 100,000 people).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned
from db.models.people import Person


class Visit(Timestamped, Versioned, Base):
    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date)
    heure: Mapped[dt.time | None] = mapped_column(Time)
    duree_minutes: Mapped[int] = mapped_column(Integer)
    mode: Mapped[str] = mapped_column(String(20))
    objet: Mapped[str] = mapped_column(String(20))
    resume: Mapped[str | None] = mapped_column(Text)
    prochain_contact: Mapped[dt.date | None] = mapped_column(Date)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        CheckConstraint("duree_minutes > 0", name="duree_positive"),
        Index("ix_visit_person_date", "person_id", "date"),
        Index("ix_visit_date", "date"),
    )


class VisitConfidential(Base):
    __tablename__ = "visit_confidential"

    visit_id: Mapped[int] = mapped_column(
        ForeignKey("visit.id", ondelete="CASCADE"), primary_key=True
    )
    note: Mapped[str] = mapped_column(Text)


class VisitIntervenant(Base):
    __tablename__ = "visit_intervenant"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=1)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)

    __table_args__ = (
        CheckConstraint(
            "(user_id IS NULL AND person_id IS NOT NULL) OR (user_id IS NOT NULL AND person_id IS NULL)",
            name="one_kind",
        ),
    )


class VisitOrientation(Base):
    __tablename__ = "visit_orientation"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id"), index=True)
    motif: Mapped[str | None] = mapped_column(Text)


Index(
    "ix_person_veille",
    Person.statut, Person.last_contact_date, Person.next_contact_due, Person.est_beneficiaire,
    Person.vit_seul, Person.gir, Person.fragilite_isolement, Person.date_naissance,
)
