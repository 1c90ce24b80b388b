"""The Ateliers page as a coordinator uses it: create a cycle and its séances, register
over capacity (waiting list), withdraw someone and give the place to the first waiting
person, take attendance with the keyboard; messages under the fields."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import select
from ui_helpers import ctrl, type_into, wait_idle

from db.models import AuditEntry
from desktop_app.ateliers.records import ActionInput, SeanceRule
from ui.pages.ateliers.action_form import ActionDialog
from ui.pages.ateliers.membership_dialog import MembershipDialog
from ui.pages.ateliers.seance_dialogs import GenerationDialog, ReasonDialog
from ui.pages.keys import ATELIERS
from ui.widgets.messages import MessageDialog


def top_dialog(kind):  # type: ignore[no-untyped-def]
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def rows_of(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def make_cycle(app, actor, capacite: int = 2, seances: int = 3) -> int:  # type: ignore[no-untyped-def]
    themes = {t.code: t.id for t in app.ateliers.actions.themes(actor)}
    action = app.ateliers.actions.create(actor, ActionInput(
        titre="Atelier mémoire", theme_id=themes["memoire"], capacite=capacite, lieu="Salle des fêtes",
        animateur="Claire Lemoine", statut="ouvert"))
    app.ateliers.seances.generate(actor, action.id, SeanceRule(premier_jour="06/01/2025", nombre=seances))
    return action.id


def open_action(qtbot, window, action_id: int):  # type: ignore[no-untyped-def]
    window.navigate(ATELIERS, action_id=action_id)
    wait_idle(qtbot, window)
    return window.pages[ATELIERS].view


def test_create_a_cycle_and_generate_its_seances(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    window.navigate(ATELIERS)
    wait_idle(qtbot, window)
    page = window.pages[ATELIERS]
    assert page.list.empty.title.text() == "Aucun atelier pour l'instant"
    page.list.new_button.click()
    wait_idle(qtbot, window)
    dialog = top_dialog(ActionDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.fields["titre"].editor
    ctrl(qtbot, dialog.fields["titre"].editor, Qt.Key.Key_S)  # nothing typed yet
    wait_idle(qtbot, window)
    assert dialog.fields["titre"].error.text() == "Le titre de l'atelier est obligatoire."
    assert dialog.fields["theme_id"].error.text() == "Choisissez un thème."
    type_into(qtbot, dialog.fields["titre"].editor, "Atelier équilibre")
    combo = dialog.fields["theme_id"].combo
    combo.setCurrentIndex(combo.findText("Activité physique / équilibre / prévention des chutes"))
    type_into(qtbot, dialog.fields["capacite"].editor, "-3")
    type_into(qtbot, dialog.fields["lieu"].editor, "Gymnase municipal")
    ctrl(qtbot, dialog.fields["titre"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert dialog.fields["capacite"].error.text() == "Capacité : saisissez un nombre supérieur à zéro."
    assert dialog.fields["titre"].value() == "Atelier équilibre"  # typed text kept
    dialog.fields["capacite"].line.setText("12")
    ctrl(qtbot, dialog.fields["titre"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    view = page.view
    assert page.stack.currentWidget() is view and view.title.text() == "Atelier équilibre"
    assert window.toast.text() == "Atelier créé."

    view.tabs.setCurrentWidget(view.seances)
    assert view.seances.empty.isVisible()
    view.seances.generate()
    gen = top_dialog(GenerationDialog)
    gen.fields["premier_jour"].line.setText("")
    type_into(qtbot, gen.fields["premier_jour"].editor, "28/10/2024")
    gen.fields["nombre"].line.setText("4")
    gen.refresh_preview()
    wait_idle(qtbot, window)
    assert gen.summary.text() == "4 séance(s) à créer · 1 date(s) sautée(s)"
    assert any("Armistice" in gen.preview_list.item(i).text() for i in range(gen.preview_list.count()))
    gen.save_button.click()
    wait_idle(qtbot, window)
    dates = [row[1] for row in rows_of(view.seances.table)]
    assert dates == ["lundi 28 octobre 2024", "lundi 4 novembre 2024", "lundi 18 novembre 2024",
                     "lundi 25 novembre 2024"]
    action_id = view.action_id
    assert [r.debut.date() for r in app.ateliers.seances.list_seances(actor, action_id)][2] == dt.date(2024, 11, 18)


def test_register_over_capacity_then_withdraw_and_promote(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor, capacite=2)
    view = open_action(qtbot, window, action_id)
    tab = view.registrations
    view.tabs.setCurrentWidget(tab)
    for prenom in ("Hélène", "Marcel", "Yvette"):
        tab.picker.choose(seeded[prenom], prenom)
        wait_idle(qtbot, window)
    assert window.toast.text() == "Atelier complet : VIDAL Yvette est sur la liste d'attente (rang 1)."
    assert [r[0] for r in rows_of(tab.inscrits)] == ["DUPONT Hélène", "MARTIN Marcel"]
    assert [r[:2] for r in rows_of(tab.waiting)] == [["1", "VIDAL Yvette"]]
    assert tab.inscrits_card.findChild(QLabel, "sectionTitle").text() == "Inscrits : 2 sur 2 places"
    assert tab.waiting_card.findChild(QLabel, "sectionTitle").text() == "Liste d'attente : 1"
    assert view.counts.text() == "2 inscrits · 1 en attente · 2 places · 3 séances"
    assert not tab.promote_button.isEnabled() or not tab.waiting.selectionModel().hasSelection()

    tab.inscrits.selectRow(0)
    tab.withdraw_button.click()
    reason = top_dialog(ReasonDialog)
    qtbot.waitUntil(reason.isActiveWindow)
    type_into(qtbot, reason.fields["motif"].editor, "Hospitalisation")
    ctrl(qtbot, reason.fields["motif"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    offer = top_dialog(MessageDialog)
    assert offer is not None and "VIDAL Yvette" in offer.text.text()
    assert offer.buttons[0].text() == "Inscrire VIDAL Yvette"
    assert view.offer_box.isVisible() and view.offer_button.text() == "Inscrire VIDAL Yvette"
    assert view.counts.text() == "1 inscrit · 1 en attente · 2 places · 3 séances"
    offer.buttons[0].click()
    wait_idle(qtbot, window)
    assert window.toast.text() == "VIDAL Yvette a obtenu la place."
    assert [r[0] for r in rows_of(tab.inscrits)] == ["MARTIN Marcel", "VIDAL Yvette"]
    assert tab.waiting.rowCount() == 0 and not view.offer_box.isVisible()
    assert "DUPONT Hélène (" in tab.withdrawn_label.text()
    with app.db.read() as s:
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "promotion_liste_attente"))
    assert entry is not None and entry.person_id == seeded["Yvette"]


def test_attendance_grid_with_the_keyboard(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor, capacite=5)
    for prenom in ("Hélène", "Marcel"):
        app.ateliers.registrations.register(actor, action_id, seeded[prenom])
    view = open_action(qtbot, window, action_id)
    tab = view.attendance
    view.tabs.setCurrentWidget(tab)
    grid = tab.view
    assert tab.model.rowCount() == 2 and tab.model.columnCount() == 3
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "06/01\nn°1"
    grid.setFocus()
    grid.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert tab.model.index(0, 0).data() == "P"
    qtbot.keyClick(grid, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    grid.setCurrentIndex(tab.model.index(1, 0))
    qtbot.keyClick(grid, Qt.Key.Key_E)
    wait_idle(qtbot, window)
    stored = app.ateliers.attendance.grid(actor, action_id)
    first = stored.seances[0].id
    assert stored.cells == {(seeded["Hélène"], first): "absent", (seeded["Marcel"], first): "excuse"}
    assert tab.model.index(0, 0).data() == "A" and tab.model.index(1, 0).data() == "E"
    figures = app.ateliers.figures(actor, action_id)
    assert figures.seances_realisees == 1 and figures.presences == 0
    assert view.overview.tiles["presence"].value.text() == "0 %"


def test_cancelled_seance_is_greyed_and_takes_no_attendance(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor)
    app.ateliers.registrations.register(actor, action_id, seeded["Hélène"])
    second = app.ateliers.seances.list_seances(actor, action_id)[1]
    app.ateliers.seances.cancel(actor, second.id, "Neige")
    view = open_action(qtbot, window, action_id)
    rows = rows_of(view.seances.table)
    assert rows[1][0] == "—" and rows[1][5] == "Annulée — Neige"
    tab = view.attendance
    view.tabs.setCurrentWidget(tab)
    assert tab.model.headerData(1, Qt.Orientation.Horizontal) == "13/01\nannulée"
    assert not tab.model.flags(tab.model.index(0, 1)) & Qt.ItemFlag.ItemIsEnabled
    tab.set(0, 1, "present")
    wait_idle(qtbot, window)
    assert app.ateliers.attendance.grid(actor, action_id).cells == {}


def test_list_counts_inscrits_and_waiting_apart(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor, capacite=1)
    for prenom in ("Hélène", "Marcel", "Yvette"):
        app.ateliers.registrations.register(actor, action_id, seeded[prenom])
    window.navigate(ATELIERS)
    wait_idle(qtbot, window)
    model = window.pages[ATELIERS].list.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {h: model.index(0, c).data() for c, h in enumerate(headers)}
    assert (row["Inscrits"], row["En attente"], row["Séances"]) == ("1 / 1", "2", "3")
    assert window.pages[ATELIERS].list.count_label.text() == "1 atelier"


def test_smileys_with_the_keyboard_and_the_summary(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor, capacite=5)
    for prenom in ("Hélène", "Marcel"):
        app.ateliers.registrations.register(actor, action_id, seeded[prenom])
    first = app.ateliers.seances.list_seances(actor, action_id)[0]
    app.ateliers.attendance.set_seance(actor, first.id, {seeded["Hélène"]: "present", seeded["Marcel"]: "present"})
    view = open_action(qtbot, window, action_id)
    tab = view.satisfaction
    view.tabs.setCurrentWidget(tab)
    wait_idle(qtbot, window)
    assert tab.seance.currentText() == "n°1 — lundi 6 janvier 2025"
    assert [e.nom for e in tab.entries] == ["DUPONT Hélène", "MARTIN Marcel"]
    tab.table.setFocus()
    tab.table.setCurrentCell(0, 0)
    qtbot.keyClick(tab.table, Qt.Key.Key_5)
    wait_idle(qtbot, window)
    qtbot.keyClick(tab.table, Qt.Key.Key_4)  # the cursor went to the next participant
    wait_idle(qtbot, window)
    summary = app.ateliers.satisfaction.summary(actor, action_id)
    assert summary.distribution == {1: 0, 2: 0, 3: 0, 4: 1, 5: 1}
    assert tab.mean.text() == "4,5 / 5" and tab.count.text() == "2 avis sur l'ensemble des séances"
    assert tab.table.item(0, 6).text() == "●" and tab.table.item(1, 5).text() == "●"


def test_membership_from_the_registrations(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    action_id = make_cycle(app, actor)
    app.ateliers.registrations.register(actor, action_id, seeded["Hélène"])
    view = open_action(qtbot, window, action_id)
    tab = view.registrations
    view.tabs.setCurrentWidget(tab)
    tab.inscrits.selectRow(0)
    tab.membership_button.click()
    wait_idle(qtbot, window)
    dialog = top_dialog(MembershipDialog)
    assert dialog.fields["montant"].value() == "29,00"
    assert dialog.fields["annee"].value() == str(dt.date.today().year)
    dialog.fields["montant"].line.setText("-5")
    dialog.save_button.click()
    wait_idle(qtbot, window)
    assert dialog.fields["montant"].error.text() == "Le montant de l'adhésion ne peut pas être négatif."
    dialog.fields["montant"].line.setText("29")
    dialog.save_button.click()
    wait_idle(qtbot, window)
    assert app.ateliers.memberships.is_member(actor, seeded["Hélène"], dt.date.today().year)
    assert window.toast.text() == "Adhésion enregistrée."
