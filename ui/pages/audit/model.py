"""The journal table: one page of entries (100), already filtered and sorted in SQL."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.formatting import datetime_fr
from desktop_app.security.journal import AuditRow
from ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex


def _element(row: AuditRow) -> str:
    return f"{row.entity_label} n° {row.entity_id}" if row.entity_id is not None else row.entity_label


COLUMNS: list[tuple[str, Callable[[AuditRow], str]]] = [
    ("Date et heure", lambda r: datetime_fr(r.at)),
    ("Utilisateur", lambda r: r.user_label),
    ("Action", lambda r: r.action_label),
    ("Élément", _element),
    ("Personne concernée", lambda r: r.person_name or ""),
    ("Champs", lambda r: r.fields),
    ("Détail", lambda r: r.detail),
]
ELIDED = {1, 4, 5, 6}


class AuditModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[AuditRow] = []

    def set_rows(self, rows: list[AuditRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = COLUMNS[index.column()][1](self.rows[index.row()])
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if index.column() in ELIDED and text else None
            return text
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return tr(COLUMNS[section][0])
        return None
