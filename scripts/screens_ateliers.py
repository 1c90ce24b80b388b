"""Render the Ateliers screens and one émargement page to PNG, to look at them as a
coordinator would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_ateliers.py artifacts/ateliers

Works on a throw-away demo database (300 people and a year of ateliers) in a temporary
folder: the list, an action's overview, séances, registrations with the waiting list, the
attendance grid, satisfaction, the generation dialog, and the émargement PDF (page 1, with
``pdftoppm`` when installed).
"""

from __future__ import annotations

import datetime as dt
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
    tmp = Path(tempfile.mkdtemp(prefix="escale-ateliers-"))
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)
    db_path = tmp / "demo.sqlite"

    from db.engine import sqlite_url
    from desktop_app.app import Escale
    from desktop_app.demo import write_demo_database
    from desktop_app.demo.ateliers import populate_ateliers

    print(write_demo_database(str(db_path), people=300, seed=1))
    escale = Escale.open(sqlite_url(db_path))
    print(populate_ateliers(escale.db, seed=1, reference_date=dt.date.today()))

    from PySide6.QtWidgets import QApplication, QWidget

    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.pages.ateliers.seance_dialogs import GenerationDialog
    from ui.pages.keys import ATELIERS

    app = create_application()
    actor = escale.local_actor()
    window = MainWindow(escale, actor, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.show()
    page = window.pages[ATELIERS]

    def settle(ms: int = 400) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or window.ops.busy:
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / name
        (widget or window).grab().save(str(path))
        print(path)

    window.navigate(ATELIERS)
    shot("01-ateliers.png")
    rows = escale.ateliers.actions.list_actions(actor)
    action = max(rows, key=lambda r: (r.en_attente > 0, r.seances, r.date_debut or dt.date.min))
    window.navigate(ATELIERS, action_id=action.id)
    shot("02-atelier-vue-ensemble.png")
    view = page.view
    for index, name in ((1, "03-atelier-seances.png"), (2, "04-atelier-inscriptions.png"),
                        (3, "05-grille-presences.png"), (4, "06-satisfaction.png")):
        view.tabs.setCurrentIndex(index)
        shot(name)
    regs = escale.ateliers.registrations.list_registrations(actor, action.id)
    if regs.en_attente:
        escale.ateliers.registrations.withdraw(actor, regs.inscrits[0].id, "Hospitalisation")
        view.tabs.setCurrentIndex(2)
        view.reload()
        shot("04b-place-liberee.png")
    view.tabs.setCurrentIndex(4)
    view.satisfaction.answer()
    settle()
    shot("06b-questionnaire.png", view.satisfaction.dialog)
    view.satisfaction.dialog.reject()
    view.edit()
    settle()
    shot("09-modifier-atelier.png", view.dialog)
    view.dialog.reject()
    view.registrations.picker.create_person()
    settle()
    shot("10-nouvelle-personne.png", view.registrations.picker.dialog)
    view.registrations.picker.dialog.reject()
    view.tabs.setCurrentIndex(1)
    fresh = next(r for r in rows if r.seances == 0) if any(r.seances == 0 for r in rows) else action
    window.navigate(ATELIERS, action_id=fresh.id)
    settle()
    view.seances.generate()
    settle()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GenerationDialog) and w.isVisible())
    dialog.fields["premier_jour"].set_value(f"02/11/{dt.date.today().year}")
    dialog.fields["nombre"].set_value("8")
    dialog.refresh_preview()
    shot("07-generer-seances.png", dialog)
    dialog.dirty = False
    dialog.reject()

    pdf = tmp / "emargement.pdf"
    escale.ateliers.print_emargement(actor, action.id, pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", str(pdf), str(out / "08-emargement")],
                       check=True)
        print(out / "08-emargement-1.png")
    window.ops.shutdown()
    window.close()
    escale.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
