"""The main window: navigation on the left (one entry per registered page, see
ui.pages.registry), the current page on the right, the status bar with the database in use
and the user, a busy indicator, and the toast that confirms each save."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.actor import Actor
from desktop_app.app import Escale
from ui import theme
from ui.auth.session import SessionLock
from ui.context import Context
from ui.i18n import tr
from ui.ops import Ops
from ui.pages import registry
from ui.pages.keys import ACCUEIL, PERSONNES
from ui.widgets.common import Page, Toast

log = logging.getLogger(__name__)

KEY_ROLE = Qt.ItemDataRole.UserRole
BUSY_DELAY_MS = 300


class MainWindow(QMainWindow):
    def __init__(self, escale: Escale, actor: Actor, demo: bool = False) -> None:
        super().__init__()
        self.ops = Ops(self)
        self.ctx = Context.create(escale, actor, self.ops)
        self.ctx.navigate = self.navigate
        self.ctx.notify = self.notify
        service = escale.settings.get("service.nom")
        self.setWindowTitle(tr("Escale — base de démonstration") if demo else
                            f"Escale — {service}" if service else "Escale")
        self.resize(1280, 800)
        self.setMinimumSize(1000, 640)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._build_sidebar(service))
        self.stack = QStackedWidget()
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pages: dict[str, Page] = {}
        for spec in registry(actor):
            page = spec.factory(self.ctx)
            self.pages[spec.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(theme.icon(spec.icon, theme.TEXT_MUTED, theme.ACCENT_DARK), spec.title)
            item.setData(KEY_ROLE, spec.key)
            item.setSizeHint(QSize(0, 36))  # the 15 pages of a coordinator fit a window 800 px high
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(self._nav_changed)

        self._build_status_bar(escale, actor)
        self.toast = Toast(central)
        self._build_shortcuts()
        self.session = SessionLock(self, escale, actor, self.ops)
        self.navigate(ACCUEIL if ACCUEIL in self.pages else next(iter(self.pages)))

    # ----- construction ---------------------------------------------------------------
    def show_service_name(self, service: str) -> None:
        """The service name changed in Paramètres: show it in the sidebar."""
        self.service_label.setText(service)
        self.service_label.setVisible(bool(service))

    def _build_sidebar(self, service: str | None) -> QWidget:
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setFixedWidth(190)
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(14, 22, 14, 14)
        column.setSpacing(4)
        brand = QLabel("Escale")
        brand.setObjectName("brand")
        column.addWidget(brand)
        self.service_label = QLabel(service or "")
        self.service_label.setObjectName("brandSubtitle")
        self.service_label.setWordWrap(True)
        self.service_label.setVisible(bool(service))
        column.addWidget(self.service_label)
        column.addSpacing(18)
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(tr("Navigation"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.nav, 1)
        return sidebar

    def _build_status_bar(self, escale: Escale, actor: Actor) -> None:
        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(120)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(tr("Opération en cours"))
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        self.db_label = QLabel(tr("Base : {name}").format(name=escale.db.display_name))
        self.db_label.setToolTip(tr("Base de données ouverte"))
        self.user_label = QLabel(tr("Utilisateur : {name}").format(name=actor.display_name))
        bar.addPermanentWidget(self.db_label)
        bar.addPermanentWidget(self.user_label)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self.busy.show)
        self.ops.busy_changed.connect(self._busy_changed)

    def _build_shortcuts(self) -> None:
        find = QAction(tr("Rechercher"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.triggered.connect(self.focus_search)
        new = QAction(tr("Nouvelle personne"), self)
        new.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        new.triggered.connect(lambda: self.navigate(PERSONNES, new=True))
        for action in (find, new):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)

    # ----- behaviour -------------------------------------------------------------------
    def navigate(self, key: str, **params: Any) -> None:
        """Bring page ``key`` to the front and hand it the parameters."""
        page = self.pages.get(key)
        if page is None:
            log.warning("Page inconnue : %s", key)
            return
        self.nav.blockSignals(True)
        for row in range(self.nav.count()):
            if self.nav.item(row).data(KEY_ROLE) == key:
                self.nav.setCurrentRow(row)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        page.show_with(**params)

    def _nav_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.navigate(current.data(KEY_ROLE))

    def current_page(self) -> Page:
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def focus_search(self) -> None:
        if not self.current_page().focus_search() and PERSONNES in self.pages:
            self.navigate(PERSONNES, search=True)

    def notify(self, text: str) -> None:
        """The non-blocking confirmation: a toast, and the same text in the status bar."""
        self.toast.show_message(text)
        self.statusBar().showMessage(text, Toast.DURATION_MS + 2000)

    def _busy_changed(self, busy: bool) -> None:
        if busy:
            self._busy_timer.start()
        else:
            self._busy_timer.stop()
            self.busy.hide()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ops.shutdown()
        super().closeEvent(event)
