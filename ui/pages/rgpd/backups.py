"""Sauvegardes: the verified copies of the database (made at each close and once a day,
rotated 7 daily / 4 weekly / 12 monthly), a backup on demand, and the restore of a copy —
never without keeping the current state aside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.backups import BackupInfo
from desktop_app.formatting import datetime_fr, long_date_fr
from desktop_app.restore import RestoreResult
from ui.context import Context
from ui.dialogs.restore import RestoreDialog
from ui.i18n import tr
from ui.widgets.common import PAGE_MARGINS, EmptyState, Page, button, muted_label, title_label
from ui.widgets.messages import inform


def size_fr(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} Mo".replace(".", ",")
    return f"{max(1, size // 1024)} Ko"


def backup_label(info: BackupInfo) -> str:
    return tr("la sauvegarde du {day} à {time}").format(
        day=long_date_fr(info.taken_at.date()), time=info.taken_at.strftime("%H:%M"))


class BackupsPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.backups: list[BackupInfo] = []
        self.choose_file = self._choose_file  # replaced in tests (no native dialog there)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(10)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title_label(tr("Sauvegardes")))
        service = ctx.escale.backups
        encrypted = tr("chiffrées comme la base") if ctx.escale.db.is_encrypted else tr("non chiffrées (base non chiffrée)")
        titles.addWidget(muted_label(tr(
            "Une copie vérifiée de la base est faite à chaque fermeture d'Escale et une fois par jour, "
            "{encrypted}. Sont gardées : une par jour sur 7 jours, une par semaine sur 4 semaines, une par "
            "mois sur 12 mois.").format(encrypted=encrypted), "pageSubtitle"))
        head.addLayout(titles, 1)
        self.backup_button = button(tr("Sauvegarder maintenant"), "save", primary=True)
        self.backup_button.clicked.connect(self.backup_now)
        head.addWidget(self.backup_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        self.folder = muted_label()
        self.folder.setObjectName("notice")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.folder)

        self.stack = QStackedWidget()
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Sauvegarde"), tr("Taille"), tr("Fichier")])
        self.table.setAccessibleName(tr("Sauvegardes disponibles"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 330)
        self.table.setColumnWidth(1, 110)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.activated.connect(lambda _index: self.restore_selected())
        self.empty = EmptyState("database", tr("Aucune sauvegarde pour l'instant."), tr("Sauvegarder maintenant"))
        self.empty.action.clicked.connect(self.backup_now)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        actions = QHBoxLayout()
        actions.addStretch(1)
        self.other_button = button(tr("Restaurer depuis un autre fichier…"), "restore", flat=True)
        self.other_button.clicked.connect(self.restore_other)
        self.restore_button = button(tr("Restaurer cette sauvegarde…"), "restore")
        self.restore_button.clicked.connect(self.restore_selected)
        actions.addWidget(self.other_button)
        actions.addWidget(self.restore_button)
        layout.addLayout(actions)
        if not service.enabled:
            self.folder.setText(tr("Cette base est sur un serveur : ses sauvegardes relèvent du serveur."))
            for widget in (self.backup_button, self.other_button, self.restore_button):
                widget.setEnabled(False)
        self._update_buttons()

    def show_with(self, **params: Any) -> None:
        self.refresh()

    def refresh(self) -> None:
        service = self.ctx.escale.backups
        if not service.enabled:
            return
        self.folder.setText(tr("Dossier des sauvegardes : {path}").format(path=service.directory))
        self.ctx.ops.run(service.list, self._show, parent=self)

    def _show(self, backups: list[BackupInfo]) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        for r, info in enumerate(backups):
            for c, text in enumerate((datetime_fr(info.taken_at), size_fr(info.size), info.path.name)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.stack.setCurrentWidget(self.table if backups else self.empty)
        if backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        enabled = self.ctx.escale.backups.enabled
        self.restore_button.setEnabled(enabled and self.table.currentRow() >= 0 and bool(self.backups))

    def backup_now(self) -> None:
        ctx = self.ctx
        self.backup_button.setEnabled(False)

        def done(info: BackupInfo) -> None:
            self.backup_button.setEnabled(True)
            ctx.notify(tr("Sauvegarde faite et vérifiée : {name}.").format(name=info.path.name))
            self.refresh()

        def failed(_error: object) -> bool:
            self.backup_button.setEnabled(True)
            return False  # the French message is shown as usual

        ctx.ops.run(lambda: ctx.escale.backups.backup_to(ctx.actor), done, failed, parent=self)

    # ----- restore ---------------------------------------------------------------------
    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.backups):
            self.confirm_restore(self.backups[row].path, backup_label(self.backups[row]))

    def _choose_file(self) -> Path | None:
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Choisir une sauvegarde"), str(self.ctx.escale.backups.directory),
            tr("Bases Escale (*.sqlite);;Tous les fichiers (*)"))
        return Path(path) if path else None

    def restore_other(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.confirm_restore(path, tr("le fichier « {name} »").format(name=path.name))

    def confirm_restore(self, path: Path, label: str) -> RestoreDialog:
        db_path = self.ctx.escale.db.path
        dialog = RestoreDialog(label, db_path.name if db_path else "", self)
        dialog.accepted.connect(lambda: self._restore(path))
        dialog.open()
        return dialog

    def _restore(self, path: Path) -> None:
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.escale.backups.restore(ctx.actor, path), self._restored, parent=self)

    def _restored(self, result: RestoreResult) -> None:
        kept = result.safety_copy.name if result.safety_copy else ""
        message = tr("La base a été restaurée depuis « {source} ».").format(source=result.restored_from.name)
        if kept:
            message += "\n\n" + tr("L'état précédent est conservé dans « {kept} », à côté de la base.").format(kept=kept)
        message += "\n\n" + tr("Reconnectez-vous pour continuer.")
        dialog = inform(self, message, tr("Restauration faite"))
        window = self.window()
        session = getattr(window, "session", None)
        if session is not None:
            dialog.finished.connect(lambda _code: session.logout())
