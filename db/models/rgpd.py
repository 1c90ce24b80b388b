"""Rights of the people whose data Escale holds (RGPD articles 15–21).

Tables:
- ``rights_request``: a request from (or for) a person — access, rectification, erasure,
  objection, restriction — with who asked, when it was received, when it is due (one
  month, art. 12.3) and when and how it was answered.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned


class RightsRequest(Timestamped, Versioned, Base):
    __tablename__ = "rights_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    requester: Mapped[str] = mapped_column(String(150))
    received_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date)
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    answer: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("app_user.id"))

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (Index("ix_rights_request_open", "answered_on", "due_on"),)
