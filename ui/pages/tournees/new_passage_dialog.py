"""A passage added by hand (a découverte, a date outside the plan): commune, date, times,
type and vehicle. It joins the commune's convention of that year when there is one (venue
included); errors appear under their field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.communes import get_registry
from desktop_app.errors import DomainError, ValidationError
from desktop_app.tournees.records import PassageInput, PassageView, VehicleView
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.pages.tournees.dialog_size import fix_size
from ui.widgets.common import button, muted_label
from ui.widgets.fields import ChoiceField, DateField, Field, TextField

TYPES = [(tr("Découverte (offerte)"), "decouverte"), (tr("Série d'ateliers"), "serie")]


def insee_of(text: str) -> str:
    text = text.strip()
    if text.endswith(")") and "(" in text:
        return text[text.rindex("(") + 1:-1]
    if text[:5].isdigit():
        return text[:5]
    found = get_registry().search(text, 1)
    return found[0].insee if found else ""


class NewPassageDialog(QDialog):
    created = Signal(int)

    def __init__(self, ctx: Context, vehicles: list[VehicleView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(tr("Nouveau passage"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(muted_label(tr("Le passage rejoint la convention de la commune pour l'année, avec son lieu "
                                        "d'accueil, s'il y en a une.")))
        self.fields: dict[str, Field] = {
            "commune_insee": TextField("commune_insee", tr("Commune"), tr("Nom ou code INSEE")),
            "date": DateField("date", tr("Date")),
            "heure_debut": TextField("heure_debut", tr("Début"), "14:00", max_width=110),
            "heure_fin": TextField("heure_fin", tr("Fin"), "16:30", max_width=110),
            "type": ChoiceField("type", tr("Type"), TYPES, max_width=240),
            "vehicle_id": ChoiceField("vehicle_id", tr("Véhicule"),
                                      [(v.nom, v.id) for v in vehicles] + [(tr("Aucun"), None)], max_width=240),
            "theme": TextField("theme", tr("Thème de l'animation"), max_length=150),
        }
        self.fields["heure_debut"].set_value("14:00")
        self.fields["heure_fin"].set_value("16:30")
        if vehicles:
            self.fields["vehicle_id"].set_value(vehicles[0].id)
        form = QFormLayout()
        for field in self.fields.values():
            form.addRow(field.label, field)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        cancel = button(tr("Annuler"))
        cancel.clicked.connect(self.reject)
        self.ok = button(tr("Créer le passage"), "save", primary=True)
        self.ok.setDefault(True)
        self.ok.clicked.connect(self.save)
        row.addWidget(cancel)
        row.addWidget(self.ok)
        layout.addLayout(row)
        fix_size(self, layout, 560)

    def save(self) -> None:
        v = {name: field.value() for name, field in self.fields.items()}
        data = PassageInput(insee_of(v["commune_insee"]), v["date"], v["heure_debut"], v["heure_fin"], None, v["type"],
                            "prevu", v["theme"] or None, v["vehicle_id"])
        t, actor = self.ctx.escale.tournees, self.ctx.actor
        for field in self.fields.values():
            field.set_error(None)

        def done(view: PassageView) -> None:
            self.ctx.notify(tr("Passage à {commune} créé.").format(commune=view.commune_nom))
            self.created.emit(view.id)
            self.accept()

        def failed(exc: DomainError) -> bool:
            if not isinstance(exc, ValidationError):
                return False
            for name, message in exc.errors.items():
                (self.fields.get(name) or self.fields["commune_insee"]).set_error(message)
            return True

        self.ctx.ops.run(lambda: t.passages.create(actor, data), done, failed, changes=TOURNEES, parent=self)
