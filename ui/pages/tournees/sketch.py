"""A drawn sketch of a passage's route: points and lines on a plain background (no map
tiles, no network). Outbound rotations in solid colours, the return dashed; the base is a
square, the venue a triangle, each pick-up a numbered disc in its rotation's colour."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.formatting import number_fr
from desktop_app.tournees.model import RoutePlan, StopKind
from desktop_app.tournees.sketch import layout as sketch_layout
from desktop_app.tournees.travel import Point
from ui import theme
from ui.i18n import tr

COLOURS = ["#0f6e6e", "#e07a5f", "#6d597a", "#81b29a", "#3d405b", "#f2a541"]


class RouteSketch(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan: RoutePlan | None = None
        self.venue_name = ""
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(tr("Croquis du trajet"))

    def set_plan(self, plan: RoutePlan | None, venue_name: str = "") -> None:
        self.plan = plan
        self.venue_name = venue_name
        self.update()

    def _label(self, painter: QPainter, centre: QPointF, text: str, taken: list[QRectF], colour: QColor,
               force: bool = False) -> None:
        """Right of the point, else left, else above or below (elided to fit the sketch); a
        name that would cover another label is left out (the number and the list say who it
        is); ``force`` draws it anyway at the first place tried."""
        metrics = painter.fontMetrics()
        height = metrics.height()
        fitted = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(max(self.width() - 16, 40)))
        full = metrics.horizontalAdvance(fitted)
        places = []
        for side in ("right", "left", "above", "below"):
            room = (self.width() - centre.x() - 19 if side == "right" else centre.x() - 19 if side == "left"
                    else self.width() - 12)
            shown = metrics.elidedText(fitted, Qt.TextElideMode.ElideRight, int(max(room, 40)))
            width = metrics.horizontalAdvance(shown)
            if side == "right":
                x, y = centre.x() + 13, centre.y() - height / 2
            elif side == "left":
                x, y = centre.x() - 13 - width, centre.y() - height / 2
            else:
                x = min(max(centre.x() - width / 2, 6.0), self.width() - width - 6)
                y = centre.y() - 14 - height if side == "above" else centre.y() + 12
            places.append((width < full, QRectF(x, y, width, height), shown))
        places.sort(key=lambda place: place[0])  # whole text first, in the order above
        free = [p for p in places if not any(p[1].intersects(r) for r in taken)]
        if not free and not force:
            return
        _cut, rect, shown = (free or places)[0]
        taken.append(rect)
        painter.setPen(colour)
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#f7fafb"))
        painter.setPen(QPen(QColor(theme.BORDER)))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self.plan is None:
            painter.setPen(QColor(theme.TEXT_MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("Le croquis apparaît une fois le trajet calculé."))
            return
        geo = sketch_layout(self.plan, self.width(), self.height(), 28.0)

        def xy(p: Point) -> QPointF:
            x, y = geo.at(p)
            return QPointF(x, y)

        def leg_pen(colour: str, width: float, a: Point, b: Point, dashed: bool) -> QPen:
            if geo.base_far_km is not None and geo.base in (geo.at(a), geo.at(b)):
                return QPen(QColor(theme.TEXT_MUTED), 1.2, Qt.PenStyle.DotLine)
            return QPen(QColor(colour), width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)

        for n, rot in enumerate(self.plan.inbound.rotations):
            for a, b in itertools.pairwise(rot.stops):
                painter.setPen(leg_pen(COLOURS[(n + 3) % len(COLOURS)], 1.2, a.point, b.point, True))
                painter.drawLine(xy(a.point), xy(b.point))
        for n, rot in enumerate(self.plan.outbound.rotations):
            for a, b in itertools.pairwise(rot.stops):
                painter.setPen(leg_pen(COLOURS[n % len(COLOURS)], 2.4, a.point, b.point, False))
                painter.drawLine(xy(a.point), xy(b.point))
        small = QFont(self.font())
        small.setPointSizeF(max(8.0, small.pointSizeF() - 2))
        bold = QFont(small)
        bold.setBold(True)
        number = 0
        taken: list[QRectF] = []  # labels already drawn: a name that would overlap is left out
        labels: list[tuple[QPointF, str]] = []
        for n, rot in enumerate(self.plan.outbound.rotations):
            for stop in rot.stops:
                if stop.kind != StopKind.PICKUP:
                    continue
                number += 1
                centre = xy(stop.point)
                painter.setPen(QPen(QColor("#ffffff"), 1.5))
                painter.setBrush(QBrush(QColor(COLOURS[n % len(COLOURS)])))
                painter.drawEllipse(centre, 10, 10)
                painter.setFont(bold)
                painter.drawText(QRectF(centre.x() - 10, centre.y() - 10, 20, 20), Qt.AlignmentFlag.AlignCenter, str(number))
                taken.append(QRectF(centre.x() - 10, centre.y() - 10, 20, 20))
                labels.append((centre, stop.label.split(" ", 1)[-1]))
        venue = xy(self.plan.outbound.rotations[-1].stops[-1].point)
        painter.setFont(bold)
        self._label(painter, venue, self.venue_name or tr("Lieu"), taken, QColor(theme.ACCENT_DARK), force=True)
        painter.setFont(small)
        for centre, text in labels:
            self._label(painter, centre, text, taken, QColor(theme.TEXT))
        base = QPointF(*geo.base)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(QColor(theme.TEXT)))
        painter.drawRect(QRectF(base.x() - 7, base.y() - 7, 14, 14))
        painter.setPen(QColor(theme.TEXT))
        painter.setFont(bold)
        base_text = tr("Base") if geo.base_far_km is None else tr("Base ({km} km, hors échelle)").format(
            km=number_fr(geo.base_far_km, 1))
        metrics = painter.fontMetrics()
        text_w = metrics.horizontalAdvance(base_text)
        x = min(max(base.x() - text_w / 2, 6.0), self.width() - text_w - 6)
        below = base.y() < self.height() - 40
        painter.drawText(QPointF(x, base.y() + (24 if below else -14)), base_text)
        painter.setPen(QPen(QColor("#ffffff"), 1.5))
        painter.setBrush(QBrush(QColor(theme.ACCENT_DARK)))
        painter.drawPolygon(QPolygonF([venue + QPointF(0, -11), venue + QPointF(-10, 7), venue + QPointF(10, 7)]))
        painter.setPen(QColor(theme.TEXT_MUTED))
        painter.setFont(small)
        painter.drawText(QRectF(8, 4, self.width() - 16, 18), Qt.AlignmentFlag.AlignLeft,
                         tr("Nord en haut — trait plein : aller, pointillés : retour"))
