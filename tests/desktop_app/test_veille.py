"""Veille: who is on the follow-up watch list, in which order, with which counts, and what
a role without access to health data sees."""

from __future__ import annotations

import datetime as dt

from db.enums import Role
from db.models import Person
from desktop_app.people.records import PersonInput
from desktop_app.visits.records import VisitInput
from desktop_app.visits.veille import A_JOUR, JAMAIS, PREVU, SANS_CONTACT

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def short(day: dt.date) -> str:
    """The list writes this year's dates without the year."""
    return day.strftime("%d/%m" if day.year == TODAY.year else "%d/%m/%Y")


def person(app, actor, nom: str, born: str = "01/01/1940", **over: object) -> int:
    data = PersonInput(nom=nom, prenom="Test", sexe="f", date_naissance=born)
    for key, value in over.items():
        setattr(data, key, value)
    return app.people.create(actor, data, confirm_duplicate=True).id


def seen(app, actor, pid: int, days_ago: int, next_in: int | None = None) -> None:
    day = TODAY - days_ago * DAY
    nxt = None if next_in is None else TODAY + next_in * DAY
    app.visits.log(actor, VisitInput(person_id=pid, date=day, duree=30, prochain_contact=nxt))


def test_most_fragile_first_lives_alone_then_gir_then_isolation_then_age(app, actor) -> None:
    younger = person(app, actor, "Younger", born="01/01/1950")
    older = person(app, actor, "Older", born="01/01/1930")
    isolated = person(app, actor, "Isolated", born="01/01/1955", fragilite_isolement=True)
    gir2 = person(app, actor, "Gir", born="01/01/1956", gir=2)
    gir5 = person(app, actor, "GirCinq", born="01/01/1935", gir=5)
    alone = person(app, actor, "Alone", born="01/01/1957", vit_seul=True)
    alone_gir = person(app, actor, "AloneGir", born="01/01/1958", vit_seul=True, gir=3)
    for pid in (younger, older, isolated, gir2, gir5, alone, alone_gir):
        seen(app, actor, pid, days_ago=70)
    ids = app.veille.current(actor).ids
    assert ids == [alone_gir, alone, gir2, isolated, older, gir5, younger]
    rows = app.veille.rows(actor, ids[:3])
    assert [r.priority_text for r in rows] == ["Vit seule · GIR 3", "Vit seule", "GIR 2"]
    assert rows[0].reason == SANS_CONTACT
    assert rows[0].reason_text == "10 sem. sans contact"


def test_who_is_on_the_list_and_the_counts(app, actor) -> None:
    recent = person(app, actor, "Recent")
    seen(app, actor, recent, days_ago=7, next_in=30)
    overdue = person(app, actor, "Overdue")
    seen(app, actor, overdue, days_ago=20, next_in=-5)  # next contact was due 5 days ago
    forgotten = person(app, actor, "Forgotten")
    seen(app, actor, forgotten, days_ago=43)  # 6 weeks and a day
    archived = person(app, actor, "Archived")
    seen(app, actor, archived, days_ago=100)
    app.people.archive(actor, archived)
    helper = person(app, actor, "Helper", est_benevole=True, est_beneficiaire=False)
    seen(app, actor, helper, days_ago=100)
    aidant = person(app, actor, "Aidant", est_beneficiaire=False)
    app.people.link_aidant(actor, aidant, recent, "enfant")
    seen(app, actor, aidant, days_ago=60)

    ids = app.veille.current(actor).ids
    assert set(ids) == {overdue, forgotten, aidant}
    rows = {r.person_id: r for r in app.veille.rows(actor, ids)}
    assert rows[overdue].reason == PREVU
    assert rows[overdue].reason_text == "Retard de 5 j"
    counts = app.veille.counts(actor)
    assert (counts.total, counts.prevu_depasse, counts.sans_contact, counts.jamais) == (3, 1, 2, 0)
    assert app.veille.current(actor).counts == counts


def test_never_contacted_is_listed(app, actor) -> None:
    pid = person(app, actor, "Jamais")
    assert app.veille.current(actor).ids == []  # opening the file counts as a first contact
    with app.db.uow() as s:  # a file imported without any contact date has none
        s.get(Person, pid).last_contact_date = None
    assert app.veille.rows(actor, app.veille.current(actor).ids)[0].reason == JAMAIS
    assert app.veille.counts(actor).jamais == app.veille.current(actor).counts.jamais == 1


def test_the_weeks_setting_moves_the_threshold(app, actor) -> None:
    pid = person(app, actor, "Threshold")
    seen(app, actor, pid, days_ago=30)
    assert app.veille.current(actor).ids == []
    app.settings.set(actor, "veille.semaines", 4)
    assert app.veille.current(actor).ids == [pid]
    assert app.veille.counts(actor).weeks == 4


def test_a_benevole_sees_the_list_without_health_data(app, actor, role_actor) -> None:
    pid = person(app, actor, "Fragile", gir=2, vit_seul=True, fragilite_isolement=True)
    seen(app, actor, pid, days_ago=80)
    benevole = role_actor(Role.BENEVOLE, assigned=[pid])
    row = app.veille.rows(benevole, app.veille.current(benevole).ids)[0]
    assert row.priority_text == "Vit seule"
    assert app.veille.rows(actor, [pid])[0].priority_text == "Vit seule · GIR 2 · Isolée"


def test_logging_the_contact_takes_the_person_off_the_list(app, actor) -> None:
    pid = person(app, actor, "Back")
    seen(app, actor, pid, days_ago=90)
    assert app.veille.current(actor).ids == [pid]
    seen(app, actor, pid, days_ago=0, next_in=21)
    assert app.veille.current(actor).ids == []
    assert app.veille.planned_ids(actor, TODAY, TODAY + 30 * DAY) == [pid]
    row = app.veille.rows(actor, [pid])[0]
    assert row.reason == A_JOUR
    assert row.reason_text == f"Prévu le {short(TODAY + 21 * DAY)}"
