"""The financeurs of an action: a short list of the funding lines with a box to tick for
each (« Carsat 2026 — 12 000 € — accordé »), the lines already ticked first. Space ticks the
current line; the value is the list of the ticked lines' ids, which the service checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from desktop_app.ateliers.records import Choice
from ui.i18n import tr
from ui.widgets.fields import Field

VISIBLE_ROWS = 5


class FundingField(Field):
    def __init__(self, name: str, label: str, choices: Sequence[Choice]) -> None:
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.row_height = self.list.fontMetrics().height() + 10
        super().__init__(name, label, self.list)
        self.empty = not choices
        for choice in choices:
            self._add(choice.id, choice.libelle)
        if self.empty:
            item = QListWidgetItem(tr("Aucune ligne de financement : ajoutez-les dans Partenaires › Financements."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)
        rows = min(max(self.list.count(), 1), VISIBLE_ROWS)
        self.list.setFixedHeight(rows * self.row_height + 2 * self.list.frameWidth() + 2)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def _add(self, line_id: int, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, line_id)
        item.setToolTip(text)
        item.setSizeHint(QSize(0, self.row_height))
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())
                if self.list.item(i).data(Qt.ItemDataRole.UserRole) is not None]

    def value(self) -> list[int]:
        return [int(it.data(Qt.ItemDataRole.UserRole)) for it in self.items()
                if it.checkState() == Qt.CheckState.Checked]

    def set_value(self, value: Any) -> None:
        wanted = [int(v) for v in (value or [])]
        self.list.blockSignals(True)
        known = {int(it.data(Qt.ItemDataRole.UserRole)): it for it in self.items()}
        for line_id in wanted:
            if line_id not in known:  # a line the list no longer offers stays ticked
                known[line_id] = self._add(line_id, tr("Ligne de financement n° {n}").format(n=line_id))
        for line_id, item in known.items():
            item.setCheckState(Qt.CheckState.Checked if line_id in wanted else Qt.CheckState.Unchecked)
        for position, line_id in enumerate(wanted):  # the ticked lines first, in view
            row = self.list.row(known[line_id])
            if row != position:
                self.list.insertItem(position, self.list.takeItem(row))
        self.list.blockSignals(False)
