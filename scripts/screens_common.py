"""What every scripts/screens_*.py script shares: a throw-away demo Escale in an isolated
temporary folder (the user's own files are never touched), the Qt application, waiting for
the screen to settle, grabbing widgets to PNG and cleaning up at the end.

    tmp, escale = demo_escale("escale-ateliers-")
    screens = Screens(outdir, tmp)
    window = screens.main_window(escale, escale.local_actor())
    screens.shot("01-ateliers.png")
    ...
    screens.finish(escale)
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1280, 800

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from desktop_app.actor import Actor
    from desktop_app.app import Escale
    from ui.main_window import MainWindow


def run(main: Callable[[str], int], usage: str | None) -> None:
    """``python script.py OUTDIR``: run ``main(OUTDIR)``, or print the usage without one."""
    if len(sys.argv) != 2:
        print(usage)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))


def isolate(prefix: str) -> Path:
    """A new temporary folder holding Escale's data, config, log and backup folders."""
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)
    return tmp


def demo_escale(prefix: str, source: str | None = None) -> tuple[Path, Escale]:
    """Escale opened on tmp/demo.sqlite in an isolated folder: a copy of ``source`` when
    given, else a new demo database (300 people, seed 1, a year of activity)."""
    tmp = isolate(prefix)
    db_path = tmp / "demo.sqlite"
    if source is not None:
        shutil.copy(source, db_path)
    else:
        from desktop_app.demo import write_demo_database

        print(write_demo_database(str(db_path), people=300, seed=1))

    from db.engine import sqlite_url
    from desktop_app.app import Escale

    return tmp, Escale.open(sqlite_url(db_path))


class Screens:
    """The Qt application and the PNGs written to ``outdir``. ``window`` is the last main
    window opened: ``settle`` also waits for its background operations."""

    def __init__(self, outdir: str, tmp: Path, settle_ms: int = 400) -> None:
        from ui.app import create_application

        self.out = Path(outdir).resolve()
        self.out.mkdir(parents=True, exist_ok=True)
        self.tmp = tmp
        self.settle_ms = settle_ms
        self.app = create_application()
        self.window: MainWindow | None = None
        self.windows: list[MainWindow] = []

    def main_window(self, escale: Escale, actor: Actor, width: int = WIDTH,
                    height: int = HEIGHT) -> MainWindow:
        from ui.main_window import MainWindow

        window = MainWindow(escale, actor, demo=True)
        window.resize(width, height)
        window.show()
        self.window = window
        self.windows.append(window)
        return window

    def settle(self, ms: int | None = None) -> None:
        deadline = time.monotonic() + (self.settle_ms if ms is None else ms) / 1000
        while time.monotonic() < deadline or (self.window is not None and self.window.ops.busy):
            self.app.processEvents()
            time.sleep(0.01)

    def shot(self, name: str, widget: QWidget | None = None) -> Path:
        """Grab ``widget`` (the current main window by default) to outdir/name."""
        self.settle()
        target = widget or self.window
        assert target is not None, "nothing to grab: no widget and no main window"
        path = self.out / name
        target.grab().save(str(path))
        print(path)
        return path

    def pdf_pages(self, pdf: Path, stem: str, dpi: int = 60, first_only: bool = False) -> list[Path]:
        """Render ``pdf`` to outdir/stem-N.png with ``pdftoppm`` when it is installed."""
        if not shutil.which("pdftoppm"):
            return []
        pages = ["-f", "1", "-l", "1"] if first_only else []
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), *pages, str(pdf), str(self.out / stem)], check=True)
        paths = sorted(self.out.glob(f"{stem}-*.png"))
        print(*paths)
        return paths

    def finish(self, escale: Escale) -> None:
        """Stop background work, close the windows and Escale, remove the temporary folder."""
        for window in self.windows:
            window.ops.shutdown()
            window.close()
        self.app.processEvents()
        self.window = None
        self.windows.clear()
        gc.collect()
        escale.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
