"""Bar and pie charts of a bilan, drawn with reportlab.graphics (vector, embedded font)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib.units import mm

from desktop_app.bilans.records import Chart
from desktop_app.formatting import number_fr
from desktop_app.reports.common import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE, SERIES

WIDTH = 86 * mm


def _title(d: Drawing, text: str, y: float) -> None:
    d.add(String(0, y, text, fontName=FONT_BOLD, fontSize=9, fillColor=INK))


def _short(label: str, n: int = 30) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def bar(chart: Chart, width: float = WIDTH) -> Drawing:
    rows = len(chart.values)
    bar_h = 11
    height = rows * bar_h + 34
    d = Drawing(width, height)
    c = HorizontalBarChart()
    c.x, c.y = 62 * mm if width > 120 * mm else 44 * mm, 14
    c.width, c.height = width - c.x - 16, rows * bar_h
    c.data = [list(reversed(chart.values))]
    c.categoryAxis.categoryNames = [_short(x, 44 if width > 120 * mm else 28) for x in reversed(chart.labels)]
    c.categoryAxis.labels.fontName = FONT
    c.categoryAxis.labels.fontSize = 7
    c.categoryAxis.labels.boxAnchor = "e"
    c.categoryAxis.strokeColor = RULE
    c.valueAxis.valueMin = 0
    c.valueAxis.labels.fontName = FONT
    c.valueAxis.labels.fontSize = 7
    c.valueAxis.strokeColor = RULE
    c.valueAxis.labelTextFormat = lambda v: number_fr(v)
    c.bars[0].fillColor = ACCENT
    c.bars[0].strokeColor = None
    c.barLabelFormat = lambda v: number_fr(v)
    c.barLabels.fontName = FONT
    c.barLabels.fontSize = 6.5
    c.barLabels.boxAnchor = "w"
    c.barLabels.dx = 3
    c.barLabels.fillColor = MUTED
    d.add(c)
    _title(d, chart.title, height - 10)
    return d


def pie(chart: Chart, width: float = WIDTH) -> Drawing:
    height = 46 * mm
    d = Drawing(width, height)
    p = Pie()
    p.x, p.y = 4, 8
    p.width = p.height = height - 26
    p.data = list(chart.values)
    p.labels = None
    p.simpleLabels = 1
    p.slices.strokeColor = None
    for i in range(len(chart.values)):
        p.slices[i].fillColor = SERIES[i % len(SERIES)]
    d.add(p)
    total = sum(chart.values) or 1
    legend = Legend()
    legend.x, legend.y = p.width + 16, height - 24
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "right"
    legend.columnMaximum = 8
    legend.dxTextSpace = 4
    legend.colorNamePairs = [
        (SERIES[i % len(SERIES)], f"{_short(lab, 34)} : {number_fr(100 * v / total, 0)} %")
        for i, (lab, v) in enumerate(zip(chart.labels, chart.values, strict=True))
    ]
    d.add(legend)
    _title(d, chart.title, height - 10)
    return d


def drawing(chart: Chart, width: float = WIDTH) -> Drawing:
    return pie(chart, width) if chart.kind == "pie" else bar(chart, width)
