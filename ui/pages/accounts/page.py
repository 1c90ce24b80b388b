"""Comptes: the team's accounts on the left, the selected (or new) account on the right,
and — for a coordinator, on a bénévole's account — the people confided to them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.enums import Role
from desktop_app.formatting import datetime_fr
from desktop_app.security.permissions import Perm, can
from desktop_app.security.records import AccountRow, NewPassword
from ui.context import Context
from ui.i18n import tr
from ui.pages.accounts.assignments import AssignmentsBox
from ui.pages.accounts.dialogs import TemporaryPasswordDialog
from ui.pages.accounts.panel import AccountPanel
from ui.widgets.common import PAGE_MARGINS, Page, button, muted_label, title_label

ID_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Nom", "Identifiant", "Rôle", "État", "Dernière connexion")


class AccountsPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.rows: list[AccountRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title_label(tr("Comptes")))
        titles.addWidget(muted_label(tr(
            "Un compte personnel par membre de l'équipe : son rôle décide de ce qu'il voit. "
            "Un compte n'est jamais supprimé, il est désactivé.")))
        head.addLayout(titles, 1)
        self.show_inactive = QCheckBox(tr("Afficher les comptes désactivés"))
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        head.addWidget(self.show_inactive, 0, Qt.AlignmentFlag.AlignBottom)
        self.new_button = button(tr("Nouveau compte"), "user-plus", primary=True)
        self.new_button.clicked.connect(self.new_account)
        head.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)

        body = QHBoxLayout()
        body.setSpacing(16)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setAccessibleName(tr("Comptes"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selected)
        body.addWidget(self.table, 1)

        side = QVBoxLayout()
        side.setSpacing(12)
        self.panel = AccountPanel(ctx)
        self.panel.saved.connect(self._saved)
        self.panel.password_issued.connect(self._password_issued)
        side.addWidget(self.panel)
        self.assignments = AssignmentsBox(ctx)
        self.assignments.changed.connect(self.refresh)
        self.assignments.hide()
        side.addWidget(self.assignments)
        side.addStretch(1)
        holder = QWidget()
        holder.setLayout(side)
        scroll = QScrollArea()  # the panel and the assignments keep their height, the column scrolls
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(440)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body.addWidget(scroll)
        layout.addLayout(body, 1)

    def show_with(self, **params: Any) -> None:
        self.refresh()

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.panel.account.id if self.panel.account else None)
        include = self.show_inactive.isChecked()
        self.ctx.ops.run(lambda: self.ctx.escale.accounts.list_accounts(self.ctx.actor, include),
                         lambda rows: self._fill(rows, keep), parent=self)

    def _fill(self, rows: list[AccountRow], select_id: int | None) -> None:
        self.rows = rows
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            last = datetime_fr(row.last_login_at) if row.last_login_at else tr("jamais")
            role = row.role_label
            if row.role == str(Role.BENEVOLE):
                role += tr(" ({n} pers.)").format(n=row.assigned_count)
            for c, text in enumerate((row.display_name, row.username, role, row.status_label, last)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, row.id)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(r, c, item)
            if row.id == select_id:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        current = next((row for row in rows if row.id == select_id), None)
        if current is not None:
            self._show(current)

    def _selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            row = next(r for r in self.rows if r.id == items[0].data(ID_ROLE))
            self._show(row)

    def _show(self, row: AccountRow) -> None:
        self.panel.show_account(row)
        visible = row.role == str(Role.BENEVOLE) and can(self.ctx.actor, Perm.BENEVOLES_ASSIGN)
        self.assignments.setVisible(visible)
        if visible:
            self.assignments.show_for(row.id)

    def new_account(self) -> None:
        self.table.clearSelection()
        self.assignments.hide()
        self.panel.new_account()

    def _saved(self, row: AccountRow) -> None:
        self.refresh(select_id=row.id)

    def _password_issued(self, new: NewPassword, created: bool) -> None:
        TemporaryPasswordDialog(new, created, self).open()
