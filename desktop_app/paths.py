"""Where Escale keeps its files: platformdirs user dirs, overridable for tests and
portable installs with ESCALE_DATA_DIR, ESCALE_CONFIG_DIR and ESCALE_LOG_DIR."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Escale"


def _dir(env: str, default: str) -> Path:
    path = Path(os.environ.get(env) or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    return _dir("ESCALE_DATA_DIR", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return _dir("ESCALE_CONFIG_DIR", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return _dir("ESCALE_LOG_DIR", platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_database_path() -> Path:
    return data_dir() / "escale.sqlite"


def demo_database_path() -> Path:
    return data_dir() / "escale-demo.sqlite"


def backup_dir() -> Path:
    return _dir("ESCALE_BACKUP_DIR", str(data_dir() / "sauvegardes"))
