"""One passage (a séance of the commune's « API Bus » atelier): who is registered, who must
be fetched at home (ticks), presence at the séance, the computed route with its rotations, hand reordering, the sketch and the feuille de route."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import long_date_fr
from desktop_app.labels import MOBILITE, label
from desktop_app.tournees.model import clock
from desktop_app.tournees.passages import MAX_PARTICIPANTS
from desktop_app.tournees.records import (
    ParticipantView,
    PassageRoute,
    PassageView,
    VehicleView,
    seconds_of,
)
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.pages.tournees.coordinates_dialog import CoordinatesDialog
from ui.pages.tournees.passage_form import PassageForm
from ui.pages.tournees.route_panel import RoutePanel, ask_route_sheet_path
from ui.widgets.common import Card, button, muted_label, title_label

PICK, NAME, MOBILITY, ADDRESS, LOCATION, TIME, PRESENT = range(7)
PASSAGE_TYPES = {"decouverte": tr("Découverte"), "serie": tr("Série d'ateliers")}
PRESENCE_TEXT = {"excuse": tr("excusé(e)")}  # present / absent: the tick says it
LOCATION_TEXT = {"ban": tr("Localisée"), "manuel": tr("À la main"), "a_verifier": tr("À vérifier"),
                 "echec": tr("Introuvable")}


class PassageDetail(QWidget):
    closed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.passage: PassageView | None = None
        self.people: list[ParticipantView] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        top = QHBoxLayout()
        self.back = button(tr("Passages"), "arrow-left", flat=True)
        self.back.clicked.connect(self.closed)
        top.addWidget(self.back)
        top.addStretch(1)
        self.print_btn = button(tr("Imprimer la feuille de route"), "database")
        self.print_btn.clicked.connect(self.ask_print)
        top.addWidget(self.print_btn)
        layout.addLayout(top)
        self.title = title_label("")
        self.subtitle = muted_label()
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        self.form = PassageForm(ctx)
        self.form.saved.connect(self.open_passage)
        layout.addWidget(self.form)

        people_card = Card(tr("Inscrits et prises en charge à domicile"))
        self.count = muted_label()
        people_card.body.addWidget(self.count)
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels([tr("À chercher"), tr("Personne"), tr("Mobilité"), tr("Adresse"),
                                              tr("Localisation"), tr("Prise en charge"), tr("Présent")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for col, width in ((PICK, 104), (MOBILITY, 130), (LOCATION, 116), (TIME, 150), (PRESENT, 88)):
            self.table.setColumnWidth(col, width)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        people_card.body.addWidget(self.table)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Inscrire une personne : tapez son nom puis Entrée"))
        self.search.setAccessibleName(tr("Inscrire une personne"))
        self.search.returnPressed.connect(self._search)
        people_card.body.addWidget(self.search)
        self.unregister_btn = button(tr("Désinscrire"), "x", flat=True)
        self.unregister_btn.clicked.connect(self._unregister)
        self.locate_btn = button(tr("Localiser l'adresse (BAN)"), "search", flat=True)
        self.locate_btn.clicked.connect(self._locate)
        self.coords_btn = button(tr("Coordonnées à la main…"), "home", flat=True)
        self.coords_btn.clicked.connect(self._coordinates)
        row.addWidget(self.unregister_btn)
        row.addWidget(self.locate_btn)
        row.addWidget(self.coords_btn)
        row.addStretch(1)
        self.compute_btn = button(tr("Calculer le trajet"), "activity", primary=True)
        self.compute_btn.clicked.connect(self.compute)
        row.addWidget(self.compute_btn)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.results.itemActivated.connect(self._register)
        people_card.body.addWidget(self.results)
        people_card.body.addLayout(row)
        layout.addWidget(people_card)

        route_card = Card(tr("Trajet du véhicule"))
        self.route = RoutePanel()
        self.route.preview_requested.connect(self._preview)
        self.route.save_requested.connect(self._save_order)
        route_card.body.addWidget(self.route)
        layout.addWidget(route_card, 1)

    @property
    def t(self):  # type: ignore[no-untyped-def]
        return self.ctx.escale.tournees

    # ----- loading ---------------------------------------------------------------------
    def open_passage(self, passage_id: int) -> None:
        actor = self.ctx.actor

        def load() -> tuple[PassageView, list[ParticipantView], PassageRoute | None, list[VehicleView],
                            list[tuple[int, str]]]:
            return (self.t.passages.get(actor, passage_id), self.t.passages.participants(actor, passage_id),
                    self.t.pickups.load(actor, passage_id), self.t.vehicles.list_all(actor, include_inactive=True),
                    self.t.passages.drivers(actor))

        self.ctx.ops.run(load, self._show, parent=self)

    def _show(self, loaded: tuple[PassageView, list[ParticipantView], PassageRoute | None, list[VehicleView],
                                  list[tuple[int, str]]]) -> None:
        passage, people, route, vehicles, drivers = loaded
        self.passage, self.people = passage, people
        self.form.show_passage(passage, vehicles, drivers)
        self.title.setText(f"{passage.commune_nom} — {long_date_fr(passage.date)}")
        theme_text = f" : {passage.theme}" if passage.theme else ""
        self.subtitle.setText(tr("{start} – {end} · {venue} · {vehicle} · chauffeur : {driver} · {kind}{theme}").format(
            start=clock(seconds_of(passage.heure_debut)), end=clock(seconds_of(passage.heure_fin)),
            venue=passage.lieu_nom or tr("lieu à préciser"), vehicle=passage.vehicle_nom or tr("aucun véhicule"),
            driver=passage.chauffeur_nom or tr("à désigner"),
            kind=PASSAGE_TYPES.get(passage.type, passage.type), theme=theme_text))
        self._fill_table()
        self.route.show_plan(route.plan if route else None, passage.lieu_nom or "")
        self.print_btn.setEnabled(route is not None)

    def _fill_table(self) -> None:
        self._filling = True
        passage = self.passage
        takes_attendance = passage is not None and passage.statut != "annule" and passage.date <= dt.date.today()
        self.table.setRowCount(len(self.people))
        for r, p in enumerate(self.people):
            pick = QTableWidgetItem(tr("oui") if p.besoin_transport else "")
            pick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            pick.setCheckState(Qt.CheckState.Checked if p.besoin_transport else Qt.CheckState.Unchecked)
            pick.setData(Qt.ItemDataRole.UserRole, p.person_id)
            self.table.setItem(r, PICK, pick)
            civ = {"mme": "Mme ", "m": "M. "}.get(p.civilite or "", "")
            name = QTableWidgetItem(civ + p.nom)
            name.setToolTip(civ + p.nom)
            self.table.setItem(r, NAME, name)
            mobility = label(MOBILITE, p.mobilite, tr("Non renseignée"))
            self.table.setItem(r, MOBILITY, QTableWidgetItem(tr("Fauteuil (PMR)") if p.pmr else mobility))
            address = QTableWidgetItem(p.adresse or tr("Adresse manquante"))
            address.setToolTip(", ".join(x for x in (p.adresse, p.commune_nom) if x))
            self.table.setItem(r, ADDRESS, address)
            where = LOCATION_TEXT.get(p.geocode_status or "", tr("Manquante")) if p.has_coordinates or p.geocode_status \
                else tr("Manquante")
            self.table.setItem(r, LOCATION, QTableWidgetItem(where))
            time_text = p.heure_prise_en_charge.strftime("%H h %M") if p.heure_prise_en_charge else ""
            self.table.setItem(r, TIME, QTableWidgetItem(time_text))
            present = QTableWidgetItem(PRESENCE_TEXT.get(p.presence or "", ""))
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            present.setFlags(flags | Qt.ItemFlag.ItemIsUserCheckable if takes_attendance else flags)
            present.setCheckState(Qt.CheckState.Checked if p.present else Qt.CheckState.Unchecked)
            if not takes_attendance:
                present.setToolTip(tr("La présence se note le jour du passage ou après."))
            self.table.setItem(r, PRESENT, present)
        rows_shown = max(3, min(len(self.people), MAX_PARTICIPANTS))  # the whole list, no inner scrolling
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 4
                                    + rows_shown * self.table.verticalHeader().defaultSectionSize())
        riders = sum(1 for p in self.people if p.besoin_transport)
        self.count.setText(tr("{n} inscrit(s) sur {max} à l'atelier de la commune (ils viennent à chaque passage)"
                              " · {riders} à chercher à domicile").format(
            n=len(self.people), max=MAX_PARTICIPANTS, riders=riders) if self.people else
            tr("Personne n'est encore inscrit à ce passage : tapez un nom ci-dessous pour inscrire quelqu'un."))
        self._filling = False

    # ----- ticks and presence -----------------------------------------------------------
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.passage is None:
            return
        person_id = self.people[item.row()].person_id
        if item.column() == PICK:
            item.setText(tr("oui") if item.checkState() == Qt.CheckState.Checked else "")
            self.route.show_plan(None, "")  # the ticks changed: the route must be computed again
            self.print_btn.setEnabled(False)
        elif item.column() == PRESENT:
            present = item.checkState() == Qt.CheckState.Checked
            pid = self.passage.id
            self.ctx.ops.run(lambda: self.t.passages.set_presence(self.ctx.actor, pid, person_id, present),
                             changes=TOURNEES, parent=self)

    def ticked(self) -> set[int]:
        ids = set()
        for r in range(self.table.rowCount()):
            item = self.table.item(r, PICK)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                ids.add(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def compute(self) -> None:
        if self.passage is None:
            return
        pid, riders, actor = self.passage.id, self.ticked(), self.ctx.actor

        def work() -> int:
            self.t.passages.set_pickups(actor, pid, riders)
            self.t.pickups.compute(actor, pid)
            return pid

        def done(_pid: int) -> None:
            self.ctx.notify(tr("Trajet calculé et enregistré."))
            self.open_passage(pid)

        self.ctx.ops.run(work, done, changes=TOURNEES, parent=self)

    # ----- route reordering ------------------------------------------------------------
    def _preview(self, outbound: list[list[int]], inbound: list[list[int]]) -> None:
        if self.passage is None:
            return
        pid, actor, venue = self.passage.id, self.ctx.actor, self.passage.lieu_nom or ""
        self.ctx.ops.run(lambda: self.t.pickups.preview(actor, pid, outbound, inbound),
                         lambda plan: self.route.show_plan(plan, venue, True, self.route.pending_selection()),
                         parent=self)

    def _save_order(self, outbound: list[list[int]], inbound: list[list[int]]) -> None:
        if self.passage is None:
            return
        pid, actor = self.passage.id, self.ctx.actor

        def done(_route: PassageRoute) -> None:
            self.ctx.notify(tr("Ordre des arrêts enregistré."))
            self.open_passage(pid)

        self.ctx.ops.run(lambda: self.t.pickups.reorder(actor, pid, outbound, inbound), done, changes=TOURNEES, parent=self)

    # ----- people ------------------------------------------------------------------------
    def _search(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.results.hide()
            return

        def show(matches: list[tuple[int, str]]) -> None:
            self.results.clear()
            for pid, name in matches:
                item = QListWidgetItem(name)
                item.setData(Qt.ItemDataRole.UserRole, pid)
                self.results.addItem(item)
            if not matches:
                self.results.addItem(QListWidgetItem(tr("Aucune personne ne correspond.")))
            self.results.show()
            self.results.setCurrentRow(0)
            self.results.setFocus()

        self.ctx.ops.run(lambda: self.ctx.people.pick(self.ctx.actor, text, 8), show, parent=self)

    def _register(self, item: QListWidgetItem) -> None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if person_id is None or self.passage is None:
            return
        pid = self.passage.id

        def done(_view: ParticipantView) -> None:
            self.search.clear()
            self.results.hide()
            self.ctx.notify(tr("{name} est inscrit(e).").format(name=item.text()))
            self.open_passage(pid)

        self.ctx.ops.run(lambda: self.t.passages.register(self.ctx.actor, pid, int(person_id)), done,
                         changes=TOURNEES, parent=self)

    def _selected_person(self) -> ParticipantView | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def _unregister(self) -> None:
        person = self._selected_person()
        if person is None or self.passage is None:
            return
        pid = self.passage.id
        self.ctx.ops.run(lambda: self.t.passages.unregister(self.ctx.actor, pid, person.person_id),
                         lambda _r: self.open_passage(pid), changes=TOURNEES, parent=self)

    def _locate(self) -> None:
        person = self._selected_person()
        if person is None or self.passage is None:
            self.ctx.notify(tr("Sélectionnez d'abord une personne dans la liste."))
            return
        pid = self.passage.id

        def done(result) -> None:  # type: ignore[no-untyped-def]
            text = (tr("Adresse localisée : {label}").format(label=result.label) if result.found and not result.to_review
                    else tr("Localisation à vérifier : {label}").format(label=result.label) if result.found
                    else tr("Adresse introuvable : saisissez les coordonnées dans la fiche de la personne."))
            self.ctx.notify(text)
            self.open_passage(pid)

        self.ctx.ops.run(lambda: self.t.geocoding.geocode_person(self.ctx.actor, person.person_id), done,
                         changes=TOURNEES, parent=self)

    def _coordinates(self) -> None:
        person = self._selected_person()
        if person is None or self.passage is None:
            self.ctx.notify(tr("Sélectionnez d'abord une personne dans la liste."))
            return
        pid = self.passage.id
        dialog = CoordinatesDialog(self.ctx, person, self)
        dialog.saved.connect(lambda: self.open_passage(pid))
        dialog.open()

    # ----- printing ----------------------------------------------------------------------
    def ask_print(self) -> None:
        if self.passage is None:
            return
        ask_route_sheet_path(self, self.passage.commune_nom, self.passage.date, self.print_to)

    def print_to(self, path: str) -> None:
        if self.passage is None:
            return
        pid = self.passage.id
        self.ctx.ops.run(lambda: self.t.pickups.export_feuille_de_route(self.ctx.actor, pid, path),
                         lambda target: self.ctx.notify(tr("Feuille de route enregistrée : {path}").format(path=target)),
                         parent=self)

