"""Render the visits, veille, partners and Accueil screens to PNG, to look at them as a
coordinator would.

    python -m desktop_app.cli demo --db /tmp/i3demo.sqlite     # once
    QT_QPA_PLATFORM=offscreen python scripts/screens_visits.py /tmp/i3demo.sqlite artifacts/visits

Works on a copy of the demo database (the original is left untouched): the Accueil
dashboard, the visit form, a person's Parcours, the Veille list, the partners directory
with a partner's form, and the Financements tab.
"""

from __future__ import annotations

import sys

from screens_common import Screens, demo_escale


def main(source: str, outdir: str) -> int:
    tmp, escale = demo_escale("escale-visits-", source=source)

    from PySide6.QtWidgets import QApplication, QWidget

    from ui.pages import keys

    screens = Screens(outdir, tmp, settle_ms=400)
    settle, shot = screens.settle, screens.shot
    actor = escale.local_actor()
    window = screens.main_window(escale, actor)

    def dialog() -> QWidget:
        settle()
        found = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]
        return found[-1]

    window.navigate(keys.ACCUEIL)
    shot("01-accueil.png")

    veille = escale.veille.current(actor)
    person_id = veille.ids[0]
    people = window.pages[keys.PERSONNES]
    window.navigate(keys.PERSONNES, person_id=person_id)
    settle()
    people.form.tabs.setCurrentWidget(people.form.parcours)
    shot("02-parcours.png")
    people.form.parcours.new_contact()
    form = dialog()
    shot("03-formulaire-contact.png", form)
    form.fields["duree"].set_value("-5")
    form.fields["prochain_contact"].set_value("01/01/2001")
    form.submit()
    shot("04-formulaire-erreurs.png", form)
    form.dirty = False
    form.reject()

    window.navigate(keys.VEILLE, liste="veille")
    shot("05-veille.png")
    window.navigate(keys.VEILLE, liste="semaine")
    shot("06-prevus-semaine.png")
    window.navigate(keys.VEILLE, liste="contacts")
    shot("06b-contacts-annee.png")

    window.navigate(keys.PARTENAIRES)
    partners = window.pages[keys.PARTENAIRES]
    shot("07-partenaires.png")
    rows = partners.directory.rows
    busiest = max(rows, key=lambda r: (len(escale.partners.get(actor, r.id).contacts), len(r.roles)))
    partners.directory.open_form(escale.partners.get(actor, busiest.id))
    shot("08-partenaire-formulaire.png", dialog())
    form = dialog()
    form.fields["siret"].set_value("732 829 320 00075")
    form.submit()
    shot("09-partenaire-siret-faux.png", form)
    form.dirty = False
    form.reject()
    window.navigate(keys.PARTENAIRES, tab="financements")
    shot("10-financements.png")
    assert partners.funding is not None
    partners.funding.open_form(partners.funding.lines[0])
    form = dialog()
    form.fields["montant"].set_value("abc")
    form.submit()
    shot("11-financement-formulaire.png", form)
    form.dirty = False
    form.reject()
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/i3demo.sqlite",
                  sys.argv[2] if len(sys.argv) > 2 else "artifacts/visits"))
