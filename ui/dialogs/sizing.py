"""Give a dialog its final size before it is shown, with room for a message appearing under
a field: a window resizing itself once shown is reported as a Qt warning offscreen (same
rule as ui.pages.tournees.dialog_size, which cannot be imported from here without pulling
the page registry in)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLayout

ERROR_ROOM = 60


def fix_size(dialog: QDialog, layout: QLayout, min_width: int) -> None:
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    dialog.ensurePolished()
    width = max(min_width, layout.sizeHint().width())
    height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.sizeHint().height())
    dialog.setMinimumSize(width, height + ERROR_ROOM)
    dialog.resize(width, height + ERROR_ROOM)
