"""Render the Bilans page and every page of the demo bilan PDF to PNG, to look at them as a
financeur would.

    QT_QPA_PLATFORM=offscreen python scripts/screens_bilans.py artifacts/bilans

Works on a throw-away demo database (300 people, a year of activity) in a temporary folder,
with a logo drawn for the occasion (setting « service.logo »). Pages of the PDF are rendered
with QtPdf (scripts/render_pdf.py), no poppler needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from screens_common import Screens, demo_escale

WIDTH, HEIGHT = 1366, 860
YEAR = 2026


def _logo(path: Path) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(520, 160, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor("#2F6F8F"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawEllipse(QRectF(8, 8, 144, 144))
    p.setPen(QColor("white"))
    p.setFont(QFont("DejaVu Sans", 54, QFont.Weight.Bold))
    p.drawText(QRectF(8, 8, 144, 144), Qt.AlignmentFlag.AlignCenter, "C")
    p.setPen(QColor("#1F2A33"))
    p.setFont(QFont("DejaVu Sans", 34, QFont.Weight.Bold))
    p.drawText(QRectF(176, 20, 340, 70), Qt.AlignmentFlag.AlignVCenter, "CCAS")
    p.setFont(QFont("DejaVu Sans", 20))
    p.drawText(QRectF(176, 84, 340, 50), Qt.AlignmentFlag.AlignVCenter, "de démonstration")
    p.end()
    image.save(str(path))


def main(outdir: str) -> int:
    tmp, escale = demo_escale("escale-bilans-")

    from render_pdf import render

    from desktop_app.bilans.narrative import Narrative
    from desktop_app.bilans.service import BilanService, period_of
    from ui.pages.keys import BILANS

    screens = Screens(outdir, tmp, settle_ms=400)
    settle, shot, out = screens.settle, screens.shot, screens.out
    actor = escale.local_actor()
    _logo(tmp / "logo.png")
    escale.settings.set(actor, "service.logo", str(tmp / "logo.png"))
    service = BilanService(escale.db, escale.settings, escale.tournees.figures)
    year, everything = period_of(YEAR), service.scope(actor, None)
    service.narratives.save(actor, year, everything, Narrative(
        objectifs="Rompre l'isolement des personnes âgées du territoire et prévenir la perte d'autonomie, "
                  "au plus près des communes rurales.",
        faits_marquants="Ouverture d'un second groupe mémoire à Gignac.\n\nLe bus a desservi quinze communes.",
        difficultes="Le recrutement de bénévoles pour les visites reste difficile dans le Lodévois.",
        temoignages="Une participante de 81 ans : « Je ne sortais plus de chez moi ; maintenant j'attends le jeudi. »"))

    window = screens.main_window(escale, actor, WIDTH, HEIGHT)

    window.navigate(BILANS)
    page = window.pages[BILANS]
    settle()
    page.year.setValue(YEAR)
    settle(800)
    shot("bilans_chiffres.png")
    page.figures.verticalScrollBar().setValue(page.figures.cards[1].y())
    shot("bilans_ateliers.png")
    page.tabs.setCurrentWidget(page.narrative)
    shot("bilans_recit.png")
    page.preview()
    settle(1500)
    shot("bilans_apercu.png")
    page.scope.setCurrentIndex(page.scope.findText("Carsat Languedoc-Roussillon"))
    settle(800)
    page.tabs.setCurrentIndex(0)
    shot("bilans_carsat.png")

    for key, scope in (("tous", everything), ("carsat", service.scope(actor, "Carsat Languedoc-Roussillon"))):
        bilan = service.compute(actor, year, scope)
        pdf = out / f"bilan-{key}.pdf"
        service.write(actor, bilan, pdf, out / f"bilan-{key}.xlsx", out / f"bilan-{key}.json")
        for path in render(str(pdf), str(out / f"pdf-{key}"), 80):
            print(path)
    screens.finish(escale)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "artifacts/bilans"))
