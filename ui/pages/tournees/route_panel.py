"""The computed route of a passage: every rotation with its stops and planned times, the
people left to come by themselves, the warnings, the totals and the sketch. The order can
be changed by hand (Alt+↑ / Alt+↓ within a rotation, Alt+→ / Alt+← to the next or previous
rotation); the times are recomputed at once and every broken rule is shown; « Garder cet
ordre » stores it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import number_fr
from desktop_app.tournees.model import RoutePlan, StopKind, clock, duration_fr
from ui.i18n import tr
from ui.pages.tournees.sketch import RouteSketch
from ui.widgets.common import button, muted_label

KEY_ROLE = Qt.ItemDataRole.UserRole  # (direction, rotation index, position) of a stop
OUT, BACK = "aller", "retour"


class RoutePanel(QWidget):
    preview_requested = Signal(object, object)  # outbound orders, return orders
    save_requested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: RoutePlan | None = None
        self.orders: dict[str, list[list[int]]] = {OUT: [], BACK: []}
        self.modified = False
        self._read_only = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.totals = QLabel(tr("Aucun trajet calculé pour ce passage."))
        self.totals.setObjectName("notice")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.warnings = QLabel()
        self.warnings.setObjectName("banner")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        layout.addWidget(self.warnings)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("Heure"), tr("Arrêt")])
        self.tree.setIndentation(14)
        self.tree.setColumnWidth(0, 120)
        self.tree.setAccessibleName(tr("Trajet : rotations et arrêts"))
        self.tree.setMinimumHeight(340)
        self.tree.setMinimumWidth(380)
        self.sketch = RouteSketch()
        self.sketch.setMinimumWidth(340)
        middle = QHBoxLayout()
        middle.setSpacing(14)
        middle.addWidget(self.tree, 1)
        middle.addWidget(self.sketch, 1)
        layout.addLayout(middle, 1)
        row = QHBoxLayout()
        self.up = button(tr("Monter"), "chevron-up", flat=True, tooltip=tr("Alt+Haut"))
        self.down = button(tr("Descendre"), "chevron-down", flat=True, tooltip=tr("Alt+Bas"))
        self.next_rot = button(tr("Rotation suivante"), "chevron-right", flat=True, tooltip=tr("Alt+Droite"))
        self.prev_rot = button(tr("Rotation précédente"), "arrow-left", flat=True, tooltip=tr("Alt+Gauche"))
        self.keep = button(tr("Garder cet ordre"), "save", primary=True)
        self.keep.setEnabled(False)
        for widget in (self.up, self.down, self.prev_rot, self.next_rot):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.keep)
        layout.addLayout(row)
        self.hint = muted_label(tr("Changez l'ordre à la main : les heures sont recalculées et les règles "
                                   "non respectées s'affichent aussitôt."))
        layout.addWidget(self.hint)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.next_rot.clicked.connect(lambda: self.move_rotation(1))
        self.prev_rot.clicked.connect(lambda: self.move_rotation(-1))
        self.keep.clicked.connect(lambda: self.save_requested.emit(self.orders[OUT], self.orders[BACK]))
        for keys, slot in (("Alt+Up", lambda: self.move(-1)), ("Alt+Down", lambda: self.move(1)),
                           ("Alt+Right", lambda: self.move_rotation(1)), ("Alt+Left", lambda: self.move_rotation(-1))):
            shortcut = QShortcut(QKeySequence(keys), self.tree)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._set_moves_enabled(False)

    def set_read_only(self) -> None:
        """For the driver: the route to read, no reordering."""
        for widget in (self.up, self.down, self.prev_rot, self.next_rot, self.keep, self.hint):
            widget.hide()
        self._read_only = True

    # ----- showing -----------------------------------------------------------------------
    def show_plan(self, plan: RoutePlan | None, venue_name: str, modified: bool = False,
                  select: tuple[str, int, int] | None = None) -> None:
        self.plan = plan
        self.modified = modified
        self.keep.setEnabled(modified)
        self.tree.clear()
        self.sketch.set_plan(plan, venue_name)
        if plan is None:
            self.orders = {OUT: [], BACK: []}
            self.totals.setText(tr("Aucun trajet calculé : cochez les personnes à chercher puis « Calculer le trajet »."))
            self.warnings.hide()
            self._set_moves_enabled(False)
            return
        self.orders = {OUT: plan.outbound.orders, BACK: plan.inbound.orders}
        self.totals.setText(tr("Départ de la base {dep} · arrivée au lieu {arr} · retour à la base vers {back} · "
                               "{km} km · {drive} de conduite").format(
            dep=clock(plan.outbound.departure), arr=clock(plan.outbound.arrival), back=clock(plan.inbound.arrival),
            km=number_fr(plan.metres / 1000, 1), drive=duration_fr(plan.driving_seconds)))
        lines = [p.message for p in plan.problems] + list(plan.notes)
        self.warnings.setText("\n".join(lines))
        self.warnings.setVisible(bool(lines))
        for direction, trip in ((OUT, plan.outbound), (BACK, plan.inbound)):
            label = tr("Aller") if direction == OUT else tr("Retour")
            for r, rot in enumerate(trip.rotations):
                head = QTreeWidgetItem([clock(rot.departure), tr("{dir} {n} — {count} pers. — arrivée {arr}").format(
                    dir=label, n=rot.number, count=len(rot.passenger_keys), arr=clock(rot.arrival))])
                head.setToolTip(1, tr("{dir}, rotation {n}").format(dir=label, n=rot.number))
                font = head.font(1)
                font.setBold(True)
                head.setFont(1, font)
                self.tree.addTopLevelItem(head)
                position = 0
                for stop in rot.stops:
                    item = QTreeWidgetItem([clock(stop.time), stop.label])
                    if stop.passenger_key is not None:
                        item.setData(0, KEY_ROLE, (direction, r, position))
                        position += 1
                    else:
                        item.setForeground(1, self.palette().placeholderText())
                    if stop.kind in (StopKind.PICKUP, StopKind.DROP) and stop.passenger_key in {p.key for p in plan.not_fetched}:
                        item.setText(1, stop.label + tr(" (non cherché)"))
                    head.addChild(item)
                    if select == (direction, r, position - 1) and stop.passenger_key is not None:
                        self.tree.setCurrentItem(item)
                head.setExpanded(True)
        if plan.not_fetched:
            head = QTreeWidgetItem(["", tr("Viennent par leurs propres moyens : {names}").format(
                names=", ".join(p.name for p in plan.not_fetched))])
            self.tree.addTopLevelItem(head)
        self._set_moves_enabled(True)

    def _set_moves_enabled(self, on: bool) -> None:
        for widget in (self.up, self.down, self.next_rot, self.prev_rot):
            widget.setEnabled(on)

    # ----- moving stops ------------------------------------------------------------------
    def _current(self) -> tuple[str, int, int] | None:
        item = self.tree.currentItem()
        data = item.data(0, KEY_ROLE) if item is not None else None
        return tuple(data) if data else None  # type: ignore[return-value]

    def move(self, step: int) -> None:
        where = None if self._read_only else self._current()
        if where is None:
            return
        direction, r, pos = where
        group = self.orders[direction][r]
        target = pos + step
        if not 0 <= target < len(group):
            return
        group[pos], group[target] = group[target], group[pos]
        self._changed((direction, r, target))

    def move_rotation(self, step: int) -> None:
        where = None if self._read_only else self._current()
        if where is None:
            return
        direction, r, pos = where
        groups = self.orders[direction]
        target = r + step
        if target < 0:
            return
        key = groups[r].pop(pos)
        if target >= len(groups):
            groups.append([])
        groups[target].append(key)
        new_pos = len(groups[target]) - 1
        if not groups[r]:
            groups.pop(r)
            target = target - 1 if target > r else target
        self._changed((direction, target, new_pos))

    def _changed(self, select: tuple[str, int, int]) -> None:
        self._pending_select = select
        self.preview_requested.emit([list(g) for g in self.orders[OUT]], [list(g) for g in self.orders[BACK]])

    def pending_selection(self) -> tuple[str, int, int] | None:
        return getattr(self, "_pending_select", None)


def ask_route_sheet_path(parent: QWidget, commune: str, day: dt.date, on_chosen: Callable[[str], None]) -> None:
    """The save dialog of a feuille de route, with a name telling the commune and the day."""
    suggested = f"feuille-de-route-{commune}-{day:%Y-%m-%d}.pdf"
    dialog = QFileDialog(parent, tr("Enregistrer la feuille de route"), str(Path.home() / suggested), "PDF (*.pdf)")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setDefaultSuffix("pdf")
    dialog.fileSelected.connect(on_chosen)
    dialog.open()
