"""Garbage collection on the GUI thread only.

Python's cyclic collector runs in whichever thread happens to allocate when a threshold
is crossed. If that is a background operation's worker thread, it may finalise Qt
wrappers owned by the GUI thread, and Qt crashes (a segmentation fault seen in the test
suite). So automatic collection is switched off while the GUI runs, and a timer on the
GUI thread collects instead, generation by generation as the thresholds would have.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self, interval=INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts = gc.get_count()
        if counts[0] <= self.thresholds[0]:
            return
        generation = 0
        if counts[1] > self.thresholds[1]:
            generation = 2 if counts[2] > self.thresholds[2] else 1
        gc.collect(generation)


_COLLECTOR: list[GuiThreadCollector] = []


def install(app: QObject) -> GuiThreadCollector:
    if not _COLLECTOR:
        _COLLECTOR.append(GuiThreadCollector(app))
    return _COLLECTOR[0]
