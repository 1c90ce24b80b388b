"""The Personnes table: a model over the ordered ids of the current search.

The ids come from SQL (filtered and sorted in the database, run off the GUI thread): the
first batch at once, so the first rows show in a few milliseconds even with 100,000
people, then the whole ordered list. Rows are fetched when the view first asks for them, a page of 200 at a time by
primary key, and cached until the next search: like Anki's browser, a page is a few
milliseconds of indexed lookups, so fetching it on the GUI thread keeps the code simple
and the scrolling smooth, even with 100,000 people.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.formatting import date_fr
from desktop_app.people.records import PersonRow, SortKey
from desktop_app.validation import format_phone
from ui.i18n import tr

PAGE_SIZE = 200
ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex

# (header, value of a row, sort key or None when the column cannot be sorted)
COLUMNS: list[tuple[str, Callable[[PersonRow], str], SortKey | None]] = [
    ("Nom", lambda r: r.nom.upper(), SortKey.NOM),
    ("Prénom", lambda r: r.prenom, SortKey.NOM),
    ("Âge", lambda r: "" if r.age is None else str(r.age), SortKey.AGE),
    ("Commune", lambda r: r.commune_nom or "", SortKey.COMMUNE),
    ("Téléphone", lambda r: format_phone(r.telephone), None),
    ("GIR", lambda r: "" if r.gir is None else str(r.gir), SortKey.GIR),
    ("Rôles", lambda r: r.roles, None),
    ("Dernier contact", lambda r: date_fr(r.last_contact_date), SortKey.DERNIER_CONTACT),
]
CENTERED = {2, 5, 7}
ELIDED = {0, 1, 3, 6}  # long texts: the tooltip shows them whole


class PeopleModel(QAbstractTableModel):
    """Rows of people for a QTableView; ``fetch(ids)`` returns PersonRow in that order."""

    sort_requested = Signal(object, bool)  # SortKey, descending

    def __init__(self, fetch: Callable[[list[int]], list[PersonRow]], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._ids: list[int] = []
        self._rows: dict[int, PersonRow] = {}
        self._pages_loaded: set[int] = set()

    # ----- content -------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self._pages_loaded.clear()
        self.endResetModel()

    def extend_ids(self, ids: Sequence[int]) -> None:
        """The rest of the list after a first batch: ``ids`` is the whole ordered list,
        whose beginning is already shown; only the new tail is inserted."""
        tail = list(ids[len(self._ids):])
        if not tail or list(ids[: len(self._ids)]) != self._ids:
            if list(ids) != self._ids:
                self.set_ids(ids)
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(tail) - 1)
        self._ids.extend(tail)
        self.endInsertRows()

    @property
    def ids(self) -> list[int]:
        return self._ids

    def person_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: int) -> int | None:
        try:
            return self._ids.index(person_id)
        except ValueError:
            return None

    def person_row(self, row: int) -> PersonRow | None:
        if not 0 <= row < len(self._ids):
            return None
        page = row // PAGE_SIZE
        if page not in self._pages_loaded:
            self._pages_loaded.add(page)
            chunk = self._ids[page * PAGE_SIZE:(page + 1) * PAGE_SIZE]
            for person in self._fetch(chunk):
                self._rows[person.id] = person
        return self._rows.get(self._ids[row])

    # ----- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == ID_ROLE:
            return self.person_id(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            person = self.person_row(index.row())
            return COLUMNS[index.column()][1](person) if person is not None else ""
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in ELIDED:
            person = self.person_row(index.row())
            return COLUMNS[index.column()][1](person) if person is not None else None
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
        if role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[section][2] is None:
                return None
            return tr("Cliquer pour trier")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in SQL: ask the page to query again with the matching key."""
        if 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None:
            self.sort_requested.emit(COLUMNS[column][2], order == Qt.SortOrder.DescendingOrder)

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None
