"""The people a bénévole account may see: the list, « Retirer », and a search to confide one
more person. Shown to the roles that may assign (the coordinator), on a bénévole account."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem, QWidget

from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.widgets.common import Card, button, muted_label

ID_ROLE = Qt.ItemDataRole.UserRole


class AssignmentsBox(Card):
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(tr("Personnes confiées"), parent)
        self.ctx = ctx
        self.user_id: int | None = None
        self.body.addWidget(muted_label(tr(
            "Le bénévole ne voit que ces personnes : identité, téléphone, adresse ; jamais le GIR, "
            "la santé ni les notes confidentielles.")))
        self.assigned = QListWidget()
        self.assigned.setObjectName("links")
        self.assigned.setAccessibleName(tr("Personnes confiées"))
        self.assigned.setMinimumHeight(110)
        self.body.addWidget(self.assigned)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Confier une personne : tapez son nom…"))
        self.search.setAccessibleName(tr("Confier une personne"))
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        row.addWidget(self.search, 1)
        self.remove = button(tr("Retirer"), "x")
        self.remove.clicked.connect(self._remove)
        row.addWidget(self.remove)
        self.body.addLayout(row)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setAccessibleName(tr("Personnes trouvées"))
        self.results.setMaximumHeight(150)
        self.results.hide()
        self.body.addWidget(self.results)
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self._find)
        self.search.textEdited.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._assign_first)
        self.results.itemActivated.connect(self._assign)

    def show_for(self, user_id: int | None) -> None:
        self.user_id = user_id
        self.search.clear()
        self.results.hide()
        self.assigned.clear()
        if user_id is not None:
            self.ctx.ops.run(lambda: self.ctx.escale.accounts.assigned(self.ctx.actor, user_id),
                             self._fill, parent=self)

    def _fill(self, rows: list[tuple[int, str]]) -> None:
        self.assigned.clear()
        for pid, name in rows:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, pid)
            self.assigned.addItem(item)
        if not rows:
            empty = QListWidgetItem(tr("Aucune personne confiée pour l'instant."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.assigned.addItem(empty)
        self.remove.setEnabled(bool(rows))

    def _find(self) -> None:
        text = self.search.text().strip()
        if len(text) < 2:
            self.results.hide()
            return
        self.ctx.ops.run(lambda: self.ctx.people.pick(self.ctx.actor, text, 8), self._show_results, parent=self)

    def _show_results(self, rows: list[tuple[int, str]]) -> None:
        self.results.clear()
        for pid, label in rows:
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, pid)
            self.results.addItem(item)
        self.results.setVisible(bool(rows))
        if rows:
            self.results.setCurrentRow(0)

    def _assign_first(self) -> None:
        if self.results.isVisible() and self.results.currentItem() is not None:
            self._assign(self.results.currentItem())

    def _assign(self, item: QListWidgetItem) -> None:
        user_id, pid = self.user_id, item.data(ID_ROLE)
        if user_id is None or pid is None:
            return

        def done(_r: object) -> None:
            self.search.clear()
            self.results.hide()
            self.ctx.notify(tr("{name} est confiée au bénévole.").format(name=item.text().split(" —")[0]))
            self.show_for(user_id)
            self.changed.emit()

        self.ctx.ops.run(lambda: self.ctx.escale.accounts.assign(self.ctx.actor, user_id, pid), done, parent=self)

    def _remove(self) -> None:
        item, user_id = self.assigned.currentItem(), self.user_id
        if item is None or item.data(ID_ROLE) is None or user_id is None:
            return
        pid = item.data(ID_ROLE)

        def done(_r: object) -> None:
            self.ctx.notify(tr("{name} n'est plus confiée à ce bénévole.").format(name=item.text()))
            self.show_for(user_id)
            self.changed.emit()

        self.ctx.ops.run(lambda: self.ctx.escale.accounts.unassign(self.ctx.actor, user_id, pid), done, parent=self)
