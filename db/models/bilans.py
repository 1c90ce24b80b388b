"""The coordinator's narrative of a bilan.

Table ``bilan_narrative``: one row per bilan (period start and end, scope « tous » or
« financeur:<id> ») with the objectives, highlights, difficulties and testimonies typed in
the Bilans page and printed with the figures.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, Versioned
from db.models.ateliers_participation import AtelierPresence
from db.models.visits import Visit


class BilanNarrative(Timestamped, Versioned, Base):
    __tablename__ = "bilan_narrative"

    id: Mapped[int] = mapped_column(primary_key=True)
    periode_debut: Mapped[dt.date] = mapped_column(Date)
    periode_fin: Mapped[dt.date] = mapped_column(Date)
    perimetre: Mapped[str] = mapped_column(String(40))
    objectifs: Mapped[str] = mapped_column(Text, default="")
    faits_marquants: Mapped[str] = mapped_column(Text, default="")
    difficultes: Mapped[str] = mapped_column(Text, default="")
    temoignages: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": Versioned.version_id}  # noqa: RUF012
    __table_args__ = (
        Index("uq_bilan_narrative_bilan", "periode_debut", "periode_fin", "perimetre", unique=True),
    )


# The bilan counts a period of visits by mode and purpose from this index alone, and asks
# « present at a held séance? » per person without reading the presence rows
# (bench/bench_bilans.py: a year of 250,000 visits, 200,000 attendance rows).
Index("ix_visit_bilan", Visit.date, Visit.mode, Visit.objet)
Index("ix_atelier_presence_bilan", AtelierPresence.person_id, AtelierPresence.statut, AtelierPresence.seance_id)
