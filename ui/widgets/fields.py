"""Form fields bound to one attribute of a service's input dataclass.

Each field is an editor with a red message label right under it: when the service raises
``ValidationError``, the form hands each message to the field of the same name, the typed
text stays as it is, and the first wrong field gets the focus. Values go to the service as
typed (dates and phones are text) so the core does the checking and writes the message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop_app.formatting import date_fr
from desktop_app.validation import format_phone
from ui.i18n import tr


class QuietComboBox(QComboBox):
    """Ignores the mouse wheel unless focused: scrolling a long form never changes a value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.hasFocus():
            super().wheelEvent(event)
        else:
            event.ignore()


def _restyle(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


class Field(QWidget):
    """Base: ``editor`` on top, ``error`` label below. Subclasses map value ↔ editor."""

    changed = Signal()

    def __init__(self, name: str, label: str, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = label
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(editor)
        layout.addWidget(self.error)
        self.setFocusProxy(editor)
        editor.setAccessibleName(label)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def set_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))
        self.editor.setProperty("error", bool(message))
        _restyle(self.editor)


class TextField(Field):
    def __init__(self, name: str, label: str, placeholder: str = "", max_width: int | None = None,
                 max_length: int = 200) -> None:
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setMaxLength(max_length)
        self.line.setClearButtonEnabled(False)
        if max_width:
            self.line.setMaximumWidth(max_width)
        super().__init__(name, label, self.line)
        self.line.textEdited.connect(self.changed)

    def value(self) -> str:
        return self.line.text()

    def set_value(self, value: Any) -> None:
        self.line.setText("" if value is None else str(value))


class DateField(TextField):
    """A date typed as text « jj/mm/aaaa »: an impossible date reaches the service, which
    answers with the exact French message."""

    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, label, tr("jj/mm/aaaa"), max_width=170, max_length=10)

    def set_value(self, value: Any) -> None:
        self.line.setText(date_fr(value) if isinstance(value, dt.date) else (value or ""))


class PhoneField(TextField):
    def __init__(self, name: str, label: str) -> None:
        super().__init__(name, label, tr("06 12 34 56 78"), max_width=220, max_length=25)

    def set_value(self, value: Any) -> None:
        self.line.setText(format_phone(value) if value else "")


class ChoiceField(Field):
    """A combobox of (French label, stored value); an unknown stored value is kept."""

    def __init__(self, name: str, label: str, choices: Sequence[tuple[str, Any]], max_width: int | None = 340) -> None:
        self.combo = QuietComboBox()
        if max_width:
            self.combo.setMaximumWidth(max_width)
        super().__init__(name, label, self.combo)
        self.set_choices(choices)
        self.combo.activated.connect(lambda _index: self.changed.emit())

    def set_choices(self, choices: Sequence[tuple[str, Any]], value: Any = None) -> None:
        self.combo.clear()
        for text, data in choices:
            self.combo.addItem(text, data)
        self.set_value(value)

    def value(self) -> Any:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        for i in range(self.combo.count()):
            data = self.combo.itemData(i)
            if data == value and type(data) is type(value):
                self.combo.setCurrentIndex(i)
                return
        if value is not None:
            self.combo.addItem(str(value), value)
            self.combo.setCurrentIndex(self.combo.count() - 1)
        elif self.combo.count():
            self.combo.setCurrentIndex(0)


class CheckField(Field):
    def __init__(self, name: str, label: str) -> None:
        self.box = QCheckBox(label)
        super().__init__(name, label, self.box)
        self.box.toggled.connect(lambda _on: self.changed.emit())

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))
