"""Application accounts and what each account may see.

Tables:
- ``app_user``: personal logins. ``password_hash`` is an Argon2id hash (argon2-cffi); after
  repeated failures ``locked_until`` makes the account wait; ``must_change_password`` forces
  a new password at the next login (set when an administrator resets it). ``person_id`` links
  a bénévole's (or a driver's) account to their own entry in the people file.
- ``benevole_assignment``: the people a bénévole account is allowed to see (the people they
  visit, 1–5 each in practice).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped


class User(Timestamped, Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)


class BenevoleAssignment(Timestamped, Base):
    __tablename__ = "benevole_assignment"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)

    __table_args__ = (Index("uq_benevole_assignment_pair", "user_id", "person_id", unique=True),)
