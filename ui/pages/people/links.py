"""Aidant links on a person's file: who helps this person, whom this person helps, and the
picker that creates a link from either side."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from desktop_app.labels import RELATION, label
from desktop_app.people.records import LinkView, PersonDetail
from ui import theme
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.people.form_fields import choices
from ui.widgets.common import Card, button, muted_label, title_label
from ui.widgets.fields import QuietComboBox
from ui.widgets.messages import ask

LINK_ROLE = Qt.ItemDataRole.UserRole
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkDialog(QDialog):
    """Find a person (search as you type) and choose the relation; links on « Lier »."""

    linked = Signal()

    def __init__(self, ctx: Context, person: PersonDetail, as_aidant: bool, parent: QWidget | None = None) -> None:
        """``as_aidant``: the person to find is an aidant of ``person`` (else an aidé)."""
        super().__init__(parent)
        self.ctx, self.person, self.as_aidant = ctx, person, as_aidant
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Ajouter un aidant") if as_aidant else tr("Ajouter une personne aidée"))
        self.setMinimumSize(620, 520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.windowTitle(), "sectionTitle"))
        who = person.display_name
        layout.addWidget(muted_label(
            tr("Cherchez la personne qui aide {who}.").format(who=who) if as_aidant
            else tr("Cherchez la personne aidée par {who}.").format(who=who)))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(tr("Nom, prénom ou commune…"))
        self.search.setAccessibleName(tr("Rechercher une personne"))
        self.search.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        layout.addWidget(self.search)
        self.results = QListWidget()
        self.results.setObjectName("results")
        self.results.setAccessibleName(tr("Résultats"))
        layout.addWidget(self.results, 1)
        layout.addWidget(QLabel(tr("Lien de l'aidant avec la personne aidée")))
        self.relation = QuietComboBox()
        self.relation.setAccessibleName(tr("Lien de l'aidant avec la personne aidée"))
        for text, value in choices(RELATION, tr("Choisissez le lien…")):
            self.relation.addItem(text, value)
        layout.addWidget(self.relation)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(tr("Annuler"))
        self.cancel_button.clicked.connect(self.reject)
        self.link_button = button(tr("Lier"), "link", primary=True)
        self.link_button.clicked.connect(self._link)
        row.addWidget(self.cancel_button)
        row.addWidget(self.link_button)
        layout.addLayout(row)
        self._debounce = QTimer(self, singleShot=True, interval=150)
        self._debounce.timeout.connect(self._find)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.results.itemDoubleClicked.connect(lambda _i: self.relation.setFocus())
        self._generation = 0

    def _find(self) -> None:
        text = self.search.text().strip()
        self._generation += 1
        generation = self._generation
        if not text:
            self.results.clear()
            return
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.people.pick(ctx.actor, text, 30),
                    lambda found: self._show(generation, found), parent=self)

    def _show(self, generation: int, found: list[tuple[int, str]]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for person_id, text in found:
            if person_id == self.person.id:
                continue
            item = QListWidgetItem(text)
            item.setData(PERSON_ROLE, person_id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _link(self) -> None:
        item = self.results.currentItem()
        if item is None:
            self._fail(tr("Choisissez d'abord une personne dans la liste."))
            return
        other = int(item.data(PERSON_ROLE))
        aidant, aide = (other, self.person.id) if self.as_aidant else (self.person.id, other)
        relation = self.relation.currentData() or ""
        ctx = self.ctx
        self.link_button.setEnabled(False)
        ctx.ops.run(lambda: ctx.people.link_aidant(ctx.actor, aidant, aide, relation),
                    lambda _none: self._done(), self._refused, changes=PEOPLE, parent=self)

    def _done(self) -> None:
        self.linked.emit()
        self.accept()

    def _refused(self, error: DomainError) -> bool:
        self.link_button.setEnabled(True)
        if isinstance(error, ValidationError):
            self._fail("\n".join(error.errors.values()))
            return True
        return False

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


class LinksPanel(Card):
    """Two lists with their buttons; double-click opens the other person's file."""

    open_person = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(tr("Aidants et personnes aidées"), parent)
        self.ctx = ctx
        self.person: PersonDetail | None = None
        self.notice = muted_label(tr("Enregistrez d'abord la fiche pour la lier à un aidant ou à une personne aidée."))
        self.body.addWidget(self.notice)
        self.lists = QWidget()
        grid = QGridLayout(self.lists)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        self.aidants, self.add_aidant, self.remove_aidant = self._column(
            grid, 0, tr("Ses aidants"), tr("Ajouter un aidant"), True)
        self.aides, self.add_aide, self.remove_aide = self._column(
            grid, 1, tr("Personnes qu'elle aide"), tr("Ajouter une personne aidée"), False)
        self.body.addWidget(self.lists)

    def _column(self, grid: QGridLayout, column: int, heading: str, add_text: str,
                as_aidant: bool) -> tuple[QListWidget, QWidget, QWidget]:
        caption = QLabel(heading)
        caption.setObjectName("columnTitle")
        grid.addWidget(caption, 0, column)
        listing = QListWidget()
        listing.setObjectName("links")
        listing.setAccessibleName(heading)
        listing.setMinimumHeight(110)
        listing.setMaximumHeight(170)
        listing.itemDoubleClicked.connect(self._open_item)
        grid.addWidget(listing, 1, column)
        row = QHBoxLayout()
        add = button(add_text, "link")
        add.clicked.connect(lambda: self._add(as_aidant))
        remove = button(tr("Retirer le lien"), "x", flat=True)
        remove.setEnabled(False)
        remove.clicked.connect(lambda: self._remove(listing))
        listing.currentItemChanged.connect(lambda current, _prev: remove.setEnabled(current is not None))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        grid.addLayout(row, 2, column)
        return listing, add, remove

    def _open_item(self, item: QListWidgetItem) -> None:
        if item.data(PERSON_ROLE) is not None:
            self.open_person.emit(int(item.data(PERSON_ROLE)))

    def set_person(self, person: PersonDetail | None) -> None:
        self.person = person
        self.notice.setVisible(person is None)
        self.lists.setVisible(person is not None)
        for listing, links, empty in (
            (self.aidants, person.aidants if person else (), tr("Aucun aidant lié")),
            (self.aides, person.aides if person else (), tr("Aucune personne aidée liée")),
        ):
            self._fill(listing, links, empty)

    @staticmethod
    def _fill(listing: QListWidget, links: tuple[LinkView, ...], empty: str) -> None:
        listing.clear()
        for link in links:
            item = QListWidgetItem(theme.icon("user"), f"{link.display_name} — {label(RELATION, link.relation)}")
            item.setData(LINK_ROLE, link.link_id)
            item.setData(PERSON_ROLE, link.person_id)
            listing.addItem(item)
        if not links:
            placeholder = QListWidgetItem(empty)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            listing.addItem(placeholder)

    def _add(self, as_aidant: bool) -> None:
        if self.person is None:
            return
        dialog = LinkDialog(self.ctx, self.person, as_aidant, self)
        dialog.linked.connect(self.reload)
        dialog.open()
        dialog.search.setFocus()

    def _remove(self, listing: QListWidget) -> None:
        item = listing.currentItem()
        if item is None or self.person is None or item.data(LINK_ROLE) is None:
            return
        link_id = int(item.data(LINK_ROLE))
        ctx = self.ctx
        ask(self, tr("Retirer le lien"),
            tr("Retirer le lien avec {name} ? Les deux fiches restent dans le fichier.").format(
                name=item.text().split(" — ")[0]),
            tr("Retirer le lien"),
            lambda: ctx.ops.run(lambda: ctx.people.unlink_aidant(ctx.actor, link_id),
                                lambda _none: self.reload(), changes=PEOPLE, parent=self))

    def reload(self) -> None:
        if self.person is None:
            return
        ctx, person_id = self.ctx, self.person.id
        ctx.ops.run(lambda: ctx.people.get(ctx.actor, person_id), self.set_person, parent=self)
