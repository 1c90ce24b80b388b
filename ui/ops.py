"""Background operations (Anki's CollectionOp/QueryOp pattern).

A page never calls a service on the GUI thread for anything that touches the database in
bulk: it hands a callable to :meth:`Ops.run`. The callable runs on a QThreadPool worker;
its result, or the DomainError it raised, comes back on the GUI thread through a queued
signal, where the page's callback may touch widgets. After a successful write the op names
what changed (``changes="people"``) and the :class:`Bus` tells every open view to refresh.

Tests wait with ``qtbot.waitUntil(lambda: not ops.busy)``: ``busy`` falls to False only
after the callbacks of every finished op have run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.errors import DomainError
from ui.i18n import tr

log = logging.getLogger(__name__)

PEOPLE = "people"
TOURNEES = "tournees"  # vehicles, conventions, passages, pick-ups and home points


class Bus(QObject):
    """Application-wide notifications: ``changed(topic)`` after a write succeeded."""

    changed = Signal(str)


class _Relay(QObject):
    """Lives on the GUI thread; its signal, emitted from the worker, is queued back.

    It also carries the op's callbacks until delivery."""

    finished = Signal(object, object)  # result, exception (one of them is None)

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[DomainError], bool] | None,
        changes: str | None,
        parent_widget: QWidget | None,
    ) -> None:
        super().__init__()
        self.on_done = on_done
        self.on_error = on_error
        self.changes = changes
        self.parent_widget = parent_widget


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the GUI thread, never lost
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


def show_error(parent: QWidget | None, text: str) -> None:
    """A window-modal French message that does not block the event loop."""
    from ui.widgets.messages import inform  # here: ui.widgets imports ui.context, which imports us

    inform(parent, text)


class Ops(QObject):
    """Runs callables off the GUI thread and delivers their outcome on it."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.bus = Bus(self)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: dict[_Relay, _Job] = {}
        self._closed = False
        self.unexpected_errors: list[BaseException] = []

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[DomainError], bool] | None = None,
        *,
        changes: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Run ``work()`` on a worker thread.

        ``on_done(result)`` runs on the GUI thread; then, if ``changes`` is set, the bus
        announces it. A DomainError goes to ``on_error`` (return True when handled) or
        else to a message box over ``parent``. Anything else is logged and shown as an
        unexpected error. Callbacks are skipped if ``parent`` was destroyed meanwhile.
        """
        if self._closed:
            return
        relay = _Relay(on_done, on_error, changes, parent)
        job = _Job(work, relay)
        relay.finished.connect(self._deliver)
        self._pending[relay] = job
        if len(self._pending) == 1:
            self.busy_changed.emit(True)
        self._pool.start(job)

    @Slot(object, object)
    def _deliver(self, result: Any, exc: BaseException | None) -> None:
        relay = self.sender()
        assert isinstance(relay, _Relay)
        on_done, on_error, changes, parent = relay.on_done, relay.on_error, relay.changes, relay.parent_widget
        try:
            if self._closed or (parent is not None and not shiboken6.isValid(parent)):
                return
            if exc is None:
                if on_done is not None:
                    on_done(result)
                if changes:
                    self.bus.changed.emit(changes)
            elif isinstance(exc, DomainError):
                if on_error is None or not on_error(exc):
                    show_error(parent, exc.message_fr)
            else:
                self.unexpected_errors.append(exc)
                log.error("Erreur inattendue dans une opération", exc_info=exc)
                show_error(parent, tr(
                    "Une erreur inattendue est survenue. L'opération n'a pas été faite.\n"
                    "Le détail est dans le journal d'Escale."
                ))
        finally:
            self._pending.pop(relay, None)
            relay.deleteLater()
            if not self._pending:
                self.busy_changed.emit(False)

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Wait for running workers and drop the callbacks still queued (window closing)."""
        self._closed = True
        self._pool.waitForDone(timeout_ms)
        self._pending.clear()
