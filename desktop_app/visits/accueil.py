"""The Accueil dashboard's figures: planned contacts (today, this week), the veille count,
and the year so far (people accompanied, visits, new people). Each figure has a key the
dashboard passes back to get the list behind it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import case, exists, func, select

from db.engine import Database
from db.models import Person, Visit
from desktop_app.actor import Actor
from desktop_app.security import scope
from desktop_app.security.permissions import Perm, require
from desktop_app.visits.scoping import restrict_visits
from desktop_app.visits.veille import VeilleService, accompanied


class Figure(StrEnum):
    PREVUS_AUJOURDHUI = "prevus_aujourdhui"
    PREVUS_SEMAINE = "prevus_semaine"
    VEILLE = "veille"
    PERSONNES_ACCOMPAGNEES = "personnes_accompagnees"
    VISITES = "visites"
    NOUVELLES_PERSONNES = "nouvelles_personnes"


@dataclass(frozen=True)
class AccueilFigures:
    today: dt.date
    week_start: dt.date  # Monday
    week_end: dt.date  # Sunday
    planned_today: int
    planned_week: int
    veille: int
    veille_weeks: int
    year: int
    people_accompanied: int  # distinct people with a visit since 1 January
    visits: int  # visits since 1 January
    new_people: int  # files opened since 1 January (accompanied people only)


def week_bounds(today: dt.date) -> tuple[dt.date, dt.date]:
    monday = today - dt.timedelta(days=today.weekday())
    return monday, monday + dt.timedelta(days=6)


class AccueilService:
    def __init__(self, db: Database, veille: VeilleService) -> None:
        self.db = db
        self.veille = veille

    def figures(self, actor: Actor, today: dt.date | None = None) -> AccueilFigures:
        require(actor, Perm.VISITS_READ)
        today = today or dt.date.today()
        monday, sunday = week_bounds(today)
        jan1 = dt.date(today.year, 1, 1)
        with self.db.read() as s:
            planned = s.execute(scope.restrict_people(
                select(
                    func.sum(case((Person.next_contact_due == today, 1), else_=0)),
                    func.count(Person.id),
                ).where(accompanied(), Person.next_contact_due.between(monday, sunday)), actor, Person.id)
            ).one()
            visits = s.scalar(restrict_visits(select(func.count()).select_from(Visit), actor)
                              .where(Visit.date.between(jan1, today))) or 0
            # EXISTS per person rather than COUNT(DISTINCT) over the visits: one index probe
            # per person instead of sorting a year of visits.
            visited = s.scalar(scope.restrict_people(select(func.count(Person.id)).where(exists().where(
                Visit.person_id == Person.id, Visit.date.between(jan1, today))), actor, Person.id)) or 0
            new_people = s.scalar(scope.restrict_people(
                select(func.count(Person.id)).where(
                    accompanied(), Person.created_at >= dt.datetime(today.year, 1, 1)), actor, Person.id)
            ) or 0
        counts = self.veille.counts(actor, today)
        return AccueilFigures(
            today=today, week_start=monday, week_end=sunday,
            planned_today=int(planned[0] or 0), planned_week=int(planned[1] or 0),
            veille=counts.total, veille_weeks=counts.weeks, year=today.year,
            people_accompanied=visited, visits=visits, new_people=new_people,
        )

    def people_ids(self, actor: Actor, figure: Figure, today: dt.date | None = None) -> list[int]:
        """The people behind a figure, in the order the list shows them."""
        require(actor, Perm.VISITS_READ)
        today = today or dt.date.today()
        monday, sunday = week_bounds(today)
        if figure == Figure.PREVUS_AUJOURDHUI:
            return self.veille.planned_ids(actor, today, today)
        if figure == Figure.PREVUS_SEMAINE:
            return self.veille.planned_ids(actor, monday, sunday)
        if figure == Figure.VEILLE:
            return self.veille.current(actor, today).ids
        with self.db.read() as s:
            if figure == Figure.PERSONNES_ACCOMPAGNEES:
                stmt = (select(Person.id)
                        .where(exists().where(Visit.person_id == Person.id,
                                              Visit.date.between(dt.date(today.year, 1, 1), today)))
                        .order_by(Person.sort_key, Person.id))
            elif figure == Figure.NOUVELLES_PERSONNES:
                stmt = (select(Person.id)
                        .where(accompanied(), Person.created_at >= dt.datetime(today.year, 1, 1))
                        .order_by(Person.created_at.desc(), Person.id.desc()))
            else:
                raise ValueError(f"{figure} is not a list of people")
            return list(s.scalars(scope.restrict_people(stmt, actor, Person.id)))
