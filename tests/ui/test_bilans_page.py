"""The Bilans page as a coordinator uses it: the year's figures and charts at once, the
financeur scope, dates typed wrong then right, the narrative saved with the bilan, the PDF
preview inside Escale, and saving the files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bilan_fixture import build
from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from ui_helpers import wait_idle

from desktop_app.bilans.records import Period, Scope

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


@pytest.fixture
def page(qtbot: QtBot, empty_window, app):  # type: ignore[no-untyped-def]
    from ui.pages.keys import BILANS

    build(app)
    empty_window.navigate(BILANS)
    wait_idle(qtbot, empty_window)
    page = empty_window.pages[BILANS]
    page.year.setValue(2025)
    wait_idle(qtbot, empty_window)
    return page


def _table(page, title: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    table = next(t for t in page.figures.findChildren(QTableWidget) if t.accessibleName() == title)
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_figures_scope_and_narrative(qtbot: QtBot, page, empty_window, app, actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert page.summary.text() == "Bilan année 2025 — Toutes les activités"
    assert _table(page, "Répartition par sexe") == [
        ["Femmes", "7"], ["Hommes", "< 5"], ["Inconnu / non renseigné", "< 5"], ["Total", "12"]]
    actions = _table(page, "Actions collectives de prévention")
    assert actions[0][:5] == ["Atelier mémoire", "Mémoire", "6", "3", "6,0 h"]
    assert actions[0][8] == "83,3 %"
    charts = {v.accessibleName() for v in page.figures.findChildren(QChartView)}
    assert {"Présences par action", "Contacts par mode"} <= charts
    assert "Répartition par sexe" not in charts  # 2 of its 3 categories are masked: no misleading chart

    page.scope.setCurrentIndex(page.scope.findText("Carsat Sud"))
    wait_idle(qtbot, empty_window)
    assert page.summary.text() == "Bilan année 2025 — Financeur : Carsat Sud"
    assert [r[0] for r in _table(page, "Actions collectives de prévention")] == ["Atelier mémoire", "Total"]

    page.narrative.edits["temoignages"].setPlainText("Une participante de 81 ans : « Je revis. »")
    qtbot.mouseClick(page.narrative.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, empty_window)
    wait_idle(qtbot, empty_window)
    stored = app_narrative(page, actor)
    assert stored.temoignages == "Une participante de 81 ans : « Je revis. »"

    page.use_dates.setChecked(True)
    page.debut.set_value("31/02/2025")
    qtbot.mouseClick(page.apply_dates, Qt.MouseButton.LeftButton)
    assert page.debut.error.text() == "Date invalide : le 31/02/2025 n'existe pas au calendrier."
    assert page.debut.value() == "31/02/2025"  # what was typed stays
    page.debut.set_value("01/03/2025")
    page.fin.set_value("31/03/2025")
    qtbot.mouseClick(page.apply_dates, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, empty_window)
    assert page.summary.text() == "Bilan du 01/03/2025 au 31/03/2025 — Financeur : Carsat Sud"

    out = tmp_path / "bilan.json"
    page.save_to("json", str(out))
    wait_idle(qtbot, empty_window)
    assert json.loads(out.read_text("utf-8"))["perimetre"]["financeur"] == "Carsat Sud"


def app_narrative(page, actor):  # type: ignore[no-untyped-def]
    return page.service.narratives.get(actor, Period.year(2025), page.bilan.scope if page.bilan else Scope())


def test_pdf_preview_inside_escale(qtbot: QtBot, page, empty_window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.preview_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, empty_window)
    qtbot.waitUntil(lambda: page.pdf_doc.status() == QPdfDocument.Status.Ready, timeout=5000)
    assert page.tabs.currentWidget() is page.pdf_view
    assert page.pdf_doc.pageCount() >= 6
    assert "Bilan d'activité" in page.pdf_doc.getAllText(0).text()
    ARTIFACTS.mkdir(exist_ok=True)
    empty_window.resize(1400, 1000)
    wait_idle(qtbot, empty_window, 50)
    empty_window.grab().save(str(ARTIFACTS / "bilans_apercu.png"))
