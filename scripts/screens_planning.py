"""Render the Planning screens to PNG, to look at them as a coordinator would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_planning.py artifacts/planning

Works on a throw-away demo database (300 people, a year of visits, ateliers, tournées,
absences and recurring contacts) in a temporary folder: the week with the most items near
the demo's reference date, its month, one day, the new-absence form, and the week PDF
(page 1, with ``pdftoppm`` when installed).
"""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1400, 900


def main(outdir: str) -> int:
    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="escale-planning-"))
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)
    db_path = tmp / "demo.sqlite"

    from db.engine import sqlite_url
    from desktop_app.app import Escale
    from desktop_app.demo import write_demo_database
    from desktop_app.demo.traits import REFERENCE_DATE

    print(write_demo_database(str(db_path), people=300, seed=1))
    escale = Escale.open(sqlite_url(db_path))

    from PySide6.QtWidgets import QWidget

    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.pages.keys import PLANNING

    app = create_application()
    actor = escale.local_actor()
    window = MainWindow(escale, actor, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.show()
    keep: list[QWidget] = [window]  # references held until every grab is done

    def settle(ms: int = 300) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or window.ops.busy:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / name
        (widget or window).grab().save(str(path))
        print(path)

    items = escale.planning.items(actor, REFERENCE_DATE - dt.timedelta(days=21), REFERENCE_DATE + dt.timedelta(days=35))
    weeks = Counter(i.start.date() - dt.timedelta(days=i.start.weekday()) for i in items if not i.all_day)
    monday = max(weeks, key=lambda w: (weeks[w], w))
    window.navigate(PLANNING, date=monday, mode="semaine")
    shot("01-planning-semaine.png")
    page = window.pages[PLANNING]
    window.navigate(PLANNING, date=monday, mode="mois")
    shot("02-planning-mois.png")
    busiest = Counter(i.start.date() for i in items if monday <= i.start.date() < monday + dt.timedelta(days=7))
    window.navigate(PLANNING, date=max(busiest, key=lambda d: (busiest[d], d)), mode="jour")
    shot("03-planning-jour.png")
    window.navigate(PLANNING, date=monday, mode="semaine")
    dialog = page.new_absence(dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(9)),
                              dt.datetime.combine(monday + dt.timedelta(days=2), dt.time(12)))
    keep.append(dialog)
    shot("04-nouvelle-absence.png", dialog)
    dialog.dirty = False
    dialog.reject()
    pdf = out / "05-planning-semaine.pdf"
    escale.planning_exports.week_pdf(actor, monday, pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(out / "05-planning-semaine")],
                       check=True)
        print(out / "05-planning-semaine-1.png")
    settle()
    window.ops.shutdown()
    window.close()
    app.processEvents()
    del keep
    gc.collect()
    escale.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "artifacts" / "planning")))
