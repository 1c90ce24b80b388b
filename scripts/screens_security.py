"""Render the data-protection screens to PNG, to look at them as a coordinator and an
administrator would: the login screen (and a refused password), the accounts page, the
audit journal filtered by person, the retention review and the settings.

    QT_QPA_PLATFORM=offscreen python scripts/screens_security.py artifacts/securite

Works on a throw-away demo database (300 people) in a temporary folder.
"""

from __future__ import annotations

import sys

from screens_common import HEIGHT, WIDTH, Screens, demo_escale


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-securite-")

    from desktop_app.demo.accounts import DEMO_PASSWORD
    from ui.auth.login_window import LoginWindow
    from ui.pages.keys import COMPTES, CONSERVATION, JOURNAL, PARAMETRES

    screens = Screens(outdir, tmp, settle_ms=400)
    shot = screens.shot

    login = LoginWindow(escale, demo=True)
    login.resize(WIDTH, HEIGHT)
    login.show()
    login.restart()
    shot("01-connexion.png", login)
    login.login.refused("Identifiant ou mot de passe incorrect. Encore 4 essais avant une attente.")
    shot("02-connexion-refusee.png", login)
    login.close()

    admin = escale.auth.login("admin", DEMO_PASSWORD).actor
    window = screens.main_window(escale, admin)
    window.navigate(COMPTES)
    shot("03-comptes.png", window)
    window.navigate(JOURNAL)
    shot("04-journal.png", window)
    window.navigate(PARAMETRES)
    shot("05-parametres.png", window)
    window.close()

    coord = escale.auth.login("coordinatrice", DEMO_PASSWORD).actor
    window = screens.main_window(escale, coord)
    window.navigate(CONSERVATION)
    shot("06-conservation.png", window)
    window.close()
    screens.settle(200)
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/securite"))
