"""The window Escale opens on: the login (or, on a new database, the creation of the first
administrator), then the forced password change when the password is temporary. Emits
``authenticated(actor)``; the password checks run off the GUI thread (Argon2 takes a
fraction of a second on purpose)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.errors import DomainError, ValidationError
from desktop_app.security.records import LoginResult
from ui.auth.screens import ChangePasswordScreen, FirstAdminScreen, LoginScreen
from ui.i18n import tr
from ui.ops import Ops
from ui.widgets.common import Card


class LoginWindow(QWidget):
    authenticated = Signal(object)  # Actor

    def __init__(self, escale: Escale, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.escale = escale
        self.ops = Ops(self)
        self._pending_password = ""  # the temporary password, until it is replaced
        self._actor: Actor | None = None
        self.setWindowTitle(tr("Escale — connexion"))
        self.setObjectName("loginWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.resize(980, 720)

        outer = QHBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # never resized by its content
        self.setMinimumSize(700, 640)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        brand = QLabel("Escale")
        brand.setObjectName("brand")
        brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(brand)
        service = escale.settings.get("service.nom")
        subtitle = QLabel(tr("Base de démonstration") if demo else service or "")
        subtitle.setObjectName("brandSubtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(subtitle)
        column.addSpacing(12)
        card = Card()
        card.setFixedWidth(460)
        column.addWidget(card)
        column.addStretch(2)
        outer.addLayout(column)
        outer.addStretch(1)

        self.login = LoginScreen(demo)
        self.first_admin = FirstAdminScreen()
        self.change = ChangePasswordScreen()
        self.current: QWidget = self.login
        for screen in (self.login, self.first_admin, self.change):
            screen.hide()  # one at a time; a hidden screen takes no room in the card
            card.body.addWidget(screen)
        self.login.submitted.connect(self._log_in)
        self.first_admin.submitted.connect(self._create_admin)
        self.change.submitted.connect(self._change_password)
        self.restart()

    def restart(self) -> None:
        """Back to the first screen (also after « Se déconnecter »)."""
        self._actor, self._pending_password = None, ""
        if self.escale.auth.needs_first_admin():
            self._show(self.first_admin)
        else:
            self.login.password.clear()
            self.login.show_message(None)
            self._show(self.login)

    def _show(self, screen: QWidget) -> None:
        for other in (self.login, self.first_admin, self.change):
            other.setVisible(other is screen)
        self.current = screen
        first = next(iter(screen.fields.values()))  # type: ignore[attr-defined]
        if screen is self.login and self.login.username.text():
            first = self.login.password
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    # ----- actions -------------------------------------------------------------------
    def _log_in(self) -> None:
        screen = self.login
        if not self.ops.busy:
            username, password = screen.username.text(), screen.password.text()
            screen.set_busy(True)
            self.ops.run(lambda: self.escale.auth.login(username, password),
                         lambda result: self._logged_in(result, password), self._refused, parent=self)

    def _logged_in(self, result: LoginResult, password: str) -> None:
        self.login.set_busy(False)
        if result.must_change_password:
            self._actor, self._pending_password = result.actor, password
            self.change.who = (result.actor.username, result.actor.display_name)
            self.change.new.clear()
            self.change.confirm.clear()
            self._show(self.change)
            return
        self.authenticated.emit(result.actor)

    def _refused(self, error: DomainError) -> bool:
        self.login.set_busy(False)
        if isinstance(error, ValidationError):
            self.login.show_errors(error.errors)
        else:
            self.login.refused(error.message_fr)
        return True

    def _create_admin(self) -> None:
        s = self.first_admin
        values = (s.username.text(), s.display_name.text(), s.password.text(), s.confirm.text())
        s.set_busy(True)

        def failed(error: DomainError) -> bool:
            s.set_busy(False)
            if isinstance(error, ValidationError):
                s.show_errors(error.errors)
            else:
                s.show_message(error.message_fr)
            return True

        def created(actor: Actor) -> None:
            s.set_busy(False)
            self.authenticated.emit(actor)

        self.ops.run(lambda: self.escale.auth.create_first_admin(*values), created, failed, parent=self)

    def _change_password(self) -> None:
        s, actor = self.change, self._actor
        if actor is None:
            return
        current, new, confirm = self._pending_password, s.new.text(), s.confirm.text()
        s.set_busy(True)

        def failed(error: DomainError) -> bool:
            s.set_busy(False)
            if isinstance(error, ValidationError):
                errors = dict(error.errors)
                errors.pop("current", None)
                s.show_errors(errors or {"new": error.message_fr})
            else:
                s.show_message(error.message_fr)
            return True

        def changed(_result: object) -> None:
            s.set_busy(False)
            self._pending_password = ""
            self.authenticated.emit(actor)

        self.ops.run(lambda: self.escale.auth.change_password(actor, current, new, confirm),
                     changed, failed, parent=self)

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.ops.shutdown()
        super().closeEvent(event)
