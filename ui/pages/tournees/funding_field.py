"""The funding lines paying for a convention: a short checkable list of the year's lines
(« financeur — action année (montant) »); the service checks the year."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ui.i18n import tr
from ui.widgets.fields import Field


class FundingField(Field):
    def __init__(self, name: str, label: str) -> None:
        self.list = QListWidget()
        self.list.setWordWrap(True)  # « financeur — action année (montant) » on two lines if needed
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumHeight(130)
        self.list.setMaximumHeight(170)
        super().__init__(name, label, self.list)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(self, choices: list[tuple[int, str]]) -> None:
        checked = set(self.value())
        self.list.clear()
        for line_id, text in choices:
            self._add(line_id, text, line_id in checked)
        if not choices:
            empty = QListWidgetItem(tr("Aucune ligne de financement pour cette année (page Financements)."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)

    def _add(self, line_id: int, text: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setToolTip(text)
        item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, line_id)
        self.list.addItem(item)

    def value(self) -> tuple[int, ...]:
        return tuple(int(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
                     if self.list.item(i).data(Qt.ItemDataRole.UserRole) is not None
                     and self.list.item(i).checkState() == Qt.CheckState.Checked)

    def set_value(self, value: Any) -> None:
        """``value``: the linked lines as (id, label); a line not offered (another year) is added."""
        linked = dict(value or ())
        shown = set()
        for i in range(self.list.count()):
            item = self.list.item(i)
            line_id = item.data(Qt.ItemDataRole.UserRole)
            if line_id is not None:
                shown.add(line_id)
                item.setCheckState(Qt.CheckState.Checked if line_id in linked else Qt.CheckState.Unchecked)
        for line_id, text in linked.items():
            if line_id not in shown:
                self._add(line_id, text, True)
