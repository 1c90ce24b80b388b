"""The session inside the main window: who is connected (bottom of the navigation, with
« Verrouiller » and « Se déconnecter »), and the lock after inactivity.

The lock is an opaque panel over the whole window, not a new window: the pages stay as
they are underneath — an unsaved form keeps every typed character — but they are disabled
(no Tab into them, no shortcut) and hidden from view. The password unlocks, with the same
checks, delays and journal entries as a login (AuthService.unlock).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from db.enums import Role
from desktop_app import labels
from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.errors import DomainError, ValidationError
from ui import theme
from ui.auth.password_field import PasswordField
from ui.i18n import tr
from ui.ops import Ops
from ui.widgets.common import Card, button, muted_label, title_label
from ui.widgets.messages import ask

log = logging.getLogger(__name__)

_ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut,
}


def role_label(role: Role) -> str:
    return labels.ROLE.get(role, str(role))


class LockOverlay(QWidget):
    """The panel shown while the session is locked."""

    unlock_requested = Signal(str)
    switch_requested = Signal()

    def __init__(self, window: QMainWindow, actor: Actor) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = Card()
        card.setFixedWidth(440)
        head = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(theme.icon("lock", theme.ACCENT).pixmap(36, 36))
        head.addWidget(picture)
        head.addWidget(title_label(tr("Session verrouillée"), "sectionTitle"), 1)
        card.body.addLayout(head)
        card.body.addWidget(QLabel(f"<b>{actor.display_name}</b> — {role_label(actor.role)}"))
        card.body.addWidget(muted_label(tr(
            "Saisissez votre mot de passe pour reprendre : vous retrouverez tout comme vous l'avez "
            "laissé, même une fiche pas encore enregistrée.")))
        self.password = PasswordField("password", tr("Mot de passe"))
        self.password.line.setPlaceholderText(tr("Mot de passe"))
        card.body.addWidget(self.password)
        actions = QHBoxLayout()
        self.switch = button(tr("Changer d'utilisateur"), "log-out", flat=True)
        self.unlock = button(tr("Déverrouiller"), "unlock", primary=True)
        self.unlock.setDefault(True)
        actions.addWidget(self.switch)
        actions.addStretch(1)
        actions.addWidget(self.unlock)
        card.body.addLayout(actions)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.hide()
        self.unlock.clicked.connect(self._submit)
        self.password.submitted.connect(self._submit)
        self.switch.clicked.connect(self.switch_requested)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password.text())


class AccountBox(QWidget):
    """Bottom of the navigation: the connected person, « Verrouiller », « Se déconnecter »."""

    def __init__(self, actor: Actor) -> None:
        super().__init__()
        self.setObjectName("accountBox")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(2)
        name = QLabel(actor.display_name)
        name.setObjectName("accountName")
        name.setWordWrap(True)
        name.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(name)
        role = muted_label(role_label(actor.role))
        role.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(role)
        self.lock = button(tr("Verrouiller"), "lock", flat=True, tooltip=tr("Verrouiller la session (Ctrl+L)"))
        self.logout = button(tr("Se déconnecter"), "log-out", flat=True)
        for btn in (self.lock, self.logout):
            btn.setStyleSheet("text-align: left; padding: 2px 4px;")
            layout.addWidget(btn)


class SessionLock(QObject):
    """Inactivity timer, lock panel and logout for one main window."""

    locked_changed = Signal(bool)
    logged_out = Signal()

    def __init__(self, window: QMainWindow, escale: Escale, actor: Actor, ops: Ops) -> None:
        super().__init__(window)
        self.window, self.escale, self.actor, self.ops = window, escale, actor, ops
        self.locked = False
        self._focus: QWidget | None = None
        self._actions: list[tuple[QAction, bool]] = []
        self._dialogs: list[QDialog] = []
        self.overlay = LockOverlay(window, actor)
        self.overlay.unlock_requested.connect(self._try_unlock)
        self.overlay.switch_requested.connect(self.logout)
        self.box = AccountBox(actor)
        self.box.lock.clicked.connect(self.lock)
        self.box.logout.clicked.connect(self.logout)
        sidebar = window.findChild(QWidget, "sidebar")
        if sidebar is not None and sidebar.layout() is not None:
            sidebar.layout().addWidget(self.box)
        shortcut = QAction(tr("Verrouiller la session"), window)
        shortcut.setShortcut(QKeySequence("Ctrl+L"))
        shortcut.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.triggered.connect(self.lock)
        window.addAction(shortcut)
        minutes = int(escale.settings.get("session.verrouillage_minutes"))
        self.timer = QTimer(self, singleShot=True, interval=minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        self.timer.start()
        window.installEventFilter(self)
        QApplication.instance().installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        self.timer.setInterval(ms)
        if not self.locked:
            self.timer.start()

    # ----- locking -------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.timer.stop()
        self._focus = QApplication.focusWidget()
        for part in (self.window.centralWidget(), self.window.statusBar()):
            part.setEnabled(False)
        self._actions = [(a, a.isEnabled()) for a in self.window.actions()]
        for action, _ in self._actions:
            action.setEnabled(False)
        self._dialogs = [w for w in QApplication.topLevelWidgets()
                         if isinstance(w, QDialog) and w.isVisible() and w.parent() is self.window]
        for dialog in self._dialogs:
            dialog.hide()
        self.overlay.password.clear()
        self.overlay.setGeometry(self.window.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.overlay.password.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(True)

    def _try_unlock(self, password: str) -> None:
        if self.ops.busy:
            return
        self.overlay.unlock.setEnabled(False)
        self.ops.run(lambda: self.escale.auth.unlock(self.actor, password), lambda _r: self._unlocked(),
                     self._refused, parent=self.window)

    def _refused(self, error: DomainError) -> bool:
        self.overlay.unlock.setEnabled(True)
        message = next(iter(error.errors.values())) if isinstance(error, ValidationError) else error.message_fr
        self.overlay.password.line.clear()
        self.overlay.password.set_error(message)
        self.overlay.password.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _unlocked(self) -> None:
        self.overlay.unlock.setEnabled(True)
        self.overlay.hide()
        self.overlay.password.clear()
        for part in (self.window.centralWidget(), self.window.statusBar()):
            part.setEnabled(True)
        for action, enabled in self._actions:
            action.setEnabled(enabled)
        for dialog in self._dialogs:
            dialog.show()
        self._dialogs = []
        self.locked = False
        if self._focus is not None and self._focus.isVisible():
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.timer.start()
        self.locked_changed.emit(False)

    # ----- logging out ---------------------------------------------------------------
    def logout(self) -> None:
        """Back to the login screen. Unsaved input would be lost: asked first."""
        pages = getattr(self.window, "pages", {})
        dirty = any(getattr(getattr(p, "form", None), "dirty", False) for p in pages.values())
        if dirty:
            ask(self.window, tr("Se déconnecter"),
                tr("Une fiche n'est pas enregistrée : ses modifications seront perdues."),
                tr("Se déconnecter quand même"), self._do_logout)
        else:
            self._do_logout()

    def _do_logout(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)
        try:
            self.escale.auth.logout(self.actor)
        except Exception:  # the journal entry must not keep anyone logged in
            log.exception("Journal de déconnexion impossible")
        self.logged_out.emit()

    # ----- activity ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.overlay.setGeometry(self.window.rect())
        elif not self.locked and event.type() in _ACTIVITY:
            self.timer.start()
        return False
