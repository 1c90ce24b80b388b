"""The figures of a bilan on screen: per section, the key figures, QtCharts charts and the
tables, exactly as the PDF prints them (same published values, « < 5 » included)."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.bilans.display import figure_fr, value_fr
from desktop_app.bilans.records import Bilan, Chart, Section, Table
from ui.widgets.common import Card, muted_label, title_label

SERIES = ("#2F6F8F", "#E07A5F", "#81B29A", "#F2CC8F", "#6D597A", "#3D405B", "#A8DADC")


def chart_view(chart: Chart) -> QChartView:
    qc = QChart()
    qc.setTitle(chart.title)
    qc.setMargins(QMargins(4, 4, 4, 4))
    qc.setBackgroundRoundness(0)
    if chart.kind == "pie":
        series = QPieSeries()
        total = sum(chart.values) or 1
        for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
            piece = series.append(f"{label} ({round(100 * value / total)} %)", value)
            piece.setColor(QColor(SERIES[i % len(SERIES)]))
        qc.addSeries(series)
        qc.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    else:
        bars = QBarSet("")
        bars.append(list(reversed(chart.values)))
        bars.setColor(QColor(SERIES[0]))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        qc.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([lab if len(lab) <= 34 else lab[:33] + "…" for lab in reversed(chart.labels)])
        axis_y.setTruncateLabels(False)
        qc.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_y)
        axis_x = QValueAxis()
        axis_x.setRange(0, max(chart.values, default=1) * 1.15)
        axis_x.setLabelFormat("%d")
        axis_x.applyNiceNumbers()
        qc.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_x)
        qc.legend().hide()
    view = QChartView(qc)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(max(230, 26 * len(chart.values) + 90) if chart.kind == "bar" else 230)
    view.setAccessibleName(chart.title)
    return view


def table_widget(t: Table) -> QTableWidget:
    rows = [*t.rows, *((t.total,) if t.total else ())]
    widget = QTableWidget(len(rows), len(t.columns))
    widget.setAccessibleName(t.title)
    widget.setHorizontalHeaderLabels(list(t.columns))
    widget.verticalHeader().hide()
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setAlternatingRowColors(True)
    widget.setShowGrid(False)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            fmt = t.formats[c] if c < len(t.formats) else ""
            item = QTableWidgetItem("" if value is None and r == len(t.rows) else value_fr(value, fmt))
            numeric = not isinstance(value, str) or value.startswith("< ") or value == "masqué"
            if numeric and c > 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if t.total and r == len(t.rows):
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            widget.setItem(r, c, item)
    header = widget.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    widget.resizeRowsToContents()
    height = header.sizeHint().height() + sum(widget.rowHeight(r) for r in range(len(rows))) + 4
    widget.setFixedHeight(height)
    return widget


def figures_row(section: Section) -> QWidget:
    box = QWidget()
    grid = QGridLayout(box)
    grid.setContentsMargins(0, 0, 0, 0)
    for i, fig in enumerate(section.figures):
        cell = QLabel(f"<span style='font-size:18pt;font-weight:600;color:#2F6F8F'>{figure_fr(fig)}</span>"
                      f"<br><span style='color:#5B6B78'>{fig.label}</span>")
        cell.setObjectName("bilanFigure")
        cell.setStyleSheet("#bilanFigure{background:#E3EEF3;border-radius:6px;padding:8px 12px;}")
        cell.setMinimumWidth(60)
        grid.addWidget(cell, i // 4, i % 4)
    return box


def section_card(section: Section) -> Card:
    card = Card(section.title)
    card.setAccessibleName(section.title)
    if section.figures:
        card.body.addWidget(figures_row(section))
    charts = [c for c in section.charts if c.values]
    if charts:
        grid = QGridLayout()
        for i, chart in enumerate(charts):
            grid.addWidget(chart_view(chart), i // 2, i % 2)
        card.body.addLayout(grid)
    for t in section.tables:
        card.body.addWidget(title_label(t.title, "columnTitle"))
        card.body.addWidget(table_widget(t))
    for heading, text in section.paragraphs:
        card.body.addWidget(title_label(heading, "columnTitle"))
        card.body.addWidget(muted_label(text, "body"))
    for note in section.notes:
        card.body.addWidget(muted_label(note))
    return card


class FiguresView(QScrollArea):
    """Every section of the bilan, one card each, in one scrolling column."""

    def __init__(self) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards: list[Card] = []
        self._holder = QWidget()
        self._layout = QVBoxLayout(self._holder)
        self._layout.setContentsMargins(0, 8, 8, 8)
        self._layout.setSpacing(14)
        self.setWidget(self._holder)

    def show_bilan(self, bilan: Bilan) -> None:
        for card in self.cards:
            card.setParent(None)
            card.deleteLater()
        self.cards = [section_card(s) for s in bilan.sections if s.key != "recit"]
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)
        for card in self.cards:
            self._layout.addWidget(card)
        self._layout.addStretch(1)
