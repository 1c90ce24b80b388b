"""French messages and questions in the Escale look, window-modal but never blocking the
event loop (``open()``): the answer comes back through a callback.

Built on QDialog rather than QMessageBox: QMessageBox resizes itself once shown, which some
platforms (the offscreen one used by the tests) report as a Qt warning.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.i18n import tr
from ui.widgets.common import button, title_label

WIDTH = 560


class MessageDialog(QDialog):
    """An icon, a text and buttons; ``choice`` is the index of the button pressed."""

    def __init__(self, parent: QWidget | None, title: str, text: str, buttons: list[str],
                 icon: str = "alert", primary: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.choice: int | None = None
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(22)
        row = QHBoxLayout()
        row.setSpacing(16)
        picture = QLabel()
        picture.setPixmap(theme.icon(icon, theme.ACCENT).pixmap(QSize(32, 32)))
        row.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.setSpacing(6)
        words.addWidget(title_label(title, "sectionTitle"))
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        words.addWidget(self.text)
        row.addLayout(words, 1)
        layout.addLayout(row)
        actions = QHBoxLayout()
        actions.addStretch(1)
        self.buttons: list[QPushButton] = []
        for index, text_ in enumerate(buttons):
            btn = button(text_, primary=index == primary)
            btn.clicked.connect(lambda _checked=False, i=index: self._chosen(i))
            actions.addWidget(btn)
            self.buttons.append(btn)
        layout.addLayout(actions)
        if self.buttons:
            self.buttons[primary].setDefault(True)
            self.buttons[primary].setFocus()
        self.ensurePolished()  # sizes with the stylesheet's paddings and fonts
        width = max(WIDTH, layout.sizeHint().width())
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height()
        self.setMinimumSize(width, height)  # explicit: nothing resizes the window once shown
        self.resize(width, height)

    def _chosen(self, index: int) -> None:
        self.choice = index
        self.accept()


def ask(parent: QWidget | None, title: str, text: str, accept_text: str, on_accept: Callable[[], None],
        reject_text: str | None = None) -> MessageDialog:
    """A question with two French buttons; ``on_accept`` runs only on the first one."""
    dialog = MessageDialog(parent, title, text, [accept_text, reject_text or tr("Annuler")], icon="alert")

    def answered() -> None:
        if dialog.choice == 0:
            on_accept()

    dialog.finished.connect(answered)
    dialog.open()
    return dialog


def inform(parent: QWidget | None, text: str, title: str | None = None) -> MessageDialog:
    """A message with a single « OK »."""
    dialog = MessageDialog(parent, title or tr("Escale"), text, [tr("OK")])
    dialog.open()
    return dialog
