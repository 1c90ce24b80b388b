"""The séances of an action: the table (number, date, time, place, animateur, status,
presents), generation from a rule, and the single-séance actions (add, move, cancel with
its reason, restore, delete a mistaken one)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import ActionDetail, SeanceRow
from desktop_app.formatting import long_date_fr
from desktop_app.labels import label
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.seance_dialogs import GenerationDialog, ReasonDialog, SeanceDialog
from ui.widgets.common import EmptyState, button
from ui.widgets.messages import ask

HEADERS = ["N°", "Date", "Horaire", "Lieu", "Animateur", "Statut", "Présents"]
GREY = QColor("#7b8794")


def status_text(row: SeanceRow) -> str:
    text = label(labels.STATUT_SEANCE, row.statut)
    return f"{text} — {row.motif_annulation}" if row.motif_annulation else text


def _ignore(_result: object) -> None:
    """The view refreshes on the Bus after every write; nothing else to do."""


class SeancesTab(QWidget):

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action: ActionDetail | None = None
        self.rows: list[SeanceRow] = []
        self.dialog: QWidget | None = None
        writable = can(ctx.actor, Perm.ATELIERS_WRITE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        bar = QHBoxLayout()
        self.generate_button = button(tr("Générer les séances…"), "calendar", primary=True)
        self.add_button = button(tr("Ajouter une séance…"), "plus")
        self.edit_button = button(tr("Modifier…"), "edit", tooltip=tr("Changer la date, l'horaire, le lieu"))
        self.cancel_button = button(tr("Annuler…"), "x", tooltip=tr("Annuler la séance (elle reste dans l'historique)"))
        self.restore_button = button(tr("Rétablir"), "restore")
        self.delete_button = button(tr("Supprimer"), "trash", flat=True)
        for b, slot in ((self.generate_button, self.generate), (self.add_button, self.add),
                        (self.edit_button, self.edit), (self.cancel_button, self.cancel),
                        (self.restore_button, self.restore), (self.delete_button, self.delete)):
            b.clicked.connect(slot)
            b.setEnabled(writable)
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(36)
        header = self.table.horizontalHeader()
        for column, width in enumerate((50, 240, 120, 200, 200, 260, 90)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._buttons)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.empty = EmptyState("calendar", tr("Aucune séance prévue pour cet atelier"),
                                tr("Générer les séances") if writable else None)
        self.empty.action.clicked.connect(self.generate)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self._writable = writable

    def set_data(self, action: ActionDetail, rows: list[SeanceRow]) -> None:
        self.action, self.rows = action, rows
        keep = self.current()
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            values = [str(row.numero) if row.numero else "—", long_date_fr(row.debut.date()),
                      f"{row.debut:%H:%M}–{row.fin:%H:%M}", row.lieu or "", row.animateur or "",
                      status_text(row), str(row.presents) if row.statut == "realisee" else ""]
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if c in (0, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.statut == "annulee":
                    item.setForeground(QBrush(GREY))
                    font = item.font()
                    font.setStrikeOut(c == 1)
                    item.setFont(font)
                self.table.setItem(r, c, item)
        self.stack.setCurrentWidget(self.table if rows else self.empty)
        if keep is not None:
            for r, row in enumerate(rows):
                if row.id == keep.id:
                    self.table.selectRow(r)
        self.generate_button.setProperty("primary", not rows)
        self.generate_button.style().unpolish(self.generate_button)
        self.generate_button.style().polish(self.generate_button)
        self._buttons()

    def current(self) -> SeanceRow | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        sid = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == sid), None)

    def _buttons(self) -> None:
        row = self.current()
        ok = self._writable and row is not None
        self.edit_button.setEnabled(ok and row.statut != "annulee")  # type: ignore[union-attr]
        self.cancel_button.setEnabled(ok and row.statut != "annulee")  # type: ignore[union-attr]
        self.restore_button.setEnabled(ok and row.statut == "annulee")  # type: ignore[union-attr]
        self.delete_button.setEnabled(ok)

    # ----- actions ---------------------------------------------------------------------
    def _open(self, dialog: QWidget) -> None:
        self.dialog = dialog
        dialog.open()  # type: ignore[attr-defined]

    def generate(self) -> None:
        if self.action is not None:
            self._open(GenerationDialog(self.ctx, self.action, _ignore, self))

    def add(self) -> None:
        if self.action is not None:
            self._open(SeanceDialog(self.ctx, self.action, None, _ignore, self))

    def edit(self) -> None:
        row = self.current()
        if self.action is not None and row is not None and row.statut != "annulee" and self._writable:
            self._open(SeanceDialog(self.ctx, self.action, row, _ignore, self))

    def cancel(self) -> None:
        row = self.current()
        if row is None:
            return
        service, actor = self.ctx.escale.ateliers.seances, self.ctx.actor
        self._open(ReasonDialog(
            self.ctx, tr("Annuler la séance"),
            tr("Séance du {date}, {h}. Elle reste dans l'historique et ne compte plus dans les chiffres.").format(
                date=long_date_fr(row.debut.date()), h=f"{row.debut:%H:%M}"),
            tr("Annuler la séance"), tr("Séance annulée."),
            lambda motif: service.cancel(actor, row.id, motif), _ignore, parent=self))

    def restore(self) -> None:
        row = self.current()
        if row is not None:
            service, actor = self.ctx.escale.ateliers.seances, self.ctx.actor
            self.ctx.ops.run(lambda: service.restore(actor, row.id), lambda _r: self._done(tr("Séance rétablie.")),
                             changes=ATELIERS, parent=self)

    def delete(self) -> None:
        row = self.current()
        if row is None:
            return
        service, actor = self.ctx.escale.ateliers.seances, self.ctx.actor
        ask(self, tr("Supprimer la séance ?"),
            tr("La séance du {date} sera supprimée. Une séance qui a eu lieu s'annule plutôt.").format(
                date=long_date_fr(row.debut.date())),
            tr("Supprimer"), lambda: self.ctx.ops.run(lambda: service.delete(actor, row.id),
                                                       lambda _r: self._done(tr("Séance supprimée.")),
                                                       changes=ATELIERS, parent=self))

    def _done(self, text: str) -> None:
        self.ctx.notify(text)
