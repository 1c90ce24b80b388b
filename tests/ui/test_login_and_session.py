"""The login window, the first administrator, the forced password change, the pages each
demo role sees, and the session lock keeping typed text."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import type_into, wait_idle

from db.enums import Role
from desktop_app.app import Escale
from desktop_app.demo.accounts import DEMO_PASSWORD, populate_accounts
from desktop_app.people.records import PersonFilter
from desktop_app.security.journal import AuditFilter
from desktop_app.security.records import AccountInput
from ui.auth.flow import SessionFlow
from ui.auth.login_window import LoginWindow
from ui.pages.keys import PERSONNES

GOOD = "Tulipe-Jaune-42"


@pytest.fixture
def demo_accounts(app: Escale, seeded) -> None:  # type: ignore[no-untyped-def]
    populate_accounts(app.db, 1, dt.date(2026, 11, 1))


def open_login(qtbot: QtBot, app: Escale, demo: bool = False) -> LoginWindow:
    window = LoginWindow(app, demo=demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def submit_login(qtbot: QtBot, window: LoginWindow, username: str, password: str) -> None:
    window.login.username.line.setText(username)
    window.login.password.line.clear()
    type_into(qtbot, window.login.password.line, password)
    qtbot.keyClick(window.login.password.line, Qt.Key.Key_Return)
    wait_idle(qtbot, window)


def test_wrong_password_is_said_under_the_field(qtbot, qt_app, app, demo_accounts) -> None:  # type: ignore[no-untyped-def]
    window = open_login(qtbot, app, demo=True)
    with qtbot.assertNotEmitted(window.authenticated):
        submit_login(qtbot, window, "coordinatrice", "Tulipe-Jaune-99")
    assert window.login.password.error.isVisibleTo(window)
    assert window.login.password.error.text() == "Identifiant ou mot de passe incorrect."
    assert window.login.password.text() == ""  # emptied, the identifier kept
    assert window.login.username.text() == "coordinatrice"
    with qtbot.waitSignal(window.authenticated) as signal:
        submit_login(qtbot, window, "coordinatrice", DEMO_PASSWORD)
    assert signal.args[0].role == Role.COORDINATEUR


def test_lockout_message_gives_the_wait(qtbot, qt_app, app, demo_accounts) -> None:  # type: ignore[no-untyped-def]
    window = open_login(qtbot, app)
    for _ in range(5):
        submit_login(qtbot, window, "animateur", "mauvais")
    assert window.login.password.error.text() == (
        "Mot de passe incorrect. Après 5 essais infructueux, le compte est bloqué : réessayez dans 30 secondes.")
    with qtbot.assertNotEmitted(window.authenticated):
        submit_login(qtbot, window, "animateur", DEMO_PASSWORD)  # even the right one waits
    assert window.login.password.error.text().startswith("Trop d'essais infructueux (5) : réessayez dans")


def test_first_start_creates_the_administrator(qtbot, qt_app, app) -> None:  # type: ignore[no-untyped-def]
    window = open_login(qtbot, app)
    screen = window.first_admin
    assert screen.isVisibleTo(window) and not window.login.isVisibleTo(window)
    type_into(qtbot, screen.username.line, "c.fabre")
    type_into(qtbot, screen.display_name.line, "Claire Fabre")
    type_into(qtbot, screen.password.line, "Bonjour123")
    assert screen.password.hint.text().startswith("Il manque 2 caractères et un caractère spécial")
    type_into(qtbot, screen.confirm.line, "Bonjour123")
    qtbot.mouseClick(screen.action, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert screen.password.error.text().startswith("Mot de passe trop faible : il manque 2 caractères")
    assert screen.username.text() == "c.fabre"  # nothing typed is lost
    screen.password.line.clear()
    screen.confirm.line.clear()
    type_into(qtbot, screen.password.line, GOOD)
    assert screen.password.hint.text() == "✓ Ce mot de passe respecte les règles."
    type_into(qtbot, screen.confirm.line, GOOD)
    with qtbot.waitSignal(window.authenticated) as signal:
        qtbot.keyClick(screen.confirm.line, Qt.Key.Key_Return)
        wait_idle(qtbot, window)
    assert (signal.args[0].username, signal.args[0].role) == ("c.fabre", Role.ADMINISTRATEUR)


def test_temporary_password_must_be_replaced(qtbot, qt_app, app, actor) -> None:  # type: ignore[no-untyped-def]
    admin = app.auth.create_first_admin("admin", "Alice Admin", GOOD, GOOD)
    new = app.accounts.create(admin, AccountInput("lea", "Léa Roux", "intervenant"))
    window = open_login(qtbot, app)
    with qtbot.assertNotEmitted(window.authenticated):
        submit_login(qtbot, window, "lea", new.temporary_password)
    assert window.change.isVisibleTo(window)
    type_into(qtbot, window.change.new.line, "Lea-Roux-2026!")
    assert "identifiant ni votre nom" in window.change.new.hint.text()
    window.change.new.line.clear()
    type_into(qtbot, window.change.new.line, "Velo-Rouge-Matin-7")
    type_into(qtbot, window.change.confirm.line, "Velo-Rouge-Matin-7")
    with qtbot.waitSignal(window.authenticated):
        qtbot.mouseClick(window.change.action, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)
    assert not app.auth.login("lea", "Velo-Rouge-Matin-7").must_change_password


EXPECTED_PAGES = {
    "admin": ["Comptes", "Journal", "Sauvegardes", "Paramètres", "Mon compte"],
    "coordinatrice": ["Accueil", "Personnes", "Veille", "Ateliers", "Tournées", "Planning", "Partenaires", "Bilans", "Comptes", "Conservation", "Journal", "Sauvegardes", "Paramètres", "Mon compte"],
    "intervenante": ["Accueil", "Personnes", "Veille", "Ateliers", "Tournées", "Planning", "Partenaires", "Mon compte"],
    "animateur": ["Ateliers", "Tournées", "Planning", "Partenaires", "Mon compte"],
    "benevole": ["Accueil", "Personnes", "Veille", "Planning", "Mon compte"],
    "chauffeur": ["Trajets", "Mon compte"],
}


@pytest.mark.parametrize("username", list(EXPECTED_PAGES))
def test_each_demo_role_sees_its_pages(qtbot, qt_app, app, demo_accounts, username) -> None:  # type: ignore[no-untyped-def]
    flow = SessionFlow(app, demo=True)  # its windows delete themselves: not handed to qtbot
    flow.start()
    assert flow.login is not None
    submit_login(qtbot, flow.login, username, DEMO_PASSWORD)
    qtbot.waitUntil(lambda: flow.window is not None)
    window = flow.window
    wait_idle(qtbot, window)
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == EXPECTED_PAGES[username]
    assert window.session.box.findChild(type(window.user_label), "accountName").text() == flow.actor.display_name
    if username == "benevole":  # the list holds only the people confided to her
        page = window.pages[PERSONNES]
        window.navigate(PERSONNES)
        wait_idle(qtbot, window)
        assert page.list.model.rowCount() == len(app.people.list_ids(flow.actor, PersonFilter()))
        assert 0 < page.list.model.rowCount() < len(app.people.list_ids(app.local_actor(), PersonFilter()))
    actor = flow.actor
    flow.window.session.logout()
    qtbot.waitUntil(lambda: flow.window is None and flow.login is not None)
    assert flow.login.login.isVisibleTo(flow.login)  # back to the login, a new window
    journal = app.audit.search(app.local_actor(), AuditFilter(user_id=actor.user_id)).rows
    assert [r.action for r in journal][:1] == ["deconnexion"] and "connexion" in [r.action for r in journal]
    flow.login.close()


def test_lock_and_unlock_keep_the_typed_text(qtbot, qt_app, app, seeded, demo_accounts) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    coord = app.auth.login("coordinatrice", DEMO_PASSWORD).actor
    window = MainWindow(app, coord)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.navigate(PERSONNES, new=True)
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    type_into(qtbot, form.fields["nom"].editor, "Lacombe")
    type_into(qtbot, form.fields["prenom"].editor, "Germaine")
    window.session.set_timeout_ms(50)  # a short inactivity for the test
    qtbot.waitUntil(lambda: window.session.locked, timeout=3000)
    overlay = window.session.overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    assert not window.centralWidget().isEnabled()  # nothing reachable behind the panel
    type_into(qtbot, overlay.password.line, "mauvais")
    qtbot.keyClick(overlay.password.line, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert window.session.locked
    assert overlay.password.error.text() == "Identifiant ou mot de passe incorrect."
    type_into(qtbot, overlay.password.line, DEMO_PASSWORD)
    qtbot.mouseClick(overlay.unlock, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert not window.session.locked and not overlay.isVisible()
    assert window.centralWidget().isEnabled()
    assert form.fields["nom"].value() == "Lacombe" and form.fields["prenom"].value() == "Germaine"
    assert form.dirty
    window.session.set_timeout_ms(60_000)
    window.close()
