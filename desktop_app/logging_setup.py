"""Logging for the desktop application: a rotating file in the platformdirs log dir (the
place support asks for when something went wrong) plus warnings on stderr.

Qt-free on purpose: the UI routes Qt's own messages into the ``qt`` logger, the CLI can use
the same file.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from desktop_app import paths

LOG_FILE_NAME = "escale.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
_MARKER = "_escale_handler"


def log_file_path() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO, console_level: int = logging.WARNING) -> Path:
    """Attach the rotating file and the console handlers to the root logger, once.

    Calling it again (tests, a second window) does not duplicate the handlers. Returns the
    log file's path so the UI can tell the user where details are.
    """
    root = logging.getLogger()
    path = log_file_path()
    for handler in list(root.handlers):
        if getattr(handler, _MARKER, False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
    )
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    file_handler.setLevel(level)
    console = logging.StreamHandler()
    console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    console.setLevel(console_level)
    for handler in (file_handler, console):
        setattr(handler, _MARKER, True)
        root.addHandler(handler)
    root.setLevel(min(level, console_level, root.level or logging.WARNING))
    logging.getLogger(__name__).info("Journal ouvert : %s", path)
    return path
