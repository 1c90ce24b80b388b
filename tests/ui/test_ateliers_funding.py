"""The action form's financeurs (funding lines ticked in a list, space to tick) and partner
place; the overview shows them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_ateliers_page import make_cycle, open_action, top_dialog
from ui_helpers import ctrl, wait_idle

from desktop_app.partners.records import FundingInput, PartnerInput
from ui.pages.ateliers.action_form import ActionDialog


def test_tick_financeurs_and_choose_a_partner_place(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat", type="caisse_retraite", roles=["financeur"]))
    salle = app.partners.create(actor, PartnerInput(nom="Maison des associations", type="commune", roles=["lieu"]))
    line = app.funding.create(actor, FundingInput(financeur_id=carsat.id, annee=2026, montant="12000",
                                                  action="Mémoire", statut="accorde", date_demande="10/01/2026",
                                                  date_accord="01/03/2026"))
    action_id = make_cycle(app, actor)
    view = open_action(qtbot, window, action_id)
    assert view.overview.values["financeur"].text() == "Aucun financeur lié"
    view.edit()
    wait_idle(qtbot, window)
    dialog = top_dialog(ActionDialog)
    funding = dialog.fields["financements"]
    assert [it.text() for it in funding.items()] == ["Carsat 2026 — 12\u202f000\u00a0€ — accordé"]
    funding.list.setFocus()
    funding.list.setCurrentRow(0)
    qtbot.keyClick(funding.list, Qt.Key.Key_Space)
    assert funding.value() == [line.id]
    place = dialog.fields["lieu_partner_id"].combo
    place.setCurrentIndex(place.findText("Maison des associations"))
    ctrl(qtbot, dialog.fields["titre"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    detail = app.ateliers.actions.get(actor, action_id)
    assert detail.data.financements == [line.id] and detail.data.lieu_partner_id == salle.id
    assert view.overview.values["financeur"].text() == "Carsat 2026 — 12\u202f000\u00a0€ — accordé"
    assert view.overview.values["lieu"].text() == "Salle des fêtes — Maison des associations"
