"""The temporary password, shown once after creating an account or resetting a password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from desktop_app.security.records import NewPassword
from ui.i18n import tr
from ui.widgets.common import button, muted_label, title_label


class TemporaryPasswordDialog(QDialog):
    def __init__(self, new: NewPassword, created: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Mot de passe provisoire"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(14)
        who = f"{new.account.display_name} ({new.account.username})"
        layout.addWidget(title_label(
            tr("Compte créé : {who}").format(who=who) if created
            else tr("Nouveau mot de passe pour {who}").format(who=who), "sectionTitle"))
        layout.addWidget(muted_label(tr(
            "Remettez ce mot de passe provisoire à la personne, de vive voix ou sur papier. "
            "Il ne sera plus affiché : Escale demandera d'en choisir un autre à la première connexion.")))
        self.password = QLabel(new.temporary_password)
        self.password.setObjectName("tempPassword")
        self.password.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.password.setAccessibleName(tr("Mot de passe provisoire"))
        layout.addWidget(self.password)
        row = QHBoxLayout()
        self.copy = button(tr("Copier"), "copy")
        self.copy.clicked.connect(self._copy)
        ok = button(tr("J'ai noté le mot de passe"), primary=True)
        ok.setDefault(True)
        ok.clicked.connect(self.accept)
        row.addWidget(self.copy)
        row.addStretch(1)
        row.addWidget(ok)
        layout.addLayout(row)
        ok.setFocus()
        self.ensurePolished()  # sized once, before showing: nothing resizes the window afterwards
        width = 580
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.setMinimumSize(width, height)
        self.resize(width, height)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.password.text())
        self.copy.setText(tr("Copié"))
