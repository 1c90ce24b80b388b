"""Render the Planning screens to PNG, to look at them as a coordinator would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_planning.py artifacts/planning

Works on a throw-away demo database (300 people, a year of visits, ateliers, tournées,
absences and recurring contacts) in a temporary folder: the week with the most items near
the demo's reference date, its month, one day, the new-absence form, and the week PDF
(page 1, with ``pdftoppm`` when installed).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

from screens_common import ROOT, Screens, demo_escale

WIDTH, HEIGHT = 1400, 900


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-planning-")

    from PySide6.QtWidgets import QWidget

    from desktop_app.demo.traits import REFERENCE_DATE
    from ui.pages.keys import PLANNING

    screens = Screens(outdir, tmp, settle_ms=300)
    shot, out = screens.shot, screens.out
    actor = escale.local_actor()
    window = screens.main_window(escale, actor, WIDTH, HEIGHT)
    keep: list[QWidget] = [window]  # references held until every grab is done

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
    screens.pdf_pages(pdf, "05-planning-semaine", first_only=True)
    screens.settle()
    del keep
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "artifacts" / "planning")))
