"""The passphrase asked at start when the database file is encrypted. A wrong passphrase
is said under the field (the file is left untouched) and the user tries again; « Quitter »
closes Escale without opening anything."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_app.app import Escale
from desktop_app.encryption import WrongPassphrase
from ui.auth.password_field import PasswordField
from ui.dialogs.sizing import fix_size
from ui.i18n import tr
from ui.widgets.common import button, muted_label, title_label

Opener = Callable[[str], Escale]


class PassphraseDialog(QDialog):
    """``escale`` is set once a passphrase opened the file."""

    def __init__(self, file_name: str, opener: Opener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener = opener
        self.escale: Escale | None = None
        self.setWindowTitle(tr("Escale — base chiffrée"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("Base de données chiffrée"), "sectionTitle"))
        layout.addWidget(muted_label(tr(
            "Le fichier « {name} » est chiffré pour protéger les personnes suivies. "
            "Saisissez sa phrase de passe pour l'ouvrir.").format(name=file_name)))
        caption = QLabel(tr("Phrase de passe de la base"))
        caption.setObjectName("fieldLabel")
        self.field = PasswordField("phrase", tr("Phrase de passe de la base"))
        caption.setBuddy(self.field.line)
        layout.addWidget(caption)
        layout.addWidget(self.field)
        row = QHBoxLayout()
        row.addStretch(1)
        self.quit_button = button(tr("Quitter"))
        self.quit_button.clicked.connect(self.reject)
        self.open_button = button(tr("Ouvrir"), "unlock", primary=True)
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.try_open)
        row.addWidget(self.quit_button)
        row.addWidget(self.open_button)
        layout.addLayout(row)
        self.field.submitted.connect(self.try_open)
        fix_size(self, layout, 520)  # room for the error line: the window never resizes itself
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_open(self) -> None:
        text = self.field.text()
        if not text:
            self.field.set_error(tr("Saisissez la phrase de passe."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # key derivation: ~0.3 s
        try:
            self.escale = self.opener(text)
        except WrongPassphrase as exc:
            self.field.set_error(exc.message_fr)
            self.field.line.selectAll()
            self.field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


def ask_passphrase(file_name: str, opener: Opener) -> Escale | None:
    """Modal at start (before any window): the opened Escale, or None if the user quit."""
    dialog = PassphraseDialog(file_name, opener)
    dialog.exec()
    return dialog.escale
