"""Colours of the calendar by kind of item (the legend uses the same)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_app.planning.records import KIND_LABELS, Kind

KIND_COLOURS = {
    Kind.CONTACT: QColor("#2f6f8f"),
    Kind.SEANCE: QColor("#3f8f5f"),
    Kind.PASSAGE: QColor("#d0673f"),
    Kind.ABSENCE: QColor("#7d8590"),
}
CONFLICT = QColor("#b42318")
HOLIDAY = QColor("#fbf3e4")
WEEKEND = QColor("#f6f7f8")
TODAY = QColor("#e6f2f1")
GRID = QColor("#dfe5e9")
GRID_HOUR = QColor("#c9d3da")
TEXT = QColor("#1f2933")
MUTED = QColor("#52606d")
SELECTION = QColor(15, 110, 110, 60)


def fill(kind: Kind) -> QColor:
    """The soft background of an item."""
    c = QColor(KIND_COLOURS[kind])
    return QColor.fromHslF(c.hslHueF(), min(1.0, c.hslSaturationF() * 0.55), 0.90)


SHORT_LABELS = {Kind.CONTACT: "Contacts", Kind.SEANCE: "Séances", Kind.PASSAGE: "Passages du bus",
                Kind.ABSENCE: "Absences"}


def legend() -> list[tuple[str, QColor]]:
    """(label, colour) by kind; the tooltip of each box gives the long label."""
    return [(SHORT_LABELS[k], KIND_COLOURS[k]) for k in Kind]


def long_label(kind: Kind) -> str:
    return KIND_LABELS[kind]
