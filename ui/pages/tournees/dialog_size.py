"""Dialogs get their final size before they are shown, with room for the messages under
the fields: a window that resizes itself once shown is reported as a Qt warning on some
platforms (the offscreen one of the tests), as ui.widgets.messages explains."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLayout

ERROR_ROOM = 60  # pixels for messages appearing under fields


def fix_size(dialog: QDialog, layout: QLayout, min_width: int) -> None:
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    dialog.ensurePolished()
    hint = layout.sizeHint()
    width = max(min_width, hint.width())
    height = hint.height() + ERROR_ROOM
    dialog.setMinimumSize(width, height)
    dialog.resize(width, height)
