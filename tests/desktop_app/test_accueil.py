"""Accueil figures: planned contacts today and this week, the veille count, and the year so
far; each people figure opens the matching list."""

from __future__ import annotations

import datetime as dt

from db.models import Person
from desktop_app.people.records import PersonInput
from desktop_app.visits.accueil import Figure, week_bounds
from desktop_app.visits.records import VisitInput

DAY = dt.timedelta(days=1)


def test_figures_and_their_lists(app, actor) -> None:
    today = dt.date(2026, 6, 17)  # a Wednesday
    monday, sunday = week_bounds(today)
    assert (monday, sunday) == (dt.date(2026, 6, 15), dt.date(2026, 6, 21))

    def person(nom: str, created: dt.datetime) -> int:
        pid = app.people.create(actor, PersonInput(nom=nom, prenom="A"), confirm_duplicate=True).id
        with app.db.uow() as s:
            s.get(Person, pid).created_at = created
        return pid

    old = person("Ancienne", dt.datetime(2025, 3, 1))
    new1 = person("Nouvelle", dt.datetime(2026, 2, 10))
    new2 = person("Recente", dt.datetime(2026, 6, 1))

    def log(pid: int, day: dt.date, nxt: dt.date | None = None) -> None:
        app.visits.log(actor, VisitInput(person_id=pid, date=day, duree=30, prochain_contact=nxt), today=today)

    log(old, dt.date(2025, 12, 1))  # last year: not in this year's figures
    log(old, dt.date(2026, 5, 20), nxt=today)  # planned today
    log(new1, dt.date(2026, 3, 2))
    log(new1, dt.date(2026, 4, 2), nxt=dt.date(2026, 6, 20))  # planned Saturday, this week
    log(new2, dt.date(2026, 6, 2), nxt=dt.date(2026, 6, 22))  # next Monday: not this week
    figures = app.accueil.figures(actor, today)
    assert (figures.planned_today, figures.planned_week) == (1, 2)
    assert (figures.year, figures.visits, figures.people_accompanied, figures.new_people) == (2026, 4, 3, 2)
    assert figures.veille == 1 and figures.veille_weeks == 6  # new1: last contact 2 April
    assert app.accueil.people_ids(actor, Figure.PREVUS_AUJOURDHUI, today) == [old]
    assert app.accueil.people_ids(actor, Figure.PREVUS_SEMAINE, today) == [old, new1]
    assert app.accueil.people_ids(actor, Figure.VEILLE, today) == [new1]
    assert app.accueil.people_ids(actor, Figure.NOUVELLES_PERSONNES, today) == [new2, new1]
    assert sorted(app.accueil.people_ids(actor, Figure.PERSONNES_ACCOMPAGNEES, today)) == sorted([old, new1, new2])
