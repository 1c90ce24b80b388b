"""From start to finish: the login window, then the main window for that account, and
back to the login after « Se déconnecter » (a new window each time: nothing of the
previous person's session stays on screen)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from desktop_app.actor import Actor
from desktop_app.app import Escale
from ui.auth.login_window import LoginWindow

log = logging.getLogger(__name__)


class SessionFlow(QObject):
    def __init__(self, escale: Escale, demo: bool = False) -> None:
        super().__init__()
        self.escale = escale
        self.demo = demo
        self.login: LoginWindow | None = None
        self.window = None  # the MainWindow while someone is logged in
        self.actor: Actor | None = None

    def start(self) -> None:
        self._show_login()

    def _show_login(self) -> None:
        self.login = LoginWindow(self.escale, demo=self.demo)
        self.login.authenticated.connect(self._open)
        self.login.show()

    def _open(self, actor: Actor) -> None:
        from ui.main_window import MainWindow

        self.actor = actor
        self.window = MainWindow(self.escale, actor, demo=self.demo)
        self.window.session.logged_out.connect(self._logged_out)
        self.window.show()
        if self.login is not None:
            self.login.close()
            self.login.deleteLater()
            self.login = None
        log.info("Session ouverte : %s (%s)", actor.username, actor.role)

    def _logged_out(self) -> None:
        self._show_login()  # first, so closing the main window does not quit the application
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.window = None
        self.actor = None

    def finish(self) -> None:
        """The application is quitting: the open session ends in the journal too."""
        if self.actor is not None:
            try:
                self.escale.auth.logout(self.actor)
            except Exception:
                log.exception("Journal de fin de session impossible")
            self.actor = None
