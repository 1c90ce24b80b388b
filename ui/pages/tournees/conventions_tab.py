"""Communes served: the year's conventions (passages ordered, venue, contact, priority,
amount and payment, the funding lines paying for it), a form to add or change one, the editable tariff grid, and the
commune's yearly statement « état des passages et participation »."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.communes import get_registry
from desktop_app.errors import DomainError, PermissionDenied, ValidationError
from desktop_app.formatting import JOURS, amount_fr, date_fr
from desktop_app.tournees.records import ConventionInput, ConventionView
from desktop_app.tournees.tariff import TariffRow, row_label
from ui.context import Context
from ui.i18n import tr
from ui.ops import TOURNEES
from ui.pages.tournees.funding_field import FundingField
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import CheckField, ChoiceField, DateField, Field, TextField

WEEKDAYS = [(tr("Indifférent"), None)] + [(JOURS[i].capitalize(), i) for i in range(5)]


class ConventionsTab(QWidget):
    def __init__(self, ctx: Context, year: Callable[[], int]) -> None:
        super().__init__()
        self.ctx, self.year = ctx, year
        self.current: ConventionView | None = None
        self.rows: list[ConventionView] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        left = QVBoxLayout()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([tr("Commune"), tr("Passages"), tr("Planifiés"), tr("Montant"),
                                              tr("Paiement")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 95), (2, 85), (3, 95), (4, 120)):
            self.table.setColumnWidth(col, width)
        self.table.currentCellChanged.connect(lambda row, *_: self._selected(row))
        left.addWidget(self.table, 1)
        actions = QHBoxLayout()
        new = button(tr("Nouvelle convention"), "user-plus", flat=True)
        new.clicked.connect(self.new_convention)
        self.statement = button(tr("État des passages (PDF)"), "database", flat=True)
        self.statement.clicked.connect(self._ask_statement)
        actions.addWidget(new)
        actions.addWidget(self.statement)
        actions.addStretch(1)
        left.addLayout(actions)
        tariff = Card(tr("Grille tarifaire"))
        tariff.body.addWidget(muted_label(tr("Prix par passage selon le nombre de passages commandés dans l'année "
                                             "(une ligne vaut jusqu'à la suivante ; un prix vide n'est pas encore fixé).")))
        self.tariff = QTableWidget(0, 2)
        self.tariff.setHorizontalHeaderLabels([tr("À partir de (passages)"), tr("Prix par passage (€)")])
        self.tariff.verticalHeader().hide()
        self.tariff.verticalHeader().setDefaultSectionSize(30)
        self.tariff.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.tariff.setMinimumHeight(190)
        tariff.body.addWidget(self.tariff)
        self.tariff_error = muted_label()
        self.tariff_error.setObjectName("fieldError")
        tariff.body.addWidget(self.tariff_error)
        save_grid = button(tr("Enregistrer la grille"), "save", flat=True)
        save_grid.clicked.connect(self._save_grid)
        tariff.body.addWidget(save_grid, 0, Qt.AlignmentFlag.AlignRight)
        left.addWidget(tariff)
        layout.addLayout(left, 1)

        card = Card(tr("Convention de la commune"))
        form = QFormLayout()
        self.fields: dict[str, Field] = {
            "commune": TextField("commune_insee", tr("Commune"), tr("Nom ou code INSEE")),
            "passages_commandes": TextField("passages_commandes", tr("Passages commandés"), "4", max_width=90),
            "decouverte": CheckField("decouverte", tr("Plus un passage découverte offert")),
            "lieu_nom": TextField("lieu_nom", tr("Lieu d'accueil"), tr("Salle des fêtes")),
            "lieu_adresse": TextField("lieu_adresse", tr("Adresse du lieu")),
            "lieu_lat": TextField("lieu_lat", tr("Latitude du lieu"), "43,6543", max_width=160),
            "lieu_lon": TextField("lieu_lon", tr("Longitude du lieu"), "3,3056", max_width=160),
            "contact": TextField("contact", tr("Contact mairie / CCAS"), max_length=2000),
            "jour_prefere": ChoiceField("jour_prefere", tr("Jour préféré"), WEEKDAYS, max_width=200),
            "prioritaire": CheckField("prioritaire", tr("Prioritaire (Atlas des fragilités)")),
            "paye": CheckField("paye", tr("Payé")),
            "date_paiement": DateField("date_paiement", tr("Date du paiement")),
            "funding_line_ids": FundingField("funding_line_ids", tr("Financée par")),
        }
        for field in self.fields.values():
            form.addRow("" if isinstance(field, CheckField) else field.label, field)
        card.body.addLayout(form)
        self.amount = muted_label()
        card.body.addWidget(self.amount)
        save = button(tr("Enregistrer"), "save", primary=True, tooltip=tr("Ctrl+S"))
        save.setShortcut("Ctrl+S")
        save.clicked.connect(self.save_convention)
        card.body.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        scroll = self.scroll_area = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(card)
        layout.addWidget(scroll, 1)
        self.new_convention()

    # ----- loading ---------------------------------------------------------------------
    def refresh(self) -> None:
        t, actor, year = self.ctx.escale.tournees, self.ctx.actor, self.year()

        def load() -> tuple[list[ConventionView], list[TariffRow], list[tuple[int, str]]]:
            try:
                funding = t.conventions.funding_choices(actor, year)
            except PermissionDenied:
                funding = []
            return t.conventions.for_year(actor, year), t.conventions.tariff_grid(actor), funding

        self.ctx.ops.run(load, self._show, parent=self)

    def _show(self, loaded: tuple[list[ConventionView], list[TariffRow], list[tuple[int, str]]]) -> None:
        self.rows, grid, funding = loaded
        field = self.fields["funding_line_ids"]
        assert isinstance(field, FundingField)
        field.set_choices(funding)
        self.table.setRowCount(len(self.rows))
        for r, c in enumerate(self.rows):
            total = c.passages_commandes + (1 if c.decouverte else 0)
            paid = tr("Payé le {d}").format(d=date_fr(c.date_paiement)) if c.paye and c.date_paiement else \
                tr("Payé") if c.paye else tr("À encaisser") if c.montant else "—"
            name = c.commune_nom + (" ★" if c.prioritaire else "")
            passages = str(c.passages_commandes) + (tr(" + déc.") if c.decouverte else "")
            for col, text in enumerate([name, passages, f"{c.passages_planifies} / {total}", amount_fr(c.montant), paid]):
                item = QTableWidgetItem(text)
                item.setToolTip(c.lieu_nom or "")
                self.table.setItem(r, col, item)
        self.tariff.setRowCount(len(grid))
        for r, row in enumerate(grid):
            first = QTableWidgetItem(str(row.min_passages))
            first.setToolTip(row_label(grid, row))
            self.tariff.setItem(r, 0, first)
            price = "" if row.prix_par_passage is None else f"{row.prix_par_passage}".replace(".", ",")
            self.tariff.setItem(r, 1, QTableWidgetItem(price))

    def _selected(self, row: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        c = self.current = self.rows[row]
        values = {"commune": f"{c.commune_nom} ({c.commune_insee})", "passages_commandes": c.passages_commandes,
                  "decouverte": c.decouverte, "lieu_nom": c.lieu_nom, "lieu_adresse": c.lieu_adresse,
                  "lieu_lat": "" if c.lieu_lat is None else f"{c.lieu_lat:g}".replace(".", ","),
                  "lieu_lon": "" if c.lieu_lon is None else f"{c.lieu_lon:g}".replace(".", ","),
                  "contact": c.contact, "jour_prefere": c.jour_prefere, "prioritaire": c.prioritaire,
                  "paye": c.paye, "date_paiement": c.date_paiement, "funding_line_ids": c.financements}
        for name, field in self.fields.items():
            field.set_value(values[name])
            field.set_error(None)
        self.amount.setText(tr("Montant dû : {amount}").format(amount=amount_fr(c.montant)))

    def new_convention(self) -> None:
        self.current = None
        self.table.clearSelection()
        for field in self.fields.values():
            field.set_value(None)
            field.set_error(None)
        self.fields["passages_commandes"].set_value("1")
        self.amount.setText(tr("Le montant est calculé à l'enregistrement avec la grille tarifaire."))

    # ----- saving ------------------------------------------------------------------------
    def _insee(self, text: str) -> str:
        text = text.strip()
        if text.endswith(")") and "(" in text:
            return text[text.rindex("(") + 1:-1]
        if text.isdigit() or (len(text) == 5 and text[:2] in ("2A", "2B")):
            return text
        found = get_registry().search(text, 1)
        return found[0].insee if found else text

    def data(self) -> ConventionInput:
        v = {name: field.value() for name, field in self.fields.items()}
        return ConventionInput(self.year(), self._insee(v["commune"]), v["passages_commandes"], v["decouverte"],
                               v["lieu_nom"], v["lieu_adresse"], v["lieu_lat"] or None, v["lieu_lon"] or None,
                               v["contact"], v["prioritaire"], v["jour_prefere"], v["paye"], v["date_paiement"],
                               funding_line_ids=v["funding_line_ids"])

    def save_convention(self) -> None:
        t, actor, data, current = self.ctx.escale.tournees, self.ctx.actor, self.data(), self.current
        for field in self.fields.values():
            field.set_error(None)

        def done(view: ConventionView) -> None:
            self.current = view
            self.amount.setText(tr("Montant dû : {amount}").format(amount=amount_fr(view.montant)))
            self.ctx.notify(tr("Convention de {commune} enregistrée.").format(commune=view.commune_nom))
            self.refresh()

        self.ctx.ops.run(lambda: t.conventions.save(actor, data, current.id if current else None,
                                                    current.version_id if current else None),
                         done, self._errors, changes=TOURNEES, parent=self)

    def _errors(self, exc: DomainError) -> bool:
        if not isinstance(exc, ValidationError):
            self.amount.setText(exc.message_fr)  # e.g. a price missing in the tariff grid
            return True
        by_field = {f.name: f for f in self.fields.values()}
        first = None
        for name, message in exc.errors.items():
            field = by_field.get(name)
            if field is not None:
                field.set_error(message)
                first = first or field
        if first is not None:
            first.setFocus()
        return first is not None

    def _save_grid(self) -> None:
        rows = []
        for r in range(self.tariff.rowCount()):
            a, b = self.tariff.item(r, 0), self.tariff.item(r, 1)
            rows.append((a.text() if a else "", b.text() if b else ""))
        t, actor = self.ctx.escale.tournees, self.ctx.actor

        def failed(exc: DomainError) -> bool:
            self.tariff_error.setText(exc.message_fr)
            return True

        def done(_grid: list[TariffRow]) -> None:
            self.tariff_error.setText("")
            self.ctx.notify(tr("Grille tarifaire enregistrée."))
            self.refresh()

        self.ctx.ops.run(lambda: t.conventions.set_tariff_grid(actor, rows), done, failed, changes=TOURNEES, parent=self)

    def _ask_statement(self) -> None:
        if self.current is None:
            self.ctx.notify(tr("Sélectionnez d'abord une commune dans la liste."))
            return
        name = f"etat-passages-{self.current.commune_nom}-{self.current.annee}.pdf"
        dialog = QFileDialog(self, tr("Enregistrer l'état des passages"), name, "PDF (*.pdf)")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(self.write_statement)
        dialog.open()

    def write_statement(self, path: str) -> None:
        from desktop_app.reports.etat_passages import write_etat_passages

        assert self.current is not None
        t, actor, cid = self.ctx.escale.tournees, self.ctx.actor, self.current.id
        self.ctx.ops.run(lambda: write_etat_passages(path, t.figures.commune_statement(actor, cid)),
                         lambda target: self.ctx.notify(tr("État des passages enregistré : {p}").format(p=target)),
                         parent=self)
