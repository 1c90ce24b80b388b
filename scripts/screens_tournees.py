"""Render the Tournées screens and PDFs to PNG on a throw-away demo database, to look at
them as the coordinator and the driver would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_tournees.py artifacts/tournees

The Tournées page (passages of the year), one passage with its route, rotations and sketch
(the one with the most rotations), the conventions tab, the person form's home-coordinates
card (a match « à vérifier »), the driver's « Trajets » page with a route opened, and the
feuille de route and état des passages PDFs (every page, with ``pdftoppm``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1280, 800


def main(outdir: str) -> int:
    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="escale-tournees-"))
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)
    db_path = tmp / "demo.sqlite"

    from sqlalchemy import select

    from db.engine import sqlite_url
    from db.models import Person
    from desktop_app.app import Escale
    from desktop_app.demo import write_demo_database
    from desktop_app.demo.accounts import DEMO_PASSWORD

    print(write_demo_database(str(db_path), people=300, seed=1))
    escale = Escale.open(sqlite_url(db_path))

    from PySide6.QtWidgets import QWidget

    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.pages.keys import PERSONNES, TOURNEES, TRAJETS

    app = create_application()
    actor = escale.local_actor()
    window = MainWindow(escale, actor, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.show()

    def settle(win: QWidget, ms: int = 500) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or win.ops.busy:  # type: ignore[attr-defined]
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str, widget: QWidget, win: QWidget = window) -> None:
        settle(win)
        path = out / name
        widget.grab().save(str(path))
        print(path)

    t = escale.tournees
    passages = t.passages.for_year(actor, 2026)
    routes = {p.id: t.pickups.load(actor, p.id) for p in passages if p.route_km}
    busiest = max(routes, key=lambda pid: (len(routes[pid].plan.outbound.rotations), routes[pid].passage.a_chercher))
    window.navigate(TOURNEES, annee=2026)
    shot("01-tournees-passages.png", window)
    page = window.pages[TOURNEES]
    page.tabs.setCurrentIndex(1)
    settle(window)
    page.conventions.table.setCurrentCell(1, 0)
    shot("02-tournees-conventions.png", window)
    page.conventions.scroll_area.verticalScrollBar().setValue(10_000)
    shot("02b-convention-financements.png", window)
    page.tabs.setCurrentIndex(0)
    window.navigate(TOURNEES, passage_id=busiest)
    shot("03-passage-ecran.png", window)
    detail = page.detail
    detail.resize(WIDTH - 260, detail.sizeHint().height())
    shot("04-passage-complet.png", detail)

    with escale.db.read() as s:
        doubtful = s.scalar(select(Person.id).where(Person.geocode_status == "a_verifier").order_by(Person.id).limit(1))
    window.navigate(PERSONNES, person_id=doubtful)
    settle(window)
    form = window.pages[PERSONNES].form
    form.scroll_area.ensureWidgetVisible(form.coordinates)
    shot("05-fiche-coordonnees.png", window)
    shot("05b-carte-coordonnees.png", form.coordinates)

    driver = escale.auth.login("chauffeur", DEMO_PASSWORD).actor
    mine = MainWindow(escale, driver, demo=True)
    mine.resize(WIDTH, HEIGHT)
    mine.show()
    mine.navigate(TRAJETS)
    settle(mine)
    trips = mine.pages[TRAJETS]
    trips.open_selected()
    shot("06-chauffeur-trajets.png", mine, mine)

    pdf = tmp / "feuille-de-route.pdf"
    t.pickups.export_feuille_de_route(actor, busiest, pdf)
    conv = routes[busiest].passage.convention_id
    statement = tmp / "etat-passages.pdf"
    from desktop_app.reports.etat_passages import write_etat_passages

    write_etat_passages(statement, t.figures.commune_statement(actor, conv))
    if shutil.which("pdftoppm"):
        for source, stem in ((pdf, "07-feuille-de-route"), (statement, "08-etat-passages")):
            subprocess.run(["pdftoppm", "-png", "-r", "60", str(source), str(out / stem)], check=True)
        print(*sorted(out.glob("0[78]-*.png")))
    for win in (mine, window):
        win.ops.shutdown()
        win.close()
    escale.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
