"""The table of actions: one row per atelier, inscrits and en attente in two columns (never
summed), the next séance, the status."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionRow
from desktop_app.formatting import date_fr
from desktop_app.labels import label
from ui.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def period(row: ActionRow) -> str:
    if row.date_debut is None:
        return tr("pas encore de séance")
    if row.date_fin is None or row.date_fin == row.date_debut:
        return date_fr(row.date_debut)
    return f"{date_fr(row.date_debut)} – {date_fr(row.date_fin)}"


def inscrits(row: ActionRow) -> str:
    return f"{row.inscrits} / {row.capacite}" if row.capacite else str(row.inscrits)


def tooltip(row: ActionRow) -> str:
    lines = [row.titre, row.theme]
    if row.lieu:
        lines.append(tr("Lieu : {lieu}").format(lieu=row.lieu))
    if row.animateur:
        lines.append(tr("Animateur : {a}").format(a=row.animateur))
    if row.prochaine_seance:
        lines.append(tr("Prochaine séance : {d}").format(d=row.prochaine_seance.strftime("%d/%m/%Y %H:%M")))
    return "\n".join(lines)


# Inscrits (with the capacity) and en attente are two columns: never summed.
COLUMNS: list[tuple[str, Callable[[ActionRow], str]]] = [
    ("Atelier", lambda r: r.titre),
    ("Période", period),
    ("Séances", lambda r: str(r.seances)),
    ("Inscrits", inscrits),
    ("En attente", lambda r: str(r.en_attente) if r.en_attente else "—"),
    ("Statut", lambda r: label(labels.STATUT_ACTION, r.statut)),
]
CENTERED = {2, 3, 4}


class ActionsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ActionRow] = []

    def set_rows(self, rows: list[ActionRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, action_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == action_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return COLUMNS[index.column()][1](row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignHCenter if index.column() in CENTERED else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][0])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignHCenter if section in CENTERED else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
