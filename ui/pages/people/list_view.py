"""The Personnes list: header with the count, search and filters, the table, and the
empty states. Every query runs as a background op; a newer query makes older answers
obsolete (typing fast never shows the results of an earlier letter last)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import number_fr
from desktop_app.people.records import PersonFilter, SortKey
from desktop_app.people.stats import Focus
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.people.filters import FilterBar
from ui.pages.people.model import ID_ROLE, PeopleModel
from ui.widgets.common import EmptyState, button, title_label

# Typical content of each column, to size it from the font in use; None stretches.
COLUMN_SAMPLES: list[str | None] = [
    "BOUSQUET", "Marie-Hélène", "100", "Clermont-l'Hérault", "04 67 00 00 00", "6", None, "00/00/0000",
]


def count_text(n: int) -> str:
    if n == 0:
        return tr("Aucune personne")
    if n == 1:
        return tr("1 personne")
    return tr("{n} personnes").format(n=number_fr(n))


class PeopleTable(QTableView):
    open_requested = Signal(int)

    def __init__(self, model: PeopleModel) -> None:
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
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._size_columns()
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def _size_columns(self) -> None:
        header = self.horizontalHeader()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        title_metrics, text_metrics = QFontMetrics(bold), self.fontMetrics()
        for column, sample in enumerate(COLUMN_SAMPLES):
            if sample is None:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            title = str(self.model().headerData(column, Qt.Orientation.Horizontal))
            width = max(title_metrics.horizontalAdvance(title) + 36, text_metrics.horizontalAdvance(sample) + 30)
            header.resizeSection(column, width)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _open(self, row: int) -> None:
        person_id = self.model().index(row, 0).data(ID_ROLE)
        if person_id is not None:
            self.open_requested.emit(person_id)

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)


FIRST_BATCH = 500  # rows shown at once; the rest of the list follows in the background


class PeopleList(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._stale = True
        self._communes_stale = True  # the commune filter is refilled after a change, not per keystroke
        self._sort: tuple[SortKey, bool] = (SortKey.NOM, False)
        self._sort_column = 0
        self._pending: tuple[PersonFilter, Focus | None] = (PersonFilter(), None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)

        top = QHBoxLayout()
        top.addWidget(title_label(tr("Personnes")))
        top.addSpacing(16)
        self.count_label = QLabel("")
        self.count_label.setObjectName("countLabel")
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        self.new_button = button(tr("Nouvelle personne"), "user-plus", primary=True, tooltip="Ctrl+N")
        self.new_button.clicked.connect(self.new_requested)
        top.addWidget(self.new_button)
        layout.addLayout(top)

        self.filters = FilterBar(ctx)
        self.filters.changed.connect(self.refresh)
        self.filters.search.installEventFilter(self)
        layout.addWidget(self.filters)

        self.model = PeopleModel(lambda ids: ctx.people.rows(ctx.actor, ids), self)
        self.model.sort_requested.connect(self._on_sort)
        self.table = PeopleTable(self.model)
        self.table.open_requested.connect(self.open_requested)
        self.empty = EmptyState("users", "")
        self.empty.action.clicked.connect(self._empty_action)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_clicked)
        ctx.ops.bus.changed.connect(self._on_changed)

    # ----- queries -------------------------------------------------------------------
    def apply(self, flt: PersonFilter, focus: Focus | None) -> None:
        self.filters.set_state(flt, focus)

    def refresh(self, select_id: int | None = None) -> None:
        self._stale = False
        self._generation += 1
        generation = self._generation
        flt, focus = self.filters.current()
        flt = replace(flt, sort=self._sort[0], descending=self._sort[1])
        ctx = self.ctx
        with_communes, self._communes_stale = self._communes_stale, False

        def query() -> tuple[list[int], bool, list[tuple[str, str]] | None]:
            ids = ctx.stats.list_ids(ctx.actor, flt, focus, limit=FIRST_BATCH)
            empty_file = not ids and ctx.stats.file_is_empty(ctx.actor)
            return ids, empty_file, ctx.people.communes_in_use(ctx.actor) if with_communes else None

        keep = select_id if select_id is not None else self.current_id()
        ctx.ops.run(query, lambda result: self._loaded(generation, keep, *result), parent=self)
        self._pending = (flt, focus)

    def _loaded(self, generation: int, keep: int | None, ids: list[int], empty_file: bool,
                communes: list[tuple[str, str]] | None) -> None:
        if communes is not None:
            self.filters.set_communes(communes)
        if generation != self._generation:
            return
        had_focus = self.table.hasFocus()
        self.model.set_ids(ids)
        if len(ids) < FIRST_BATCH:
            self.count_label.setText(count_text(len(ids)))
        else:
            self.count_label.setText(tr("Plus de {n} personnes…").format(n=FIRST_BATCH))
            self._load_rest(generation)
        if ids:
            self.stack.setCurrentWidget(self.table)
            row = self.model.row_of(keep) if keep is not None else None
            if row is not None or had_focus:
                self.table.select_row(row or 0)
        elif empty_file:
            self.empty.set_content(tr("Aucune personne dans le fichier"), tr("Ajouter une personne"), "user-plus")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.empty.set_content(tr("Aucune personne ne correspond à cette recherche."),
                                   tr("Effacer la recherche et les filtres"), "x")
            self.stack.setCurrentWidget(self.empty)

    def _load_rest(self, generation: int) -> None:
        """Second step: the whole ordered list, for scrolling and the exact count."""
        flt, focus = self._pending
        ctx = self.ctx

        def query() -> list[int]:
            return ctx.stats.list_ids(ctx.actor, flt, focus)

        def done(ids: list[int]) -> None:
            if generation == self._generation:
                self.model.extend_ids(ids)
                self.count_label.setText(count_text(len(ids)))

        ctx.ops.run(query, done, parent=self)

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.person_id(index.row()) if index.isValid() else None

    def ensure_fresh(self) -> None:
        if self._stale:
            self.refresh()

    def _on_changed(self, topic: str) -> None:
        if topic == PEOPLE:
            self._stale = True
            self._communes_stale = True
            if self.isVisible():
                self.refresh()

    # ----- sorting ---------------------------------------------------------------------
    def _on_header_clicked(self, column: int) -> None:
        header = self.table.horizontalHeader()
        if not PeopleModel.sortable(column):  # Téléphone, Rôles: keep the previous order
            header.blockSignals(True)
            header.setSortIndicator(self._sort_column, self._sort_order())
            header.blockSignals(False)
            return
        self._sort_column = column
        self.model.sort(column, header.sortIndicatorOrder())

    def _sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder

    def _on_sort(self, key: SortKey, descending: bool) -> None:
        self._sort = (key, descending)
        self.refresh()

    # ----- keyboard and empty state ---------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.filters.search and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.filters.flush()
                if self.model.rowCount() and key == Qt.Key.Key_Down:
                    self.table.setFocus()
                    self.table.select_row(0)
                    return True
        return False

    def _empty_action(self) -> None:
        if self.filters.is_default():
            self.new_requested.emit()
        else:
            self.filters.reset()

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

