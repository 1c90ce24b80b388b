"""Helpers shared by the GUI tests: waiting for background ops, reading what the table
shows, typing into fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def wait_idle(qtbot: QtBot, window, settle_ms: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Let debounce timers fire, then wait for every background op and its callbacks."""
    if settle_ms:
        qtbot.wait(settle_ms)
    qtbot.waitUntil(lambda: not window.ops.busy, timeout=5000)


def table_rows(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The text of every cell of the Personnes table, as the user reads it."""
    model = page.list.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def column(page, title: str) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.list.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    index = headers.index(title)
    return [row[index] for row in table_rows(page)]


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like a user: ASCII through key clicks, accented letters as one insertion
    (QTest can only synthesise ASCII keys)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)  # type: ignore[attr-defined]


def ctrl(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)
