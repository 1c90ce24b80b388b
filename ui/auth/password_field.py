"""Password entry: a masked field with a « show » toggle, its error line, and — for a new
password — a live hint saying what the CNIL rules still need (the same check the service
applies, desktop_app.security.passwords.problem, so the hint and the refusal agree)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.security.passwords import problem
from ui import theme
from ui.i18n import tr

RULES = (
    "Au moins 12 caractères avec majuscules, minuscules, chiffres et caractères spéciaux ; "
    "ou 14 avec majuscules, minuscules et chiffres ; ou une phrase de 7 mots."
)


def restyle(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class PasswordField(QWidget):
    """``line`` (masked), ``error`` (red, after a refusal) and, with ``policy_hint``,
    ``hint`` (what is missing, updated as the user types)."""

    edited = Signal()
    submitted = Signal()

    def __init__(self, name: str, label: str, *, policy_hint: bool = False,
                 who: Callable[[], tuple[str, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = label
        self._who = who or (lambda: ("", ""))
        self._policy = policy_hint
        self.line = QLineEdit()
        self.line.setEchoMode(QLineEdit.EchoMode.Password)
        self.line.setAccessibleName(label)
        self.line.setMaxLength(200)
        self.reveal = QAction(theme.icon("eye", theme.TEXT_MUTED), tr("Afficher le mot de passe"), self.line)
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._toggle)
        self.line.addAction(self.reveal, QLineEdit.ActionPosition.TrailingPosition)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.hint.setVisible(policy_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.line)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._edited)
        self.line.returnPressed.connect(self.submitted)
        self.refresh_hint()

    def text(self) -> str:
        return self.line.text()

    def clear(self) -> None:
        self.line.clear()
        self.set_error(None)
        self.refresh_hint()

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.line.setProperty("error", bool(message))
        restyle(self.line)

    def refresh_hint(self) -> None:
        if not self._policy:
            return
        text = self.line.text()
        missing = problem(text, *self._who(), short=True) if text else tr(RULES)
        self.hint.setText(missing or tr("✓ Ce mot de passe respecte les règles."))
        self.hint.setObjectName("muted" if missing else "passwordOk")
        restyle(self.hint)

    def _edited(self) -> None:
        self.set_error(None)
        self.refresh_hint()
        self.edited.emit()

    def _toggle(self, shown: bool) -> None:
        self.line.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.reveal.setText(tr("Masquer le mot de passe") if shown else tr("Afficher le mot de passe"))
