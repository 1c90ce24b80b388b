"""Render Escale's main screens to PNG files, to look at them as a user would.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py artifacts/screens

Works on a throw-away demo database in a temporary folder (the user's own files are never
touched): Accueil, the Personnes list, a search, the person form (new, an existing person
with aidant links, validation errors) and the duplicate dialog.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1280, 800


def _isolate(tmp: Path) -> None:
    for name in ("DATA", "CONFIG", "LOG", "BACKUP"):
        os.environ[f"ESCALE_{name}_DIR"] = str(tmp / name.lower())
    os.environ.pop("ESCALE_DATABASE_URL", None)


def _seed_small(url: str) -> None:
    """About fifty people through the service, when the demo generator is not available."""
    from desktop_app.app import Escale
    from desktop_app.people.records import PersonInput

    escale = Escale.open(url)
    actor = escale.local_actor()
    first = ["Hélène", "Marcel", "Josette", "André", "Yvette", "Roger", "Paulette", "Jean"]
    last = ["Martin", "Roux", "Fabre", "Vidal", "Bonnet", "Garcia", "Blanc", "Mas"]
    places = [("34150", "34114"), ("34150", "34267"), ("34800", "34079"), ("34725", None)]
    for i in range(50):
        cp, insee = places[i % len(places)]
        escale.people.create(actor, PersonInput(
            nom=last[i % 8], prenom=first[(i * 3) % 8], date_naissance=f"{1 + i % 28:02d}/0{1 + i % 9}/19{30 + i % 30}",
            code_postal=cp, commune_insee=insee, telephone=f"04 67 {10 + i:02d} 20 30",
            gir=1 + i % 6, vit_seul=i % 3 == 0, sexe="f" if i % 2 else "h",
        ), confirm_duplicate=True)
    escale.close()


def main(outdir: str) -> int:
    out = Path(outdir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="escale-screens-"))
    _isolate(tmp)
    db_path = tmp / "demo.sqlite"
    url = f"sqlite:///{db_path}"
    try:
        from desktop_app.demo import write_demo_database
    except ImportError:
        _seed_small(url)
    else:
        print(write_demo_database(str(db_path), people=300, seed=1))

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.app import Escale
    from desktop_app.people.records import PersonFilter, RoleFilter
    from ui.app import create_application
    from ui.main_window import MainWindow
    from ui.pages.keys import PERSONNES
    from ui.pages.people.dialogs import DuplicateDialog
    from ui.pages.people.links import LinkDialog
    from ui.widgets.messages import MessageDialog

    app = create_application()
    escale = Escale.open(url)
    actor = escale.local_actor()
    window = MainWindow(escale, actor, demo=True)
    window.resize(WIDTH, HEIGHT)
    window.show()
    people_page = window.pages[PERSONNES]

    def settle(ms: int = 500) -> None:
        deadline = time.monotonic() + ms / 1000
        while time.monotonic() < deadline or window.ops.busy:
            app.processEvents()
            time.sleep(0.01)

    def type_text(widget: QWidget, text: str) -> None:
        """QTest types ASCII only; accented text goes in as one insertion."""
        if text.isascii():
            QTest.keyClicks(widget, text)
        else:
            widget.insert(text)  # type: ignore[attr-defined]

    def shot(name: str, widget: QWidget | None = None) -> None:
        settle()
        path = out / name
        (widget or window).grab().save(str(path))
        print(path)

    shot("01-accueil.png")
    window.navigate(PERSONNES)
    shot("02-personnes.png")
    search = people_page.list.filters.search
    search.setFocus()
    QTest.keyClicks(search, "st jean")
    shot("03-recherche.png")

    window.navigate(PERSONNES, new=True)
    form = people_page.form
    shot("04-fiche-nouvelle.png")

    aidant_ids = escale.people.list_ids(actor, PersonFilter(role=RoleFilter.AIDE))
    window.navigate(PERSONNES, person_id=aidant_ids[0])
    shot("05-fiche-existante.png")
    form.scroll_area.verticalScrollBar().setValue(form.scroll_area.verticalScrollBar().maximum())
    shot("06-fiche-existante-liens.png")

    form.links.add_aidant.click()
    settle()
    picker = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LinkDialog) and w.isVisible())
    QTest.keyClicks(picker.search, "mar")
    settle()
    shot("06b-ajouter-un-aidant.png", picker)
    picker.reject()
    window.activateWindow()  # shortcuts (Ctrl+S) go to the active window

    form.request_close()
    window.navigate(PERSONNES, new=True)
    settle()
    typed = {"nom": "Bertrand", "prenom": "Lucienne", "date_naissance": "31/02/1941",
             "code_postal": "34150", "telephone": "12 34", "email": "lucienne@", "gir_date": "12/13/2024"}
    for name, text in typed.items():
        type_text(form.fields[name].editor, text)
    QTest.keyClick(form.fields["nom"].editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle()
    if not form.banner.isVisible():
        raise SystemExit("Ctrl+S did not save the form: the window is not active")
    shot("07-fiche-erreurs.png")
    form.scroll_area.ensureWidgetVisible(form.fields["email"], 50, 120)
    shot("07b-fiche-erreurs-contact.png")

    form.request_close()
    settle()
    question = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MessageDialog) and w.isVisible())
    shot("07c-abandonner.png", question)
    question.buttons[0].click()  # « Abandonner les modifications »
    window.navigate(PERSONNES, new=True)
    existing = escale.people.get(actor, aidant_ids[0])
    type_text(form.fields["nom"].editor, existing.data.nom)
    type_text(form.fields["prenom"].editor, existing.data.prenom)
    birth = existing.data.date_naissance
    if birth is not None and not isinstance(birth, str):
        type_text(form.fields["date_naissance"].editor, birth.strftime("%d/%m/%Y"))
    form.save()
    settle()
    dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, DuplicateDialog) and w.isVisible()), None)
    if dialog is not None:
        shot("08-doublon.png", dialog)
        dialog.create_button.click()
        shot("09-fiche-creee.png")
    window.ops.shutdown()
    window.close()
    escale.close()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__)
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
