"""Recurring contacts: expansion of the rules, the form's checks, the calendar and the veille."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.errors import ValidationError
from desktop_app.planning.records import Kind, RecurringInput, Source
from desktop_app.planning.recurrence import describe, last_before, occurrences

D = dt.date


def test_weekly_rule_from_its_first_weekday_to_its_end() -> None:
    days = list(occurrences("hebdomadaire", 0, D(2027, 3, 3), D(2027, 3, 29), D(2027, 3, 1), D(2027, 4, 30)))
    assert days == [D(2027, 3, 8), D(2027, 3, 15), D(2027, 3, 22), D(2027, 3, 29)]


def test_fortnightly_rule_inside_a_window() -> None:
    days = list(occurrences("quinzaine", 3, D(2027, 1, 7), None, D(2027, 2, 1), D(2027, 2, 28)))
    assert days == [D(2027, 2, 4), D(2027, 2, 18)]


def test_monthly_rule_keeps_the_rank_of_the_weekday() -> None:
    days = list(occurrences("mensuelle", 1, D(2027, 1, 12), None, D(2027, 1, 1), D(2027, 4, 30)))
    assert days == [D(2027, 1, 12), D(2027, 2, 9), D(2027, 3, 9), D(2027, 4, 13)]  # every 2nd Tuesday
    fifth = list(occurrences("mensuelle", 4, D(2027, 1, 29), None, D(2027, 1, 1), D(2027, 3, 31)))
    assert fifth == [D(2027, 1, 29), D(2027, 2, 26), D(2027, 3, 26)]  # the last Friday


def test_nothing_outside_the_rule_period_and_last_before() -> None:
    assert list(occurrences("hebdomadaire", 0, D(2027, 3, 1), D(2027, 3, 31), D(2027, 5, 1), D(2027, 5, 31))) == []
    assert last_before("hebdomadaire", 0, D(2027, 3, 1), None, D(2027, 3, 10)) == D(2027, 3, 8)
    assert describe("quinzaine", 2, dt.time(10, 30)) == "Toutes les deux semaines, le mercredi à 10:30"


def test_form_checks_in_french(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        app.planning.save_recurring(actor, RecurringInput(
            person_id=world.people[0], heure="25:00", date_debut="10/03/2027", date_fin="01/03/2027"))
    assert exc.value.errors == {
        "heure": "Heure invalide : saisissez-la sous la forme 14:30.",
        "date_fin": "La date de fin doit être après le premier jour.",
    }


def test_recurring_contact_in_the_calendar_and_the_veille(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    from db.models import Person

    with app.db.uow() as s:  # Hélène is a bénéficiaire (the veille watches the accompanied)
        s.get(Person, world.people[0]).est_beneficiaire = True
    saved = app.planning.save_recurring(actor, RecurringInput(
        person_id=world.people[0], agent=f"u:{world.animatrice}", frequence="hebdomadaire", jour_semaine=0,
        heure="10:00", duree_minutes="20", date_debut="01/03/2027", date_fin="31/03/2027", note="Appel du lundi"))
    items = [i for i in app.planning.items(actor, D(2027, 3, 1), D(2027, 4, 30)) if i.source == Source.RECURRING]
    assert [i.start for i in items] == [dt.datetime(2027, 3, d, 10) for d in (1, 8, 15, 22, 29)]
    assert items[0].kind == Kind.CONTACT and items[0].who == ("Claire Lemoine",)
    assert items[0].title == "Appel régulier — MARTIN Hélène"
    assert items[0].end - items[0].start == dt.timedelta(minutes=20)
    assert world.people[0] in app.veille.planned_ids(actor, D(2027, 3, 14), D(2027, 3, 16))
    assert world.people[0] not in app.veille.planned_ids(actor, D(2027, 4, 1), D(2027, 4, 30))
    app.planning.delete_recurring(actor, saved.id)
    assert world.people[0] not in app.veille.planned_ids(actor, D(2027, 3, 14), D(2027, 3, 16))


def test_expansion_started_near_the_window_gives_the_same_days() -> None:
    """The rule is walked from near the window (speed); the days must not change."""
    from dateutil.rrule import WEEKLY, rrule

    for freq, interval in (("hebdomadaire", 1), ("quinzaine", 2)):
        full = rrule(WEEKLY, interval=interval, dtstart=dt.datetime(2020, 1, 8), byweekday=2)
        expected = [d.date() for d in full.between(dt.datetime(2027, 3, 1), dt.datetime(2027, 5, 31, 23), inc=True)]
        assert list(occurrences(freq, 2, D(2020, 1, 6), None, D(2027, 3, 1), D(2027, 5, 31))) == expected
