"""Veille: the people no one should forget — next contact overdue, or no contact for N
weeks (setting ``veille.semaines``) — most fragile first, with the reasons in words.
The same page lists the contacts planned today or this week (the Accueil figures).

One gesture logs the contact: « Saisir le contact », a double-click or Entrée on the row.
After the save the list is read again and the person leaves it.

It also shows the lists behind the Accueil figures of the year: the people accompanied
(at least one contact since 1 January) and the contacts themselves.

Navigation parameters: ``liste="veille" | "aujourdhui" | "semaine" | "accompagnees" | "contacts"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import date_fr, number_fr
from desktop_app.labels import MODE_CONTACT, OBJET_CONTACT, label
from desktop_app.security.permissions import Perm, can
from desktop_app.validation import format_phone
from desktop_app.visits.accueil import Figure, week_bounds
from desktop_app.visits.records import VisitRow
from desktop_app.visits.timeline import duration_fr
from desktop_app.visits.veille import VeilleCounts, VeilleRow
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.keys import PERSONNES
from ui.widgets.common import PAGE_MARGINS, ActivatingTable, Page, button, muted_label, title_label
from ui.widgets.fields import ChoiceField

SHOWN = 1000  # rows read at once; the count above the table says how many there are
VEILLE, AUJOURDHUI, SEMAINE = "veille", "aujourdhui", "semaine"
ACCOMPAGNEES, CONTACTS = "accompagnees", "contacts"
COLUMNS = (tr("Personne"), tr("Âge"), tr("Priorité"), tr("Motif"), tr("Dernier contact"),
           tr("Téléphone"), tr("Commune"))
CONTACT_COLUMNS = (tr("Personne"), tr("Date"), tr("Mode"), tr("Objet"), tr("Durée"), tr("Intervenant(s)"))
REASON_COLUMN = 3


@dataclass(frozen=True)
class Line:
    """One row as shown, whatever the list: the person it opens and the cells."""

    person_id: int
    display_name: str
    cells: tuple[str, ...]
    alert: bool = False  # the reason is shown in red


@dataclass(frozen=True)
class Loaded:
    which: str
    total: int
    lines: list[Line]
    counts: VeilleCounts | None


def person_line(row: VeilleRow) -> Line:
    cells = (row.display_name, "" if row.age is None else str(row.age), row.priority_text,
             row.reason_text, date_fr(row.last_contact_date) or tr("jamais"),
             format_phone(row.telephone) if row.telephone else "", row.commune_nom or "")
    return Line(row.person_id, row.display_name, cells, row.reason != "a_jour")


def contact_line(row: VisitRow) -> Line:
    when = date_fr(row.date) + (" " + row.heure.strftime("%Hh%M") if row.heure else "")
    cells = (row.person_name, when, label(MODE_CONTACT, row.mode), label(OBJET_CONTACT, row.objet),
             duration_fr(row.duree_minutes), row.intervenants)
    return Line(row.person_id, row.person_name, cells)



class VeillePage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._stale = True
        self.rows: list[Line] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(*PAGE_MARGINS)
        outer.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Veille")))
        top.addStretch(1)
        self.which = ChoiceField("liste", tr("Liste affichée"), [
            (tr("À recontacter (veille)"), VEILLE), (tr("Contacts prévus aujourd'hui"), AUJOURDHUI),
            (tr("Contacts prévus cette semaine"), SEMAINE),
            (tr("Personnes accompagnées cette année"), ACCOMPAGNEES), (tr("Contacts de l'année"), CONTACTS)], 300)
        self.which.changed.connect(self.refresh)
        top.addWidget(self.which)
        outer.addLayout(top)
        self.subtitle = muted_label("", "pageSubtitle")
        outer.addWidget(self.subtitle)
        actions = QHBoxLayout()
        self.counts = muted_label("")
        actions.addWidget(self.counts, 1)
        self.open_button = button(tr("Ouvrir la fiche"), "user")
        self.open_button.clicked.connect(self.open_file)
        actions.addWidget(self.open_button)
        self.log_button = button(tr("Saisir le contact"), "plus", primary=True, tooltip=tr("Entrée ou double-clic"))
        self.log_button.clicked.connect(self.log_contact)
        actions.addWidget(self.log_button)
        outer.addLayout(actions)
        self.log_button.setVisible(can(ctx.actor, Perm.VISITS_WRITE))  # once parented
        self.table = ActivatingTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName(tr("Personnes à recontacter"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.log_contact())
        outer.addWidget(self.table, 1)
        ctx.ops.bus.changed.connect(self._on_changed)

    # ----- loading ---------------------------------------------------------------------
    def show_with(self, **params: Any) -> None:
        wanted = params.get("liste")
        if wanted is not None and wanted != self.which.value():
            self.which.set_value(wanted)
            self._stale = True
        if self._stale:
            self.refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_changed(self, topic: str) -> None:
        if topic == PEOPLE:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def refresh(self) -> None:
        self._stale = False
        ctx, which = self.ctx, self.which.value()

        def work() -> Loaded:
            today = dt.date.today()
            counts = None
            if which == CONTACTS:
                jan1 = dt.date(today.year, 1, 1)
                visits = ctx.escale.visits.journal(ctx.actor, jan1, today, SHOWN)
                total = ctx.escale.visits.count_between(ctx.actor, jan1, today)
                return Loaded(which, total, [contact_line(v) for v in visits], None)
            if which == VEILLE:
                found = ctx.escale.veille.current(ctx.actor, today)
                ids, counts = found.ids, found.counts
            elif which == ACCOMPAGNEES:
                ids = ctx.escale.accueil.people_ids(ctx.actor, Figure.PERSONNES_ACCOMPAGNEES, today)
            else:
                start, end = (today, today) if which == AUJOURDHUI else week_bounds(today)
                ids = ctx.escale.veille.planned_ids(ctx.actor, start, end)
            rows = ctx.escale.veille.rows(ctx.actor, ids[:SHOWN], today)
            return Loaded(which, len(ids), [person_line(r) for r in rows], counts)

        ctx.ops.run(work, self._show, parent=self)

    def _show(self, loaded: Loaded) -> None:
        if loaded.which != self.which.value():
            return
        keep = self.current_row()
        self.rows = loaded.lines
        self._describe(loaded)
        columns = CONTACT_COLUMNS if loaded.which == CONTACTS else COLUMNS
        self.table.setColumnCount(len(columns))
        self.table.setHorizontalHeaderLabels(list(columns))
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row.cells):
                item = QTableWidgetItem(text)
                if c == REASON_COLUMN and row.alert:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(r, c, item)
        select = next((i for i, row in enumerate(self.rows) if keep and row.person_id == keep.person_id), 0)
        if self.rows:
            self.table.selectRow(select)
        has_rows = bool(self.rows)
        self.log_button.setEnabled(has_rows)
        self.open_button.setEnabled(has_rows)

    def _describe(self, loaded: Loaded) -> None:
        n = loaded.total
        if loaded.counts is not None:
            c = loaded.counts
            self.subtitle.setText(tr("Contact prévu dépassé, ou aucun contact depuis {w} semaines (réglage). "
                                     "Les plus fragiles d'abord : vit seul·e, GIR 1 à 4, isolement, âge.")
                                  .format(w=c.weeks))
            if n == 0:
                self.counts.setText(tr("Personne à recontacter : tout le monde a été vu à temps."))
            else:
                self.counts.setText(tr("{n} personne(s) : {p} contact(s) prévu(s) dépassé(s), {s} sans contact "
                                       "depuis {w} semaines, {j} jamais contactée(s).").format(
                    n=number_fr(n), p=number_fr(c.prevu_depasse), s=number_fr(c.sans_contact), w=c.weeks,
                    j=number_fr(c.jamais)))
        elif loaded.which == CONTACTS:
            self.subtitle.setText(tr("Visites, appels et permanences depuis le 1er janvier, les plus récents d'abord."))
            self.counts.setText(tr("{n} contact(s) cette année.").format(n=number_fr(n)))
        elif loaded.which == ACCOMPAGNEES:
            self.subtitle.setText(tr("Personnes ayant eu au moins un contact depuis le 1er janvier."))
            self.counts.setText(tr("{n} personne(s) accompagnée(s).").format(n=number_fr(n)))
        else:
            self.subtitle.setText(tr("Prochains contacts décidés lors des visites précédentes."))
            self.counts.setText(tr("{n} contact(s) prévu(s).").format(n=number_fr(n)) if n else
                                tr("Aucun contact prévu sur cette période."))
        if n > len(loaded.lines):
            self.counts.setText(self.counts.text() + " " + tr("Les {k} premières sont affichées.").format(
                k=number_fr(len(loaded.lines))))

    # ----- actions -----------------------------------------------------------------------
    def current_row(self) -> Line | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def log_contact(self) -> None:
        row = self.current_row()
        if row is None or not can(self.ctx.actor, Perm.VISITS_WRITE):
            return
        from ui.pages.visits.form import VisitForm

        self.form = VisitForm(self.ctx, row.person_id, row.display_name, parent=self)
        self.form.open()

    def open_file(self) -> None:
        row = self.current_row()
        if row is not None:
            self.ctx.navigate(PERSONNES, person_id=row.person_id)

    def focus_search(self) -> bool:
        return False
