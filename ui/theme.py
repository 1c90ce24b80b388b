"""The look: Fusion style, one palette, one accent colour, the stylesheet in
resources/style.qss and single-colour SVG icons tinted on load.

Icons are plain SVG files drawn with ``currentColor``; :func:`icon` replaces it with the
requested colour so the same file serves the navigation, the buttons and the cards.
"""

from __future__ import annotations

import functools
import logging
from importlib import resources

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

ACCENT = "#0f6e6e"
ACCENT_DARK = "#0b5757"
ACCENT_SOFT = "#d3e9e7"
TEXT = "#1f2933"
TEXT_MUTED = "#52606d"
WINDOW = "#f4f6f7"
SURFACE = "#ffffff"
BORDER = "#d5dde2"
ERROR = "#b42318"
BASE_POINT_SIZE = 11
ICON_SIZES = (16, 20, 24, 32, 48)
BUTTON_ICON_SIZE = QSize(24, 18)


def palette() -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: "#f8fafb",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: SURFACE,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: TEXT,
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.PlaceholderText: "#7b8794",
        QPalette.ColorRole.Mid: BORDER,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa5b1"))
    return pal


def stylesheet() -> str:
    """resources/style.qss with ``@ICONS@`` pointing at the icons folder (for arrows)."""
    text = (resources.files("resources") / "style.qss").read_text(encoding="utf-8")
    icons_dir = str(resources.files("resources") / "icons").replace("\\", "/")
    return text.replace("@ICONS@", icons_dir)


def apply(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setPalette(palette())
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    app.setStyleSheet(stylesheet())


@functools.cache
def _svg(name: str) -> str:
    return (resources.files("resources") / "icons" / f"{name}.svg").read_text(encoding="utf-8")


@functools.cache
def icon(name: str, colour: str = TEXT_MUTED, active: str | None = None) -> QIcon:
    """The icon ``resources/icons/<name>.svg`` in ``colour`` (``active`` when selected)."""
    result = QIcon()
    for mode, tint in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Selected, active or colour)):
        for size in ICON_SIZES:
            result.addPixmap(_render(name, tint, size, size), mode)
    return result


@functools.cache
def button_icon(name: str, colour: str) -> QIcon:
    """An 18 px icon followed by a 6 px gap, so a button's icon does not touch its text
    (use with ``setIconSize(BUTTON_ICON_SIZE)``)."""
    result = QIcon()
    result.addPixmap(_render(name, colour, 18, BUTTON_ICON_SIZE.width()))
    disabled = _render(name, "#9aa5b1", 18, BUTTON_ICON_SIZE.width())
    result.addPixmap(disabled, QIcon.Mode.Disabled)
    return result


def _render(name: str, colour: str, size: int, width: int) -> QPixmap:
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", colour).encode()))
    pixmap = QPixmap(width, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap
