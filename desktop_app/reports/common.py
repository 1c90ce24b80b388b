"""Shared look of every PDF: the embedded DejaVu font (accents render everywhere), the
palette shared with the screens, paragraph styles, and a page template with a footer
carrying the service name and « page N »."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

from desktop_app.formatting import date_fr

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

# The palette shared with the desktop stylesheet (resources/style.qss).
ACCENT = colors.HexColor("#2F6F8F")
ACCENT_LIGHT = colors.HexColor("#E3EEF3")
INK = colors.HexColor("#1F2A33")
MUTED = colors.HexColor("#5B6B78")
RULE = colors.HexColor("#C9D3DA")
SERIES = [colors.HexColor(c) for c in ("#2F6F8F", "#E07A5F", "#81B29A", "#F2CC8F", "#6D597A", "#3D405B", "#A8DADC")]


@lru_cache(maxsize=1)
def register_fonts() -> None:
    fonts = files("resources") / "fonts"
    pdfmetrics.registerFont(TTFont(FONT, str(fonts / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


@lru_cache(maxsize=1)
def styles() -> StyleSheet1:
    register_fonts()
    sheet = StyleSheet1()
    base = ParagraphStyle("Body", fontName=FONT, fontSize=10, leading=13.5, textColor=INK)
    sheet.add(base)
    sheet.add(ParagraphStyle("Small", parent=base, fontSize=8.5, leading=11, textColor=MUTED))
    sheet.add(ParagraphStyle("Title", parent=base, fontName=FONT_BOLD, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=6))
    sheet.add(ParagraphStyle("H1", parent=base, fontName=FONT_BOLD, fontSize=14, leading=18, textColor=ACCENT, spaceBefore=10, spaceAfter=6))
    sheet.add(ParagraphStyle("H2", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4))
    sheet.add(ParagraphStyle("Cell", parent=base, fontSize=9, leading=11.5))
    sheet.add(ParagraphStyle("CellBold", parent=base, fontName=FONT_BOLD, fontSize=9, leading=11.5))
    sheet.add(ParagraphStyle("Centered", parent=base, alignment=TA_CENTER))
    return sheet


def table_style(header_rows: int = 1, zebra: bool = True) -> TableStyle:
    """Header in the accent colour, thin rules, light zebra rows."""
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, 9),
        ("TEXTCOLOR", (0, 0), (-1, header_rows - 1), colors.white),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), ACCENT),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ACCENT_LIGHT]))
    return TableStyle(commands)


def data_table(rows: list[list[Any]], col_widths: list[float] | None = None, header_rows: int = 1) -> Table:
    """A table that repeats its header on each page and splits cleanly."""
    table = Table(rows, colWidths=col_widths, repeatRows=header_rows, hAlign="LEFT")
    table.setStyle(table_style(header_rows))
    return table


FooterDrawer = Callable[[Any, Any], None]


def footer(service_name: str, title: str, printed_on: dt.date | None = None) -> FooterDrawer:
    """A page callback writing the service, the document title, the print date and the page."""
    printed = date_fr(printed_on or dt.date.today())

    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        width, _height = doc.pagesize
        canvas.setStrokeColor(RULE)
        canvas.line(doc.leftMargin, 14 * mm, width - doc.rightMargin, 14 * mm)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        page = f"page {canvas.getPageNumber()}"
        room = width - doc.leftMargin - doc.rightMargin - canvas.stringWidth(page, FONT, 8) - 12
        text = f"{service_name} — {title} — imprimé le {printed}"
        if canvas.stringWidth(text, FONT, 8) > room:  # a long title: shortened, the date and page kept
            tail = f"… — imprimé le {printed}"
            head = f"{service_name} — {title}"
            while head and canvas.stringWidth(head + tail, FONT, 8) > room:
                head = head[:-1]
            text = head.rstrip() + tail
        canvas.drawString(doc.leftMargin, 9.5 * mm, text)
        canvas.drawRightString(width - doc.rightMargin, 9.5 * mm, page)
        canvas.restoreState()

    return draw


def document(path: Path | str, title: str, pagesize: tuple[float, float] = A4, **kwargs: Any) -> SimpleDocTemplate:
    register_fonts()
    return SimpleDocTemplate(
        str(path), pagesize=pagesize, title=title, author="Escale", lang="fr-FR",
        leftMargin=16 * mm, rightMargin=16 * mm, topMargin=16 * mm, bottomMargin=20 * mm, **kwargs,
    )
