"""The partners directory: search by name or commune, filter by type, archived ones on
request; create, edit (double-click or Entrée), archive, and delete — refused with the
reason when a visit or a funding line cites the partner, with archiving offered instead."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, Refused
from desktop_app.labels import ROLE_PARTENAIRE, TYPE_PARTENAIRE, label
from desktop_app.partners.records import PartnerDetail, PartnerFilter, PartnerRow
from desktop_app.security.permissions import Perm, can
from desktop_app.validation import format_phone
from ui.context import Context
from ui.i18n import tr
from ui.pages.partners import PARTNERS
from ui.pages.partners.partner_form import PartnerForm
from ui.pages.people.form_fields import choices
from ui.widgets.common import ActivatingTable, button, muted_label
from ui.widgets.fields import ChoiceField
from ui.widgets.messages import MessageDialog, ask

COLUMNS = (tr("Nom"), tr("Type"), tr("Rôles"), tr("Commune"), tr("Téléphone"))
DEBOUNCE_MS = 200



class PartnersDirectory(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[PartnerRow] = []
        self.writer = can(ctx.actor, Perm.PARTNERS_WRITE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(10)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Rechercher un partenaire (nom, commune)…"))
        self.search.setAccessibleName(tr("Rechercher un partenaire"))
        bar.addWidget(self.search, 1)
        self.type_filter = ChoiceField("type", tr("Type de partenaire"), choices(TYPE_PARTENAIRE, tr("Tous les types")), 260)
        bar.addWidget(self.type_filter)
        self.archived = QCheckBox(tr("Archivés aussi"))
        bar.addWidget(self.archived)
        self.new_button = button(tr("Nouveau partenaire"), "plus", primary=True)
        self.new_button.clicked.connect(lambda: self.open_form(None))
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.table = ActivatingTable(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName(tr("Partenaires"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(2, 220)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.edit_current())
        layout.addWidget(self.table, 1)
        actions = QHBoxLayout()
        self.count = muted_label("")
        actions.addWidget(self.count, 1)
        self.edit_button = button(tr("Modifier"), "edit")
        self.edit_button.clicked.connect(self.edit_current)
        self.archive_button = button(tr("Archiver"), "archive")
        self.archive_button.clicked.connect(self.toggle_archive)
        self.delete_button = button(tr("Supprimer"), "trash")
        self.delete_button.clicked.connect(self.delete_current)
        for b in (self.edit_button, self.archive_button, self.delete_button):
            actions.addWidget(b)
        layout.addLayout(actions)
        for b in (self.new_button, self.archive_button, self.delete_button):
            b.setVisible(self.writer)  # once parented
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.refresh)
        self.search.textEdited.connect(lambda _t: self.timer.start())
        self.type_filter.changed.connect(self.refresh)
        self.archived.toggled.connect(lambda _on: self.refresh())
        self.table.currentCellChanged.connect(lambda *_: self._update_buttons())
        ctx.ops.bus.changed.connect(self._on_changed)

    def _on_changed(self, topic: str) -> None:
        if topic == PARTNERS:
            self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        ctx = self.ctx
        flt = PartnerFilter(text=self.search.text(), type=self.type_filter.value(),
                            include_archived=self.archived.isChecked())
        current = self.current()
        keep = select_id if select_id is not None else (current.id if current else None)
        ctx.ops.run(lambda: ctx.escale.partners.search(ctx.actor, flt), lambda rows: self._show(rows, keep),
                    parent=self)

    def _show(self, rows: list[PartnerRow], keep: int | None) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            roles = ", ".join(label(ROLE_PARTENAIRE, x) for x in row.roles)
            name = row.nom + (" " + tr("(archivé)") if row.archived else "")
            values = (name, label(TYPE_PARTENAIRE, row.type), roles, row.commune_nom or "",
                      format_phone(row.telephone) if row.telephone else "")
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if row.archived:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
        self.count.setText(tr("{n} partenaire(s)").format(n=len(rows)))
        index = next((i for i, row in enumerate(rows) if row.id == keep), 0)
        if rows:
            self.table.selectRow(index)
        self._update_buttons()

    def current(self) -> PartnerRow | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def _update_buttons(self) -> None:
        row = self.current()
        for b in (self.edit_button, self.archive_button, self.delete_button):
            b.setEnabled(row is not None)
        self.archive_button.setText(tr("Réactiver") if row is not None and row.archived else tr("Archiver"))

    # ----- actions -----------------------------------------------------------------------
    def open_form(self, detail: PartnerDetail | None) -> None:
        self.form = PartnerForm(self.ctx, detail, parent=self)
        self.form.open()

    def edit_current(self) -> None:
        row = self.current()
        if row is None:
            return
        ctx, partner_id = self.ctx, row.id
        if not self.writer:
            return
        ctx.ops.run(lambda: ctx.escale.partners.get(ctx.actor, partner_id), self.open_form, parent=self)

    def toggle_archive(self) -> None:
        row = self.current()
        if row is None:
            return
        self._archive(row, not row.archived)

    def _archive(self, row: PartnerRow, archived: bool) -> None:
        ctx = self.ctx
        notice = tr("« {name} » archivé.") if archived else tr("« {name} » réactivé.")
        ctx.ops.run(lambda: ctx.escale.partners.set_archived(ctx.actor, row.id, archived),
                    lambda _d: ctx.notify(notice.format(name=row.nom)), changes=PARTNERS, parent=self)

    def delete_current(self) -> None:
        row = self.current()
        if row is None:
            return
        ctx = self.ctx

        def refused(exc: DomainError) -> bool:
            if not isinstance(exc, Refused):
                return False
            self.refusal = MessageDialog(self, tr("Suppression impossible"), exc.message_fr,
                                         [tr("Archiver"), tr("Annuler")])
            self.refusal.finished.connect(lambda _r: self.refusal.choice == 0 and self._archive(row, True))
            self.refusal.open()
            return True

        def delete() -> None:
            ctx.ops.run(lambda: ctx.escale.partners.delete(ctx.actor, row.id),
                        lambda _none: ctx.notify(tr("« {name} » supprimé.").format(name=row.nom)),
                        refused, changes=PARTNERS, parent=self)

        ask(self, tr("Supprimer ce partenaire ?"),
            tr("« {name} » sera supprimé de l'annuaire, avec ses contacts.").format(name=row.nom),
            tr("Supprimer"), delete)
