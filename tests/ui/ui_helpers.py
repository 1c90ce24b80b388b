"""Helpers shared by the GUI tests: waiting for background ops, reading what the table
shows, typing into fields."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop_app.app import Escale


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


def open_window(qtbot: QtBot, app: Escale, actor) -> Iterator:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(app, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    wait_idle(qtbot, window)
    yield window
    window.close()
    assert window.ops.unexpected_errors == []
