"""Vehicles: the list and a form (seats, PMR places, base with coordinates, average speed
and detour factor). Errors appear under their field; nothing typed is lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from desktop_app.tournees.records import VehicleInput, VehicleView
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import CheckField, Field, TextField


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


class VehiclesTab(QWidget):
    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.current: VehicleView | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("results")
        self.list.setAccessibleName(tr("Véhicules"))
        self.list.currentItemChanged.connect(self._selected)
        left.addWidget(self.list, 1)
        new = button(tr("Nouveau véhicule"), "user-plus", flat=True)
        new.clicked.connect(self.new_vehicle)
        left.addWidget(new)
        layout.addLayout(left, 1)
        card = Card(tr("Fiche du véhicule"))
        form = QFormLayout()
        self.fields: dict[str, Field] = {
            "nom": TextField("nom", tr("Nom"), tr("API Bus")),
            "places": TextField("places", tr("Places passagers"), "5", max_width=90),
            "places_pmr": TextField("places_pmr", tr("dont places PMR (fauteuil)"), "1", max_width=90),
            "base_adresse": TextField("base_adresse", tr("Adresse de la base"), max_length=250),
            "base_lat": TextField("base_lat", tr("Latitude de la base"), "43,6276", max_width=160),
            "base_lon": TextField("base_lon", tr("Longitude de la base"), "3,4322", max_width=160),
            "vitesse_kmh": TextField("vitesse_kmh", tr("Vitesse moyenne (km/h)"), "50", max_width=90),
            "facteur_detour": TextField("facteur_detour", tr("Facteur de détour"), "1,3", max_width=90),
            "actif": CheckField("actif", tr("En service")),
        }
        for field in self.fields.values():
            form.addRow(field.label if not isinstance(field, CheckField) else "", field)
        card.body.addLayout(form)
        card.body.addWidget(muted_label(tr(
            "Les temps de trajet sont estimés sans réseau : distance à vol d'oiseau × facteur de détour ÷ vitesse "
            "moyenne (1,3 et 50 km/h conviennent aux routes de campagne).")))
        row = QHBoxLayout()
        self.locate = button(tr("Localiser la base (BAN)"), "search", flat=True)
        self.locate.clicked.connect(self._locate)
        row.addWidget(self.locate)
        row.addStretch(1)
        self.save = button(tr("Enregistrer"), "save", primary=True, tooltip=tr("Ctrl+S"))
        self.save.clicked.connect(self.save_vehicle)
        row.addWidget(self.save)
        card.body.addLayout(row)
        layout.addWidget(card, 2)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save_vehicle)
        self.new_vehicle()

    def refresh(self) -> None:
        t, actor = self.ctx.escale.tournees, self.ctx.actor
        self.ctx.ops.run(lambda: t.vehicles.list_all(actor, include_inactive=True), self._show, parent=self)

    def _show(self, vehicles: list[VehicleView]) -> None:
        keep = self.current.id if self.current else None
        self.list.blockSignals(True)
        self.list.clear()
        for v in vehicles:
            text = tr("{name} — {seats} places dont {pmr} PMR").format(name=v.nom, seats=v.places, pmr=v.places_pmr)
            if not v.has_coordinates:
                text += tr(" — base sans coordonnées")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, v)
            self.list.addItem(item)
            if v.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if keep is None and vehicles and not self.fields["nom"].value().strip():
            self.list.setCurrentRow(0)  # an untouched form shows the first vehicle
        if not vehicles:
            self.list.addItem(QListWidgetItem(tr("Aucun véhicule : remplissez la fiche à droite.")))

    def _selected(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        vehicle = item.data(Qt.ItemDataRole.UserRole) if item else None
        if isinstance(vehicle, VehicleView):
            self.current = vehicle
            values = {"nom": vehicle.nom, "places": vehicle.places, "places_pmr": vehicle.places_pmr,
                      "base_adresse": vehicle.base_adresse, "base_lat": _num(vehicle.base_lat),
                      "base_lon": _num(vehicle.base_lon), "vitesse_kmh": _num(vehicle.vitesse_kmh),
                      "facteur_detour": _num(vehicle.facteur_detour), "actif": vehicle.actif}
            for name, field in self.fields.items():
                field.set_value(values[name])
                field.set_error(None)

    def new_vehicle(self) -> None:
        self.current = None
        self.list.clearSelection()
        defaults = {"places": "5", "places_pmr": "1", "actif": True}
        for name, field in self.fields.items():
            field.set_value(defaults.get(name, ""))
            field.set_error(None)

    def data(self) -> VehicleInput:
        v = {name: field.value() for name, field in self.fields.items()}
        return VehicleInput(v["nom"], v["places"], v["places_pmr"], v["base_adresse"], v["base_lat"] or None,
                            v["base_lon"] or None, v["vitesse_kmh"] or None, v["facteur_detour"] or None, v["actif"])

    def save_vehicle(self) -> None:
        t, actor, data, current = self.ctx.escale.tournees, self.ctx.actor, self.data(), self.current
        for field in self.fields.values():
            field.set_error(None)

        def work() -> VehicleView:
            if current is None:
                return t.vehicles.create(actor, data)
            return t.vehicles.update(actor, current.id, current.version_id, data)

        def done(vehicle: VehicleView) -> None:
            self.current = vehicle
            self.ctx.notify(tr("Véhicule « {name} » enregistré.").format(name=vehicle.nom))
            self.refresh()

        self.ctx.ops.run(work, done, self._errors, changes=TOURNEES, parent=self)

    def _errors(self, exc: DomainError) -> bool:
        if not isinstance(exc, ValidationError):
            return False
        first = None
        for name, message in exc.errors.items():
            field = self.fields.get(name)
            if field is not None:
                field.set_error(message)
                first = first or field
        if first is not None:
            first.setFocus()
            return True
        return False

    def _locate(self) -> None:
        if self.current is None:
            self.ctx.notify(tr("Enregistrez d'abord le véhicule avec l'adresse de sa base."))
            return
        t, actor, vid = self.ctx.escale.tournees, self.ctx.actor, self.current.id

        def done(result) -> None:  # type: ignore[no-untyped-def]
            self.ctx.notify(tr("Base localisée : {label}").format(label=result.label) if result.found
                            else tr("Adresse de la base introuvable : saisissez latitude et longitude."))
            self.refresh()

        self.ctx.ops.run(lambda: t.geocoding.geocode_vehicle_base(actor, vid), done, self._errors,
                         changes=TOURNEES, parent=self)
