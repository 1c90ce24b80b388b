"""« Personnes à prévenir »: after a séance or a passage moved, the registered people with
their phone numbers and a box to tick once called. Takes plain data, never a Session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from desktop_app.reports.common import data_table, document, footer, styles
from desktop_app.validation import format_phone

TITLE = "Personnes à prévenir"


@dataclass(frozen=True)
class CallSheet:
    service_name: str
    what: str  # « Atelier mémoire »
    before: str  # « mardi 9 mars 2027, 14:00–16:00 »
    after: str
    people: list[tuple[str, str | None, str | None]]  # name, phone, second phone


def write_calls(sheet: CallSheet, path: Path | str, printed_on: dt.date | None = None) -> None:
    st = styles()
    doc = document(path, TITLE)
    rows: list[list[object]] = [["Personne", "Téléphone", "Autre téléphone", "Prévenue"]]
    rows += [[Paragraph(escape(n), st["Cell"]), format_phone(t) if t else "—", format_phone(t2) if t2 else "", "☐"]
             for n, t, t2 in sheet.people]
    story = [
        Paragraph(TITLE, st["Title"]),
        Paragraph(f"<b>{escape(sheet.what)}</b> est déplacé·e.", st["Body"]),
        Paragraph(f"Prévu : {escape(sheet.before)}", st["Body"]),
        Paragraph(f"Nouvel horaire : <b>{escape(sheet.after)}</b>", st["Body"]),
        Spacer(1, 5 * mm),
        data_table(rows, [75 * mm, 38 * mm, 38 * mm, 25 * mm]) if sheet.people
        else Paragraph("Personne n'est inscrit.", st["Body"]),
    ]
    doc.build(story, onFirstPage=footer(sheet.service_name, TITLE, printed_on),
              onLaterPages=footer(sheet.service_name, TITLE, printed_on))
