"""The bilan as an XLSX workbook: a « Synthèse » sheet, then one sheet per section (key
figures, tables with their total row, notes). Numbers stay numbers; a masked cell is the
text « < 5 »."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.bilans.records import Bilan, KeyFigure, Section

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14, color="2F6F8F")
HEADER_FILL = PatternFill("solid", fgColor="2F6F8F")
HEADER_FONT = Font(bold=True, color="FFFFFF")
NUMBER_FORMATS = {"€": '#,##0.00 "€"', "%": '0.0" %"', "h": "0.0", "d": "0.00"}
FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def sheet_name(title: str, used: set[str]) -> str:
    base = title.translate(FORBIDDEN).strip()[:31]
    name, n = base, 2
    while name in used:
        name = f"{base[:28]} {n}"
        n += 1
    used.add(name)
    return name


def _figures(ws: Worksheet, row: int, figures: tuple[KeyFigure, ...]) -> int:
    for f in figures:
        ws.cell(row, 1, f.label)
        cell = ws.cell(row, 2, f.value)
        if f.unit == "€" and not isinstance(f.value, str):
            cell.number_format = NUMBER_FORMATS["€"]
        ws.cell(row, 3, "" if f.unit == "€" else f.unit)
        row += 1
    return row + 1


def _section(ws: Worksheet, sec: Section) -> None:
    ws.cell(1, 1, sec.title).font = TITLE
    row = _figures(ws, 3, sec.figures)
    for t in sec.tables:
        ws.cell(row, 1, t.title).font = BOLD
        row += 1
        for c, name in enumerate(t.columns, 1):
            cell = ws.cell(row, c, name)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        row += 1
        for values in (*t.rows, *((t.total,) if t.total else ())):
            for c, v in enumerate(values, 1):
                cell = ws.cell(row, c, v)
                fmt = t.formats[c - 1] if c - 1 < len(t.formats) else ""
                if fmt in NUMBER_FORMATS and isinstance(v, int | float):
                    cell.number_format = NUMBER_FORMATS[fmt]
                if values is t.total:
                    cell.font = BOLD
            row += 1
        row += 1
    for heading, text in sec.paragraphs:
        ws.cell(row, 1, heading).font = BOLD
        ws.cell(row + 1, 1, text).alignment = Alignment(wrap_text=True, vertical="top")
        row += 3
    for note in sec.notes:
        ws.cell(row, 1, note).font = Font(italic=True, color="5B6B78")
        row += 1
    ws.column_dimensions["A"].width = 45
    for c in range(2, 13):
        ws.column_dimensions[get_column_letter(c)].width = 16


def write(b: Bilan, path: Path | str) -> None:
    wb = Workbook()
    ws = wb.active
    used: set[str] = set()
    ws.title = sheet_name("Synthèse", used)
    ws.cell(1, 1, f"Bilan d'activité — {b.service_nom}").font = TITLE
    ws.cell(2, 1, "Période")
    ws.cell(2, 2, b.periode.label)
    ws.cell(3, 1, "Périmètre")
    ws.cell(3, 2, b.scope.label)
    ws.cell(4, 1, "Seuil des petits effectifs")
    ws.cell(4, 2, b.seuil)
    _figures(ws, 6, b.summary)
    ws.column_dimensions["A"].width = 50
    ws.column_dimensions["B"].width = 30
    for sec in b.sections:
        _section(wb.create_sheet(sheet_name(sec.title, used)), sec)
    wb.properties.creator = "Escale"
    wb.properties.created = wb.properties.modified = dt.datetime.combine(b.periode.fin, dt.time(12))
    wb.save(str(path))
