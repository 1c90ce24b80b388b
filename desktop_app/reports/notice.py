"""The information notice on one A4 page, large enough for older readers (11 pt body)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from desktop_app.formatting import date_fr
from desktop_app.notice import NoticeText
from desktop_app.reports.common import ACCENT, ACCENT_LIGHT, document, footer, styles


@lru_cache(maxsize=1)
def _body() -> ParagraphStyle:
    return ParagraphStyle("NoticeBody", parent=styles()["Body"], fontSize=10.5, leading=13.8)


def _para(text: str) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), _body())


def _recipient_box(notice: NoticeText) -> Table:
    when = date_fr(notice.given_on) if notice.given_on else "……/……/…………"
    who = notice.recipient or "……………………………………………………"
    rows = [
        [Paragraph(escape(f"Notice remise à {who} le {when}."), _body())],
        [Paragraph("Signature de la personne (facultative) :", styles()["Small"])],
        [Spacer(1, 12 * mm)],
    ]
    box = Table(rows, colWidths=[178 * mm], hAlign="LEFT")
    box.setStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
    ])
    return box


def write_notice(notice: NoticeText, path: Path | str) -> Path:
    sheet = styles()
    story: list[Any] = [
        Paragraph(escape(notice.service_name), sheet["Small"]),
        Paragraph(escape(notice.title), sheet["Title"]),
        _para(notice.intro),
    ]
    for heading, text in notice.blocks:
        story.append(KeepTogether([Paragraph(escape(heading), sheet["H2"]), _para(text)]))
    story += [Spacer(1, 5 * mm), KeepTogether([_recipient_box(notice)])]
    doc = document(path, notice.title)
    draw = footer(notice.service_name, "Notice d'information sur vos données", notice.given_on)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return Path(path)
