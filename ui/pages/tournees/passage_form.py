"""The passage's own details, adjusted by hand after the plan assistant: date, times,
earliest departure, type, status, theme, vehicle, driver (a chauffeur account). Errors appear under their field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel

from desktop_app.errors import DomainError, ValidationError
from desktop_app.tournees.records import PassageInput, PassageView, VehicleView
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.widgets.common import Card, button
from ui.widgets.fields import ChoiceField, DateField, Field, TextField

TYPES = [(tr("Série d'ateliers"), "serie"), (tr("Découverte (offerte)"), "decouverte")]
STATUTS = [(tr("Prévu"), "prevu"), (tr("Réalisé"), "realise"), (tr("Annulé"), "annule")]


def _hhmm(value: object) -> str:
    return value.strftime("%H:%M") if value is not None else ""  # type: ignore[attr-defined]


class PassageForm(Card):
    saved = Signal(int)

    def __init__(self, ctx: Context) -> None:
        super().__init__(tr("Le passage"))
        self.ctx = ctx
        self.passage: PassageView | None = None
        self.fields: dict[str, Field] = {
            "date": DateField("date", tr("Date")),
            "heure_debut": TextField("heure_debut", tr("Début"), "14:00", max_width=110),
            "heure_fin": TextField("heure_fin", tr("Fin"), "16:30", max_width=110),
            "depart_au_plus_tot": TextField("depart_au_plus_tot", tr("Départ de la base au plus tôt"),
                                            tr("réglage par défaut"), max_width=170),
            "type": ChoiceField("type", tr("Type"), TYPES, max_width=220),
            "statut": ChoiceField("statut", tr("Statut"), STATUTS, max_width=160),
            "vehicle_id": ChoiceField("vehicle_id", tr("Véhicule"), [(tr("Aucun"), None)], max_width=220),
            "theme": TextField("theme", tr("Thème de l'animation"), max_length=150),
            "chauffeur_id": ChoiceField("chauffeur_id", tr("Chauffeur"), [(tr("Aucun"), None)], max_width=220),
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        for i, field in enumerate(self.fields.values()):
            row, col = divmod(i, 4)
            title = QLabel(field.label)
            title.setObjectName("fieldLabel")
            grid.addWidget(title, row * 2, col)
            grid.addWidget(field, row * 2 + 1, col, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(grid)
        self.save = button(tr("Enregistrer le passage"), "save", flat=True, tooltip=tr("Ctrl+S"))
        self.save.setShortcut("Ctrl+S")
        self.save.clicked.connect(self.save_passage)
        self.body.addWidget(self.save, 0, Qt.AlignmentFlag.AlignRight)

    def show_passage(self, passage: PassageView, vehicles: list[VehicleView],
                     drivers: list[tuple[int, str]] | None = None) -> None:
        self.passage = passage
        choices: list[tuple[str, object]] = [(tr("Aucun"), None)] + [(v.nom, v.id) for v in vehicles]
        vehicle_field = self.fields["vehicle_id"]
        assert isinstance(vehicle_field, ChoiceField)
        vehicle_field.set_choices(choices, passage.vehicle_id)
        people: list[tuple[str, object]] = [(tr("Aucun"), None)] + [(name, uid) for uid, name in drivers or []]
        if passage.chauffeur_id is not None and passage.chauffeur_id not in {uid for uid, _n in drivers or []}:
            people.append((passage.chauffeur_nom or tr("compte désactivé"), passage.chauffeur_id))
        driver_field = self.fields["chauffeur_id"]
        assert isinstance(driver_field, ChoiceField)
        driver_field.set_choices(people, passage.chauffeur_id)
        values = {"date": passage.date, "heure_debut": _hhmm(passage.heure_debut), "heure_fin": _hhmm(passage.heure_fin),
                  "depart_au_plus_tot": _hhmm(passage.depart_au_plus_tot), "type": passage.type,
                  "statut": passage.statut, "theme": passage.theme}
        for name, value in values.items():
            self.fields[name].set_value(value)
        for field in self.fields.values():
            field.set_error(None)

    def save_passage(self) -> None:
        p = self.passage
        if p is None:
            return
        v = {name: field.value() for name, field in self.fields.items()}
        data = PassageInput(p.commune_insee, v["date"], v["heure_debut"], v["heure_fin"], v["depart_au_plus_tot"],
                            v["type"], v["statut"], v["theme"], v["vehicle_id"], p.convention_id, p.lieu_nom,
                            p.lieu_lat, p.lieu_lon, p.notes, chauffeur_id=v["chauffeur_id"])
        t, actor = self.ctx.escale.tournees, self.ctx.actor
        for field in self.fields.values():
            field.set_error(None)

        def done(view: PassageView) -> None:
            self.ctx.notify(tr("Passage enregistré."))
            self.saved.emit(view.id)

        self.ctx.ops.run(lambda: t.passages.update(actor, p.id, p.version_id, data), done, self._errors,
                         changes=TOURNEES, parent=self)

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
        return first is not None
