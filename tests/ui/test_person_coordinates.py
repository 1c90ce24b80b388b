"""Home coordinates on the person form: shown with the match score, low-confidence matches
flagged, typed by hand with the French comma and checked, « Géocoder » offline says so in
French and blocks nothing."""

from __future__ import annotations

import socket

from sqlalchemy import update
from ui_helpers import wait_idle

from db.models import Person
from desktop_app.people.records import PersonInput
from ui.pages.keys import PERSONNES


def _person(app, actor) -> int:  # type: ignore[no-untyped-def]
    return app.people.create(actor, PersonInput(
        nom="Durand", prenom="Marie", civilite="mme", adresse="3 chemin des Vignes", code_postal="34800",
        commune_insee="34186"), confirm_duplicate=True).id


def _open(qtbot, window, person_id):  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=person_id)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    return window.pages[PERSONNES].form.coordinates


def test_low_confidence_match_is_flagged_and_corrected_by_hand(qtbot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    pid = _person(app, actor)
    with app.db.uow() as s:
        s.execute(update(Person).where(Person.id == pid).values(
            latitude=43.659, longitude=3.3, geocode_score=0.48, geocode_status="a_verifier"))
    card = _open(qtbot, empty_window, pid)
    assert card.isVisible()
    assert card.lat.value() == "43,659" and card.lon.value() == "3,3"
    assert card.status.text().startswith("⚠ À vérifier : correspondance faible") and "48 %" in card.status.text()
    card.lat.set_value("143,2")
    card.save()
    wait_idle(qtbot, empty_window)
    assert "Latitude invalide" in card.lat.error.text() and card.lat.value() == "143,2"  # typed text kept
    card.lat.set_value("43,6612")
    card.lon.set_value("3,2987")
    card.save()
    wait_idle(qtbot, empty_window)
    wait_idle(qtbot, empty_window)
    home = app.tournees.geocoding.home(actor, pid)
    assert (home.latitude, home.longitude, home.status) == (43.6612, 3.2987, "manuel")
    assert card.status.text() == "Coordonnées saisies à la main."


def test_geocode_offline_says_so_in_french(qtbot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app.settings.set(actor, "geocodage.ban_url", f"http://127.0.0.1:{port}")
    pid = _person(app, actor)
    card = _open(qtbot, empty_window, pid)
    assert "Pas encore de coordonnées" in card.status.text()
    card.geocode()
    wait_idle(qtbot, empty_window)
    assert "ne répond pas" in card.status.text() and "à la main" in card.status.text()
    assert card.geocode_btn.isEnabled() and card.lat.editor.isEnabled()


def test_a_benevole_reads_the_point_without_the_buttons(qtbot, qt_app, app, actor, role_actor) -> None:  # type: ignore[no-untyped-def]
    from db.enums import Role
    from ui.main_window import MainWindow

    pid = _person(app, actor)
    app.tournees.geocoding.set_person_coordinates(actor, pid, "43,66", "3,30")
    benevole = role_actor(Role.BENEVOLE, assigned=[pid])
    window = MainWindow(app, benevole)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    card = _open(qtbot, window, pid)
    assert card.lat.value() == "43,66" and card.status.text() == "Coordonnées saisies à la main."
    assert not card.save_btn.isVisibleTo(card) and not card.geocode_btn.isVisibleTo(card)
    assert not card.lat.editor.isEnabled()
    window.close()
