"""The Planning page: the calendar (day, week, month) with its filter bar and legend, the
conflicts of the period beside it, and the actions: new absence, new recurring contact,
print the week. Moving an item goes through the move service; moving a séance or a
passage offers the printable list of the registered people to call."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError
from desktop_app.formatting import MOIS, date_fr, long_date_fr
from desktop_app.planning import conflicts as conflict_finder
from desktop_app.planning.records import MoveResult, PlanningConflict, PlanningItem, Source
from desktop_app.planning.service import ConflictsFound, filter_choices
from desktop_app.security.permissions import Perm, can
from ui.context import Context
from ui.i18n import tr
from ui.pages.keys import PERSONNES, TOURNEES
from ui.pages.planning import PLANNING
from ui.pages.planning.calendar_view import CalendarView, period
from ui.pages.planning.dialogs import AbsenceDialog, RecurringDialog, conflicts_text
from ui.pages.planning.filter_bar import FilterBar
from ui.widgets.common import Page, button, muted_label, title_label
from ui.widgets.messages import MessageDialog, ask, inform

TOPICS = frozenset({PLANNING, "ateliers", "tournees", "people", "visits"})


class PlanningPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.anchor = dt.date.today()
        self.loaded: tuple[dt.date, dt.date, bool] | None = None  # first day, last day, month summary
        self.all_items: list[PlanningItem] = []
        self.conflicts: list[PlanningConflict] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 22, 24, 14)
        outer.setSpacing(10)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Planning")))
        top.addSpacing(16)
        self.prev_button = button("", "chevron-left", tooltip=tr("Période précédente (Page préc.)"))
        self.today_button = button(tr("Aujourd'hui"))
        self.next_button = button("", "chevron-right", tooltip=tr("Période suivante (Page suiv.)"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(lambda: self.go_to(dt.date.today()))
        for b in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(b)
        self.period_label = QLabel()
        self.period_label.setObjectName("sectionTitle")
        top.addSpacing(10)
        top.addWidget(self.period_label)
        top.addStretch(1)
        self.modes = QButtonGroup(self)
        for n, (mode, label) in enumerate((("jour", "Jour"), ("semaine", "Semaine"), ("mois", "Mois"))):
            b = button(tr(label))
            b.setCheckable(True)
            b.setObjectName(f"mode_{mode}")
            self.modes.addButton(b, n)
            top.addWidget(b)
        self.modes.button(1).setChecked(True)
        self.modes.idClicked.connect(lambda _i: self.refresh())
        writer = can(ctx.actor, Perm.PLANNING_WRITE)
        self.absence_button = button(tr("Absence"), "plus", tooltip=tr("Nouvelle absence ou indisponibilité"))
        self.recurring_button = button(tr("Contact régulier"), "plus")
        self.print_button = button(tr("Imprimer la semaine"), "printer")
        self.absence_button.clicked.connect(lambda: self.new_absence())
        self.recurring_button.clicked.connect(lambda: self.new_recurring())
        self.print_button.clicked.connect(self.print_week)
        outer.addLayout(top)
        self.filters = FilterBar()
        self.filters.changed.connect(self.apply_filters)
        for b in (self.absence_button, self.recurring_button, self.print_button):
            self.filters.legend_row.addWidget(b)
        self.absence_button.setVisible(writer)  # once in a layout: a parentless widget would show as a window
        self.recurring_button.setVisible(writer and can(ctx.actor, Perm.VISITS_WRITE))
        outer.addWidget(self.filters)
        body = QHBoxLayout()
        body.setSpacing(12)
        self.calendar = CalendarView()
        self.calendar.moveRequested.connect(self.move_item)
        self.calendar.itemActivated.connect(self.open_item)
        self.calendar.rangeSelected.connect(self.range_selected)
        self.calendar.dayActivated.connect(self.open_day)
        self.calendar.periodStep.connect(self.step)
        body.addWidget(self.calendar, 1)
        side = QVBoxLayout()
        self.conflicts_title = QLabel()
        self.conflicts_title.setObjectName("sectionTitle")
        side.addWidget(self.conflicts_title)
        self.conflict_list = QListWidget()
        self.conflict_list.setObjectName("conflicts")
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setFixedWidth(280)
        self.conflict_list.itemActivated.connect(self._conflict_chosen)
        self.conflict_list.itemClicked.connect(self._conflict_chosen)
        side.addWidget(self.conflict_list, 1)
        side.addWidget(muted_label(tr("Glisser pour déplacer, bord bas pour allonger. Flèches : ±15 min / ±1 jour ; "
                                      "Maj+flèches : durée ; Entrée : ouvrir ; Ctrl+←/→ : élément suivant.")))
        body.addLayout(side)
        outer.addLayout(body, 1)
        ctx.ops.bus.changed.connect(self._changed)
        self.refresh()

    # ----- period and data -------------------------------------------------------------
    @property
    def mode(self) -> str:
        return ("jour", "semaine", "mois")[max(0, self.modes.checkedId())]

    def set_mode(self, mode: str) -> None:
        self.modes.button(("jour", "semaine", "mois").index(mode)).setChecked(True)
        self.refresh()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.refresh()

    def step(self, direction: int) -> None:
        if self.mode == "jour":
            self.anchor += dt.timedelta(days=direction)
        elif self.mode == "semaine":
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.refresh()

    def show_with(self, **params: Any) -> None:
        if params.get("date"):
            self.anchor = params["date"]
        if params.get("mode"):
            self.set_mode(params["mode"])
            return
        self.refresh()

    def refresh(self, force: bool = False) -> None:
        days = period(self.mode, self.anchor)
        span = (days[0], days[-1], self.mode == "mois")
        if force or self.loaded != span:
            self.all_items = self.ctx.escale.planning.items(self.ctx.actor, days[0], days[-1], summary=span[2])
            self.conflicts = conflict_finder.find(self.all_items)
            self.loaded = span
            self.filters.set_choices(filter_choices(self.all_items))
        self.calendar.set_period(self.mode, self.anchor)
        self.period_label.setText(self._period_text(days))
        self.apply_filters()

    def _period_text(self, days: list[dt.date]) -> str:
        if self.mode == "jour":
            return long_date_fr(days[0]).capitalize()
        if self.mode == "semaine":
            return f"{tr('Semaine')} {days[0].isocalendar().week} — {date_fr(days[0])} {tr('au')} {date_fr(days[-1])}"
        return f"{MOIS[self.anchor.month - 1].capitalize()} {self.anchor.year}"

    def apply_filters(self) -> None:
        flt = self.filters.current()
        shown = [i for i in self.all_items if flt.accepts(i)]
        self.calendar.set_items(shown, frozenset(k for c in self.conflicts for k in c.keys))
        self.conflict_list.clear()
        for c in self.conflicts:
            row = QListWidgetItem(c.message)
            row.setData(Qt.ItemDataRole.UserRole, c)
            self.conflict_list.addItem(row)
        n = len(self.conflicts)
        self.conflicts_title.setText(tr("Aucun conflit") if n == 0 else f"{n} conflit{'s' if n > 1 else ''}")

    def _changed(self, topic: str) -> None:
        if topic not in TOPICS:
            return
        if self.isVisible():
            self.refresh(force=True)
        else:
            self.loaded = None  # reloaded when the page is shown again

    def _conflict_chosen(self, row: QListWidgetItem) -> None:
        c: PlanningConflict = row.data(Qt.ItemDataRole.UserRole)
        if self.mode == "mois":
            self.calendar.select(c.keys[-1])
        else:
            self.anchor = c.day
            self.refresh()
            self.calendar.select(c.keys[-1])

    # ----- moving ----------------------------------------------------------------------
    def move_item(self, item: PlanningItem, start: dt.datetime, end: dt.datetime, confirm: bool = False) -> None:
        try:
            result = self.ctx.escale.moves.move(self.ctx.actor, item, start, end, confirm=confirm)
        except ConflictsFound as exc:
            ask(self, tr("Conflits de planning"), conflicts_text(exc), tr("Déplacer quand même"),
                lambda: self.move_item(item, start, end, True))
            return
        except DomainError as exc:
            inform(self, exc.message_fr)
            return
        self.ctx.ops.bus.changed.emit(PLANNING)
        self.calendar.select(result.item_key)
        self.ctx.notify(tr("Déplacé au ") + f"{date_fr(start)} {start:%H:%M}.")
        if result.to_call:
            names = ", ".join(c.name for c in result.to_call[:6]) + ("…" if len(result.to_call) > 6 else "")
            ask(self, tr("Prévenir les inscrits ?"),
                f"{len(result.to_call)} " + tr("personne(s) inscrite(s) à prévenir") + f" : {names}.",
                tr("Imprimer la liste à appeler"), lambda: self.print_calls(result, (item.start, item.end)),
                tr("Plus tard"))

    def print_calls(self, result: MoveResult, before: tuple[dt.datetime, dt.datetime]) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Liste des personnes à prévenir"),
                                              str(Path.home() / "a-prevenir.pdf"), "PDF (*.pdf)")
        if path:
            self.ctx.escale.planning_exports.calls_pdf(self.ctx.actor, result, before, path)
            self.ctx.notify(tr("Liste écrite : ") + path)

    def print_week(self) -> None:
        monday = self.anchor - dt.timedelta(days=self.anchor.weekday())
        path, _ = QFileDialog.getSaveFileName(self, tr("Planning de la semaine"),
                                              str(Path.home() / f"planning-{monday:%Y-%m-%d}.pdf"), "PDF (*.pdf)")
        if path:
            self.ctx.escale.planning_exports.week_pdf(self.ctx.actor, self.anchor, path, self.filters.current())
            self.ctx.notify(tr("Planning écrit : ") + path)

    # ----- opening and creating ----------------------------------------------------------
    def open_item(self, item: PlanningItem) -> None:
        saved = self._saved
        if item.source == Source.SEANCE and item.action_id is not None:
            from ui.pages.ateliers.seance_dialogs import SeanceDialog

            ateliers = self.ctx.escale.ateliers
            action = ateliers.actions.get(self.ctx.actor, item.action_id)
            row = next((r for r in ateliers.seances.list_seances(self.ctx.actor, item.action_id)
                        if r.id == item.source_id), None)
            SeanceDialog(self.ctx, action, row, saved, parent=self).open()
        elif item.source == Source.PASSAGE:
            self.ctx.navigate(TOURNEES, passage_id=item.source_id)
        elif item.source == Source.ABSENCE:
            AbsenceDialog(self.ctx, self.ctx.escale.planning.get_absence(self.ctx.actor, item.source_id), saved,
                          parent=self).open()
        elif item.source == Source.RECURRING:
            RecurringDialog(self.ctx, self.ctx.escale.planning.get_recurring(self.ctx.actor, item.source_id), saved,
                            parent=self).open()
        elif item.person_id is not None:
            self.ctx.navigate(PERSONNES, person_id=item.person_id)

    def _saved(self, _result: object) -> None:
        self.refresh(force=True)

    def new_absence(self, start: dt.datetime | None = None, end: dt.datetime | None = None) -> AbsenceDialog:
        dialog = AbsenceDialog(self.ctx, None, self._saved, start, end, parent=self)
        dialog.open()
        return dialog

    def new_recurring(self, start: dt.datetime | None = None) -> RecurringDialog:
        dialog = RecurringDialog(self.ctx, None, self._saved, start, parent=self)
        dialog.open()
        return dialog

    def range_selected(self, start: dt.datetime, end: dt.datetime) -> None:
        """A time range selected on the grid: what to create there."""
        if not can(self.ctx.actor, Perm.PLANNING_WRITE):
            return
        if not can(self.ctx.actor, Perm.VISITS_WRITE):
            self.new_absence(start, end)
            return
        when = f"{date_fr(start)} {start:%H:%M}–{end:%H:%M}"
        question = MessageDialog(self, tr("Créer"), tr("Que placer le ") + when + " ?",
                                 [tr("Absence"), tr("Contact régulier"), tr("Annuler")])

        def chosen() -> None:
            if question.choice == 0:
                self.new_absence(start, end)
            elif question.choice == 1:
                self.new_recurring(start)

        question.finished.connect(chosen)
        question.open()
        self.range_question = question

    def open_day(self, day: dt.date) -> None:
        self.anchor = day
        self.set_mode("jour")
