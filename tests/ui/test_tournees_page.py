"""The Tournées page as a coordinator uses it: open a passage, tick who must be fetched,
compute the route, see the rotations with their times, reorder by hand and see the
warning, keep the order, print the feuille de route."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("ui.main_window", reason="the main window (UI foundation) is not on this branch yet")

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from ui_helpers import wait_idle

from desktop_app.people.records import PersonInput
from desktop_app.tournees.records import ConventionInput, PassageInput, VehicleInput

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
HOMES = [  # around Octon (Hérault)
    ("Durand", "Marie", "mme", 43.6590, 3.3000, "autonome"),
    ("Martin", "Jean", "m", 43.6480, 3.2950, "canne"),
    ("Bernard", "Louise", "mme", 43.6650, 3.3150, "fauteuil"),
    ("Petit", "André", "m", 43.6420, 3.3120, "deambulateur"),
    ("Roux", "Jeanne", "mme", 43.6700, 3.2900, "autonome"),
    ("Fabre", "Paul", "m", 43.6510, 3.3250, "canne"),
    ("Blanc", "Odette", "mme", 43.6605, 3.2820, "autonome"),
]


def _passage(app, actor) -> int:  # type: ignore[no-untyped-def]
    t = app.tournees
    bus = t.vehicles.create(actor, VehicleInput("API Bus", 5, 1, "Clermont-l'Hérault", 43.6276, 3.4322))
    t.conventions.set_tariff_grid(actor, [(1, "150"), (5, "90")])
    conv = t.conventions.save(actor, ConventionInput(2026, "34186", 1, lieu_nom="Salle des fêtes d'Octon",
                                                     lieu_lat=43.6543, lieu_lon=3.3056))
    passage = t.passages.create(actor, PassageInput("34186", "12/03/2026", "14:00", "16:30", vehicle_id=bus.id,
                                                    convention_id=conv.id, theme="Prévention des chutes"))
    for i, (nom, prenom, civ, lat, lon, mob) in enumerate(HOMES):
        person = app.people.create(actor, PersonInput(
            nom=nom, prenom=prenom, civilite=civ, adresse=f"{i + 2} chemin des Vignes", code_postal="34800",
            commune_insee="34186", telephone=f"04 67 96 0{i} 1{i}", mobilite=mob), confirm_duplicate=True)
        t.geocoding.set_person_coordinates(actor, person.id, lat, lon)
        t.passages.register(actor, passage.id, person.id)
    return passage.id


def _tree_texts(panel) -> list[str]:  # type: ignore[no-untyped-def]
    out = []
    for i in range(panel.tree.topLevelItemCount()):
        head = panel.tree.topLevelItem(i)
        out.append(head.text(1))
        out += [f"{head.child(j).text(0)} {head.child(j).text(1)}" for j in range(head.childCount())]
    return out


def test_plan_the_pickups_of_a_passage(qtbot: QtBot, empty_window, app, actor, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.keys import TOURNEES

    passage_id = _passage(app, actor)
    window = empty_window
    window.navigate(TOURNEES, passage_id=passage_id)
    wait_idle(qtbot, window)
    page = window.pages[TOURNEES]
    detail = page.detail
    assert detail.title.text() == "Octon — jeudi 12 mars 2026"
    assert detail.table.rowCount() == 7
    assert "Aucun trajet calculé" in detail.route.totals.text()

    for row in range(detail.table.rowCount()):  # tick everyone
        detail.table.item(row, 0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(detail.compute_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)  # the reload after the computation
    texts = _tree_texts(detail.route)
    assert any(t.startswith("Aller 1 — ") for t in texts)
    assert any(t.startswith("Aller 2 — ") for t in texts)  # 7 riders, 5 seats
    assert any(t.startswith("Retour 1 — ") for t in texts)
    assert "Départ de la base" in detail.route.totals.text() and "km" in detail.route.totals.text()
    stored = {p.person_id: p.heure_prise_en_charge for p in app.tournees.passages.participants(actor, passage_id)}
    assert all(stored.values())  # every ticked person has a planned pick-up time
    assert all(detail.table.item(r, 5).text() for r in range(7))  # and the table shows it
    ARTIFACTS.mkdir(exist_ok=True)
    window.resize(1400, 1300)
    wait_idle(qtbot, window, 50)
    window.grab().save(str(ARTIFACTS / "tournees_passage.png"))

    # move people from the second outbound rotation into the first by keyboard until it holds 6
    tree = detail.route.tree
    while len(detail.route.orders["aller"][0]) < 6:
        second = tree.topLevelItem(1)
        tree.setCurrentItem(second.child(1))
        tree.setFocus()
        before = len(detail.route.orders["aller"][0])
        qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        wait_idle(qtbot, window)
        assert len(detail.route.orders["aller"][0]) == before + 1
    warnings = detail.route.warnings.text()
    assert detail.route.warnings.isVisible() and "pour 5 places" in warnings
    assert detail.route.keep.isEnabled()
    qtbot.mouseClick(detail.route.keep, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert any("6 passagers pour 5 places" in w for w in app.tournees.passages.get(actor, passage_id).route_avertissements)
    assert len(app.tournees.pickups.load(actor, passage_id).plan.outbound.rotations[0].passenger_keys) == 6

    pdf = tmp_path / "feuille.pdf"
    detail.print_to(str(pdf))
    wait_idle(qtbot, window)
    assert pdf.exists() and pdf.stat().st_size > 5000


def test_tournees_overview_lists_the_year(qtbot: QtBot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.keys import TOURNEES

    _passage(app, actor)
    window = empty_window
    window.navigate(TOURNEES, annee=2026)
    wait_idle(qtbot, window)
    page = window.pages[TOURNEES]
    assert page.passages.table.rowCount() == 1
    assert page.passages.table.item(0, 1).text() == "Octon"
    assert "1 communes desservies" not in page.passages.figures.text()  # nothing carried out yet
    assert "0 communes desservies" in page.passages.figures.text()
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / "tournees_passages.png"))
    for index, name in ((1, "conventions"), (2, "plan"), (3, "vehicules")):
        page.tabs.setCurrentIndex(index)
        wait_idle(qtbot, window)
        window.grab().save(str(ARTIFACTS / f"tournees_{name}.png"))
    page.tabs.setCurrentIndex(3)
    wait_idle(qtbot, window)
    assert "API Bus — 5 places dont 1 PMR" in page.vehicles.list.item(0).text()


def test_adjust_a_passage_and_type_coordinates_by_hand(qtbot: QtBot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.keys import TOURNEES
    from ui.pages.tournees.coordinates_dialog import CoordinatesDialog

    passage_id = _passage(app, actor)
    window = empty_window
    window.navigate(TOURNEES, passage_id=passage_id)
    wait_idle(qtbot, window)
    form = window.pages[TOURNEES].detail.form
    form.fields["heure_debut"].set_value("25:00")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "Heure invalide" in form.fields["heure_debut"].error.text()
    assert form.fields["heure_debut"].value() == "25:00"  # nothing typed is lost
    form.fields["heure_debut"].set_value("14:30")
    form.fields["date"].set_value("19/03/2026")
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    stored = app.tournees.passages.get(actor, passage_id)
    assert (stored.date.day, stored.heure_debut.hour, stored.heure_debut.minute) == (19, 14, 30)

    detail = window.pages[TOURNEES].detail
    wait_idle(qtbot, window)
    detail.table.selectRow(0)
    person = detail.people[0]
    dialog = CoordinatesDialog(detail.ctx, person, detail)
    dialog.lat.set_value("143")
    dialog.save()
    wait_idle(qtbot, window)
    assert "Latitude invalide" in dialog.lat.error.text()
    dialog.lat.set_value("43,7012")
    dialog.lon.set_value("3,2811")
    dialog.save()
    wait_idle(qtbot, window)
    located = {p.person_id: p for p in app.tournees.passages.participants(actor, passage_id)}[person.person_id]
    assert (located.latitude, located.longitude, located.geocode_status) == (43.7012, 3.2811, "manuel")


def test_a_passage_added_by_hand_joins_the_convention(qtbot: QtBot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    from ui.pages.keys import TOURNEES
    from ui.pages.tournees.new_passage_dialog import NewPassageDialog

    _passage(app, actor)
    window = empty_window
    window.navigate(TOURNEES, annee=2026)
    wait_idle(qtbot, window)
    page = window.pages[TOURNEES]
    qtbot.mouseClick(page.passages.new_btn, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    dialog = page.passages.dialog
    assert isinstance(dialog, NewPassageDialog) and dialog.isVisible()
    dialog.fields["commune_insee"].set_value("octon")
    dialog.fields["date"].set_value("12/03/2026")  # the bus is already at Octon that day
    dialog.save()
    wait_idle(qtbot, window)

    assert "déjà à Octon" in dialog.fields["vehicle_id"].error.text()
    dialog.fields["date"].set_value("02/04/2026")
    dialog.save()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    created = [p for p in app.tournees.passages.for_year(actor, 2026) if p.date.month == 4]
    assert len(created) == 1 and created[0].lieu_nom == "Salle des fêtes d'Octon" and created[0].type == "decouverte"
    assert page.detail.title.text() == "Octon — jeudi 2 avril 2026"  # opened at once


def test_choose_the_funding_lines_of_a_convention(qtbot: QtBot, empty_window, app, actor) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.partners.records import FundingInput, PartnerInput
    from ui.pages.keys import TOURNEES

    _passage(app, actor)
    cfppa = app.partners.create(actor, PartnerInput(nom="CFPPA de l'Hérault", type="financeur", roles=["financeur"]))
    line = app.funding.create(actor, FundingInput(financeur_id=cfppa.id, annee="2026", montant="8 000", action="API Bus"))
    app.funding.create(actor, FundingInput(financeur_id=cfppa.id, annee="2025", montant="7 000", action="API Bus"))
    window = empty_window
    window.navigate(TOURNEES, annee=2026)
    wait_idle(qtbot, window)
    page = window.pages[TOURNEES]
    page.tabs.setCurrentIndex(1)
    wait_idle(qtbot, window)
    tab = page.conventions
    field = tab.fields["funding_line_ids"]
    assert field.list.count() == 1  # only the line of 2026
    assert field.list.item(0).text().startswith("CFPPA de l'Hérault — API Bus 2026")
    tab.table.selectRow(0)
    field.list.item(0).setCheckState(Qt.CheckState.Checked)
    tab.save_convention()
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    conv = app.tournees.conventions.for_year(actor, 2026)[0]
    assert [i for i, _label in conv.financements] == [line.id]
