"""Tournées: the year's passages with their figures (open one to plan its pick-ups), the
communes' conventions and tariff grid, the yearly plan assistant, and the vehicles.

Navigation parameters (``ctx.navigate("tournees", ...)``): ``passage_id`` opens a passage,
``annee`` shows a year.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import amount_fr, date_fr, number_fr
from desktop_app.tournees.model import clock
from desktop_app.tournees.records import PassageView, VehicleView, YearFigures, seconds_of
from ui.context import Context
from ui.i18n import tr
from ui.pages.tournees.conventions_tab import ConventionsTab
from ui.pages.tournees.new_passage_dialog import NewPassageDialog
from ui.pages.tournees.passage_detail import TOURNEES, PassageDetail
from ui.pages.tournees.plan_tab import PlanTab
from ui.pages.tournees.vehicles_tab import VehiclesTab
from ui.widgets.common import PAGE_MARGINS, EmptyState, Page, button, muted_label, title_label

SHORT_TYPES = {"decouverte": tr("Découverte"), "serie": tr("Série")}
STATUTS = {"prevu": tr("Prévu"), "realise": tr("Réalisé"), "annule": tr("Annulé")}


class PassagesTab(QWidget):
    def __init__(self, ctx: Context, page: TourneesPage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        top = QHBoxLayout()
        self.figures = muted_label()
        self.figures.setObjectName("notice")
        self.figures.setMinimumHeight(self.figures.fontMetrics().lineSpacing() * 3 + 18)  # wraps on 2–3 lines
        top.addWidget(self.figures, 1)
        self.new_btn = button(tr("Nouveau passage"), "user-plus", flat=True)
        self.new_btn.clicked.connect(self.new_passage)
        top.addWidget(self.new_btn, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        self.stack = QStackedWidget()
        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([tr("Date"), tr("Commune"), tr("Type"), tr("Thème"), tr("Inscrits"),
                                              tr("À chercher"), tr("Trajet"), tr("Statut")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 180), (2, 112), (4, 85), (5, 110), (6, 125), (7, 85)):
            self.table.setColumnWidth(col, width)
        self.table.doubleClicked.connect(lambda index: self._open(index.row()))
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.empty = EmptyState("activity", tr("Aucun passage cette année — préparez-les avec le plan annuel."),
                                tr("Ouvrir le plan annuel"))
        self.empty.action.clicked.connect(lambda: page.tabs.setCurrentWidget(page.plan))
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)
        self.passages: list[PassageView] = []
        self.dialog: NewPassageDialog | None = None

    def refresh(self, year: int) -> None:
        t, actor = self.ctx.escale.tournees, self.ctx.actor
        self.ctx.ops.run(lambda: (t.passages.for_year(actor, year), t.figures.year(actor, year)), self._show, parent=self)

    def _show(self, loaded: tuple[list[PassageView], YearFigures]) -> None:
        self.passages, fig = loaded
        self.figures.setText(tr(
            "{year} : {communes} communes desservies · {done} passages réalisés ({dec} découverte, {serie} séries) · "
            "{presents} présences pour {inscrits} inscriptions · {unique} personnes différentes dont {new} nouvelles · "
            "{riders} transports à domicile · {km} km · conventions {due}, encaissé {paid}").format(
            year=fig.annee, communes=fig.communes_servies, done=fig.passages_realises,
            dec=fig.passages_par_type["decouverte"], serie=fig.passages_par_type["serie"], presents=fig.presents,
            inscrits=fig.inscrits, unique=fig.personnes_uniques, new=fig.nouvelles_personnes,
            riders=fig.personnes_transportees, km=number_fr(fig.kilometres), due=amount_fr(fig.montant_conventions),
            paid=amount_fr(fig.montant_encaisse)))
        self.table.setRowCount(len(self.passages))
        for r, p in enumerate(self.passages):
            route = (tr("{km} km").format(km=number_fr(p.route_km, 1)) if p.route_km is not None
                     else tr("à calculer") if p.a_chercher else "—")
            if p.route_avertissements:
                route += tr(" · à vérifier")
            values = [f"{date_fr(p.date)} {clock(seconds_of(p.heure_debut))}".replace(" h ", "h"), p.commune_nom,
                      SHORT_TYPES.get(p.type, p.type), p.theme or "", str(p.inscrits), str(p.a_chercher), route,
                      STATUTS.get(p.statut, p.statut)]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                self.table.setItem(r, c, item)
        self.stack.setCurrentWidget(self.table if self.passages else self.empty)

    def new_passage(self) -> None:
        t, actor = self.ctx.escale.tournees, self.ctx.actor

        def show(vehicles: list[VehicleView]) -> None:
            self.dialog = NewPassageDialog(self.ctx, vehicles, self)
            self.dialog.created.connect(self.page.open_passage)
            self.dialog.open()

        self.ctx.ops.run(lambda: t.vehicles.list_all(actor), show, parent=self)

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.passages):
            self.page.open_passage(self.passages[row].id)


class TourneesPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        overview = QWidget()
        column = QVBoxLayout(overview)
        column.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(title_label(tr("Tournées")))
        head.addStretch(1)
        head.addWidget(muted_label(tr("Année")))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setAccessibleName(tr("Année"))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        head.addWidget(self.year)
        column.addLayout(head)
        self.tabs = QTabWidget()
        self.passages = PassagesTab(ctx, self)
        self.conventions = ConventionsTab(ctx, self.year.value)
        self.plan = PlanTab(ctx, self.year.value)
        self.vehicles = VehiclesTab(ctx)
        self.tabs.addTab(self.passages, tr("Passages"))
        self.tabs.addTab(self.conventions, tr("Communes et tarifs"))
        self.tabs.addTab(self.plan, tr("Plan annuel"))
        self.tabs.addTab(self.vehicles, tr("Véhicules"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        column.addWidget(self.tabs, 1)
        self.stack.addWidget(overview)
        self.detail = PassageDetail(ctx)
        self.detail.closed.connect(self.show_overview)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.detail)
        self.stack.addWidget(scroll)
        self.detail_scroll = scroll
        ctx.ops.bus.changed.connect(self._changed)

    def show_with(self, **params: Any) -> None:
        if params.get("annee"):
            self.year.setValue(int(params["annee"]))
        if params.get("passage_id") is not None:
            self.open_passage(int(params["passage_id"]))
        else:
            self.refresh()

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if current is self.passages:
            self.passages.refresh(self.year.value())
        elif hasattr(current, "refresh"):
            current.refresh()

    def _changed(self, topic: str) -> None:
        if topic == TOURNEES and self.stack.currentIndex() == 0:
            self.refresh()

    def open_passage(self, passage_id: int) -> None:
        self.stack.setCurrentWidget(self.detail_scroll)
        self.detail.open_passage(passage_id)

    def show_overview(self) -> None:
        self.stack.setCurrentIndex(0)
        self.refresh()
