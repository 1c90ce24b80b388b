"""PDF of everything Escale holds about one person (right of access, art. 15 RGPD): one
block per section, label/value pairs then tables, in the shared look of every report."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Paragraph, Spacer, Table

from desktop_app.formatting import date_fr, datetime_fr
from desktop_app.person_data import Section, Value
from desktop_app.reports.common import RULE, data_table, document, footer, styles
from desktop_app.rights import PersonFile

CONTENT_WIDTH = 178 * mm
EMPTY = "—"


def display(value: Value) -> str:
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "Oui" if value else "Non"
    if isinstance(value, dt.datetime):
        return datetime_fr(value)
    if isinstance(value, dt.date):
        return date_fr(value)
    return str(value)


def _para(text: str, style: str = "Cell") -> Paragraph:
    sheet = styles()
    chosen = _header_style() if style == "Header" else sheet[style]
    return Paragraph(escape(text).replace("\n", "<br/>"), chosen)


@lru_cache(maxsize=1)
def _header_style() -> ParagraphStyle:
    return ParagraphStyle("HeaderCell", parent=styles()["CellBold"], textColor=colors.white)


def _fields_table(section: Section) -> Table:
    rows = [[_para(lbl, "CellBold"), _para(display(value))] for lbl, value in section.fields]
    table = Table(rows, colWidths=[62 * mm, CONTENT_WIDTH - 62 * mm], hAlign="LEFT")
    table.setStyle([
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])
    return table


def _rows_table(section: Section) -> Table:
    header = [_para(c, "Header") for c in section.columns]
    body = [[_para(display(v)) for v in row] for row in section.rows]
    weights = list(section.widths) if len(section.widths) == len(section.columns) else [1.0] * len(section.columns)
    widths = [CONTENT_WIDTH * w / sum(weights) for w in weights]
    table = data_table([header, *body], col_widths=widths)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP")])
    return table


def section_flowables(section: Section) -> list[Any]:
    sheet = styles()
    # A title needs room for a few rows under it; a long table then splits across pages.
    out: list[Any] = [CondPageBreak(35 * mm), Paragraph(escape(section.title), sheet["H1"])]
    if section.fields:
        out.append(_fields_table(section))
    if section.columns:
        out.append(_rows_table(section) if section.rows else Paragraph(escape(section.empty_text), sheet["Body"]))
    if not section.fields and not section.columns:
        out.append(Paragraph(escape(section.empty_text), sheet["Body"]))
    if section.note:
        out += [Spacer(1, 2 * mm), Paragraph(escape(section.note), sheet["Small"])]
    return out


def write_person_file(data: PersonFile, path: Path | str) -> Path:
    sheet = styles()
    title = f"Dossier de {data.display_name}"
    story: list[Any] = [
        Paragraph(escape(title), sheet["Title"]),
        Paragraph(escape(
            f"Ensemble des données que {data.service_name} détient sur cette personne "
            f"(droit d'accès, article 15 du RGPD), édité le {datetime_fr(data.generated_at)}. "
            "Document confidentiel : à remettre à la personne ou à son représentant."
        ), sheet["Small"]),
        Spacer(1, 3 * mm),
    ]
    for section in data.sections:
        story += section_flowables(section)
    doc = document(path, title)
    draw = footer(data.service_name, "Dossier personnel — confidentiel", data.generated_at.date())
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return Path(path)
