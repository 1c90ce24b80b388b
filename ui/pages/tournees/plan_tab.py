"""The yearly plan assistant: dates proposed for every passage still to plan (spread over
the period, one half-day per vehicle, no public holiday, the commune's preferred weekday);
the coordinator unticks what does not suit and creates the passages, then adjusts by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from desktop_app.formatting import long_date_fr
from desktop_app.tournees.planning import PlanResult, Proposal
from desktop_app.tournees.records import PassageView, VehicleView
from desktop_app.validation import FieldError, parse_date
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import DateField, TextField

TYPES = {"decouverte": tr("Découverte (offerte)"), "serie": tr("Série d'ateliers")}


class PlanTab(QWidget):
    def __init__(self, ctx: Context, year: Callable[[], int]) -> None:
        super().__init__()
        self.ctx, self.year = ctx, year
        self.proposals: list[Proposal] = []
        self.vehicle_names: dict[int, str] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        card = Card(tr("Proposer les dates de l'année"))
        row = QHBoxLayout()
        self.start = DateField("debut", tr("Du"))
        self.end = DateField("fin", tr("Au"))
        self.hours = TextField("heures", tr("Horaires"), "14:00-16:30", max_width=140)
        self.hours.set_value("14:00-16:30")
        for field in (self.start, self.end, self.hours):
            column = QVBoxLayout()
            column.addWidget(muted_label(field.label))
            column.addWidget(field)
            column.addStretch(1)
            row.addLayout(column)
        self.vehicles = QListWidget()
        self.vehicles.setMaximumHeight(90)
        self.vehicles.setAccessibleName(tr("Véhicules à planifier"))
        column = QVBoxLayout()
        column.addWidget(muted_label(tr("Véhicules")))
        column.addWidget(self.vehicles)
        column.addStretch(1)
        row.addLayout(column, 1)
        propose = button(tr("Proposer"), "activity", primary=True)
        propose.clicked.connect(self.propose)
        row.addWidget(propose, 0, Qt.AlignmentFlag.AlignTop)
        card.body.addLayout(row)
        card.body.addWidget(muted_label(tr(
            "Passages répartis régulièrement, un passage par véhicule et par jour (la demi-journée d'animation "
            "plus les trajets), jamais un jour férié ni un week-end, le jour préféré de la commune s'il est indiqué ; "
            "le passage découverte vient en premier. Les communes prioritaires sont placées d'abord.")))
        layout.addWidget(card)
        self.unplaced = muted_label()
        self.unplaced.setObjectName("banner")
        self.unplaced.hide()
        layout.addWidget(self.unplaced)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Commune"), tr("Type"), tr("Véhicule")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.summary = muted_label(tr("Aucune proposition : choisissez la période puis « Proposer »."))
        bottom.addWidget(self.summary, 1)
        self.create = button(tr("Créer les passages cochés"), "save", primary=True)
        self.create.setEnabled(False)
        self.create.clicked.connect(self.create_passages)
        bottom.addWidget(self.create)
        layout.addLayout(bottom)

    def refresh(self) -> None:
        year = self.year()
        if not self.start.value():
            self.start.set_value(dt.date(year, 1, 5))
            self.end.set_value(dt.date(year, 12, 18))
        t, actor = self.ctx.escale.tournees, self.ctx.actor
        self.ctx.ops.run(lambda: t.vehicles.list_all(actor), self._show_vehicles, parent=self)

    def _show_vehicles(self, vehicles: list[VehicleView]) -> None:
        self.vehicles.clear()
        self.vehicle_names = {v.id: v.nom for v in vehicles}
        for v in vehicles:
            item = QListWidgetItem(v.nom)
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.vehicles.addItem(item)

    def _chosen_vehicles(self) -> list[int]:
        return [int(self.vehicles.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.vehicles.count())
                if self.vehicles.item(i).checkState() == Qt.CheckState.Checked]

    def propose(self) -> None:
        self.start.set_error(None)
        self.end.set_error(None)
        try:
            start, end = parse_date(self.start.value()), parse_date(self.end.value())
        except FieldError as exc:
            self.start.set_error(str(exc))
            return
        if start is None or end is None:
            (self.start if start is None else self.end).set_error(tr("Indiquez la date."))
            return
        t, actor, year, vehicles = self.ctx.escale.tournees, self.ctx.actor, self.year(), self._chosen_vehicles()

        def failed(exc: DomainError) -> bool:
            if isinstance(exc, ValidationError):
                self.end.set_error(next(iter(exc.errors.values())))
                return True
            return False

        self.ctx.ops.run(lambda: t.conventions.propose_plan(actor, year, start, end, vehicles), self._show, failed,
                         parent=self)

    def _show(self, result: PlanResult) -> None:
        self.proposals = list(result.proposals)
        self.table.setRowCount(len(self.proposals))
        for r, p in enumerate(self.proposals):
            first = QTableWidgetItem(long_date_fr(p.date))
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Checked)
            self.table.setItem(r, 0, first)
            self.table.setItem(r, 1, QTableWidgetItem(p.commune_nom))
            self.table.setItem(r, 2, QTableWidgetItem(TYPES.get(p.type, p.type)))
            self.table.setItem(r, 3, QTableWidgetItem(self.vehicle_names.get(p.vehicle_id, "")))
        self.unplaced.setText("\n".join(result.unplaced))
        self.unplaced.setVisible(bool(result.unplaced))
        self.summary.setText(tr("{n} passage(s) proposé(s) : décochez ceux qui ne conviennent pas.").format(
            n=len(self.proposals)) if self.proposals else tr("Tous les passages des conventions sont déjà planifiés."))
        self.create.setEnabled(bool(self.proposals))

    def create_passages(self) -> None:
        kept = [p for r, p in enumerate(self.proposals)
                if self.table.item(r, 0).checkState() == Qt.CheckState.Checked]
        start, _, end = (self.hours.value() or "14:00-16:30").partition("-")
        t, actor = self.ctx.escale.tournees, self.ctx.actor

        def done(created: list[PassageView]) -> None:
            self.ctx.notify(tr("{n} passage(s) créé(s).").format(n=len(created)))
            self._show(PlanResult((), ()))

        def failed(exc: DomainError) -> bool:
            if isinstance(exc, ValidationError):
                self.hours.set_error(next(iter(exc.errors.values())))
                return True
            return False

        self.ctx.ops.run(lambda: t.passages.apply_plan(actor, kept, start.strip(), end.strip() or "16:30"), done, failed,
                         changes=TOURNEES, parent=self)
