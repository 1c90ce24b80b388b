"""What each funding line pays for: the link between the partners' funding lines and the
activities the bilans report on.

Tables:
- ``action_funding``: an atelier action funded by a funding line (an action may have several
  financeurs; a funding line may fund several actions).
- ``convention_funding``: a tournée commune convention funded by a funding line.

A funding line cannot be deleted while it is linked (``ondelete RESTRICT``); deleting an
action or a convention removes its links. The bilan of one financeur covers exactly the
actions and conventions linked to that financeur's lines.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base


class ActionFunding(Base):
    __tablename__ = "action_funding"

    action_id: Mapped[int] = mapped_column(ForeignKey("atelier_action.id", ondelete="CASCADE"), primary_key=True)
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="RESTRICT"), primary_key=True)

    __table_args__ = (Index("ix_action_funding_line", "funding_line_id"),)


class ConventionFunding(Base):
    __tablename__ = "convention_funding"

    convention_id: Mapped[int] = mapped_column(
        ForeignKey("commune_convention.id", ondelete="CASCADE"), primary_key=True
    )
    funding_line_id: Mapped[int] = mapped_column(ForeignKey("funding_line.id", ondelete="RESTRICT"), primary_key=True)

    __table_args__ = (Index("ix_convention_funding_line", "funding_line_id"),)
