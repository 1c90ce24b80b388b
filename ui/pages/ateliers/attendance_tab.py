"""The attendance grid: people down, séances across. Keyboard first — arrows move, Espace
cycles présent → absent → excusé, P / A / E set a value, Suppr clears — and a mouse click
on a cell cycles too. Each change is saved at once (a background op); people who came
without registering are added to the chosen séance. Cancelled séances are shown greyed and
take no attendance."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import AttendanceGrid
from desktop_app.formatting import long_date_fr
from desktop_app.labels import label
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.person_picker import PersonPicker
from ui.widgets.common import EmptyState, button, muted_label

Index = QModelIndex | QPersistentModelIndex
CYCLE = {None: "present", "present": "absent", "absent": "excuse", "excuse": "present"}
KEYS = {Qt.Key.Key_P: "present", Qt.Key.Key_A: "absent", Qt.Key.Key_E: "excuse"}
COLOURS = {"present": "#d3ecd9", "absent": "#f6d5d1", "excuse": "#fbecc4"}
TEXT_COLOURS = {"present": "#1e5631", "absent": "#8a1c12", "excuse": "#7a5a00"}
CANCELLED = QColor("#eceff1")
NOT_YET = QColor("#f7f9fa")
INSCRIPTION = {"desiste": " (désisté)", "hors_inscription": " (sans inscription)"}


class AttendanceModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: AttendanceGrid | None = None

    def set_grid(self, grid: AttendanceGrid) -> None:
        self.beginResetModel()
        self.grid = grid
        self.endResetModel()

    def cell(self, row: int, column: int) -> tuple[int, int] | None:
        if self.grid is None or not (0 <= row < len(self.grid.people) and 0 <= column < len(self.grid.seances)):
            return None
        return self.grid.people[row].person_id, self.grid.seances[column].id

    def value(self, row: int, column: int) -> str | None:
        key = self.cell(row, column)
        return self.grid.cells.get(key) if self.grid is not None and key else None

    def takes_attendance(self, column: int) -> bool:
        if self.grid is None or not 0 <= column < len(self.grid.seances):
            return False
        seance = self.grid.seances[column]
        return seance.statut != "annulee" and seance.debut.date() <= dt.date.today()

    def set_local(self, row: int, column: int, statut: str | None) -> None:
        """Show the new value at once; the save runs in the background."""
        key = self.cell(row, column)
        if self.grid is None or key is None:
            return
        if statut is None:
            self.grid.cells.pop(key, None)
        else:
            self.grid.cells[key] = statut
        index = self.index(row, column)
        self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.seances)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        value = self.value(index.row(), index.column())
        cancelled = self.grid.seances[index.column()].statut == "annulee"
        if role == Qt.ItemDataRole.DisplayRole:
            return label(labels.PRESENCE_COURT, value) if value else ("—" if cancelled else "")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            person = self.grid.people[index.row()].nom
            seance = self.grid.seances[index.column()]
            what = tr("séance annulée") if cancelled else label(labels.PRESENCE, value, tr("non saisi"))
            return f"{person} — {long_date_fr(seance.debut.date())} : {what}"
        if role == Qt.ItemDataRole.BackgroundRole:
            if cancelled:
                return QBrush(CANCELLED)
            if value:
                return QBrush(QColor(COLOURS[value]))
            return None if self.takes_attendance(index.column()) else QBrush(NOT_YET)
        if role == Qt.ItemDataRole.ForegroundRole and value:
            return QBrush(QColor(TEXT_COLOURS[value]))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.grid.people):
            person = self.grid.people[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return person.nom + INSCRIPTION.get(person.inscription, "")
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.grid.seances):
            seance = self.grid.seances[section]
            if role == Qt.ItemDataRole.DisplayRole:
                number = f"n°{seance.numero}" if seance.numero else tr("annulée")
                return f"{seance.debut:%d/%m}\n{number}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{long_date_fr(seance.debut.date())}, {seance.debut:%H:%M}–{seance.fin:%H:%M}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEnabled if self.takes_attendance(index.column()) else flags


class AttendanceView(QTableView):
    def __init__(self, model: AttendanceModel, tab: AttendanceTab) -> None:
        super().__init__()
        self.tab = tab
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.horizontalHeader().setDefaultSectionSize(64)
        self.horizontalHeader().setMinimumHeight(52)
        self.verticalHeader().setDefaultSectionSize(34)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.clicked.connect(lambda index: tab.cycle(index.row(), index.column()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid():
            if event.key() == Qt.Key.Key_Space:
                self.tab.cycle(index.row(), index.column())
                return
            if event.key() in KEYS:
                self.tab.set(index.row(), index.column(), KEYS[Qt.Key(event.key())])
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.tab.set(index.row(), index.column(), None)
                return
        super().keyPressEvent(event)


class AttendanceTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.writable = can(ctx.actor, Perm.ATELIERS_WRITE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(muted_label(tr(
            "P présent · A absent · E excusé. Choisissez une case avec les flèches : Espace fait passer "
            "présent → absent → excusé, les touches P, A, E choisissent, Suppr efface. "
            "Chaque saisie est enregistrée aussitôt.")))
        bar = QHBoxLayout()
        self.all_present = button(tr("Tous présents à cette séance"), "check")
        self.all_present.clicked.connect(self.mark_all_present)
        bar.addWidget(self.all_present)
        self.walk_in = PersonPicker(ctx, tr("Venue sans inscription à cette séance : tapez le nom…"))
        self.walk_in.picked.connect(lambda pid, _label: self.add_walk_in(pid))
        bar.addWidget(self.walk_in, 1)
        layout.addLayout(bar)
        self.model = AttendanceModel(self)
        self.view = AttendanceView(self.model, self)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._buttons())
        self.empty = EmptyState("clipboard", tr("Pas encore de séance ni d'inscrit : la grille d'émargement "
                                                "apparaît dès qu'il y en a."))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

    def set_grid(self, grid: AttendanceGrid) -> None:
        current = self.view.currentIndex()
        self.model.set_grid(grid)
        self.stack.setCurrentWidget(self.view if grid.seances and grid.people else self.empty)
        if current.isValid():
            self.view.setCurrentIndex(self.model.index(current.row(), current.column()))
        else:
            self.view.setCurrentIndex(self.model.index(0, self._first_open_column()))
        self._buttons()

    def _first_open_column(self) -> int:
        """The latest séance that took place: where attendance is usually typed."""
        grid = self.model.grid
        columns = [c for c in range(self.model.columnCount()) if self.model.takes_attendance(c)]
        if grid is None or not columns:
            return 0
        return columns[-1]

    def _buttons(self) -> None:
        column = self.view.currentIndex().column()
        ok = self.writable and self.model.takes_attendance(column)
        self.all_present.setEnabled(ok)
        self.walk_in.setEnabled(ok)

    # ----- writes ----------------------------------------------------------------------
    def cycle(self, row: int, column: int) -> None:
        self.set(row, column, CYCLE[self.model.value(row, column)])

    def set(self, row: int, column: int, statut: str | None) -> None:
        key = self.model.cell(row, column)
        if key is None or not self.writable or not self.model.takes_attendance(column):
            return
        person_id, seance_id = key
        self.model.set_local(row, column, statut)
        service, actor = self.ctx.escale.ateliers.attendance, self.ctx.actor
        self.ctx.ops.run(lambda: service.set_cell(actor, seance_id, person_id, statut), None,
                         self._failed, changes=ATELIERS, parent=self)

    def _failed(self, _exc: Exception) -> bool:
        self.ctx.ops.bus.changed.emit(ATELIERS)  # reload what is really stored
        return False

    def mark_all_present(self) -> None:
        column = self.view.currentIndex().column()
        grid = self.model.grid
        if grid is None or not self.model.takes_attendance(column):
            return
        seance_id = grid.seances[column].id
        values = {p.person_id: "present" for p in grid.people
                  if p.inscription == "inscrit" and (p.person_id, seance_id) not in grid.cells}
        for row in range(len(grid.people)):
            if grid.people[row].person_id in values:
                self.model.set_local(row, column, "present")
        service, actor = self.ctx.escale.ateliers.attendance, self.ctx.actor
        self.ctx.ops.run(lambda: service.set_seance(actor, seance_id, values), None, self._failed,
                         changes=ATELIERS, parent=self)

    def add_walk_in(self, person_id: int) -> None:
        column = self.view.currentIndex().column()
        grid = self.model.grid
        if grid is None or not self.model.takes_attendance(column):
            return
        seance_id = grid.seances[column].id
        service, actor = self.ctx.escale.ateliers.attendance, self.ctx.actor
        self.ctx.ops.run(lambda: service.add_walk_in(actor, seance_id, person_id),
                         lambda _r: self.ctx.notify(tr("Présence ajoutée.")), changes=ATELIERS, parent=self)
