"""The filter bar of the planning (agent, bénévole, vehicle, place, commune, action) and
the legend, whose boxes also show or hide each kind of item."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.planning.records import Choice, Kind, PlanningFilter
from ui.i18n import tr
from ui.pages.planning import colours
from ui.widgets.fields import QuietComboBox

FILTERS = (("agent", "Agent"), ("benevole", "Bénévole"), ("vehicle", "Véhicule"), ("place", "Lieu"),
           ("commune", "Commune"), ("action", "Action"))


def swatch(colour: QColor) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(colour)
    return QIcon(pix)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(8)
        rows.addLayout(row)
        self.combos: dict[str, QuietComboBox] = {}
        for name, label in FILTERS:
            combo = QuietComboBox()
            combo.setObjectName(f"filtre_{name}")
            combo.setMinimumWidth(90)
            combo.setMaximumWidth(190)
            combo.setSizeAdjustPolicy(QuietComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem(tr(label) + " : " + tr("tous"), None)
            combo.activated.connect(lambda _i: self.changed.emit())
            combo.setToolTip(tr(label))
            self.combos[name] = combo
            row.addWidget(combo)
        row.addStretch(1)
        self.legend_row = legend = QHBoxLayout()
        legend.setSpacing(14)
        rows.addLayout(legend)
        self.kinds: dict[Kind, QCheckBox] = {}
        for kind, (label, colour) in zip(Kind, colours.legend(), strict=True):
            box = QCheckBox(label)
            box.setIcon(swatch(colour))
            box.setChecked(True)
            box.setToolTip(colours.long_label(kind))
            box.toggled.connect(lambda _on: self.changed.emit())
            self.kinds[kind] = box
            legend.addWidget(box)
        legend.addStretch(1)

    def set_choices(self, choices: dict[str, list[Choice]]) -> None:
        """Refill the combos from the loaded items, keeping what is chosen."""
        agents = choices.get("agent", [])
        lists = {"agent": [c for c in agents if not c.value.startswith("p:")],
                 "benevole": [Choice(c.value[2:], c.label) for c in agents if c.value.startswith("p:")],
                 "vehicle": choices.get("vehicle", []), "place": choices.get("place", []),
                 "commune": choices.get("commune", []), "action": choices.get("action", [])}
        for name, combo in self.combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for c in lists[name]:
                combo.addItem(c.label, c.value)
            index = combo.findData(current) if current is not None else 0
            if index < 0:  # keep a chosen value even when this period has none of it
                combo.addItem(str(current), current)
                index = combo.count() - 1
            combo.setCurrentIndex(index)
            combo.blockSignals(False)

    def current(self) -> PlanningFilter:
        v = {name: combo.currentData() for name, combo in self.combos.items()}
        return PlanningFilter(
            agent=v["agent"], benevole=int(v["benevole"]) if v["benevole"] else None,
            vehicle_id=int(v["vehicle"]) if v["vehicle"] else None, place=v["place"], commune=v["commune"],
            action_id=int(v["action"]) if v["action"] else None,
            kinds=frozenset(k for k, box in self.kinds.items() if box.isChecked()),
        )
