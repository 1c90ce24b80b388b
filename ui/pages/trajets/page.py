"""Trajets: the driver's page. The passages they drive (route computed, not cancelled),
from today on or all of them; open one to read its rotations, stops and sketch; print its
feuille de route. The service keeps a chauffeur to their own passages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import long_date_fr, number_fr
from desktop_app.tournees.model import clock
from desktop_app.tournees.records import PassageRoute, PassageView, seconds_of
from ui.context import Context
from ui.i18n import tr
from ui.pages.tournees.route_panel import RoutePanel, ask_route_sheet_path
from ui.widgets.common import PAGE_MARGINS, Card, Page, button, muted_label, title_label

DATE, COMMUNE, VENUE, START, RIDERS, KM = range(6)


class TrajetsPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.trips: list[PassageView] = []
        self.current: PassageRoute | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("Trajets")))
        layout.addWidget(muted_label(tr("Les passages que vous conduisez : ouvrez-en un pour lire l'ordre des arrêts, "
                                        "imprimez sa feuille de route avant de partir.")))
        row = QHBoxLayout()
        self.all_dates = QCheckBox(tr("Afficher aussi les passages passés"))
        self.all_dates.toggled.connect(lambda _on: self.refresh())
        row.addWidget(self.all_dates)
        row.addStretch(1)
        self.open_btn = button(tr("Voir le trajet"), "activity", flat=True)
        self.open_btn.clicked.connect(self.open_selected)
        self.print_btn = button(tr("Imprimer la feuille de route"), "database", primary=True)
        self.print_btn.clicked.connect(self.ask_print)
        row.addWidget(self.open_btn)
        row.addWidget(self.print_btn)
        layout.addLayout(row)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Commune"), tr("Lieu"), tr("Animation"),
                                              tr("À chercher"), tr("Distance")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(190)
        self.table.setMaximumHeight(260)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(VENUE, QHeaderView.ResizeMode.Stretch)
        for col, width in ((DATE, 200), (COMMUNE, 190), (START, 130), (RIDERS, 118), (KM, 100)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table)
        self.empty = muted_label(tr("Aucun passage à conduire pour le moment : la coordination vous désigne comme "
                                    "chauffeur dans la fiche du passage."))
        self.empty.hide()
        layout.addWidget(self.empty)
        card = Card()
        self.heading = title_label("", "sectionTitle")
        card.body.addWidget(self.heading)
        self.route = RoutePanel()
        self.route.set_read_only()
        card.body.addWidget(self.route, 1)
        self.card = card
        card.hide()
        layout.addWidget(card, 3)
        layout.addStretch(1)  # keeps the list at the top while no route is open

    def show_with(self, **params: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        since = None if self.all_dates.isChecked() else dt.date.today()
        actor, trips = self.ctx.actor, self.ctx.escale.tournees.trips
        self.ctx.ops.run(lambda: trips.list_trips(actor, since), self._show, parent=self)

    def _show(self, trips: list[PassageView]) -> None:
        self.trips = trips
        self.table.setRowCount(len(trips))
        for r, p in enumerate(trips):
            texts = [long_date_fr(p.date), p.commune_nom, p.lieu_nom or "", clock(seconds_of(p.heure_debut)),
                     str(p.a_chercher), f"{number_fr(p.route_km or 0, 1)} km"]
            for col, text in enumerate(texts):
                self.table.setItem(r, col, QTableWidgetItem(text))
        if not trips and not self.all_dates.isChecked():
            self.all_dates.setChecked(True)  # nothing ahead: show the past passages rather than nothing
            self.ctx.notify(tr("Aucun passage à venir : voici vos passages passés."))
            return
        self.empty.setVisible(not trips)
        self.table.setVisible(bool(trips))
        for b in (self.open_btn, self.print_btn):
            b.setEnabled(bool(trips))
        if trips and self.table.currentRow() < 0:
            self.table.selectRow(0)

    def _selected(self) -> PassageView | None:
        row = self.table.currentRow()
        return self.trips[row] if 0 <= row < len(self.trips) else None

    def open_selected(self) -> None:
        trip = self._selected()
        if trip is None:
            return
        actor, trips = self.ctx.actor, self.ctx.escale.tournees.trips
        self.ctx.ops.run(lambda: trips.route(actor, trip.id), self.show_route, parent=self)

    def show_route(self, route: PassageRoute) -> None:
        self.current = route
        p = route.passage
        self.heading.setText(tr("{commune} — {date} · {venue} · animation à {start}").format(
            commune=p.commune_nom, date=long_date_fr(p.date), venue=p.lieu_nom or "",
            start=clock(seconds_of(p.heure_debut))))
        self.route.show_plan(route.plan, p.lieu_nom or "")
        self.card.show()

    def ask_print(self) -> None:
        trip = self._selected()
        if trip is None:
            return
        ask_route_sheet_path(self, trip.commune_nom, trip.date, self.print_to)

    def print_to(self, path: str) -> None:
        trip = self._selected()
        if trip is None:
            return
        actor, trips = self.ctx.actor, self.ctx.escale.tournees.trips
        self.ctx.ops.run(lambda: trips.print_route_sheet(actor, trip.id, path),
                         lambda target: self.ctx.notify(tr("Feuille de route enregistrée : {path}").format(path=target)),
                         parent=self)
