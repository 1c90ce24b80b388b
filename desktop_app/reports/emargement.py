"""Feuille d'émargement: one A4 page per séance with the action, date, time, place and
animateur, a row per registered person with a signature box, and blank rows for those who
come without registering. Takes plain data (:class:`EmargementSheet`), never a Session."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from desktop_app.reports.common import (
    ACCENT,
    ACCENT_LIGHT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    document,
    footer,
    styles,
)

TITLE = "Feuille d'émargement"
ROWS_PER_PAGE = 15  # signature rows that fit under the header on one A4 page
MIN_BLANK_ROWS = 3
ROW_HEIGHT = 11 * mm


@dataclass(frozen=True)
class EmargementPage:
    date_longue: str  # « lundi 5 janvier 2027 »
    horaire: str  # « 14:00 – 16:00 »
    lieu: str
    animateur: str
    numero: int
    total: int
    people: list[str] = field(default_factory=list)  # « MARTIN Hélène », in order


@dataclass(frozen=True)
class EmargementSheet:
    service_name: str
    titre: str
    theme: str
    pages: list[EmargementPage]


def blank_rows(people: int) -> int:
    return max(MIN_BLANK_ROWS, ROWS_PER_PAGE - people)


def _info_table(sheet: EmargementSheet, page: EmargementPage) -> Table:
    st = styles()
    label, value = st["Small"], st["CellBold"]
    cells = [
        [Paragraph("Date", label), Paragraph(page.date_longue, value),
         Paragraph("Horaire", label), Paragraph(page.horaire, value)],
        [Paragraph("Lieu", label), Paragraph(page.lieu or "—", value),
         Paragraph("Séance", label), Paragraph(f"{page.numero} sur {page.total}", value)],
        [Paragraph("Animateur", label), Paragraph(page.animateur or "—", value),
         Paragraph("Thème", label), Paragraph(sheet.theme, value)],
    ]
    table = Table(cells, colWidths=[24 * mm, 68 * mm, 20 * mm, 66 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _signature_table(page: EmargementPage) -> Table:
    header = ["N°", "Nom et prénom", "Signature"]
    rows: list[list[str]] = [header]
    for i, name in enumerate(page.people, start=1):
        rows.append([str(i), name, ""])
    first_blank = len(page.people) + 1
    for i in range(blank_rows(len(page.people))):
        rows.append([str(first_blank + i), "", ""])
    table = Table(rows, colWidths=[12 * mm, 80 * mm, 86 * mm], rowHeights=[8 * mm] + [ROW_HEIGHT] * (len(rows) - 1),
                  repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 11),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 10),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("TEXTCOLOR", (0, 1), (0, -1), MUTED),
        ("TEXTCOLOR", (1, 1), (1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.6, RULE),
        ("BOX", (2, 1), (2, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
    ]))
    return table


def write_emargement(path: Path | str, sheet: EmargementSheet) -> Path:
    """Write the PDF (one page per séance) and return its path."""
    st = styles()
    doc = document(path, f"{TITLE} — {sheet.titre}")
    story: list = []  # type: ignore[type-arg]
    for index, page in enumerate(sheet.pages):
        if index:
            story.append(PageBreak())
        story += [
            Paragraph(TITLE, st["Title"]),
            Paragraph(sheet.titre, st["H1"]),
            _info_table(sheet, page),
            Spacer(1, 5 * mm),
            _signature_table(page),
            Spacer(1, 4 * mm),
            Paragraph("Signature de l'animateur :", st["Body"]),
            Spacer(1, 10 * mm),
            Paragraph(
                "Document contenant des données personnelles : à garder dans un lieu fermé, "
                "et à détruire une fois les présences saisies dans Escale.", st["Small"]),
        ]
    if not story:
        story.append(Paragraph("Aucune séance à imprimer.", st["Body"]))
    draw = footer(sheet.service_name, TITLE)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return Path(path)
