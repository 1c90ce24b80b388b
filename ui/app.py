"""Starting the desktop application: Qt in French, the look, logging, the database (the
demo one created on first use), then the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from db.migrate import DatabaseTooNew
from desktop_app import __version__, paths
from desktop_app.app import Escale, resolve_database_url
from desktop_app.encryption import encrypted_file
from desktop_app.logging_setup import setup_logging
from ui import gc_guard, theme
from ui.i18n import install_french, tr

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


_TRANSLATORS: list[QTranslator] = []  # alive as long as the application


def qt_message_handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log file with ours (qutebrowser does the same)."""
    where = f" ({context.category})" if context.category and context.category != "default" else ""
    qt_log.log(_QT_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)


def ensure_demo_database() -> Path:
    """The demo file in the user data dir, written on first use (300 people, seed 1)."""
    path = paths.demo_database_path()
    if not path.exists():
        from desktop_app.demo import write_demo_database

        log.info(write_demo_database(str(path), people=300, seed=1))
    return path


def open_escale(db: str | None, demo: bool) -> tuple[Escale | None, str | None]:
    """Open (and upgrade) the database; on failure a French explanation instead."""
    try:
        if demo and not db:
            ensure_demo_database()
        url = resolve_database_url(db, demo=demo)
        locked = encrypted_file(url)
        if locked is not None:  # ask the passphrase; None = the user chose « Quitter »
            from ui.dialogs.passphrase import ask_passphrase

            escale = ask_passphrase(locked.name, lambda phrase: Escale.open(url, passphrase=phrase))
            return escale, None if escale is not None else ""
        return Escale.open(url), None
    except DatabaseTooNew:
        log.exception("Base plus récente que le programme")
        return None, tr(
            "Cette base de données a été écrite par une version plus récente d'Escale.\n\n"
            "Escale ne peut pas l'ouvrir sans risquer de l'abîmer. Installez la dernière version "
            "d'Escale, ou demandez de l'aide à la personne qui gère les postes du service."
        )
    except Exception:
        log.exception("Ouverture de la base impossible")
        return None, tr(
            "Escale n'a pas pu ouvrir la base de données.\n\n"
            "Le détail est dans le journal : {path}"
        ).format(path=paths.log_dir())


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Escale")
    app.setApplicationDisplayName("Escale")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Escale")
    if not _TRANSLATORS:
        _TRANSLATORS.extend(install_french(app))
    theme.apply(app)
    gc_guard.install(app)
    return app


def run_gui(db: str | None = None, demo: bool = False) -> int:
    """The ``escale`` command without sub-command. Returns the process exit code."""
    log_file = setup_logging()
    previous: Callable[..., None] | None = qInstallMessageHandler(qt_message_handler)
    try:
        app = create_application()
        log.info("Escale %s, journal %s", __version__, log_file)
        escale, problem = open_escale(db, demo)
        if escale is None:
            if problem:
                QMessageBox.critical(None, tr("Escale"), problem)
            return 1 if problem else 0
        from ui.auth.flow import SessionFlow
        from ui.backup_timer import DailyBackup

        flow = SessionFlow(escale, demo=demo and not db)  # login first, then the main window
        flow.start()
        daily = DailyBackup(escale, app)
        code = app.exec()
        daily.stop()
        flow.finish()
        escale.close(backup=True)  # one verified copy at each close, then rotation
        return int(code)
    finally:
        qInstallMessageHandler(previous)
