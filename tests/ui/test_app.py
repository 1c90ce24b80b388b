"""Start-up pieces: opening the database (refusing a newer one), logging, background ops."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMessageLogContext, QtMsgType

from desktop_app import paths
from desktop_app.app import Escale
from desktop_app.errors import NotFound
from desktop_app.logging_setup import log_file_path, setup_logging
from ui.app import open_escale, qt_message_handler
from ui.ops import Ops


def test_a_database_newer_than_escale_is_refused_in_french(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    Escale.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff' "  # one row per head
                     "WHERE version_num = (SELECT min(version_num) FROM alembic_version)")
    escale, problem = open_escale(str(path), demo=False)
    assert escale is None
    assert problem is not None and "version plus récente d'Escale" in problem


def test_open_escale_creates_the_demo_database_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_writer(path: str, people: int = 300, seed: int = 1, force: bool = False) -> str:
        calls.append(path)
        Escale.open(f"sqlite:///{path}").close()
        return "ok"

    import desktop_app.demo

    monkeypatch.setattr(desktop_app.demo, "write_demo_database", fake_writer)
    for _ in range(2):
        escale, problem = open_escale(None, demo=True)
        assert problem is None and escale is not None
        assert escale.db.display_name == str(paths.demo_database_path().resolve())
        escale.close()
    assert calls == [str(paths.demo_database_path())]


def test_logging_goes_to_a_rotating_file_in_the_log_dir() -> None:
    path = setup_logging()
    setup_logging()  # a second call does not duplicate the handlers
    logging.getLogger("escale.test").info("bonjour le journal")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert path == log_file_path() and path.parent == paths.log_dir()
    assert path.read_text(encoding="utf-8").count("bonjour le journal") == 1


def test_qt_messages_are_routed_into_logging(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="qt"):
        qt_message_handler(QtMsgType.QtInfoMsg, QMessageLogContext(), "message de Qt")
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [("qt", logging.INFO, "message de Qt")]


def test_ops_deliver_result_and_errors_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    ops = Ops()
    seen: list[tuple[str, object, bool]] = []
    changed: list[str] = []
    ops.bus.changed.connect(changed.append)
    gui = threading.get_ident()

    def on_error(error: NotFound) -> bool:
        seen.append(("error", error.message_fr, threading.get_ident() == gui))
        return True

    worker_threads: list[int] = []

    def work() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    def fail() -> None:
        raise NotFound("Introuvable.")

    ops.run(work, lambda r: seen.append(("done", r, threading.get_ident() == gui)), changes="people")
    ops.run(fail, on_error=on_error)
    assert ops.busy
    qtbot.waitUntil(lambda: not ops.busy, timeout=5000)
    assert sorted(seen, key=str) == [("done", 42, True), ("error", "Introuvable.", True)]
    assert worker_threads and worker_threads[0] != gui
    assert changed == ["people"]
    ops.shutdown()
