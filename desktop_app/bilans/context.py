"""What every section builder receives: the open session, the period, the scope, the
threshold and the SQL pieces shared by the sections (the scoped actions, the people
reached)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, select, union
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

    def presences(self) -> Select[Any]:
        """(person_id) of every presence at a held séance of the period, in scope."""
        return (select(AtelierPresence.person_id.label("person_id"))
                .join(AtelierSeance, AtelierSeance.id == AtelierPresence.seance_id)
                .where(self.held_seances(), AtelierPresence.statut == StatutPresence.PRESENT,
                       AtelierPresence.person_id.not_in(excluded_people())))

    def visits(self) -> Select[Any]:
        return (select(Visit.person_id.label("person_id"))
                .where(Visit.date >= self.period.debut, Visit.date <= self.period.fin,
                       Visit.person_id.not_in(excluded_people())))

    def reached(self) -> Any:
        """The people reached: present at a held séance, or visited (whole-service bilan
        only: visits are funded by no financeur line). A subquery of distinct ``person_id``."""
        if self.all_activities:
            return union(self.visits(), self.presences()).subquery("reached")
        return self.presences().distinct().subquery("reached")
