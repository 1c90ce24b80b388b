"""The bilan PDF (ReportLab platypus): a cover (service, logo, financeur, period), the key
figures, then each section with its figures, charts and tables (split across pages with the
header repeated), notes under each section, and « page X / Y » at the foot of every page."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    CondPageBreak,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from desktop_app.bilans.display import figure_fr, value_fr
from desktop_app.bilans.pdf_charts import drawing
from desktop_app.bilans.records import Bilan, KeyFigure, Section
from desktop_app.bilans.records import Table as BilanTable
from desktop_app.bilans.suppress import SECONDARY
from desktop_app.formatting import long_date_fr
from desktop_app.reports.common import (
    ACCENT,
    ACCENT_LIGHT,
    FONT,
    FONT_BOLD,
    MUTED,
    RULE,
    document,
    styles,
    table_style,
)

CONTENT_WIDTH = 178 * mm


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def numbered_canvas(footer_left: str) -> type[rl_canvas.Canvas]:
    """A canvas that knows the page count at save time: « page X / Y »."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._footer(total)
                super().showPage()
            super().save()

        def _footer(self, total: int) -> None:
            width, _h = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.line(16 * mm, 14 * mm, width - 16 * mm, 14 * mm)
            self.setFont(FONT, 8)
            self.setFillColor(MUTED)
            self.drawString(16 * mm, 9.5 * mm, footer_left)
            self.drawRightString(width - 16 * mm, 9.5 * mm, f"page {self._pageNumber} / {total}")
            self.restoreState()

    return NumberedCanvas


def _logo(path: str) -> Flowable | None:
    if not path or not Path(path).is_file():
        return None
    try:
        img = Image(path)
    except (OSError, ValueError):
        return None
    ratio = img.imageWidth / img.imageHeight if img.imageHeight else 1
    h = 30 * mm
    w = min(h * ratio, 80 * mm)
    img.drawWidth, img.drawHeight = w, w / ratio
    img.hAlign = "LEFT"
    return img


def cover(b: Bilan, logo: str, printed: dt.date) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = []
    img = _logo(logo)
    out += [img, Spacer(1, 20 * mm)] if img is not None else [Spacer(1, 40 * mm)]
    out.append(Paragraph(_escape(b.service_nom), st["H2"]))
    out.append(Spacer(1, 6 * mm))
    out.append(Paragraph("Bilan d'activité", st["Title"]))
    out.append(Paragraph(_escape(b.periode.label.capitalize()), st["H1"]))
    out.append(Spacer(1, 6 * mm))
    who = b.scope.financeur_nom or "Ensemble des activités du service"
    out.append(Paragraph(f"Établi pour : <b>{_escape(who)}</b>", st["Body"]))
    if b.scope.financeur_nom:
        out.append(Paragraph("Périmètre : les actions et les conventions financées par ce financeur.", st["Small"]))
    out.append(Paragraph(f"Période : du {b.periode.debut:%d/%m/%Y} au {b.periode.fin:%d/%m/%Y}", st["Body"]))
    out.append(Spacer(1, 40 * mm))
    out.append(Paragraph(
        "Ce document ne contient que des chiffres agrégés : aucun nom, aucune adresse, aucune date de naissance. "
        f"Les effectifs de moins de {b.seuil} personnes sont affichés « &lt; {b.seuil} ».", st["Small"]))
    out.append(Paragraph(f"Édité le {long_date_fr(printed)}.", st["Small"]))
    out.append(PageBreak())
    return out


def _style(name: str, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, parent=styles()["Body"], **kw)


BIG = _style("BilanBig", fontName=FONT_BOLD, fontSize=15, leading=19, textColor=ACCENT)
HEAD = _style("BilanHead", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=colors.white)
CELL = _style("BilanCell", fontSize=8.5, leading=10.5)
CELL_BOLD = _style("BilanCellBold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5)
WIDE = 7  # a table of more columns prints as two (first column repeated) to stay legible


def figures_grid(figures: tuple[KeyFigure, ...], columns: int = 3) -> Table:
    st = styles()
    cells = [[Paragraph(_escape(figure_fr(f)), BIG), Paragraph(_escape(f.label), st["Small"])] for f in figures]
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    rows[-1] += [""] * (columns - len(rows[-1]))
    t = Table(rows, colWidths=[CONTENT_WIDTH / columns] * columns, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT), ("BOX", (0, 0), (-1, -1), 0.6, colors.white),
        ("INNERGRID", (0, 0), (-1, -1), 3, colors.white), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 7), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]))
    return t


def _is_text(t: BilanTable, col: int) -> bool:
    return any(isinstance(r[col], str) and not r[col].startswith("< ") and r[col] != SECONDARY for r in t.rows)


def split(t: BilanTable) -> list[BilanTable]:
    """A wide table as two narrower ones, the first column repeated."""
    if len(t.columns) <= WIDE:
        return [t]
    cut = (len(t.columns) + 1) // 2
    parts = []
    for cols in (list(range(cut)), [0, *range(cut, len(t.columns))]):
        def pick(values: tuple[Any, ...], cols: list[int] = cols) -> tuple[Any, ...]:
            return tuple(values[i] for i in cols)
        parts.append(BilanTable(
            t.key, t.title if cols[1] == 1 else f"{t.title} (suite)", pick(t.columns), tuple(pick(r) for r in t.rows),
            pick(t.total) if t.total else None, pick(t.widths) if t.widths else (),
            pick(t.formats) if t.formats else ()))
    return parts


def data_table(t: BilanTable, width: float = CONTENT_WIDTH) -> Table:
    text_cols = [_is_text(t, i) for i in range(len(t.columns))]
    head = [Paragraph(_escape(c), HEAD) for c in t.columns]
    body = []
    for values in (*t.rows, *((t.total,) if t.total else ())):
        row: list[Any] = []
        for i, v in enumerate(values):
            text = value_fr(v, t.formats[i] if i < len(t.formats) else "")
            if v is None:
                text = ""
            row.append(Paragraph(_escape(text), CELL_BOLD if values is t.total else CELL) if text_cols[i] else text)
        body.append(row)
    weights = t.widths or (1.0,) * len(t.columns)
    widths = [width * w / sum(weights) for w in weights]
    table = Table([head, *body], colWidths=widths, repeatRows=1, hAlign="LEFT")
    style = table_style()
    style.add("FONT", (0, 1), (-1, -1), FONT, 8.5)
    style.add("TOPPADDING", (0, 0), (-1, -1), 3)
    style.add("BOTTOMPADDING", (0, 0), (-1, -1), 3)
    for i, is_text in enumerate(text_cols):
        if not is_text:
            style.add("ALIGN", (i, 1), (i, -1), "RIGHT")
    if t.total:
        style.add("FONT", (0, -1), (-1, -1), FONT_BOLD, 8.5)
        style.add("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT)
        style.add("BACKGROUND", (0, -1), (-1, -1), colors.white)
    table.setStyle(style)
    return table


def _tables(tables: tuple[BilanTable, ...]) -> list[Flowable]:
    """Small two-column breakdowns side by side; the others full width, split across pages."""
    st = styles()
    out: list[Flowable] = []
    pending: list[BilanTable] = []

    def flush() -> None:
        for i in range(0, len(pending), 2):
            pair = pending[i:i + 2]
            half = CONTENT_WIDTH / 2 - 4 * mm
            cells = [[Paragraph(_escape(p.title), st["H2"]), data_table(p, half)] for p in pair]
            grid = Table([cells], colWidths=[CONTENT_WIDTH / 2] * len(pair), hAlign="LEFT")
            grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                      ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
            out.extend([grid, Spacer(1, 3 * mm)])
        pending.clear()

    for t in tables:
        if len(t.columns) <= 2 and len(t.rows) <= 12:
            pending.append(t)
            continue
        flush()
        for part in split(t):
            title = Paragraph(_escape(part.title), st["H2"])
            if len(part.rows) < 25:
                out.append(KeepTogether([title, data_table(part)]))
            else:
                out += [title, data_table(part)]
            out.append(Spacer(1, 3 * mm))
    flush()
    return out


def section(sec: Section) -> list[Flowable]:
    st = styles()
    # a section with only a remark (e.g. visits in a financeur's bilan) does not take a page
    brk = PageBreak() if sec.figures or sec.tables or sec.paragraphs else CondPageBreak(50 * mm)
    out: list[Flowable] = [brk, Paragraph(_escape(sec.title), st["H1"])]
    if sec.figures:
        out += [figures_grid(sec.figures), Spacer(1, 4 * mm)]
    charts = [drawing(c) for c in sec.charts if c.values]
    for i in range(0, len(charts), 2):
        pair = charts[i:i + 2]
        if len(pair) == 1 and pair[0].width < CONTENT_WIDTH / 2 and sec.charts[i].kind == "bar" \
                and len(sec.charts[i].labels) > 6:
            pair = [drawing(sec.charts[i], CONTENT_WIDTH)]
        row = Table([pair], colWidths=[CONTENT_WIDTH / len(pair)] * len(pair), hAlign="LEFT")
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        out += [row, Spacer(1, 3 * mm)]
    for c in sec.charts:
        if c.note:
            out.append(Paragraph(_escape(f"{c.title} : {c.note}"), st["Small"]))
    out += _tables(sec.tables)
    for heading, text in sec.paragraphs:
        out.append(Paragraph(_escape(heading), st["H2"]))
        out += [Paragraph(_escape(p).replace("\n", "<br/>"), st["Body"]) for p in text.split("\n\n")]
    if sec.notes:
        out.append(Spacer(1, 2 * mm))
        out += [Paragraph(_escape(n), st["Small"]) for n in sec.notes]
    return out


def write(b: Bilan, path: Path | str, logo: str = "", printed: dt.date | None = None) -> None:
    printed = printed or dt.date.today()
    title = f"Bilan d'activité {b.periode.label}"
    doc = document(path, title)
    if b.scope.financeur_nom:
        title += f" — {b.scope.financeur_nom}"
    story = cover(b, logo, printed)
    st = styles()
    story += [Paragraph("Chiffres clés", st["H1"]), Paragraph(_escape(f"{b.scope.label} — {b.periode.label}"),
                                                               st["Small"]),
              Spacer(1, 3 * mm), figures_grid(b.summary), Spacer(1, 6 * mm)]
    # sections reduced to a remark (out of this financeur's scope) go last, sharing a page
    ordered = sorted(b.sections, key=lambda sec: not (sec.figures or sec.tables or sec.paragraphs))
    story.append(Paragraph("Sommaire", st["H2"]))
    story += [Paragraph(f"{i}. {_escape(sec.title)}", st["Body"]) for i, sec in enumerate(ordered, 1)]
    for sec in ordered:
        story += section(sec)
    doc.build(story, canvasmaker=numbered_canvas(f"{b.service_nom} — {title}"))
