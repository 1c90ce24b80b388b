"""The likely-duplicate dialog of the person form: it opens window-modal without blocking
the event loop (``open()``) and answers through its signals."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.formatting import date_fr
from desktop_app.people.records import DuplicateCandidate, DuplicateSuspected
from ui.i18n import tr
from ui.widgets.common import button, title_label


def candidate_text(c: DuplicateCandidate) -> str:
    parts = [c.display_name]
    if c.date_naissance:
        parts.append(tr("né(e) le {date}").format(date=date_fr(c.date_naissance)))
    if c.commune_nom:
        parts.append(c.commune_nom)
    return " — ".join(parts) + (f"\n{c.reason}" if c.reason else "")


class DuplicateDialog(QDialog):
    """« Une fiche très proche existe déjà »: open it, create anyway, or go back."""

    open_existing = Signal(int)
    create_anyway = Signal()

    def __init__(self, error: DuplicateSuspected, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Fiche peut-être déjà existante"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumSize(660, 300)  # explicit: the layout need not resize a shown window
        self.resize(760, 320)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(title_label(tr("Cette personne est peut-être déjà dans le fichier"), "sectionTitle"))
        message = QLabel(error.message_fr)
        message.setWordWrap(True)
        layout.addWidget(message)
        self.candidates = QListWidget()
        self.candidates.setObjectName("results")
        self.candidates.setWordWrap(True)
        self.candidates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for candidate in error.candidates:
            item = QListWidgetItem(candidate_text(candidate))
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
            self.candidates.addItem(item)
        self.candidates.setCurrentRow(0)
        self.candidates.setMinimumHeight(70 * max(1, min(len(error.candidates), 3)) + 8)
        self.candidates.itemDoubleClicked.connect(lambda _item: self._open())
        layout.addWidget(self.candidates, 1)
        row = QHBoxLayout()
        row.setSpacing(10)
        self.open_button = button(tr("Ouvrir la fiche existante"), "user", primary=True)
        self.open_button.clicked.connect(self._open)
        self.create_button = button(tr("Créer quand même"), "user-plus")
        self.create_button.clicked.connect(self._create)
        self.cancel_button = button(tr("Annuler"))
        self.cancel_button.clicked.connect(self.reject)
        row.addWidget(self.open_button)
        row.addWidget(self.create_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.open_button.setDefault(True)

    def _open(self) -> None:
        item = self.candidates.currentItem()
        if item is not None:
            self.open_existing.emit(int(item.data(Qt.ItemDataRole.UserRole)))
            self.accept()

    def _create(self) -> None:
        self.create_anyway.emit()
        self.accept()
