"""The chauffeur's « Trajets »: only the passages they drive, their route and feuille de
route; another passage's route sheet and the people file stay closed."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from db.enums import Role
from desktop_app.errors import PermissionDenied
from desktop_app.people.records import PersonFilter
from desktop_app.tournees.records import PassageInput


def _driven(app, actor, setup, role_actor):  # type: ignore[no-untyped-def]
    t = app.tournees
    driver = role_actor(Role.CHAUFFEUR)
    other = role_actor(Role.CHAUFFEUR)
    t.passages.set_pickups(actor, setup.passage_id, {setup.people["Durand"], setup.people["Bernard"]})
    t.pickups.compute(actor, setup.passage_id)
    view = t.passages.get(actor, setup.passage_id)
    t.passages.update(actor, view.id, view.version_id, PassageInput(
        "34186", "12/03/2026", "14:00", "16:30", vehicle_id=setup.vehicle_id, convention_id=setup.convention_id,
        chauffeur_id=driver.user_id))
    second = t.passages.create(actor, PassageInput("34186", "09/04/2026", "14:00", "16:30",
                                                   vehicle_id=setup.vehicle_id, convention_id=setup.convention_id,
                                                   chauffeur_id=other.user_id))
    t.passages.set_pickups(actor, second.id, {setup.people["Martin"]})
    t.pickups.compute(actor, second.id)
    return driver, other, second.id


def test_a_driver_lists_and_prints_only_their_passages(app, actor, setup, role_actor, tmp_path) -> None:
    driver, other, second = _driven(app, actor, setup, role_actor)
    trips = app.tournees.trips
    assert [p.id for p in trips.list_trips(driver)] == [setup.passage_id]
    assert [p.id for p in trips.list_trips(other)] == [second]
    assert {p.id for p in trips.list_trips(actor)} == {setup.passage_id, second}  # the coordinator sees all
    route = trips.route(driver, setup.passage_id)
    assert route.passage.chauffeur_nom == "Compte chauffeur1"
    pdf = trips.print_route_sheet(driver, setup.passage_id, tmp_path / "fdr.pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "DURAND" in text.upper() and "Octon" in text and "chauffeur : Compte chauffeur1" in text


def test_a_driver_cannot_read_another_passage_nor_the_people(app, actor, setup, role_actor, tmp_path) -> None:
    driver, _other, second = _driven(app, actor, setup, role_actor)
    trips = app.tournees.trips
    with pytest.raises(PermissionDenied) as err:
        trips.route(driver, second)
    assert "n'est pas l'un des vôtres" in err.value.message_fr
    with pytest.raises(PermissionDenied):
        trips.print_route_sheet(driver, second, tmp_path / "other.pdf")
    assert not (tmp_path / "other.pdf").exists()
    with pytest.raises(PermissionDenied):
        app.people.list_ids(driver, PersonFilter())
    with pytest.raises(PermissionDenied):
        app.tournees.pickups.load(driver, setup.passage_id)  # the coordination screens stay closed
    with pytest.raises(PermissionDenied):
        app.tournees.passages.participants(driver, setup.passage_id)


def test_only_a_chauffeur_account_can_be_named_driver(app, actor, setup, role_actor) -> None:
    from desktop_app.errors import ValidationError

    animateur = role_actor(Role.ANIMATEUR)
    view = app.tournees.passages.get(actor, setup.passage_id)
    with pytest.raises(ValidationError) as err:
        app.tournees.passages.update(actor, view.id, view.version_id, PassageInput(
            "34186", "12/03/2026", "14:00", "16:30", convention_id=setup.convention_id, chauffeur_id=animateur.user_id))
    assert err.value.errors["chauffeur_id"] == "Compte animateur1 n'a pas un compte chauffeur."
    assert [name for _id, name in app.tournees.passages.drivers(actor)] == []
