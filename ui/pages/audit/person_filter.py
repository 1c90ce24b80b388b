"""The « Personne concernée » filter of the journal: type a name, choose in the list;
emptying the field removes the filter. Names only (AuditService.pick_person)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from ui import theme
from ui.context import Context
from ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PersonFilterField(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: int | None = None
        self.line = QLineEdit()
        self.line.setPlaceholderText(tr("Toutes — ou tapez un nom…"))
        self.line.setClearButtonEnabled(True)
        self.line.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        self.setFocusProxy(self.line)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.line)
        self.completer.activated[QModelIndex].connect(self._chosen)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._find)
        self.line.textEdited.connect(self._edited)

    def setAccessibleName(self, name: str) -> None:
        self.line.setAccessibleName(name)

    def set_person(self, person_id: int, name: str) -> None:
        self.person_id = person_id
        self.line.setText(name)

    def _edited(self, text: str) -> None:
        if self.person_id is not None:
            self.person_id = None
            self.changed.emit()
        if text.strip():
            self._debounce.start()
        else:
            self.completer.popup().hide()

    def _find(self) -> None:
        text = self.line.text().strip()
        if len(text) < 2:
            return
        self.ctx.ops.run(lambda: self.ctx.escale.audit.pick_person(self.ctx.actor, text, 12), self._results,
                         parent=self)

    def _results(self, rows: list[tuple[int, str]]) -> None:
        self.model.clear()
        for pid, label in rows:
            item = QStandardItem(label)
            item.setData(pid, ID_ROLE)
            self.model.appendRow(item)
        if rows and self.line.hasFocus():
            self.completer.complete()

    def _chosen(self, index: QModelIndex) -> None:
        pid = index.data(ID_ROLE)
        if pid is None:
            return
        self.person_id = int(pid)
        self.line.setText(str(index.data()).split(" —")[0])
        self.changed.emit()
