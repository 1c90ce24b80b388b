"""Journal d'audit: filters (person, user, dates, kind of action), the entries newest first,
100 per page, and the integrity check of the chain."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from desktop_app.formatting import number_fr
from desktop_app.security.audit import ChainCheck
from desktop_app.security.journal import ACTION_GROUPS, AuditFilter, AuditResults
from ui.auth.password_field import restyle
from ui.context import Context
from ui.i18n import tr
from ui.pages.audit.model import AuditModel
from ui.pages.audit.person_filter import PersonFilterField
from ui.widgets.common import PAGE_MARGINS, Card, EmptyState, Page, button, muted_label, title_label
from ui.widgets.fields import QuietComboBox

PAGE_SIZE = 100


class AuditPage(Page):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.offset = 0
        self.total = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(*PAGE_MARGINS)
        layout.setSpacing(12)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(title_label(tr("Journal d'audit")))
        titles.addWidget(muted_label(tr(
            "Connexions, ouvertures de fiches, modifications, exports et impressions : qui, quand, sur quoi. "
            "Les valeurs des champs ne sont jamais inscrites. Conservation : {months} mois.").format(
                months=ctx.escale.settings.get("audit.conservation_mois"))))
        head.addLayout(titles, 1)
        self.verify_button = button(tr("Vérifier l'intégrité"), "shield")
        self.verify_button.clicked.connect(self.verify)
        head.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(head)
        self.check_ok, self.check_broken = QLabel(), QLabel()  # green, red (style.qss)
        for banner, name in ((self.check_ok, "okBanner"), (self.check_broken, "banner")):
            banner.setObjectName(name)
            banner.setWordWrap(True)
            banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            banner.hide()
            layout.addWidget(banner)

        filters = Card()
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.person = PersonFilterField(ctx)
        self.user = QuietComboBox()
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        self.action = QuietComboBox()
        for label_ in ACTION_GROUPS:
            self.action.addItem(tr(label_), ACTION_GROUPS[label_])
        self.errors: dict[str, QLabel] = {}
        for col, (name, label, editor) in enumerate((
            ("person", tr("Personne concernée"), self.person), ("user", tr("Utilisateur"), self.user),
            ("date_from", tr("Du"), self.date_from), ("date_to", tr("Au"), self.date_to),
            ("action", tr("Actions"), self.action),
        )):
            caption = QLabel(label)
            caption.setObjectName("fieldLabel")
            caption.setBuddy(editor)
            editor.setAccessibleName(label)
            grid.addWidget(caption, 0, col)
            grid.addWidget(editor, 1, col)
            error = QLabel()
            error.setObjectName("fieldError")
            error.setWordWrap(True)
            error.hide()
            grid.addWidget(error, 2, col)
            self.errors[name] = error
        for edit in (self.date_from, self.date_to):
            edit.setPlaceholderText(tr("jj/mm/aaaa"))
            edit.setMaximumWidth(150)
            edit.returnPressed.connect(self.search)
            edit.editingFinished.connect(self.search)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        filters.body.addLayout(grid)
        layout.addWidget(filters)
        self.person.changed.connect(self.search)
        self.user.activated.connect(lambda _i: self.search())
        self.action.activated.connect(lambda _i: self.search())

        self.stack = QStackedWidget()
        self.model = AuditModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("Entrées du journal"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)  # field lists: elided
        header.setStretchLastSection(True)
        header.resizeSection(5, 240)
        self.empty = EmptyState("shield", tr("Aucune entrée ne correspond à ces filtres."))
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        layout.addWidget(self.stack, 1)

        pager = QHBoxLayout()
        self.count = muted_label()
        self.count.setObjectName("countLabel")
        pager.addWidget(self.count, 1)
        self.previous = button(tr("Précédentes"), "chevron-left")
        self.next = button(tr("Suivantes"), "chevron-right")
        self.previous.clicked.connect(lambda: self._page(-1))
        self.next.clicked.connect(lambda: self._page(1))
        pager.addWidget(self.previous)
        pager.addWidget(self.next)
        layout.addLayout(pager)
        self._loaded_users = False

    # ----- behaviour -----------------------------------------------------------------
    def show_with(self, **params: Any) -> None:
        if not self._loaded_users:
            self._loaded_users = True
            self.ctx.ops.run(lambda: self.ctx.escale.audit.users(self.ctx.actor), self._fill_users, parent=self)
        if params.get("person_id") is not None:
            self.person.set_person(int(params["person_id"]), str(params.get("person_name", "")))
        self.search()

    def _fill_users(self, users: list[tuple[int, str]]) -> None:
        self.user.clear()
        self.user.addItem(tr("Tous les utilisateurs"), None)
        for uid, label in users:
            self.user.addItem(label, uid)

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            person_id=self.person.person_id, user_id=self.user.currentData(),
            date_from=self.date_from.text(), date_to=self.date_to.text(),
            actions=tuple(self.action.currentData() or ()),
        )

    def search(self) -> None:
        self.offset = 0
        self._load()

    def _page(self, step: int) -> None:
        self.offset = max(0, self.offset + step * PAGE_SIZE)
        self._load()

    def _load(self) -> None:
        flt, offset = self.current_filter(), self.offset
        self.ctx.ops.run(lambda: self.ctx.escale.audit.search(self.ctx.actor, flt, offset, PAGE_SIZE),
                         self._show, self._refused, parent=self)

    def _refused(self, error: DomainError) -> bool:
        if not isinstance(error, ValidationError):
            return False
        self._show_errors(error.errors)
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        for name, edit in (("date_from", self.date_from), ("date_to", self.date_to)):
            edit.setProperty("error", name in errors)
            restyle(edit)

    def _show(self, page: AuditResults) -> None:
        self._show_errors({})
        self.total = page.total
        self.model.set_rows(page.rows)
        self.stack.setCurrentWidget(self.table if page.rows else self.empty)
        if page.total:
            self.count.setText(tr("Entrées {first} à {last} sur {total}").format(
                first=number_fr(page.offset + 1), last=number_fr(page.offset + len(page.rows)),
                total=number_fr(page.total)))
        else:
            self.count.setText("")
        self.previous.setEnabled(page.offset > 0)
        self.next.setEnabled(page.offset + len(page.rows) < page.total)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.ctx.ops.run(self.ctx.escale.audit.verify, self._verified, parent=self)

    def _verified(self, check: ChainCheck) -> None:
        self.verify_button.setEnabled(True)
        shown, hidden = (self.check_ok, self.check_broken) if check.ok else (self.check_broken, self.check_ok)
        hidden.hide()
        shown.setText(check.message)
        shown.show()
