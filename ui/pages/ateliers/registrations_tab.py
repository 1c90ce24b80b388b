"""Registrations of an action: find (or create) a person and register them — on the
waiting list when the action is full —, the inscrits and the waiting list side by side with
their own counts, withdrawals with a reason, and the freed place given to the first person
waiting in one click."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ateliers import labels
from desktop_app.ateliers.records import (
    ActionDetail,
    MembershipRow,
    RegisterResult,
    RegistrationRow,
    Registrations,
    WithdrawResult,
)
from desktop_app.formatting import date_fr
from desktop_app.labels import MOBILITE, label
from desktop_app.security.permissions import Perm, can
from desktop_app.validation import format_phone
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.pages.ateliers.membership_dialog import MembershipDialog
from ui.pages.ateliers.person_picker import PersonPicker
from ui.pages.ateliers.seance_dialogs import ReasonDialog
from ui.widgets.common import Card, button, muted_label
from ui.widgets.fields import QuietComboBox
from ui.widgets.messages import ask


def small_table(headers: list[str], widths: list[int]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([tr(h) for h in headers])
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(34)
    name = headers.index("Nom")
    for column, width in enumerate(widths):
        table.horizontalHeader().resizeSection(column, width)
        if column != name:
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(name, QHeaderView.ResizeMode.Stretch)
    return table


def fill(table: QTableWidget, rows: list[RegistrationRow], values: Callable[[RegistrationRow], list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(values(row)):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            table.setItem(r, c, item)


def selected(table: QTableWidget, rows: list[RegistrationRow]) -> RegistrationRow | None:
    picked = table.selectionModel().selectedRows()
    if not picked:
        return None
    rid = table.item(picked[0].row(), 0).data(Qt.ItemDataRole.UserRole)
    return next((r for r in rows if r.id == rid), None)


def register_notice(result: RegisterResult) -> str:
    reg = result.registration
    if reg.statut == "en_attente":
        return tr("Atelier complet : {name} est sur la liste d'attente (rang {rank}).").format(
            name=reg.nom, rank=reg.rang_attente)
    return tr("{name} est inscrit(e).").format(name=reg.nom)


class RegistrationsTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action: ActionDetail | None = None
        self.data: Registrations | None = None
        self.dialog: QWidget | None = None
        self.writable = can(ctx.actor, Perm.ATELIERS_WRITE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        top = QHBoxLayout()
        self.picker = PersonPicker(ctx, tr("Inscrire une personne : tapez son nom…"))
        self.picker.picked.connect(lambda pid, _label: self.register(pid))
        self.picker.setEnabled(self.writable)
        top.addWidget(self.picker, 1)
        self.tarif_label = QLabel(tr("Tarif"))
        self.tarif = QuietComboBox()
        self.tarif.setAccessibleName(tr("Tarif de l'inscription"))
        self.tarif.addItem(tr("Automatique (adhérent ou plein)"), None)
        for value, text in labels.TARIF.items():
            self.tarif.addItem(text, str(value))
        top.addWidget(self.tarif_label)
        top.addWidget(self.tarif)
        layout.addLayout(top)

        columns = QHBoxLayout()
        columns.setSpacing(16)
        self.inscrits_card = Card(tr("Inscrits"))
        self.inscrits = small_table(["Nom", "Téléphone", "Mobilité", "Tarif"], [240, 150, 130, 150])
        self.inscrits_card.body.addWidget(self.inscrits, 1)
        row = QHBoxLayout()
        self.withdraw_button = button(tr("Désinscrire…"), "user-minus")
        self.withdraw_button.clicked.connect(lambda: self.withdraw(self.inscrits, "inscrits"))
        row.addWidget(self.withdraw_button)
        self.membership_button = button(tr("Adhésion…"), "award", tooltip=tr("Adhésion annuelle (tarif adhérent)"))
        self.membership_button.clicked.connect(self.membership)
        row.addWidget(self.membership_button)
        row.addStretch(1)
        self.inscrits_card.body.addLayout(row)
        columns.addWidget(self.inscrits_card, 1)

        self.waiting_card = Card(tr("Liste d'attente"))
        self.waiting = small_table(["Rang", "Nom", "Téléphone", "Depuis"], [50, 220, 150, 100])
        self.waiting_card.body.addWidget(self.waiting, 1)
        row = QHBoxLayout()
        self.promote_button = button(tr("Donner la place"), "user-check", primary=True)
        self.promote_button.clicked.connect(self.promote_selected)
        self.leave_button = button(tr("Retirer de la liste…"), "user-minus")
        self.leave_button.clicked.connect(lambda: self.withdraw(self.waiting, "en_attente"))
        row.addWidget(self.promote_button)
        row.addWidget(self.leave_button)
        row.addStretch(1)
        self.waiting_card.body.addLayout(row)
        columns.addWidget(self.waiting_card, 1)
        layout.addLayout(columns, 1)
        self.withdrawn_label = muted_label("")
        layout.addWidget(self.withdrawn_label)
        for table in (self.inscrits, self.waiting):
            table.itemSelectionChanged.connect(self._buttons)

    def set_data(self, action: ActionDetail, data: Registrations) -> None:
        self.action, self.data = action, data
        c = data.counts
        places = tr("sur {n} places").format(n=c.capacite) if c.capacite else tr("sans limite de places")
        self.inscrits_card.findChild(QLabel, "sectionTitle").setText(
            tr("Inscrits : {n} {places}").format(n=c.inscrits, places=places))
        self.waiting_card.findChild(QLabel, "sectionTitle").setText(tr("Liste d'attente : {n}").format(n=c.en_attente))
        fill(self.inscrits, data.inscrits, lambda r: [
            r.nom, format_phone(r.telephone), label(MOBILITE, r.mobilite),
            label(labels.TARIF, r.tarif, tr("Automatique")) if action.data.tarification == "payant" else tr("Gratuit")])
        fill(self.waiting, data.en_attente, lambda r: [
            str(r.rang_attente), r.nom, format_phone(r.telephone), date_fr(r.inscrit_le)])
        self.waiting.horizontalHeaderItem(0).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        gone = ", ".join(f"{r.nom} ({date_fr(r.desiste_le)})" for r in data.desistes)
        self.withdrawn_label.setText(tr("Désistements : {names}").format(names=gone) if gone else "")
        paying = action.data.tarification == "payant"
        self.inscrits.setColumnHidden(3, not paying)
        for r, reg in enumerate(data.inscrits):  # the date is in the tooltip: the columns stay readable
            self.inscrits.item(r, 0).setToolTip(tr("Inscrit(e) le {d}").format(d=date_fr(reg.inscrit_le)))
        self.tarif.setVisible(paying)
        self.tarif_label.setVisible(paying)
        self._buttons()

    def _buttons(self) -> None:
        free = self.data is not None and not self.data.counts.complet
        self.withdraw_button.setEnabled(self.writable and self.inscrits.selectionModel().hasSelection())
        self.membership_button.setEnabled(self.withdraw_button.isEnabled())
        has_waiting = self.waiting.selectionModel().hasSelection()
        self.promote_button.setEnabled(self.writable and has_waiting and free)
        self.promote_button.setToolTip("" if free else tr("L'atelier est complet : il faut d'abord un désistement."))
        self.leave_button.setEnabled(self.writable and has_waiting)

    # ----- actions ---------------------------------------------------------------------
    def register(self, person_id: int) -> None:
        if self.action is None:
            return
        service, actor, action_id = self.ctx.escale.ateliers.registrations, self.ctx.actor, self.action.id
        tarif = self.tarif.currentData() if self.tarif.isVisible() else None
        self.ctx.ops.run(lambda: service.register(actor, action_id, person_id, tarif),
                         lambda result: self.ctx.notify(register_notice(result)), changes=ATELIERS, parent=self)

    def withdraw(self, table: QTableWidget, which: str) -> None:
        if self.data is None:
            return
        rows = self.data.inscrits if which == "inscrits" else self.data.en_attente
        reg = selected(table, rows)
        if reg is None:
            return
        service, actor = self.ctx.escale.ateliers.registrations, self.ctx.actor
        title = tr("Désinscrire {name}").format(name=reg.nom) if which == "inscrits" else \
            tr("Retirer {name} de la liste d'attente").format(name=reg.nom)
        dialog = ReasonDialog(self.ctx, title, tr("Le désistement reste dans l'historique de la personne."),
                              tr("Confirmer"), tr("Désistement enregistré."),
                              lambda motif: service.withdraw(actor, reg.id, motif), self._withdrawn,
                              required=False, parent=self)
        self.dialog = dialog
        dialog.open()

    def _withdrawn(self, result: WithdrawResult) -> None:
        if result.offre is not None:
            self.offer(result.offre)

    def membership(self) -> None:
        reg = selected(self.inscrits, self.data.inscrits) if self.data else None
        if reg is None:
            return
        service, actor = self.ctx.escale.ateliers.memberships, self.ctx.actor

        def show(history: list[MembershipRow]) -> None:
            self.dialog = MembershipDialog(self.ctx, reg.person_id, reg.nom, history, self)
            self.dialog.open()

        self.ctx.ops.run(lambda: service.list_memberships(actor, reg.person_id), show, parent=self)

    def offer(self, reg: RegistrationRow) -> None:
        """« Une place est libre : l'inscrire ? » — one click gives it."""
        phone = format_phone(reg.telephone)
        self.dialog = ask(
            self, tr("Une place se libère"),
            tr("La première personne sur la liste d'attente est {name}{phone}. "
               "Après l'avoir prévenue, inscrivez-la.").format(name=reg.nom, phone=f" ({phone})" if phone else ""),
            tr("Inscrire {name}").format(name=reg.nom), lambda: self.promote(reg), tr("Plus tard"))

    def promote_selected(self) -> None:
        reg = selected(self.waiting, self.data.en_attente) if self.data else None
        if reg is not None:
            self.promote(reg)

    def promote(self, reg: RegistrationRow) -> None:
        service, actor = self.ctx.escale.ateliers.registrations, self.ctx.actor
        self.ctx.ops.run(lambda: service.promote(actor, reg.id),
                         lambda r: self.ctx.notify(tr("{name} a obtenu la place.").format(name=r.registration.nom)),
                         changes=ATELIERS, parent=self)
