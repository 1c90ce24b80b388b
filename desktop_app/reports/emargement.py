"""Feuille d'émargement: one A4 page per séance with the action, date, time, place and
animateur, a row per registered person with a signature box, and blank rows for those who
come without registering. When more people are registered than one page holds, the séance
continues on the next page with the heading repeated (« feuille 2 sur 2 ») and the numbering
going on. Takes plain data (:class:`EmargementSheet`), never a Session."""

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
MIN_BLANK_ROWS = 3  # always a few empty rows for people who come without registering
ROW_HEIGHT = 11 * mm
HEADER_HEIGHT = 8 * mm


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


def split_people(people: list[str], rows_per_page: int) -> list[list[str]]:
    """The people of one séance, page by page: full pages, then a last page that keeps at
    least MIN_BLANK_ROWS empty rows."""
    chunks, rest = [], list(people)
    while len(rest) > rows_per_page - MIN_BLANK_ROWS:
        chunks.append(rest[:rows_per_page])
        rest = rest[rows_per_page:]
    chunks.append(rest)
    return chunks


def _info_table(sheet: EmargementSheet, page: EmargementPage, part: tuple[int, int] = (1, 1)) -> Table:
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
    if part[1] > 1:
        cells.append([Paragraph("Feuille", label), Paragraph(f"{part[0]} sur {part[1]} pour cette séance", value),
                      Paragraph("", label), Paragraph("", value)])
    table = Table(cells, colWidths=[24 * mm, 68 * mm, 20 * mm, 66 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _signature_table(people: list[str], first: int, blanks: int) -> Table:
    header = ["N°", "Nom et prénom", "Signature"]
    rows: list[list[str]] = [header]
    for i, name in enumerate(people, start=first):
        rows.append([str(i), name, ""])
    first_blank = first + len(people)
    for i in range(blanks):
        rows.append([str(first_blank + i), "", ""])
    table = Table(rows, colWidths=[12 * mm, 80 * mm, 86 * mm],
                  rowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * (len(rows) - 1), hAlign="LEFT")
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


def _heading(sheet: EmargementSheet, page: EmargementPage, part: tuple[int, int]) -> list:  # type: ignore[type-arg]
    st = styles()
    return [Paragraph(TITLE, st["Title"]), Paragraph(sheet.titre, st["H1"]), _info_table(sheet, page, part),
            Spacer(1, 5 * mm)]


def _tail() -> list:  # type: ignore[type-arg]
    st = styles()
    return [
        Spacer(1, 4 * mm),
        Paragraph("Signature de l'animateur :", st["Body"]),
        Spacer(1, 10 * mm),
        Paragraph(
            "Document contenant des données personnelles : à garder dans un lieu fermé, "
            "et à détruire une fois les présences saisies dans Escale.", st["Small"]),
    ]


def rows_per_page(sheet: EmargementSheet, page: EmargementPage, width: float, height: float) -> int:
    """How many signature rows fit under this séance's heading (measured: a long place that
    wraps in the heading leaves fewer rows). Frame padding is 6 pt on each side."""
    used = HEADER_HEIGHT + 12
    for flowable in [*_heading(sheet, page, (1, 2)), *_tail()]:
        _w, h = flowable.wrap(width - 12, height)
        used += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return max(int((height - used) // ROW_HEIGHT), MIN_BLANK_ROWS + 1)


def write_emargement(path: Path | str, sheet: EmargementSheet) -> Path:
    """Write the PDF (one page per séance, more when the people do not fit) and return its path."""
    st = styles()
    doc = document(path, f"{TITLE} — {sheet.titre}")
    story: list = []  # type: ignore[type-arg]
    for page in sheet.pages:
        fit = rows_per_page(sheet, page, doc.width, doc.height)
        chunks = split_people(page.people, fit)
        first = 1
        for index, people in enumerate(chunks, start=1):
            if story:
                story.append(PageBreak())
            last = index == len(chunks)
            blanks = fit - len(people) if last else 0
            story += [*_heading(sheet, page, (index, len(chunks))), _signature_table(people, first, blanks), *_tail()]
            first += len(people)
    if not story:
        story.append(Paragraph("Aucune séance à imprimer.", st["Body"]))
    draw = footer(sheet.service_name, TITLE)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return Path(path)
