"""The calendar grid, painted with QPainter: day and week views (a column per day, hours
down, the all-day items in a band on top) and the month view (six weeks of cells).

Items are bucketed by day and placed in columns once per change of items, period or size
(:mod:`ui.pages.planning.layout`); painting only draws the cached rectangles.

Mouse: click selects an item, double-click opens it; drag an item to move it (snapped to
15 minutes, or whole days in the month view), drag its lower edge to resize it; drag on
empty hours to select a time range (a new absence or recurring contact).
Keyboard, on the selected item: ←/→ one day, ↑/↓ 15 minutes, Shift+arrows resize (the end
moves), Entrée opens it, Ctrl+←/→ selects the previous / next item, Page préc./suiv.
change the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.ateliers.schedule import holiday_name
from desktop_app.planning.records import SUMMARIES, PlanningItem
from ui.pages.planning import colours
from ui.pages.planning.layout import by_day, columns

FIRST_HOUR, LAST_HOUR = 7, 20
SNAP = 15  # minutes
GUTTER, HEADER, ALLDAY_ROW, MONTH_HEADER, MONTH_DAY, MONTH_LINE = 52, 36, 20, 26, 20, 17
RESIZE_GRIP = 6
JOURS = ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim.")
MODES = ("jour", "semaine", "mois")


@dataclass
class _Drag:
    mode: str  # "move", "resize", "range"
    origin: QPointF
    item: PlanningItem | None
    start: dt.datetime
    end: dt.datetime
    moved: bool = False


def period(mode: str, anchor: dt.date) -> list[dt.date]:
    """The days shown: one, Monday to Sunday, or the six weeks around the month."""
    if mode == "jour":
        return [anchor]
    if mode == "semaine":
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return [monday + dt.timedelta(days=i) for i in range(7)]
    first = anchor.replace(day=1)
    monday = first - dt.timedelta(days=first.weekday())
    return [monday + dt.timedelta(days=i) for i in range(42)]


class CalendarView(QWidget):
    itemSelected = Signal(object)  # PlanningItem or None
    itemActivated = Signal(object)  # PlanningItem (double-click, Entrée)
    moveRequested = Signal(object, object, object)  # item, new start, new end
    rangeSelected = Signal(object, object)  # start, end
    dayActivated = Signal(object)  # a date (double-click in the month view)
    periodStep = Signal(int)  # -1 / +1 (Page préc. / Page suiv.)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planningCalendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(560, 420)
        self.mode, self.anchor = "semaine", dt.date.today()
        self.days = period(self.mode, self.anchor)
        self.items: list[PlanningItem] = []
        self.conflict_keys: frozenset[str] = frozenset()
        self.selected_key: str | None = None
        self.today = dt.date.today()
        self._buckets: dict[dt.date, list[PlanningItem]] = {}
        self._rects: list[tuple[QRectF, PlanningItem]] = []
        self._more: list[tuple[QRectF, dt.date, int]] = []
        self._holidays: dict[dt.date, str] = {}
        self._dirty = True
        self._elided: dict[tuple[str, int], str] = {}  # texts cut to a width, kept with the layout
        self._drag: _Drag | None = None
        self.font_small = QFont(self.font())
        self.font_small.setPointSizeF(max(7.5, self.font().pointSizeF() - 2))
        self.font_bold = QFont(self.font_small)
        self.font_bold.setBold(True)
        self.fm = QFontMetrics(self.font_small)

    # ----- data ------------------------------------------------------------------------
    def set_period(self, mode: str, anchor: dt.date) -> None:
        self.mode, self.anchor = mode, anchor
        self.days = period(mode, anchor)
        self._holidays = {d: name for d in self.days if (name := holiday_name(d))}
        self._rebucket()

    def set_items(self, items: list[PlanningItem], conflict_keys: frozenset[str] = frozenset()) -> None:
        self.items, self.conflict_keys = items, conflict_keys
        if self.selected_key and not any(i.key == self.selected_key for i in items):
            self.selected_key = None
        self._rebucket()

    def _rebucket(self) -> None:
        self._buckets = by_day(self.items, self.days[0], self.days[-1])
        self._dirty = True
        self.update()

    def selected(self) -> PlanningItem | None:
        return next((i for i in self.items if i.key == self.selected_key), None)

    def select(self, key: str | None) -> None:
        self.selected_key = key
        self.itemSelected.emit(self.selected())
        self.update()

    def rect_of(self, key: str) -> QRectF | None:
        """Where an item is drawn (its first rectangle), for tests and tooltips."""
        self._ensure_layout()
        return next((r for r, i in self._rects if i.key == key), None)

    # ----- geometry --------------------------------------------------------------------
    def _allday_rows(self) -> int:
        most = max((sum(1 for i in self._buckets.get(d, ()) if i.all_day) for d in self.days), default=0)
        return min(3, max(1, most))

    def _grid_top(self) -> float:
        return HEADER + self._allday_rows() * ALLDAY_ROW + 4

    def _col_width(self) -> float:
        return (self.width() - GUTTER) / len(self.days)

    def _hour_height(self) -> float:
        return max(18.0, (self.height() - self._grid_top() - 2) / (LAST_HOUR - FIRST_HOUR))

    def _y_of(self, moment: dt.datetime) -> float:
        minutes = moment.hour * 60 + moment.minute - FIRST_HOUR * 60
        minutes = min(max(minutes, 0), (LAST_HOUR - FIRST_HOUR) * 60)
        return self._grid_top() + minutes / 60 * self._hour_height()

    def _cell(self, index: int) -> QRectF:
        w, h = self.width() / 7, (self.height() - MONTH_HEADER) / 6
        return QRectF((index % 7) * w, MONTH_HEADER + (index // 7) * h, w, h)

    def moment_at(self, pos: QPointF) -> dt.datetime:
        """The snapped day and time under a point of the day or week grid."""
        col = int(min(max((pos.x() - GUTTER) / self._col_width(), 0), len(self.days) - 1))
        minutes = FIRST_HOUR * 60 + (pos.y() - self._grid_top()) / self._hour_height() * 60
        minutes = min(max(round(minutes / SNAP) * SNAP, 0), 24 * 60 - SNAP)
        return dt.datetime.combine(self.days[col], dt.time()) + dt.timedelta(minutes=minutes)

    def day_at(self, pos: QPointF) -> dt.date:
        if self.mode == "mois":
            col = int(min(max(pos.x() / (self.width() / 7), 0), 6))
            row = int(min(max((pos.y() - MONTH_HEADER) / ((self.height() - MONTH_HEADER) / 6), 0), 5))
            return self.days[row * 7 + col]
        return self.moment_at(pos).date()

    # ----- layout ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._dirty = True
        super().resizeEvent(event)

    def _ensure_layout(self) -> None:
        if not self._dirty:
            return
        self._rects, self._more = [], []
        self._elided.clear()
        if self.mode == "mois":
            self._layout_month()
        else:
            self._layout_days()
        self._dirty = False

    def _layout_days(self) -> None:
        cw, rows = self._col_width(), self._allday_rows()
        for n, day in enumerate(self.days):
            x = GUTTER + n * cw
            day_items = self._buckets.get(day, [])
            all_day = [i for i in day_items if i.all_day]
            for k, item in enumerate(all_day[:rows]):
                self._rects.append((QRectF(x + 2, HEADER + k * ALLDAY_ROW + 1, cw - 4, ALLDAY_ROW - 2), item))
            if len(all_day) > rows:
                self._more.append((QRectF(x + cw - 60, HEADER + (rows - 1) * ALLDAY_ROW, 58, ALLDAY_ROW), day,
                                   len(all_day) - rows))
            for placed in columns(day, day_items):
                width = (cw - 6) / placed.columns
                top, bottom = self._y_of(placed.start), self._y_of(placed.end)
                rect = QRectF(x + 2 + placed.column * width, top, width - 1, max(bottom - top, 14))
                self._rects.append((rect, placed.item))

    def _layout_month(self) -> None:
        for n, day in enumerate(self.days):
            cell = self._cell(n)
            day_items = self._buckets.get(day, [])
            room = max(0, int((cell.height() - MONTH_DAY - 2) // MONTH_LINE))
            shown = day_items if len(day_items) <= room else day_items[:max(0, room - 1)]
            for k, item in enumerate(shown):
                self._rects.append((QRectF(cell.x() + 3, cell.y() + MONTH_DAY + k * MONTH_LINE,
                                           cell.width() - 6, MONTH_LINE - 2), item))
            if len(shown) < len(day_items):
                self._more.append((QRectF(cell.x() + 3, cell.y() + MONTH_DAY + len(shown) * MONTH_LINE,
                                          cell.width() - 6, MONTH_LINE - 2), day, len(day_items) - len(shown)))

    # ----- painting --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_layout()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.fillRect(self.rect(), QColor("#ffffff"))
        if self.mode == "mois":
            self._paint_month_grid(p)
        else:
            self._paint_day_grid(p)
        p.setFont(self.font_small)
        ghost = self._drag.item.key if self._drag and self._drag.moved and self._drag.item else None
        for rect, item in self._rects:
            if rect.intersects(QRectF(event.rect())):
                self._paint_item(p, rect, item, faded=item.key == ghost)
        for rect, _day, count in self._more:
            p.setPen(colours.MUTED)
            p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, f"+ {count} autres")
        self._paint_drag(p)
        p.end()

    def _paint_day_grid(self, p: QPainter) -> None:
        cw, top, hh = self._col_width(), self._grid_top(), self._hour_height()
        for n, day in enumerate(self.days):
            x = GUTTER + n * cw
            back = (colours.HOLIDAY if day in self._holidays else colours.TODAY if day == self.today
                    else colours.WEEKEND if day.weekday() >= 5 else None)
            if back is not None:
                p.fillRect(QRectF(x, 0, cw, self.height()), back)
            p.setPen(colours.TEXT)
            p.setFont(self.font_bold)
            label = f"{JOURS[day.weekday()]} {day.day:02d}/{day.month:02d}"
            p.drawText(QRectF(x + 4, 2, cw - 8, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
            if day in self._holidays:
                p.setFont(self.font_small)
                p.setPen(colours.MUTED)
                p.drawText(QRectF(x + 4, 18, cw - 8, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                           self._elide(f"Férié : {self._holidays[day]}", int(cw - 8)))
        p.setFont(self.font_small)
        for h in range(FIRST_HOUR, LAST_HOUR + 1):
            y = top + (h - FIRST_HOUR) * hh
            p.setPen(QPen(colours.GRID_HOUR, 1))
            p.drawLine(QPointF(GUTTER - 4, y), QPointF(self.width(), y))
            p.setPen(colours.MUTED)
            p.drawText(QRectF(0, y - 8, GUTTER - 8, 16), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{h:02d}:00")
            if h < LAST_HOUR:
                p.setPen(QPen(colours.GRID, 1, Qt.PenStyle.DotLine))
                p.drawLine(QPointF(GUTTER, y + hh / 2), QPointF(self.width(), y + hh / 2))
        p.setPen(QPen(colours.GRID_HOUR, 1))
        p.drawLine(QPointF(0, HEADER - 1), QPointF(self.width(), HEADER - 1))
        for n in range(len(self.days) + 1):
            x = GUTTER + n * cw
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        if self.today in self.days:
            now = dt.datetime.now()
            if FIRST_HOUR <= now.hour < LAST_HOUR:
                x = GUTTER + self.days.index(self.today) * cw
                y = self._y_of(now)
                p.setPen(QPen(colours.CONFLICT, 1.5))
                p.drawLine(QPointF(x, y), QPointF(x + cw, y))

    def _paint_month_grid(self, p: QPainter) -> None:
        w = self.width() / 7
        p.setFont(self.font_bold)
        p.setPen(colours.MUTED)
        for k, name in enumerate(JOURS):
            p.drawText(QRectF(k * w + 6, 0, w - 12, MONTH_HEADER), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       name.capitalize())
        for n, day in enumerate(self.days):
            cell = self._cell(n)
            back = (colours.HOLIDAY if day in self._holidays else colours.TODAY if day == self.today
                    else colours.WEEKEND if day.weekday() >= 5 else None)
            if back is not None:
                p.fillRect(cell, back)
            p.setPen(QPen(colours.GRID_HOUR, 1))
            p.drawRect(cell)
            p.setPen(colours.TEXT if day.month == self.anchor.month else colours.MUTED)
            p.setFont(self.font_bold if day == self.today else self.font_small)
            label = f"{day.day}" + (" " + self._holidays[day] if day in self._holidays else "")
            p.drawText(QRectF(cell.x() + 5, cell.y() + 1, cell.width() - 10, MONTH_DAY - 2),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       self._elide(label, int(cell.width() - 10)))

    def _elide(self, text: str, width: int) -> str:
        key = (text, width)
        found = self._elided.get(key)
        if found is None:
            found = self._elided[key] = self.fm.elidedText(text, Qt.TextElideMode.ElideRight, width)
        return found

    def _paint_item(self, p: QPainter, rect: QRectF, item: PlanningItem, faded: bool = False) -> None:
        colour = colours.KIND_COLOURS[item.kind]
        if item.pickup_start and self.mode != "mois" and not item.all_day:
            self._paint_pickup(p, rect, item, colour)
        back = colours.fill(item.kind)
        if faded:
            back.setAlpha(90)
        p.fillRect(rect, back)
        p.fillRect(QRectF(rect.x(), rect.y(), 3, rect.height()), colour)
        if item.key in self.conflict_keys:
            p.setPen(QPen(colours.CONFLICT, 2))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        if item.key == self.selected_key:
            p.setPen(QPen(colours.TEXT, 2, Qt.PenStyle.DashLine))
            p.drawRect(rect.adjusted(1, 1, -1, -1))
        p.setPen(colours.TEXT)
        inner = rect.adjusted(6, 1, -3, -1)
        width = int(inner.width())
        if width < 36:  # too narrow for a readable word: the colour and the tooltip say it
            return
        if self.mode == "mois" or item.all_day or rect.height() < 30:
            prefix = "" if item.all_day else f"{item.start:%H:%M} "
            text = self._elide(prefix + item.title, width)
            p.drawText(inner, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            return
        p.setFont(self.font_bold)
        p.drawText(QRectF(inner.x(), inner.y(), inner.width(), 15), Qt.AlignmentFlag.AlignLeft,
                   self._elide(f"{item.start:%H:%M}–{item.end:%H:%M}", width))
        p.setFont(self.font_small)
        lines = [item.title, ", ".join(item.who), item.place or item.commune or "", item.vehicle or ""]
        y = inner.y() + 15
        for line in (x for x in lines if x):
            if y + 14 > inner.bottom():
                break
            p.drawText(QRectF(inner.x(), y, inner.width(), 14), Qt.AlignmentFlag.AlignLeft,
                       self._elide(line, width))
            y += 14

    def _paint_pickup(self, p: QPainter, rect: QRectF, item: PlanningItem, colour: QColor) -> None:
        """The vehicle's pick-up route before the passage and the drop-offs after it."""
        brush = QBrush(colour, Qt.BrushStyle.BDiagPattern)
        assert item.pickup_start is not None
        top = self._y_of(item.pickup_start)
        if top < rect.top():
            p.fillRect(QRectF(rect.x() + 6, top, rect.width() - 12, rect.top() - top), brush)
        if item.back_at:
            bottom = self._y_of(item.back_at)
            if bottom > rect.bottom():
                p.fillRect(QRectF(rect.x() + 6, rect.bottom(), rect.width() - 12, bottom - rect.bottom()), brush)

    def _paint_drag(self, p: QPainter) -> None:
        d = self._drag
        if d is None or not d.moved:
            return
        if d.mode == "range":
            for n, day in enumerate(self.days):
                if d.start.date() <= day <= d.end.date():
                    a = max(d.start, dt.datetime.combine(day, dt.time()))
                    b = min(d.end, dt.datetime.combine(day, dt.time(23, 59)))
                    x = GUTTER + n * self._col_width()
                    p.fillRect(QRectF(x + 1, self._y_of(a), self._col_width() - 2, self._y_of(b) - self._y_of(a)),
                               colours.SELECTION)
            return
        assert d.item is not None
        if self.mode == "mois":
            index = (d.start.date() - self.days[0]).days
            if 0 <= index < len(self.days):
                cell = self._cell(index)
                p.setPen(QPen(colours.KIND_COLOURS[d.item.kind], 2, Qt.PenStyle.DashLine))
                p.drawRect(cell.adjusted(2, 2, -2, -2))
            return
        if d.start.date() in self.days:
            n = self.days.index(d.start.date())
            x = GUTTER + n * self._col_width()
            ghost = QRectF(x + 2, self._y_of(d.start), self._col_width() - 4,
                           max(self._y_of(d.end) - self._y_of(d.start), 14) if not d.item.all_day else ALLDAY_ROW)
            if d.item.all_day:
                ghost.moveTop(HEADER)
            p.fillRect(ghost, colours.SELECTION)
            p.setPen(QPen(colours.KIND_COLOURS[d.item.kind], 2))
            p.drawRect(ghost)
            p.setPen(colours.TEXT)
            p.drawText(ghost.adjusted(6, 2, -2, -2), Qt.AlignmentFlag.AlignLeft,
                       f"{d.start:%H:%M}–{d.end:%H:%M}" if not d.item.all_day else d.item.title)

    # ----- mouse -----------------------------------------------------------------------
    def item_at(self, pos: QPointF) -> tuple[PlanningItem | None, QRectF | None]:
        self._ensure_layout()
        for rect, item in reversed(self._rects):
            if rect.contains(pos):
                return item, rect
        return None, None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        item, rect = self.item_at(pos)
        if item is not None and item.source in SUMMARIES:
            self.select(item.key)  # a count per day: double-click opens the day, nothing to drag
        elif item is not None and rect is not None:
            self.select(item.key)
            resize = (self.mode != "mois" and not item.all_day and pos.y() >= rect.bottom() - RESIZE_GRIP)
            self._drag = _Drag("resize" if resize else "move", pos, item, item.start, item.end)
        elif self.mode != "mois" and pos.y() > self._grid_top() and pos.x() > GUTTER:
            self.select(None)
            start = self.moment_at(pos)
            self._drag = _Drag("range", pos, None, start, start + dt.timedelta(minutes=SNAP))
        else:
            self.select(None)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        d, pos = self._drag, event.position()
        if d is None:
            item, rect = self.item_at(pos)
            grip = (item is not None and rect is not None and self.mode != "mois" and not item.all_day
                    and pos.y() >= rect.bottom() - RESIZE_GRIP)
            self.setCursor(Qt.CursorShape.SizeVerCursor if grip else Qt.CursorShape.ArrowCursor)
            self.setToolTip(self._tooltip(item) if item else "")
            return
        if not d.moved and (pos - d.origin).manhattanLength() < 4:
            return
        d.moved = True
        if d.mode == "range":
            a, b = self.moment_at(d.origin), self.moment_at(pos)
            d.start, d.end = min(a, b), max(a, b) + dt.timedelta(minutes=SNAP)
        elif d.mode == "resize":
            assert d.item is not None
            end = dt.datetime.combine(d.item.start.date(), self.moment_at(pos).time())
            d.end = max(end, d.item.start + dt.timedelta(minutes=SNAP))
        else:
            assert d.item is not None
            if self.mode == "mois" or d.item.all_day:
                delta = dt.timedelta(days=(self.day_at(pos) - self.day_at(d.origin)).days)
            else:
                delta = self.moment_at(pos) - self.moment_at(d.origin)
            d.start, d.end = d.item.start + delta, d.item.end + delta
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        d, self._drag = self._drag, None
        if d is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self.update()
        if not d.moved:
            return
        if d.mode == "range":
            self.rangeSelected.emit(d.start, d.end)
        elif d.item is not None and (d.start, d.end) != (d.item.start, d.item.end):
            self.moveRequested.emit(d.item, d.start, d.end)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item, _rect = self.item_at(event.position())
        more = next((day for rect, day, _n in self._more if rect.contains(event.position())), None)
        if item is not None and item.source in SUMMARIES:
            self.dayActivated.emit(item.start.date())
        elif item is not None:
            self.itemActivated.emit(item)
        elif more is not None or self.mode == "mois":
            self.dayActivated.emit(more or self.day_at(event.position()))

    def _tooltip(self, item: PlanningItem) -> str:
        lines = [item.title, "Journée" if item.all_day else f"{item.start:%d/%m %H:%M} – {item.end:%H:%M}"]
        if item.pickup_start and item.back_at:
            lines.append(f"Ramassage {item.pickup_start:%H:%M} – retour {item.back_at:%H:%M}")
        lines += [x for x in (", ".join(item.who), item.place, item.commune, item.vehicle) if x]
        return "\n".join(lines)

    # ----- keyboard --------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.periodStep.emit(-1 if key == Qt.Key.Key_PageUp else 1)
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and mods & Qt.KeyboardModifier.ControlModifier:
            self._select_next(1 if key == Qt.Key.Key_Right else -1)
            return
        item = self.selected()
        if item is None:
            if key in arrows:
                self._select_next(1)
                return
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if item.source in SUMMARIES:
                self.dayActivated.emit(item.start.date())
            else:
                self.itemActivated.emit(item)
            return
        if item.source in SUMMARIES:
            super().keyPressEvent(event)
            return
        if key not in arrows:
            super().keyPressEvent(event)
            return
        days, steps = arrows[key]
        delta = dt.timedelta(days=days, minutes=0 if item.all_day else steps * SNAP)
        if item.all_day and steps:
            delta = dt.timedelta(days=steps)
        if mods & Qt.KeyboardModifier.ShiftModifier:
            end = item.end + delta
            if end > item.start:
                self.moveRequested.emit(item, item.start, end)
        else:
            self.moveRequested.emit(item, item.start + delta, item.end + delta)

    def _select_next(self, step: int) -> None:
        self._ensure_layout()
        visible = [i for _r, i in sorted(self._rects, key=lambda ri: (ri[1].start, ri[0].x()))]
        if not visible:
            return
        keys = list(dict.fromkeys(i.key for i in visible))
        index = keys.index(self.selected_key) + step if self.selected_key in keys else 0
        self.select(keys[index % len(keys)])
