"""Search field and filters of the Personnes list. Emits ``changed`` when the criteria
change: at once for a filter, 150 ms after the last keystroke for the search."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop_app.people.records import PersonFilter, RoleFilter
from desktop_app.people.stats import Focus
from desktop_app.security.permissions import Perm, can
from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.widgets.fields import QuietComboBox

SEARCH_DELAY_MS = 150


def _role_choices() -> list[tuple[str, RoleFilter]]:
    return [
        (tr("Tous les rôles"), RoleFilter.TOUS),
        (tr("Bénéficiaires"), RoleFilter.BENEFICIAIRE),
        (tr("Aidants"), RoleFilter.AIDANT),
        (tr("Personnes aidées"), RoleFilter.AIDE),
        (tr("Bénévoles"), RoleFilter.BENEVOLE),
    ]


def _statut_choices() -> list[tuple[str, str | None]]:
    return [(tr("Actifs"), "actif"), (tr("Archivés"), "archive"), (tr("Décédés"), "decede"),
            (tr("Tous les statuts"), None)]


def _gir_choices() -> list[tuple[str, str | None]]:
    return [(tr("Tous les GIR"), None), (tr("GIR 1 à 4"), "1-4"), (tr("GIR 5-6"), "5-6")] + [
        (tr("GIR {n}").format(n=n), str(n)) for n in range(1, 7)
    ] + [(tr("Non évalué"), "aucun")]


def focus_label(focus: Focus) -> str:
    if focus is Focus.NOUVEAUX:
        return tr("Nouvelles en {year}").format(year=dt.date.today().year)
    return tr("Vivent seules")


def _combo(choices: list[tuple[str, Any]], name: str) -> QuietComboBox:
    combo = QuietComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    for text, data in choices:
        combo.addItem(text, data)
    combo.setSizeAdjustPolicy(QuietComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


def _select(combo: QuietComboBox, value: Any) -> None:
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            combo.setCurrentIndex(i)
            return
    combo.setCurrentIndex(0)


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._focus: Focus | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Rechercher un nom, une commune, un téléphone…  (Ctrl+F)"))
        self.search.setAccessibleName(tr("Rechercher"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        column.addWidget(self.search)
        layout = QHBoxLayout()
        layout.setSpacing(10)
        column.addLayout(layout)
        self.role = _combo(_role_choices(), tr("Rôle"))
        self.statut = _combo(_statut_choices(), tr("Statut"))
        self.commune = _combo([(tr("Toutes les communes"), None)], tr("Commune"))
        self.commune.setMaximumWidth(300)
        self.gir = _combo(_gir_choices(), tr("GIR"))
        self._gir_allowed = can(ctx.actor, Perm.PEOPLE_READ_SENSITIVE)
        for combo in (self.role, self.statut, self.commune, self.gir):
            layout.addWidget(combo)
            combo.activated.connect(lambda _i: self.changed.emit())
        self.gir.setVisible(self._gir_allowed)  # once parented: never a window of its own
        self.chip = QPushButton()
        self.chip.setObjectName("chip")
        self.chip.setIcon(theme.icon("x", theme.ACCENT_DARK))
        self.chip.setIconSize(QSize(14, 14))
        self.chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.chip.setToolTip(tr("Retirer ce critère"))
        self.chip.hide()
        self.chip.clicked.connect(self._clear_focus)
        layout.addWidget(self.chip)
        layout.addStretch(1)

        self._debounce = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._debounce.start())

    # ----- state ---------------------------------------------------------------------
    def current(self) -> tuple[PersonFilter, Focus | None]:
        flt = PersonFilter(
            text=self.search.text().strip(),
            role=self.role.currentData() or RoleFilter.TOUS,
            statut=self.statut.currentData(),
            commune_insee=self.commune.currentData(),
            gir=self.gir.currentData() if self._gir_allowed else None,
        )
        return flt, self._focus

    def is_default(self) -> bool:
        flt, focus = self.current()
        return focus is None and replace(flt, sort=PersonFilter().sort) == PersonFilter()

    def set_state(self, flt: PersonFilter, focus: Focus | None) -> None:
        """Apply criteria chosen elsewhere (an Accueil figure); emits ``changed`` once."""
        self._debounce.stop()
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        _select(self.role, flt.role)
        _select(self.statut, flt.statut)
        _select(self.commune, flt.commune_insee)
        _select(self.gir, flt.gir)
        self._set_focus(focus)
        self.changed.emit()

    def reset(self) -> None:
        self.set_state(PersonFilter(), None)

    def set_communes(self, communes: list[tuple[str, str]]) -> None:
        """Refill the commune filter (INSEE, name) keeping the current choice."""
        chosen = self.commune.currentData()
        self.commune.clear()
        self.commune.addItem(tr("Toutes les communes"), None)
        for insee, name in communes:
            self.commune.addItem(name, insee)
        _select(self.commune, chosen)

    def flush(self) -> None:
        """Apply a pending search at once (Entrée in the search field)."""
        if self._debounce.isActive():
            self._debounce.stop()
            self.changed.emit()

    def _set_focus(self, focus: Focus | None) -> None:
        self._focus = focus
        self.chip.setVisible(focus is not None)
        if focus is not None:
            self.chip.setText(focus_label(focus))

    def _clear_focus(self) -> None:
        self._set_focus(None)
        self.changed.emit()
