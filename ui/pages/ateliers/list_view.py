"""The list of ateliers: title with the count, search, year and status filters, the table
and its empty states. A service has a few hundred actions at most: they are fetched in
one background op and filtered here as the user types."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionRow
from desktop_app.security.permissions import Perm, can
from desktop_app.text import fold
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.list_model import ID_ROLE, ActionsModel
from ui.widgets.common import EmptyState, button, title_label
from ui.widgets.fields import QuietComboBox

WIDTHS = [0, 215, 90, 100, 110, 185]  # the first column stretches


def count_text(n: int) -> str:
    return tr("Aucun atelier") if n == 0 else tr("1 atelier") if n == 1 else tr("{n} ateliers").format(n=n)


class ActionsTable(QTableView):
    open_requested = Signal(int)

    def __init__(self, model: ActionsModel) -> None:
        super().__init__()
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(38)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in enumerate(WIDTHS):
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _open(self, row: int) -> None:
        action_id = self.model().index(row, 0).data(ID_ROLE)
        if action_id is not None:
            self.open_requested.emit(action_id)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)


class ActionsList(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._all: list[ActionRow] = []
        self._stale = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Ateliers")))
        top.addSpacing(16)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.new_button = button(tr("Nouvel atelier"), "plus", primary=True)
        self.new_button.setEnabled(can(ctx.actor, Perm.ATELIERS_WRITE))
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Rechercher un atelier, un thème, un lieu, un animateur…"))
        self.search.setAccessibleName(tr("Rechercher un atelier"))
        self.search.textChanged.connect(self._apply)
        filters.addWidget(self.search, 1)
        self.year = QuietComboBox()
        self.year.setAccessibleName(tr("Année"))
        self.year.setMinimumWidth(190)
        self.year.activated.connect(lambda _i: self._apply())
        filters.addWidget(self.year)
        self.status = QuietComboBox()
        self.status.setAccessibleName(tr("Statut"))
        self.status.setMinimumWidth(210)
        self.status.addItem(tr("Tous les statuts"), None)
        for value, text in labels.STATUT_ACTION.items():
            self.status.addItem(text, str(value))
        self.status.activated.connect(lambda _i: self._apply())
        filters.addWidget(self.status)
        layout.addLayout(filters)

        self.model = ActionsModel(self)
        self.table = ActionsTable(self.model)
        self.table.open_requested.connect(self.open_requested)
        self.empty = EmptyState("calendar", "")
        self.empty.action.clicked.connect(self._empty_action)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        ctx.ops.bus.changed.connect(self._on_changed)

    # ----- data ------------------------------------------------------------------------
    def refresh(self, select_id: int | None = None) -> None:
        self._stale = False
        ctx = self.ctx
        keep = select_id if select_id is not None else self.current_id()
        ctx.ops.run(lambda: ctx.escale.ateliers.actions.list_actions(ctx.actor),
                    lambda rows: self._loaded(rows, keep), parent=self)

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def _on_changed(self, topic: str) -> None:
        if topic == ATELIERS:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def _loaded(self, rows: list[ActionRow], keep: int | None) -> None:
        self._all = rows
        years = sorted({y for r in rows if r.date_debut for y in range(r.date_debut.year, (r.date_fin or r.date_debut).year + 1)},
                       reverse=True)
        chosen = self.year.currentData()
        self.year.clear()
        self.year.addItem(tr("Toutes les années"), None)
        for y in years:
            self.year.addItem(str(y), y)
        index = self.year.findData(chosen)
        self.year.setCurrentIndex(index if index >= 0 else 0)
        self._apply(keep=keep)

    def _apply(self, *_args: object, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.current_id()
        words = fold(self.search.text()).split()
        year, statut = self.year.currentData(), self.status.currentData()
        shown = [
            r for r in self._all
            if all(w in fold(f"{r.titre} {r.theme} {r.lieu or ''} {r.animateur or ''}") for w in words)
            and (statut is None or r.statut == statut)
            and (year is None or (r.date_debut is not None
                                  and r.date_debut.year <= year <= (r.date_fin or r.date_debut).year))
        ]
        self.model.set_rows(shown)
        self.count_label.setText(count_text(len(shown)))
        if shown:
            self.stack.setCurrentWidget(self.table)
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None:
                self.table.select_row(row)
        elif not self._all:
            self.empty.set_content(tr("Aucun atelier pour l'instant"),
                                   tr("Créer un atelier") if self.new_button.isEnabled() else None, "plus")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.set_content(tr("Aucun atelier ne correspond à cette recherche."),
                                   tr("Effacer la recherche et les filtres"), "x")
            self.stack.setCurrentWidget(self.empty)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _empty_action(self) -> None:
        if not self._all:
            self.new_requested.emit()
            return
        self.search.clear()
        self.year.setCurrentIndex(0)
        self.status.setCurrentIndex(0)
        self._apply()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
