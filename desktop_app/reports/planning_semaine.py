"""Planning of one week on an A4 landscape page: a column per day (Monday to Sunday), the
items of each day in time order with their time, title, people, place and vehicle, the
public holidays named, and the conflicts of the week listed underneath.
Takes plain data (:class:`WeekSheet`), never a Session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop_app.formatting import date_fr
from desktop_app.reports.common import ACCENT_LIGHT, FONT_BOLD, RULE, document, footer, styles

TITLE = "Planning de la semaine"
JOURS = ("Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi", "Dimanche")
KIND_COLOURS = {"contact": "#2F6F8F", "seance": "#81B29A", "passage": "#E07A5F", "absence": "#8A8F98"}


@dataclass(frozen=True)
class WeekEntry:
    day: dt.date
    horaire: str  # « 14:00–16:00 » or « journée »
    kind: str  # records.Kind value
    title: str
    detail: str  # people, place, vehicle


@dataclass(frozen=True)
class WeekSheet:
    service_name: str
    monday: dt.date
    entries: list[WeekEntry]
    holidays: dict[dt.date, str]
    conflicts: list[str]


def write_week(sheet: WeekSheet, path: Path | str) -> None:
    st = styles()
    sunday = sheet.monday + dt.timedelta(days=6)
    title = f"{TITLE} du {date_fr(sheet.monday)} au {date_fr(sunday)}"
    doc = document(path, title, pagesize=landscape(A4))
    doc.leftMargin = doc.rightMargin = 10 * mm
    doc.topMargin = 12 * mm
    days = [sheet.monday + dt.timedelta(days=i) for i in range(7)]
    header = []
    for d in days:
        text = f"{JOURS[d.weekday()]} {d.day:02d}/{d.month:02d}"
        if d in sheet.holidays:
            text += f"<br/><font size=7>férié : {escape(sheet.holidays[d])}</font>"
        header.append(Paragraph(text, st["CellBold"]))
    by_day: list[list[Paragraph]] = []
    for d in days:
        paras = []
        for e in (x for x in sheet.entries if x.day == d):
            colour = KIND_COLOURS.get(e.kind, "#1F2A33")
            paras.append(Paragraph(
                f"<font color='{colour}'><b>{escape(e.horaire)}</b></font> {escape(e.title)}"
                + (f"<br/><font size=7 color='#5B6B78'>{escape(e.detail)}</font>" if e.detail else ""),
                st["Small"]))
        by_day.append(paras or [Paragraph("—", st["Small"])])
    # One table row per rank of entry, so a busy week continues on the next page
    # (the day header repeats) instead of overflowing one giant row.
    rows = [[col[k] if k < len(col) else "" for col in by_day] for k in range(max(len(c) for c in by_day))]
    width = (landscape(A4)[0] - 20 * mm) / 7
    table = Table([header, *rows], colWidths=[width] * 7, repeatRows=1)
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, 9),
        ("BOX", (0, 0), (-1, -1), 0.4, RULE),
        ("INNERGRID", (0, 0), (-1, 0), 0.4, RULE),
        *[("LINEBEFORE", (i, 0), (i, -1), 0.4, RULE) for i in range(1, 7)],
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 1), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 1.5),
        *[("BACKGROUND", (i, 1), (i, -1), colors.HexColor("#F6F1E7")) for i, d in enumerate(days)
          if d in sheet.holidays or d.weekday() >= 5],
    ]))
    story = [Paragraph(escape(title), st["H1"]), table]
    if sheet.conflicts:
        story += [Spacer(1, 4 * mm), Paragraph("Conflits à régler", st["H2"])]
        story += [Paragraph(f"• {escape(c)}", st["Small"]) for c in sheet.conflicts]
    doc.build(story, onFirstPage=footer(sheet.service_name, TITLE), onLaterPages=footer(sheet.service_name, TITLE))
