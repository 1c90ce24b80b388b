"""Visits through the window: log a contact from a person's Parcours with the keyboard, see
it there at once, the French messages under the fields with the typed text kept, and the
Veille list giving up the person once their contact is logged."""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import ctrl, type_into, wait_idle

from db.enums import Role
from desktop_app.formatting import date_fr
from desktop_app.visits.records import CNIL_REMINDER, VisitInput
from ui.pages.keys import PERSONNES, VEILLE
from ui.pages.visits.form import VisitForm

TODAY = dt.date.today()


def visit_form(qtbot) -> VisitForm:  # type: ignore[no-untyped-def]
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitForm) and w.isVisible()]
    assert len(found) == 1
    qtbot.waitUntil(found[0].isActiveWindow)
    return found[0]


def open_parcours(qtbot, window, person_id: int):  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=person_id)
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    form.tabs.setCurrentWidget(form.parcours)
    return form.parcours


def test_log_a_visit_from_the_parcours_and_see_it_there(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from db.models import Person

    with app.db.uow() as s:  # her file was opened long ago: the header says so until a new contact
        s.execute(update(Person).where(Person.id == seeded["Hélène"]).values(last_contact_date=dt.date(2025, 3, 1)))
    parcours = open_parcours(qtbot, window, seeded["Hélène"])
    assert "Dernier contact : 01/03/2025" in window.pages[PERSONNES].form.meta.text()
    assert parcours.table.rowCount() == 0
    qtbot.mouseClick(parcours.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    form = visit_form(qtbot)
    assert QApplication.focusWidget() is form.fields["date"].editor
    assert form.fields["date"].value() == date_fr(TODAY)
    assert any(label.text() == CNIL_REMINDER for label in form.findChildren(type(form.banner)))
    assert "note_confidentielle" in form.fields  # the coordinator may write it
    form.fields["heure"].set_value("10h15")
    type_into(qtbot, form.fields["duree"].editor, "1h30")
    form.fields["objet"].set_value("acces_droits")
    type_into(qtbot, form.fields["resume"].editor, "Dossier APA rempli avec Madame.")
    type_into(qtbot, form.fields["prochain_contact"].editor, date_fr(TODAY + dt.timedelta(days=14)))
    ctrl(qtbot, form.fields["prochain_contact"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert not shiboken6.isValid(form) or not form.isVisible()
    assert window.toast.text() == "Contact enregistré pour DUPONT Hélène."

    stored = app.visits.latest_for_person(actor, seeded["Hélène"])
    assert (stored.duree_minutes, stored.objet, stored.heure) == (90, "acces_droits", dt.time(10, 15))
    assert [c.label for c in stored.intervenants] == [actor.display_name]
    wait_idle(qtbot, window)
    first = [parcours.table.item(0, c).text() for c in range(3)]
    assert first[0] == f"{date_fr(TODAY)}\n10h15"
    assert first[1] == "Contact\nVisite à domicile — Accès aux droits"
    assert first[2].startswith("Dossier APA rempli avec Madame.\nDurée : 1 h 30")
    assert f"Dernier contact : {date_fr(TODAY)}" in parcours.summary.text()
    assert f"Dernier contact : {date_fr(TODAY)}" in window.pages[PERSONNES].form.meta.text()  # the header too


def test_wrong_input_is_shown_under_its_field_and_kept(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    parcours = open_parcours(qtbot, window, seeded["Marcel"])
    parcours.new_contact()
    form = visit_form(qtbot)
    form.fields["duree"].set_value("")
    type_into(qtbot, form.fields["duree"].editor, "-5")
    form.fields["prochain_contact"].set_value("")
    type_into(qtbot, form.fields["prochain_contact"].editor, "01/01/2001")
    ctrl(qtbot, form.fields["duree"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert form.isVisible()
    assert form.fields["duree"].error.text() == "La durée doit être positive (en minutes, par exemple 45 ou 1h30)."
    assert form.fields["prochain_contact"].error.text().startswith("Le prochain contact ne peut pas précéder")
    assert form.fields["duree"].value() == "-5"  # what was typed stays
    assert QApplication.focusWidget() is form.fields["duree"].editor
    assert parcours.table.rowCount() == 0
    form.dirty = False
    qtbot.keyClick(form.fields["duree"].editor, Qt.Key.Key_Escape)
    assert not shiboken6.isValid(form) or not form.isVisible()


def test_veille_logs_the_contact_in_one_gesture_and_updates(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    for name in ("Hélène", "Marcel"):
        app.visits.log(actor, VisitInput(person_id=seeded[name], date=TODAY - dt.timedelta(days=70), duree=30))
    window.navigate(VEILLE)
    wait_idle(qtbot, window)
    page = window.pages[VEILLE]
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert names == ["DUPONT Hélène", "MARTIN Marcel"]  # lives alone, GIR 3 first
    assert page.table.item(0, 2).text() == "Vit seul·e · GIR 3"
    assert page.table.item(0, 3).text() == "10 sem. sans contact"
    assert page.counts.text().startswith("2 personne(s)")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    form = visit_form(qtbot)
    assert form.person_id == seeded["Hélène"]
    type_into(qtbot, form.fields["resume"].editor, "Appel : tout va bien.")
    ctrl(qtbot, form.fields["resume"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["MARTIN Marcel"]
    assert page.counts.text().startswith("1 personne(s)")


def test_a_benevole_gets_no_confidential_note_field(qtbot, qt_app, app, actor, seeded, role_actor) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    lea = role_actor(Role.BENEVOLE, assigned=[seeded["Hélène"]])
    window = MainWindow(app, lea)
    qtbot.addWidget(window)
    window.show()
    wait_idle(qtbot, window)
    parcours = open_parcours(qtbot, window, seeded["Hélène"])
    parcours.new_contact()
    form = visit_form(qtbot)
    assert "note_confidentielle" not in form.fields and "orientations" not in form.fields
    assert any(label.text() == CNIL_REMINDER for label in form.findChildren(type(form.banner)))
    form.reject()
    window.close()


def test_accueil_contact_figures_open_their_lists(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.keys import ACCUEIL

    app.visits.log(actor, VisitInput(person_id=seeded["Hélène"], date=TODAY - dt.timedelta(days=70), duree=30))
    app.visits.log(actor, VisitInput(person_id=seeded["Marcel"], date=TODAY, duree=30, prochain_contact=TODAY))
    window.navigate(ACCUEIL)
    home = window.pages[ACCUEIL]
    home.refresh()
    wait_idle(qtbot, window)
    values = {attr: card.value.text() for attr, card in home.contact_cards.items()}
    assert values == {"planned_today": "1", "planned_week": "1", "veille": "1",
                      "people_accompanied": "2", "visits": "2"}
    assert "new_people" not in values  # « Nouvelles en … » is already a figure of the file
    home.contact_cards["veille"].setFocus()
    qtbot.keyClick(home.contact_cards["veille"], Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    page = window.pages[VEILLE]
    assert window.current_page() is page
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["DUPONT Hélène"]
    window.navigate(ACCUEIL)
    qtbot.mouseClick(home.contact_cards["planned_today"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["MARTIN Marcel"]
    window.navigate(ACCUEIL)
    qtbot.mouseClick(home.contact_cards["visits"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.table.horizontalHeaderItem(1).text() == "Date"
    assert [page.table.item(r, 0).text() for r in range(page.table.rowCount())] == ["MARTIN Marcel", "DUPONT Hélène"]
