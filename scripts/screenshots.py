"""Render Escale's main screens to PNG files, to look at them as a user would.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py artifacts/screens

Works on a throw-away demo database in a temporary folder (the user's own files are never
touched): Accueil, the Personnes list, a search, the person form (new, an existing person
with aidant links, validation errors) and the duplicate dialog.
"""

from __future__ import annotations

from screens_common import Screens, demo_escale, run


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-screens-")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from desktop_app.people.records import PersonFilter, RoleFilter
    from ui.pages.keys import PERSONNES
    from ui.pages.people.dialogs import DuplicateDialog
    from ui.pages.people.links import LinkDialog
    from ui.widgets.messages import MessageDialog

    screens = Screens(outdir, tmp, settle_ms=500)
    settle, shot = screens.settle, screens.shot
    actor = escale.local_actor()
    window = screens.main_window(escale, actor)
    people_page = window.pages[PERSONNES]

    def type_text(widget: QWidget, text: str) -> None:
        """QTest types ASCII only; accented text goes in as one insertion."""
        if text.isascii():
            QTest.keyClicks(widget, text)
        else:
            widget.insert(text)  # type: ignore[attr-defined]

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
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    run(main, __doc__)
