"""Finding someone in the people file while typing (the search runs off the GUI thread,
a newer keystroke makes older answers obsolete), or creating the person on the spot with
the essentials — the full file can be completed later from Personnes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QWidget

from desktop_app.errors import DomainError
from desktop_app.people.records import DuplicateSuspected, PersonDetail, PersonInput
from ui.context import Context
from ui.i18n import tr
from ui.ops import PEOPLE
from ui.pages.ateliers.form_dialog import FormDialog, form_layout
from ui.widgets.common import button
from ui.widgets.fields import DateField, PhoneField, TextField
from ui.widgets.messages import ask

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DEBOUNCE_MS = 200


class PersonPicker(QWidget):
    """A search field whose suggestions are people; ``picked(person_id, label)``."""

    picked = Signal(int, str)

    def __init__(self, ctx: Context, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        self.line = QLineEdit()
        self.line.setObjectName("search")
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(placeholder)
        row.addWidget(self.line, 1)
        self.new_button = button(tr("Nouvelle personne…"), "user-plus")
        self.new_button.clicked.connect(self.create_person)
        row.addWidget(self.new_button)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.line.setCompleter(self.completer)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self.search)
        self.line.textEdited.connect(lambda _t: self.timer.start())
        self.line.returnPressed.connect(self._enter)

    def search(self) -> None:
        text = self.line.text().strip()
        self._generation += 1
        generation = self._generation
        if len(text) < 2:
            self.model.clear()
            return
        ctx = self.ctx
        ctx.ops.run(lambda: ctx.people.pick(ctx.actor, text, 15),
                    lambda rows: self._loaded(generation, rows), parent=self)

    def _loaded(self, generation: int, rows: list[tuple[int, str]]) -> None:
        if generation != self._generation:
            return
        self.model.clear()
        for person_id, text in rows:
            item = QStandardItem(text)
            item.setData(person_id, ID_ROLE)
            self.model.appendRow(item)
        if rows and self.line.hasFocus():
            self.completer.complete()

    def _activated(self, index: QModelIndex) -> None:
        person_id = index.data(ID_ROLE)
        if person_id is not None:
            self.choose(int(person_id), str(index.data()))

    def _enter(self) -> None:
        """Entrée with exactly one suggestion takes it."""
        if self.model.rowCount() == 1:
            item = self.model.item(0)
            self.choose(int(item.data(ID_ROLE)), item.text())

    def choose(self, person_id: int, label: str) -> None:
        self.picked.emit(person_id, label)
        QTimer.singleShot(0, self.line.clear)
        self.model.clear()

    def create_person(self) -> None:
        dialog = NewPersonDialog(self.ctx, lambda d: self.choose(d.id, d.display_name), self.line.text(), self)
        self.dialog = dialog
        dialog.open()


class NewPersonDialog(FormDialog):
    """Nom, prénom, date de naissance, téléphone: enough to register; duplicates are checked."""

    def __init__(self, ctx: Context, on_saved: Callable[[PersonDetail], None], typed: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, tr("Nouvelle personne"), tr("L'essentiel pour l'inscrire ; la fiche complète "
                                                          "se remplit ensuite dans Personnes."), parent=parent)
        self.on_saved = on_saved
        self.confirm_duplicate = False
        form = form_layout()
        self.add(form, tr("Nom *"), TextField("nom", tr("Nom"), max_length=100))
        self.add(form, tr("Prénom *"), TextField("prenom", tr("Prénom"), max_length=100))
        self.add(form, tr("Date de naissance"), DateField("date_naissance", tr("Date de naissance")))
        self.add(form, tr("Téléphone"), PhoneField("telephone", tr("Téléphone")))
        self.body.addLayout(form)
        words = typed.split()
        if words:
            self.load({"nom": words[0].capitalize(), "prenom": " ".join(w.capitalize() for w in words[1:])})
        self.fields["nom"].setFocus()

    def submit(self) -> None:
        data = PersonInput(**self.values())
        people, actor, confirm = self.ctx.people, self.ctx.actor, self.confirm_duplicate
        self.run(lambda: people.create(actor, data, confirm_duplicate=confirm), self._created,
                 tr("Personne ajoutée au fichier."))

    def _created(self, detail: PersonDetail) -> None:
        self.ctx.ops.bus.changed.emit(PEOPLE)
        self.on_saved(detail)

    def handle_error(self, exc: DomainError) -> bool:
        if isinstance(exc, DuplicateSuspected):
            names = "\n".join(f"• {c.display_name}" + (f", {c.commune_nom}" if c.commune_nom else "")
                              for c in exc.candidates[:5])
            ask(self, tr("Personne peut-être déjà dans le fichier"),
                tr("{message}\n\n{names}\n\nPour l'inscrire, fermez cette fenêtre et tapez son nom dans la "
                   "recherche. S'il s'agit bien d'une autre personne, créez-la quand même.").format(
                    message=exc.message_fr, names=names),
                tr("Créer quand même"), self._confirmed)
            return True
        return False

    def _confirmed(self) -> None:
        self.confirm_duplicate = True
        self.submit()
