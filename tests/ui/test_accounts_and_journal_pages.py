"""The Comptes, Journal and Mon compte pages, driven like a user would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from ui_helpers import type_into, wait_idle

from desktop_app.app import Escale
from desktop_app.security.records import AccountInput
from ui.pages.accounts.dialogs import TemporaryPasswordDialog
from ui.pages.keys import COMPTES, JOURNAL, MON_COMPTE
from ui.widgets.messages import MessageDialog

GOOD = "Tulipe-Jaune-42"


def open_as(qtbot: QtBot, app: Escale, actor):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(app, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    wait_idle(qtbot, window)
    return window


def dialogs(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


@pytest.fixture
def admin(app: Escale):  # type: ignore[no-untyped-def]
    return app.auth.create_first_admin("admin", "Alice Admin", GOOD, GOOD)


def test_create_an_account_and_hand_over_its_password(qtbot, qt_app, app, admin) -> None:  # type: ignore[no-untyped-def]
    window = open_as(qtbot, app, admin)
    window.navigate(COMPTES)
    wait_idle(qtbot, window)
    page = window.pages[COMPTES]
    assert [page.table.item(r, 1).text() for r in range(page.table.rowCount())] == ["admin"]
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    panel = page.panel
    type_into(qtbot, panel.username, "admin")
    type_into(qtbot, panel.display_name, "Sophie Martin")
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert panel.errors["username"].text() == "L'identifiant « admin » est déjà pris."
    assert panel.errors["role"].text() == "Choisissez un rôle."
    panel.username.clear()
    type_into(qtbot, panel.username, "s.martin")
    panel.role.setCurrentIndex(panel.role.findData("intervenant"))
    qtbot.keyClick(panel.display_name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    shown = dialogs(TemporaryPasswordDialog)
    assert len(shown) == 1
    temporary = shown[0].password.text()
    assert app.auth.login("s.martin", temporary).must_change_password
    shown[0].accept()
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "Sophie Martin" in names
    assert panel.heading.text() == "Sophie Martin" and panel.username.isReadOnly()


def test_reset_and_deactivate_from_the_panel(qtbot, qt_app, app, admin) -> None:  # type: ignore[no-untyped-def]
    new = app.accounts.create(admin, AccountInput("paul", "Paul Durand", "animateur"))
    window = open_as(qtbot, app, admin)
    window.navigate(COMPTES)
    wait_idle(qtbot, window)
    page = window.pages[COMPTES]
    row = next(r for r in range(page.table.rowCount()) if page.table.item(r, 1).text() == "paul")
    page.table.selectRow(row)
    assert page.panel.heading.text() == "Paul Durand"
    qtbot.mouseClick(page.panel.reset_button, Qt.MouseButton.LeftButton)
    question = dialogs(MessageDialog)[0]
    qtbot.mouseClick(question.buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    handed = dialogs(TemporaryPasswordDialog)[0]
    assert handed.password.text() != new.temporary_password
    assert app.auth.login("paul", handed.password.text()).must_change_password
    handed.accept()
    qtbot.mouseClick(page.panel.active_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialogs(MessageDialog)[0].buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "Désactivé" in page.panel.status.text()
    assert "paul" not in [page.table.item(r, 1).text() for r in range(page.table.rowCount())]
    page.show_inactive.setChecked(True)
    wait_idle(qtbot, window)
    assert "paul" in [page.table.item(r, 1).text() for r in range(page.table.rowCount())]


def test_journal_filters_by_person_and_dates(qtbot, qt_app, app, actor, seeded, admin) -> None:  # type: ignore[no-untyped-def]
    app.people.get(actor, seeded["Hélène"])
    window = open_as(qtbot, app, admin)
    window.navigate(JOURNAL)
    wait_idle(qtbot, window)
    page = window.pages[JOURNAL]
    everything = page.total
    assert everything >= 7 and page.count.text() == f"Entrées 1 à {everything} sur {everything}"
    window.navigate(JOURNAL, person_id=seeded["Hélène"], person_name="DUPONT Hélène")
    wait_idle(qtbot, window)
    actions = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    assert actions == ["Consultation de la fiche", "Création"]
    assert {page.model.index(r, 4).data() for r in range(page.model.rowCount())} == {"DUPONT Hélène"}
    type_into(qtbot, page.date_from, "31/02/2026")
    qtbot.keyClick(page.date_from, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert page.errors["date_from"].isVisibleTo(window) and "n'existe pas" in page.errors["date_from"].text()
    assert page.model.rowCount() == 2  # the previous result stays
    page.date_from.clear()
    qtbot.keyClick(page.date_from, Qt.Key.Key_Return)
    qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.check_ok.isVisibleTo(window) and page.check_ok.text().startswith("Journal d'audit intact")


def test_my_account_changes_the_password(qtbot, qt_app, app, admin) -> None:  # type: ignore[no-untyped-def]
    window = open_as(qtbot, app, admin)
    window.navigate(MON_COMPTE)
    page = window.pages[MON_COMPTE]
    type_into(qtbot, page.fields["current"].line, "faux")
    type_into(qtbot, page.fields["new"].line, "Velo-Rouge-Matin-7")
    type_into(qtbot, page.fields["confirm"].line, "Velo-Rouge-Matin-7")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.fields["current"].error.text() == "Le mot de passe actuel est incorrect."
    assert page.fields["new"].text() == "Velo-Rouge-Matin-7"  # kept
    page.fields["current"].line.clear()
    type_into(qtbot, page.fields["current"].line, GOOD)
    qtbot.keyClick(page.fields["confirm"].line, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert page.fields["new"].text() == ""
    assert app.auth.login("admin", "Velo-Rouge-Matin-7").actor.user_id == admin.user_id


def test_journal_model_passes_qtmodeltester(qtmodeltester, app, actor, seeded, admin) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.security.journal import AuditFilter
    from ui.pages.audit.model import AuditModel

    model = AuditModel()
    model.set_rows(app.audit.search(admin, AuditFilter()).rows)
    assert model.rowCount() >= 6
    qtmodeltester.check(model)
