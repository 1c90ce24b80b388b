"""Typing or correcting a home's coordinates by hand (a remote farm, a wrong match, no
network): latitude and longitude, errors under the fields, saved through the service."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.tournees.records import ParticipantView
from ui.context import Context
from ui.i18n import tr
from ui.pages.people.coordinates import save_home_point
from ui.pages.tournees.dialog_size import fix_size
from ui.widgets.common import button, muted_label
from ui.widgets.fields import TextField


def _text(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").replace(".", ",")


class CoordinatesDialog(QDialog):
    saved = Signal()

    def __init__(self, ctx: Context, person: ParticipantView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.person = ctx, person
        self.setWindowTitle(tr("Coordonnées du domicile"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(muted_label(tr("{name} — {address}. Relevez le point sur une carte (clic droit « Plus d'infos "
                                        "sur cet endroit » dans la plupart des cartes en ligne) ou au GPS.").format(
            name=person.nom, address=", ".join(x for x in (person.adresse, person.commune_nom) if x))))
        form = QFormLayout()
        self.lat = TextField("latitude", tr("Latitude"), "43,6543", max_width=180)
        self.lon = TextField("longitude", tr("Longitude"), "3,3056", max_width=180)
        self.lat.set_value(_text(person.latitude))
        self.lon.set_value(_text(person.longitude))
        form.addRow(self.lat.label, self.lat)
        form.addRow(self.lon.label, self.lon)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(tr("Annuler"))
        cancel.clicked.connect(self.reject)
        save = button(tr("Enregistrer"), "save", primary=True)
        save.setDefault(True)
        save.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addWidget(save)
        layout.addLayout(row)
        fix_size(self, layout, 520)

    def save(self) -> None:
        def saved() -> None:
            self.saved.emit()
            self.accept()

        save_home_point(self.ctx, self, self.person.person_id, self.lat, self.lon, saved)
