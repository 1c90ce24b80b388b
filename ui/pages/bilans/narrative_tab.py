"""The coordinator's narrative of the bilan shown: four texts saved with the bilan (period +
scope) and printed after the figures."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from desktop_app.bilans.narrative import FIELDS, Narrative
from desktop_app.errors import DomainError, ValidationError
from ui.i18n import tr
from ui.widgets.common import button, muted_label, title_label

HINTS = {
    "objectifs": tr("Les objectifs de l'année, tels que convenus avec le financeur."),
    "faits_marquants": tr("Nouvelles actions, nouveaux lieux, partenariats…"),
    "difficultes": tr("Ce qui a freiné l'activité et ce qui est prévu pour y remédier."),
    "temoignages": tr("Prénom et âge seulement, avec l'accord de la personne."),
}


class NarrativeTab(QScrollArea):
    def __init__(self, on_save: Callable[[Narrative], None]) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 12, 8, 8)
        self.scope_label = muted_label()
        layout.addWidget(self.scope_label)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.errors: dict[str, QLabel] = {}
        for key, label in FIELDS:
            layout.addWidget(title_label(tr(label), "columnTitle"))
            edit = QPlainTextEdit()
            edit.setPlaceholderText(HINTS[key])
            edit.setAccessibleName(tr(label))
            edit.setMinimumHeight(90)
            edit.setMaximumHeight(150)
            layout.addWidget(edit)
            error = QLabel()
            error.setObjectName("fieldError")
            error.hide()
            layout.addWidget(error)
            self.edits[key], self.errors[key] = edit, error
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = button(tr("Enregistrer le récit"), "save", primary=True)
        self.save_button.clicked.connect(lambda: on_save(self.value()))
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self.setWidget(holder)
        self.version = 0

    def value(self) -> Narrative:
        return Narrative(**{k: e.toPlainText() for k, e in self.edits.items()}, version_id=self.version)

    def set_value(self, text: Narrative, scope_label: str) -> None:
        self.version = text.version_id
        self.scope_label.setText(tr("Récit du bilan : {scope}").format(scope=scope_label))
        for key, edit in self.edits.items():
            edit.setPlainText(getattr(text, key))
        self.show_errors({})

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)

    def handle_error(self, exc: DomainError) -> bool:
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            return True
        return False
