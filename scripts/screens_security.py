"""Render the data-protection screens to PNG, to look at them as a coordinator and an
administrator would: the login screen (and a refused password), the accounts page, the
audit journal filtered by person, the retention review and the settings.

    QT_QPA_PLATFORM=offscreen python scripts/screens_security.py artifacts/securite

Works on a throw-away demo database (300 people) in a temporary folder.
"""

from __future__ import annotations

import os
import shutil
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
    tmp = Path(tempfile.mkdtemp(prefix="escale-securite-"))
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)
    db_path = tmp / "demo.sqlite"

    from db.engine import sqlite_url
    from desktop_app.app import Escale
    from desktop_app.demo import write_demo_database
    from desktop_app.demo.accounts import DEMO_PASSWORD

    print(write_demo_database(str(db_path), people=300, seed=1))
    escale = Escale.open(sqlite_url(db_path))

    from PySide6.QtWidgets import QWidget

    from ui.app import create_application
    from ui.auth.login_window import LoginWindow
    from ui.main_window import MainWindow
    from ui.pages.keys import COMPTES, CONSERVATION, JOURNAL, PARAMETRES

    app = create_application()

    def settle(ms: int = 400) -> None:
        end = time.monotonic() + ms / 1000
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def shot(name: str, widget: QWidget) -> None:
        settle()
        widget.grab().save(str(out / name))
        print(out / name)

    login = LoginWindow(escale, demo=True)
    login.resize(WIDTH, HEIGHT)
    login.show()
    login.restart()
    shot("01-connexion.png", login)
    login.login.refused("Identifiant ou mot de passe incorrect. Encore 4 essais avant une attente.")
    shot("02-connexion-refusee.png", login)
    login.close()

    windows = []
    admin = escale.auth.login("admin", DEMO_PASSWORD).actor
    window = MainWindow(escale, admin, demo=True)
    windows.append(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.navigate(COMPTES)
    shot("03-comptes.png", window)
    window.navigate(JOURNAL)
    shot("04-journal.png", window)
    window.navigate(PARAMETRES)
    shot("05-parametres.png", window)
    window.close()

    coord = escale.auth.login("coordinatrice", DEMO_PASSWORD).actor
    window = MainWindow(escale, coord, demo=True)
    windows.append(window)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.navigate(CONSERVATION)
    shot("06-conservation.png", window)
    window.close()
    settle(200)
    escale.close()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/securite"))
