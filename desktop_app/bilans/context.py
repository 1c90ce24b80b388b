"""What every section builder receives: the open session, the period, the scope, the
threshold and the SQL pieces shared by the sections (the scoped actions, the people
reached)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, exists, or_, select
from sqlalchemy.orm import Session

from db.enums import StatutPersonne
from db.models import (
    ActionFunding,
    AtelierPresence,
    AtelierSeance,
    ConventionFunding,
    FundingLine,
    Person,
    Visit,
)
from db.models.ateliers import StatutSeance
from db.models.ateliers_participation import StatutPresence
from desktop_app.actor import Actor
from desktop_app.bilans.records import Period, Scope


def excluded_people() -> Select[Any]:
    """Archived files (duplicates set aside, closed files) never count in a bilan."""
    return select(Person.id).where(Person.statut == StatutPersonne.ARCHIVE)


@dataclass
class BilanContext:
    session: Session
    actor: Actor
    period: Period
    scope: Scope
    seuil: int
    tournees: Any  # desktop_app.tournees.figures.FiguresService

    def __post_init__(self) -> None:
        self.start = dt.datetime.combine(self.period.debut, dt.time.min)
        self.end = dt.datetime.combine(self.period.fin + dt.timedelta(days=1), dt.time.min)
        self.action_ids: list[int] | None = None
        self.convention_ids: list[int] | None = None
        if self.scope.financeur_id is not None:
            lines = select(FundingLine.id).where(FundingLine.financeur_id == self.scope.financeur_id)
            self.action_ids = sorted(self.session.scalars(
                select(ActionFunding.action_id).where(ActionFunding.funding_line_id.in_(lines)).distinct()))
            self.convention_ids = sorted(self.session.scalars(
                select(ConventionFunding.convention_id)
                .where(ConventionFunding.funding_line_id.in_(lines)).distinct()))

    @property
    def all_activities(self) -> bool:
        return self.scope.financeur_id is None

    def held_seances(self) -> Any:
        """Condition on ``atelier_seance``: held (never cancelled), in the period, in scope."""
        cond = and_(AtelierSeance.statut == StatutSeance.REALISEE,
                    AtelierSeance.debut >= self.start, AtelierSeance.debut < self.end)
        if self.action_ids is not None:
            cond = and_(cond, AtelierSeance.action_id.in_(self.action_ids))
        return cond

    def present(self, person_id: Any) -> Any:
        """EXISTS: the person was present at a held séance of the period, in scope."""
        return exists().where(AtelierPresence.person_id == person_id,
                              AtelierPresence.statut == StatutPresence.PRESENT,
                              AtelierSeance.id == AtelierPresence.seance_id, self.held_seances())

    def visited(self, person_id: Any) -> Any:
        """EXISTS: the person had a visit or contact in the period."""
        return exists().where(Visit.person_id == person_id, Visit.date >= self.period.debut,
                              Visit.date <= self.period.fin)

    def reached(self, person_id: Any) -> Any:
        """The people reached: present at a held séance, or visited (whole-service bilan
        only: visits are funded by no financeur line). Driven from ``person`` (one index
        probe per file), which is much cheaper than de-duplicating a year of visits."""
        if self.all_activities:
            return or_(self.visited(person_id), self.present(person_id))
        return self.present(person_id)
