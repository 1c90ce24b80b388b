"""Financements: for one year, the summary of amounts by financeur and status (demandé,
accordé, versé, soldé) and the funding lines behind it; add, edit (double-click or Entrée)
and delete a line."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import date_fr
from desktop_app.labels import STATUT_FINANCEMENT, label
from desktop_app.partners.records import FundingRow, FundingSummary
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.partners import PARTNERS
from ui.pages.partners.funding_form import FundingForm, amount_text
from ui.widgets.common import ActivatingTable, button, muted_label, title_label
from ui.widgets.fields import ChoiceField
from ui.widgets.messages import ask

LINE_COLUMNS = (tr("Financeur"), tr("Montant"), tr("Action financée"), tr("Statut"), tr("Période"), tr("Dernière étape"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class YearData:
    year: int
    years: list[int]
    summary: FundingSummary
    lines: list[FundingRow]


def _table(columns: tuple[str, ...] | list[str]) -> QTableWidget:
    table = ActivatingTable(0, len(columns))
    table.setHorizontalHeaderLabels(list(columns))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _last_step(row: FundingRow) -> str:
    for day, text in ((row.date_solde, tr("soldé le")), (row.date_versement, tr("versé le")),
                      (row.date_accord, tr("accordé le")), (row.date_demande, tr("demandé le"))):
        if day is not None:
            return f"{text} {date_fr(day)}"
    return ""


class FundingTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.lines: list[FundingRow] = []
        self.writer = can(ctx.actor, Perm.FUNDING_WRITE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        bar = QHBoxLayout()
        self.year = ChoiceField("annee", tr("Année"), [(str(dt.date.today().year), dt.date.today().year)], 120)
        self.year.changed.connect(self.refresh)
        bar.addWidget(self.year)
        self.total = muted_label("")
        bar.addWidget(self.total, 1)
        self.new_button = button(tr("Nouvelle ligne"), "plus", primary=True)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        layout.addWidget(title_label(tr("Montants par financeur et par statut"), "sectionTitle"))
        statuses = [label(STATUT_FINANCEMENT, s) for s in STATUT_FINANCEMENT]
        self.summary = _table([tr("Financeur"), *statuses, tr("Total")])
        self.summary.setAccessibleName(tr("Synthèse de l'année"))
        self.summary.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.summary, 1)
        layout.addWidget(title_label(tr("Lignes de financement"), "sectionTitle"))
        self.table = _table(LINE_COLUMNS)
        self.table.setAccessibleName(tr("Lignes de financement"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 210)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_current())
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.edit_button = button(tr("Modifier"), "edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = button(tr("Supprimer"), "trash")
        self.delete_button.clicked.connect(self.delete_current)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        layout.addLayout(actions)
        for b in (self.new_button, self.edit_button, self.delete_button):
            b.setVisible(self.writer)  # once parented
        ctx.ops.bus.changed.connect(self._on_changed)

    def _on_changed(self, topic: str) -> None:
        if topic == PARTNERS:
            self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        wanted = self.year.value()

        def work() -> YearData:
            years = ctx.escale.funding.years(ctx.actor)
            year = wanted if wanted in years or not years else years[0]
            return YearData(year, years, ctx.escale.funding.summary(ctx.actor, year),
                            ctx.escale.funding.lines(ctx.actor, year))

        ctx.ops.run(work, self._show, parent=self)

    def _show(self, data: YearData) -> None:
        years = sorted(set(data.years) | {dt.date.today().year, data.year}, reverse=True)
        self.year.blockSignals(True)
        self.year.set_choices([(str(y), y) for y in years], data.year)
        self.year.blockSignals(False)
        s = data.summary
        self.total.setText(tr("{year} : {total} sur {n} ligne(s)").format(
            year=data.year, total=amount_text(s.total), n=len(data.lines)))
        rows = [(f.financeur_nom, [f.by_status[st] for st in s.statuses], f.total) for f in s.financeurs]
        rows.append((tr("Total"), [s.by_status[st] for st in s.statuses], s.total))
        self.summary.setRowCount(len(rows))
        for r, (name, amounts, total) in enumerate(rows):
            self.summary.setItem(r, 0, QTableWidgetItem(name))
            for c, amount in enumerate([*amounts, total], start=1):
                item = QTableWidgetItem(amount_text(amount) if amount else "—")
                item.setTextAlignment(RIGHT)
                self.summary.setItem(r, c, item)
        bold = self.summary.font()
        bold.setBold(True)
        for c in range(self.summary.columnCount()):
            self.summary.item(len(rows) - 1, c).setFont(bold)
        self.lines = data.lines
        self.table.setRowCount(len(self.lines))
        for r, line in enumerate(self.lines):
            period = " – ".join(filter(None, (date_fr(line.periode_debut), date_fr(line.periode_fin))))
            values = (line.financeur_nom, amount_text(line.montant), line.action,
                      label(STATUT_FINANCEMENT, line.statut), period, _last_step(line))
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setTextAlignment(RIGHT)
                item.setToolTip(text)  # the action is often longer than its column
                self.table.setItem(r, c, item)
        if self.lines:
            self.table.selectRow(0)
        for b in (self.edit_button, self.delete_button):
            b.setEnabled(bool(self.lines))

    def current(self) -> FundingRow | None:
        r = self.table.currentRow()
        return self.lines[r] if 0 <= r < len(self.lines) else None

    def open_form(self, row: FundingRow | None) -> None:
        self.form = FundingForm(self.ctx, row, self.year.value(), parent=self)
        self.form.open()

    def edit_current(self) -> None:
        row = self.current()
        if row is not None and self.writer:
            self.open_form(row)

    def delete_current(self) -> None:
        row = self.current()
        if row is None:
            return
        ctx = self.ctx

        def delete() -> None:
            ctx.ops.run(lambda: ctx.escale.funding.delete(ctx.actor, row.id),
                        lambda _none: ctx.notify(tr("Ligne de financement supprimée.")),
                        changes=PARTNERS, parent=self)

        ask(self, tr("Supprimer cette ligne ?"),
            tr("{name} — {amount} ({year}) sera supprimée.").format(
                name=row.financeur_nom, amount=amount_text(row.montant), year=row.annee),
            tr("Supprimer"), delete)
