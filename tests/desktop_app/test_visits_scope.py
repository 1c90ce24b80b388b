"""A bénévole's part of the visits (docs/roles.md): only the people assigned to them, and
among their visits only their own (logged by them or with them)."""

from __future__ import annotations

import datetime as dt

import pytest

from db.enums import Role
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import PersonInput
from desktop_app.visits.accueil import Figure
from desktop_app.visits.records import IntervenantRef, VisitInput

TODAY = dt.date.today()
DAY = dt.timedelta(days=1)


def person(app, actor, nom: str) -> int:
    data = PersonInput(nom=nom, prenom="Jeanne", sexe="f", date_naissance="12/03/1938",
                       code_postal="34200", commune_insee="34301")
    return app.people.create(actor, data, confirm_duplicate=True).id


def visit(person_id: int, days_ago: int = 1, **over: object) -> VisitInput:
    data = VisitInput(person_id=person_id, date=TODAY - days_ago * DAY, duree="30",
                      resume="Appel de courtoisie.")
    for key, value in over.items():
        setattr(data, key, value)
    return data


@pytest.fixture
def setting(app, actor, role_actor):  # type: ignore[no-untyped-def]
    mine, other = person(app, actor, "Confiee"), person(app, actor, "Autre")
    lea = role_actor(Role.BENEVOLE, assigned=[mine])
    return app, actor, lea, mine, other


def test_a_benevole_logs_and_reads_visits_of_the_people_assigned_to_them(setting) -> None:
    app, _actor, lea, mine, other = setting
    logged = app.visits.log(lea, visit(mine))
    assert [c.label for c in logged.intervenants] == [lea.display_name]
    assert app.visits.get(lea, logged.id).resume == "Appel de courtoisie."
    assert [r.id for r in app.visits.journal(lea, TODAY - 30 * DAY, TODAY)] == [logged.id]
    with pytest.raises(PermissionDenied) as err:
        app.visits.log(lea, visit(other))
    assert "ne vous est pas confiée" in err.value.message_fr
    with pytest.raises(PermissionDenied):
        app.timeline.for_person(lea, other)


def test_a_benevole_does_not_read_someone_else_s_visit_to_their_person(setting) -> None:
    app, actor, lea, mine, _other = setting
    theirs = app.visits.log(actor, visit(mine, days_ago=3, resume="Visite de la coordinatrice."))
    with_lea = app.visits.log(actor, visit(mine, days_ago=2, intervenants=[IntervenantRef(user_id=lea.user_id)]))
    with pytest.raises(PermissionDenied) as err:
        app.visits.get(lea, theirs.id)
    assert "faite par quelqu'un d'autre" in err.value.message_fr
    with pytest.raises(PermissionDenied):
        app.visits.update(lea, theirs.id, theirs.version_id, theirs.to_input())
    with pytest.raises(PermissionDenied):
        app.visits.delete(lea, theirs.id)
    assert app.visits.get(lea, with_lea.id).id == with_lea.id  # took part in it
    assert [e.ref_id for e in app.timeline.for_person(lea, mine) if e.kind == "visite"] == [with_lea.id]
    assert app.visits.latest_for_person(lea, mine).id == with_lea.id
    assert app.visits.count_between(lea, TODAY - 30 * DAY, TODAY) == 1
    assert app.visits.count_between(actor, TODAY - 30 * DAY, TODAY) == 2


def test_a_benevole_s_veille_and_accueil_cover_only_their_people(setting) -> None:
    app, actor, lea, mine, other = setting
    for pid in (mine, other):
        app.visits.log(actor, visit(pid, days_ago=60))
    assert set(app.veille.current(actor).ids) == {mine, other}
    assert app.veille.current(lea).ids == [mine]
    assert app.veille.counts(lea).total == 1
    assert [r.person_id for r in app.veille.rows(lea, [other, mine])] == [mine]
    app.visits.log(actor, visit(other, prochain_contact=TODAY))
    app.visits.log(lea, visit(mine, prochain_contact=TODAY))
    assert app.veille.planned_ids(lea, TODAY, TODAY) == [mine]
    figures = app.accueil.figures(lea)
    assert (figures.planned_today, figures.visits, figures.people_accompanied) == (1, 1, 1)
    assert app.accueil.people_ids(lea, Figure.PERSONNES_ACCOMPAGNEES) == [mine]
    assert app.accueil.figures(actor).visits == 4


def test_a_benevole_names_only_themselves_among_the_benevoles(app, actor, role_actor) -> None:
    andre = app.people.create(actor, PersonInput(nom="Fabre", prenom="André", est_benevole=True,
                                                 est_beneficiaire=False)).id
    other = app.people.create(actor, PersonInput(nom="Vidal", prenom="Paul", est_benevole=True,
                                                 est_beneficiaire=False)).id
    lea = role_actor(Role.BENEVOLE, person_id=andre)
    refs = [c.ref for c in app.visits.intervenant_choices(lea)]
    assert IntervenantRef(person_id=andre) in refs and IntervenantRef(person_id=other) not in refs
    assert IntervenantRef(person_id=other) in [c.ref for c in app.visits.intervenant_choices(actor)]
