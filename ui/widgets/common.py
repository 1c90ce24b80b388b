"""Building blocks with the Escale look: page base class, titles, cards, buttons, empty
states and the toast (the non-blocking confirmation after a save)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui import theme
from ui.context import Context

PAGE_MARGINS = (24, 22, 24, 14)


class Page(QWidget):
    """A page of the main window. ``show_with`` receives the navigation parameters."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def show_with(self, **params: Any) -> None:
        """Called each time the page is brought to the front."""

    def focus_search(self) -> bool:
        """Put the cursor in the page's search field; False if the page has none."""
        return False

    def can_leave(self) -> bool:
        """False keeps the user on the page (unsaved changes being confirmed)."""
        return True


def title_label(text: str, name: str = "pageTitle") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    return label


def muted_label(text: str = "", name: str = "muted") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def button(
    text: str, icon_name: str | None = None, *, primary: bool = False, flat: bool = False,
    tooltip: str | None = None,
) -> QPushButton:
    btn = QPushButton(text)
    if primary:
        btn.setProperty("primary", True)
    if flat:
        btn.setProperty("flat", True)
    if icon_name:
        colour = "#ffffff" if primary else theme.ACCENT_DARK if flat else theme.TEXT_MUTED
        btn.setIcon(theme.button_icon(icon_name, colour))
        btn.setIconSize(theme.BUTTON_ICON_SIZE)
    if tooltip:
        btn.setToolTip(tooltip)
    btn.setCursor(Qt.CursorShape.PointingHandCursor)
    return btn


class Card(QFrame):
    """A white rounded panel with an optional section title."""

    def __init__(self, title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(20, 16, 20, 18)
        self.body.setSpacing(12)
        if title:
            self.body.addWidget(title_label(title, "sectionTitle"))


class EmptyState(QWidget):
    """« Aucune personne dans le fichier » with one obvious next step."""

    def __init__(self, icon_name: str, title: str, action_text: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        picture = QLabel()
        picture.setPixmap(theme.icon(icon_name, "#9aa5b1").pixmap(48, 48))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(picture)
        self.title = title_label(title, "emptyTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.action = button(action_text or "", "user-plus", primary=True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.action)
        row.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addStretch(2)
        self.action.setVisible(bool(action_text))  # once parented: never a window of its own

    def set_content(self, title: str, action_text: str | None, icon_name: str | None = None) -> None:
        self.title.setText(title)
        self.action.setText(action_text or "")
        self.action.setVisible(bool(action_text))
        if icon_name:
            self.action.setIcon(theme.button_icon(icon_name, "#ffffff"))


class Toast(QLabel):
    """A dark rounded message in the bottom right corner that fades out by itself."""

    DURATION_MS = 4000

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.hide()
        self._timer = QTimer(self, singleShot=True, interval=self.DURATION_MS)
        self._timer.timeout.connect(self.hide)
        parent.installEventFilter(self)

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()
        self._timer.start()

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(parent.width() - self.width() - 24, parent.height() - self.height() - 24)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False


class ActivatingTable(QTableWidget):
    """A table whose rows open with Entrée as with a double-click (``cellDoubleClicked``)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.cellDoubleClicked.emit(self.currentRow(), 0)
            return
        super().keyPressEvent(event)
