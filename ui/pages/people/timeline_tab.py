"""The « Parcours » tab of a person's file: everything that happened to them, newest first
(contacts and visits, ateliers…), the last contact date, and « Nouveau contact » to log one.
Double-clicking a contact (or Entrée) opens it for correction."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import date_fr
from desktop_app.people.records import PersonDetail
from desktop_app.security.permissions import Perm, can
from desktop_app.timeline import TimelineEntry
from desktop_app.visits.records import VisitDetail
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.widgets.common import ActivatingTable, button, muted_label

KINDS = {"visite": tr("Contact"), "atelier": tr("Atelier"), "tournee": tr("API Bus")}
ENTRY_ROLE = Qt.ItemDataRole.UserRole
ROW_PADDING = 18


@dataclass(frozen=True)
class Parcours:
    person: PersonDetail
    entries: list[TimelineEntry]



class TimelineTab(QWidget):
    person_loaded = Signal(object)  # the file as reloaded with the Parcours (last contact date…)
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person: PersonDetail | None = None
        self.entries: list[TimelineEntry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        top = QHBoxLayout()
        self.summary = muted_label("")
        self.summary.setObjectName("pageSubtitle")
        top.addWidget(self.summary, 1)
        self.new_button = button(tr("Nouveau contact"), "plus", primary=True)
        self.new_button.setToolTip(tr("Saisir une visite, un appel ou une permanence"))
        self.new_button.clicked.connect(self.new_contact)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.new_button.setVisible(can(ctx.actor, Perm.VISITS_WRITE))  # once parented: never a window
        self.table = ActivatingTable(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Quoi"), tr("Détail")])
        self.table.setAccessibleName(tr("Parcours de la personne"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 260)
        self.table.cellDoubleClicked.connect(self._open_row)
        header.sectionResized.connect(lambda *_: self._fit_rows.start())  # wrap at the shown width
        self._fit_rows = QTimer(self, singleShot=True, interval=0)
        self._fit_rows.timeout.connect(self._fit)
        layout.addWidget(self.table, 1)
        self.empty = muted_label(tr("Rien n'est encore inscrit au parcours de cette personne."))
        layout.addWidget(self.empty)
        self.empty.hide()
        ctx.ops.bus.changed.connect(self._on_changed)

    def _fit(self) -> None:
        """Rows as tall as their wrapped text, plus the cell padding of the stylesheet (which
        the size hint leaves out: the last line would be cut)."""
        self.table.resizeRowsToContents()
        for row in range(self.table.rowCount()):
            self.table.setRowHeight(row, self.table.rowHeight(row) + ROW_PADDING)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit_rows.start()

    # ----- loading ---------------------------------------------------------------------
    def set_person(self, detail: PersonDetail | None) -> None:
        self.person = detail
        self.new_button.setEnabled(detail is not None)
        if detail is None:
            self.entries = []
            self.table.setRowCount(0)
            self.summary.setText(tr("Enregistrez d'abord la fiche pour suivre son parcours."))
            return
        self.refresh()

    def refresh(self) -> None:
        if self.person is None:
            return
        ctx, person_id = self.ctx, self.person.id

        def work() -> Parcours:
            return Parcours(ctx.people.get(ctx.actor, person_id), ctx.escale.timeline.for_person(ctx.actor, person_id))

        ctx.ops.run(work, self._show, parent=self)

    def _on_changed(self, topic: str) -> None:
        if topic == PEOPLE and self.person is not None:
            self.refresh()

    def _show(self, parcours: Parcours) -> None:
        if self.person is None or parcours.person.id != self.person.id:
            return
        self.person, self.entries = parcours.person, parcours.entries
        self.person_loaded.emit(parcours.person)
        last = parcours.person.last_contact_date
        contacts = sum(1 for e in self.entries if e.kind == "visite")
        parts = [tr("Dernier contact : {date}").format(date=date_fr(last)) if last else tr("Aucun contact enregistré")]
        parts.append(tr("{n} contact(s), {m} événement(s) en tout").format(n=contacts, m=len(self.entries)))
        self.summary.setText("  ·  ".join(parts))
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = date_fr(entry.date) + (f"\n{entry.time.strftime('%Hh%M')}" if entry.time else "")
            what = f"{KINDS.get(entry.kind, entry.kind)}\n{entry.title}"
            detail = entry.detail
            if entry.confidential:
                detail += "\n" + tr("Note confidentielle : {note}").format(note=entry.confidential)
            for column, text in enumerate((when, what, detail)):
                item = QTableWidgetItem(text)
                item.setData(ENTRY_ROLE, row)
                item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
                self.table.setItem(row, column, item)
        self._fit()
        self.empty.setVisible(not self.entries)

    # ----- contacts ----------------------------------------------------------------------
    def new_contact(self) -> None:
        if self.person is not None:
            self._open_form(None)

    def _open_row(self, row: int, _column: int) -> None:
        entry = self.entries[row] if 0 <= row < len(self.entries) else None
        if entry is None or entry.kind != "visite" or entry.ref_id is None or not can(self.ctx.actor, Perm.VISITS_WRITE):
            return
        ctx, visit_id = self.ctx, entry.ref_id
        ctx.ops.run(lambda: ctx.escale.visits.get(ctx.actor, visit_id), self._open_form, parent=self)

    def _open_form(self, detail: VisitDetail | None) -> None:
        from ui.pages.visits.form import VisitForm  # the form imports the people fields

        assert self.person is not None
        self.form = VisitForm(self.ctx, self.person.id, self.person.display_name, detail, parent=self)
        self.form.open()
