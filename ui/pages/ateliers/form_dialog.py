"""The base of every ateliers dialog that saves something: labelled fields, the service's
French messages under their field (the typed text stays), Ctrl+S to save, Échap to leave
(with a question when something was typed), and the save run as a background op."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.errors import DomainError, ValidationError
from ui.context import Context
from ui.i18n import tr
from ui.pages.ateliers import ATELIERS
from ui.widgets.common import button, muted_label, title_label
from ui.widgets.fields import Field
from ui.widgets.messages import ask

ERROR_ROOM = 70  # pixels kept for the French messages shown under fields after a save


class TextAreaField(Field):
    """Several lines of free text (description, motif)."""

    def __init__(self, name: str, label: str, placeholder: str = "", height: int = 90) -> None:
        self.area = QPlainTextEdit()
        self.area.setPlaceholderText(placeholder)
        self.area.setFixedHeight(height)
        self.area.setTabChangesFocus(True)
        super().__init__(name, label, self.area)
        self.area.textChanged.connect(self.changed)

    def value(self) -> str:
        return self.area.toPlainText()

    def set_value(self, value: Any) -> None:
        self.area.setPlainText("" if value is None else str(value))


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


class FormDialog(QDialog):
    """Subclasses add their fields with :meth:`add`, then implement :meth:`submit`."""

    topic = ATELIERS  # what the Bus announces after a save

    def __init__(self, ctx: Context, title: str, subtitle: str = "", save_text: str | None = None,
                 parent: QWidget | None = None, width: int = 620) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fields: dict[str, Field] = {}
        self.dirty = False
        self.saving = False
        self._stretched = False
        self.preferred_width = width
        self.outer = QVBoxLayout(self)
        self.outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.outer.setContentsMargins(26, 22, 26, 20)
        self.outer.setSpacing(12)
        self.outer.addWidget(title_label(title, "sectionTitle"))
        if subtitle:
            self.outer.addWidget(muted_label(subtitle))
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.outer.addWidget(self.banner)
        self.body = QVBoxLayout()
        self.body.setSpacing(10)
        self.outer.addLayout(self.body, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = button(tr("Annuler"), tooltip=tr("Échap"))
        self.cancel_button.clicked.connect(self.reject)
        self.save_button = button(save_text or tr("Enregistrer"), "save", primary=True, tooltip="Ctrl+S")
        self.save_button.clicked.connect(self.submit)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        self.outer.addLayout(row)
        self.save_button.setDefault(True)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.submit)

    def open(self) -> None:
        """Sized once, before showing: nothing resizes a shown window (some platforms warn),
        with room for the messages that may appear under the fields."""
        if not self._stretched:
            self.body.addStretch(1)  # spare height goes below the fields, not between them
            self._stretched = True
        self.ensurePolished()
        hint = self.outer.sizeHint()
        width = max(self.preferred_width, hint.width(), self.width() if self.isVisible() else 0)
        height = max(hint.height() + ERROR_ROOM, self.minimumHeight())
        self.setMinimumSize(width, height)
        self.resize(width, height)
        super().open()
        self.activateWindow()  # Ctrl+S and Échap reach the dialog at once

    # ----- fields ----------------------------------------------------------------------
    def add(self, form: QFormLayout, label: str, *fields: Field) -> None:
        if len(fields) == 1:
            form.addRow(label, fields[0])
        else:
            holder = QWidget()
            line = QHBoxLayout(holder)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(10)
            growing = False
            for f in fields:
                grows = f.editor.maximumWidth() > 10_000  # no fixed width: shares the line
                growing = growing or grows
                line.addWidget(f, 1 if grows else 0)
            if not growing:
                line.addStretch(1)
            form.addRow(label, holder)
        for f in fields:
            self.fields[f.name] = f
            f.changed.connect(self._touched)

    def _touched(self) -> None:
        self.dirty = True

    def values(self) -> dict[str, Any]:
        return {name: f.value() for name, f in self.fields.items()}

    def load(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if name in self.fields:
                self.fields[name].set_value(value)
        self.dirty = False

    # ----- saving ----------------------------------------------------------------------
    def submit(self) -> None:
        """Gather the values and call :meth:`run` with the service call."""
        raise NotImplementedError

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None], notice: str) -> None:
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.show_errors({})

        def done(result: Any) -> None:
            self.saving = False
            self.dirty = False
            on_done(result)
            self.ctx.notify(notice)
            self.accept()

        self.ctx.ops.run(work, done, self._failed, changes=self.topic, parent=self)

    def _failed(self, exc: DomainError) -> bool:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors)
            return True
        return self.handle_error(exc)

    def handle_error(self, exc: DomainError) -> bool:
        """Subclasses handle their own errors (overlaps…); False shows the message box."""
        return False

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for name, f in self.fields.items():
            f.set_error(errors.get(name))
            if first is None and name in errors:
                first = f
        others = [msg for name, msg in errors.items() if name not in self.fields]
        self.banner.setText("\n".join(others))
        self.banner.setVisible(bool(others))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def reject(self) -> None:
        if self.dirty and not self.saving:
            ask(self, tr("Abandonner la saisie ?"), tr("Ce que vous avez saisi dans cette fenêtre sera perdu."),
                tr("Abandonner"), self._discard, tr("Continuer la saisie"))
            return
        super().reject()

    def _discard(self) -> None:
        self.dirty = False
        super().reject()
