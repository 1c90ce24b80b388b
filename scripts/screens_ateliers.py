"""Render the Ateliers screens and one émargement page to PNG, to look at them as a
coordinator would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_ateliers.py artifacts/ateliers

Works on a throw-away demo database (300 people, a year of ateliers and the rest) in a temporary
folder: the list, an action's overview, séances, registrations with the waiting list, the
attendance grid, satisfaction, the generation dialog, and the émargement PDF (page 1, with
``pdftoppm`` when installed).
"""

from __future__ import annotations

import datetime as dt

from screens_common import Screens, demo_escale, run


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-ateliers-")  # ateliers included

    from PySide6.QtWidgets import QApplication

    from ui.pages.ateliers.seance_dialogs import GenerationDialog
    from ui.pages.keys import ATELIERS

    screens = Screens(outdir, tmp, settle_ms=400)
    settle, shot = screens.settle, screens.shot
    actor = escale.local_actor()
    window = screens.main_window(escale, actor)
    page = window.pages[ATELIERS]

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
    screens.pdf_pages(pdf, "08-emargement", dpi=70, first_only=True)
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    run(main, __doc__)
