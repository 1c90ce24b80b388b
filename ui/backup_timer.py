"""The daily backup while Escale stays open: every hour a worker thread asks the backup
service for today's copy (made only if none exists yet), so a laptop left open for days
still gets one verified copy a day. The backup at close is taken by ui.app."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QThreadPool, QTimer

from desktop_app.app import Escale

log = logging.getLogger(__name__)

HOUR_MS = 3_600_000
FIRST_CHECK_MS = 120_000  # not during the first minutes: the user is starting to work


class DailyBackup(QObject):
    def __init__(self, escale: Escale, parent: QObject | None = None,
                 interval_ms: int = HOUR_MS, first_ms: int = FIRST_CHECK_MS) -> None:
        super().__init__(parent)
        self.escale = escale
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        QTimer.singleShot(first_ms, self, self.check)

    def check(self) -> None:
        if self.pool.activeThreadCount() == 0:
            self.pool.start(self._run)

    def _run(self) -> None:
        try:
            info = self.escale.backups.maybe_daily_backup()
        except Exception:  # logged, retried at the next check: never stops the application
            log.exception("Sauvegarde quotidienne impossible")
            return
        if info is not None:
            log.info("Sauvegarde quotidienne : %s", info.path)

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(60_000)
