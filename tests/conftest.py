"""Shared fixtures. Every test gets its own data, config and log dirs under tmp_path: a
test never touches the real user directories. Qt runs offscreen unless --onscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop_app.actor import Actor
    from desktop_app.app import Escale

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show Qt windows (debugging)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = os.environ.get("ESCALE_ONSCREEN_PLATFORM", "xcb")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        monkeypatch.setenv(f"ESCALE_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.delenv("ESCALE_DATABASE_URL", raising=False)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'escale-test.sqlite'}"


@pytest.fixture
def app(db_url: str) -> Iterator[Escale]:
    from desktop_app.app import Escale

    escale = Escale.open(db_url)
    yield escale
    escale.close()


@pytest.fixture
def actor(app: Escale) -> Actor:
    return app.local_actor()
