"""Render the Tournées screens and PDFs to PNG on a throw-away demo database, to look at
them as the coordinator and the driver would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_tournees.py artifacts/tournees

The Tournées page (passages of the year), one passage with its route, rotations and sketch
(the one with the most rotations), the conventions tab, the person form's home-coordinates
card (a match « à vérifier »), the driver's « Trajets » page with a route opened, and the
feuille de route and état des passages PDFs (every page, with ``pdftoppm``).
"""

from __future__ import annotations

from screens_common import WIDTH, Screens, demo_escale, run


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-tournees-")

    from sqlalchemy import select

    from db.models import Person
    from desktop_app.demo.accounts import DEMO_PASSWORD
    from ui.pages.keys import PERSONNES, TOURNEES, TRAJETS

    screens = Screens(outdir, tmp, settle_ms=500)
    settle, shot = screens.settle, screens.shot
    actor = escale.local_actor()
    window = screens.main_window(escale, actor)

    t = escale.tournees
    passages = t.passages.for_year(actor, 2026)
    routes = {p.id: t.pickups.load(actor, p.id) for p in passages if p.route_km}
    busiest = max(routes, key=lambda pid: (len(routes[pid].plan.outbound.rotations), routes[pid].passage.a_chercher))
    window.navigate(TOURNEES, annee=2026)
    shot("01-tournees-passages.png")
    page = window.pages[TOURNEES]
    page.tabs.setCurrentIndex(1)
    settle()
    page.conventions.table.setCurrentCell(1, 0)
    shot("02-tournees-conventions.png")
    page.conventions.scroll_area.verticalScrollBar().setValue(10_000)
    shot("02b-convention-financements.png")
    page.tabs.setCurrentIndex(0)
    window.navigate(TOURNEES, passage_id=busiest)
    shot("03-passage-ecran.png")
    detail = page.detail
    detail.resize(WIDTH - 260, detail.sizeHint().height())
    shot("04-passage-complet.png", detail)

    with escale.db.read() as s:
        doubtful = s.scalar(select(Person.id).where(Person.geocode_status == "a_verifier").order_by(Person.id).limit(1))
    window.navigate(PERSONNES, person_id=doubtful)
    settle()
    form = window.pages[PERSONNES].form
    form.scroll_area.ensureWidgetVisible(form.coordinates)
    shot("05-fiche-coordonnees.png")
    shot("05b-carte-coordonnees.png", form.coordinates)

    driver = escale.auth.login("chauffeur", DEMO_PASSWORD).actor
    mine = screens.main_window(escale, driver)  # settle now waits for the driver's window
    mine.navigate(TRAJETS)
    settle()
    trips = mine.pages[TRAJETS]
    trips.open_selected()
    shot("06-chauffeur-trajets.png", mine)

    pdf = tmp / "feuille-de-route.pdf"
    t.pickups.export_feuille_de_route(actor, busiest, pdf)
    conv = routes[busiest].passage.convention_id
    statement = tmp / "etat-passages.pdf"
    from desktop_app.reports.etat_passages import write_etat_passages

    write_etat_passages(statement, t.figures.commune_statement(actor, conv))
    screens.pdf_pages(pdf, "07-feuille-de-route")
    screens.pdf_pages(statement, "08-etat-passages")
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    run(main, __doc__)
