"""A passage IS a séance of its convention's « API Bus » atelier action: created, moved and
cancelled with the passage; registrations and attendance are the ateliers ones."""

from __future__ import annotations

import pytest

from desktop_app.errors import NotFound, ValidationError
from desktop_app.tournees.records import PassageInput


def test_creating_a_passage_creates_its_seance_in_the_convention_action(app, actor, setup) -> None:
    t = app.tournees
    view = t.passages.get(actor, setup.passage_id)
    action = app.ateliers.actions.get(actor, view.action_id)
    assert action.data.titre == "API Bus — Octon 2026" and action.counts.capacite == 12
    seances = app.ateliers.seances.list_seances(actor, view.action_id)
    assert [(x.id, f"{x.debut:%d/%m/%Y %H:%M}", f"{x.fin:%H:%M}") for x in seances] == [
        (view.seance_id, "12/03/2026 14:00", "16:30")]
    second = t.passages.create(actor, PassageInput("34186", "09/04/2026", "14:00", "16:30", convention_id=setup.convention_id))
    assert second.action_id == view.action_id and second.seance_id != view.seance_id
    assert len(app.ateliers.seances.list_seances(actor, view.action_id)) == 2


def test_moving_and_cancelling_a_passage_moves_and_cancels_its_seance(app, actor, setup) -> None:
    t = app.tournees
    view = t.passages.get(actor, setup.passage_id)
    moved = t.passages.update(actor, view.id, view.version_id, PassageInput(
        "34186", "19/03/2026", "09:30", "11:30", vehicle_id=setup.vehicle_id, convention_id=setup.convention_id))
    [seance] = app.ateliers.seances.list_seances(actor, view.action_id)
    assert f"{seance.debut:%d/%m/%Y %H:%M}-{seance.fin:%H:%M}" == "19/03/2026 09:30-11:30"
    t.passages.update(actor, view.id, moved.version_id, PassageInput(
        "34186", "19/03/2026", "09:30", "11:30", statut="annule", convention_id=setup.convention_id))
    [seance] = app.ateliers.seances.list_seances(actor, view.action_id)
    assert seance.statut == "annulee" and seance.motif_annulation == "Passage du bus annulé"


def test_registration_and_presence_are_the_ateliers_ones(app, actor, setup) -> None:
    t = app.tournees
    view = t.passages.get(actor, setup.passage_id)
    regs = app.ateliers.registrations.list_registrations(actor, view.action_id)
    assert {r.person_id for r in regs.inscrits} == set(setup.people.values())
    durand = setup.people["Durand"]
    t.passages.set_presence(actor, view.id, durand, True)
    t.passages.set_presence(actor, view.id, setup.people["Martin"], False)
    grid = app.ateliers.attendance.grid(actor, view.action_id)
    assert grid.cells[(durand, view.seance_id)] == "present"
    assert grid.cells[(setup.people["Martin"], view.seance_id)] == "absent"
    after = t.passages.get(actor, view.id)
    assert (after.inscrits, after.presents, after.statut) == (7, 1, "realise")
    # a second passage of the convention has the same registered people
    second = t.passages.create(actor, PassageInput("34186", "09/04/2026", "14:00", "16:30", convention_id=setup.convention_id))
    assert {p.person_id for p in t.passages.participants(actor, second.id)} == set(setup.people.values())
    with pytest.raises(ValidationError) as err:
        t.passages.register(actor, second.id, durand)
    assert "déjà inscrit(e)" in err.value.errors["person_id"]


def test_unregistering_withdraws_from_the_action(app, actor, setup) -> None:
    t = app.tournees
    view = t.passages.get(actor, setup.passage_id)
    roux = setup.people["Roux"]
    t.passages.set_pickups(actor, view.id, {roux})
    t.passages.unregister(actor, view.id, roux)
    regs = app.ateliers.registrations.list_registrations(actor, view.action_id)
    assert roux in {r.person_id for r in regs.desistes} and roux not in {r.person_id for r in regs.inscrits}
    assert roux not in {p.person_id for p in t.passages.participants(actor, view.id)}
    assert t.passages.get(actor, view.id).a_chercher == 0
    with pytest.raises(NotFound):
        t.passages.unregister(actor, view.id, roux)


def test_only_registered_people_can_be_fetched(app, actor, setup, person_factory) -> None:
    stranger = person_factory("Inconnu")
    with pytest.raises(ValidationError) as err:
        app.tournees.passages.set_pickups(actor, setup.passage_id, {stranger})
    assert "Seules les personnes inscrites" in err.value.errors["person_id"]
