"""Partenaires through the window: the SIRET message at its field (typed text kept), a
referenced partner's deletion refused with the reason and archiving offered, and funding
amounts typed the French way."""

from __future__ import annotations

from decimal import Decimal

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import ctrl, type_into, wait_idle

from desktop_app.partners.records import FundingInput, PartnerFilter, PartnerInput
from ui.pages.keys import PARTENAIRES
from ui.pages.partners.funding_form import FundingForm
from ui.pages.partners.partner_form import PartnerForm
from ui.widgets.messages import MessageDialog


def top(qtbot, kind):  # type: ignore[no-untyped-def]
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert len(found) == 1
    qtbot.waitUntil(found[0].isActiveWindow)
    return found[0]


def closed(widget) -> bool:  # type: ignore[no-untyped-def]
    return not shiboken6.isValid(widget) or not widget.isVisible()


def partners_page(qtbot, window):  # type: ignore[no-untyped-def]
    window.navigate(PARTENAIRES)
    wait_idle(qtbot, window)
    return window.pages[PARTENAIRES]


def test_create_a_partner_and_the_siret_message_at_its_field(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    page = partners_page(qtbot, window)
    qtbot.mouseClick(page.directory.new_button, Qt.MouseButton.LeftButton)
    form = top(qtbot, PartnerForm)
    type_into(qtbot, form.fields["nom"].editor, "ADMR du Lodevois")
    form.fields["type"].set_value("saad_ssiad")
    form.fields["role_prestataire"].set_value(True)
    type_into(qtbot, form.fields["siret"].editor, "73282932000075")
    form.add_contact()
    form.contacts.item(0, 0).setText("Marie Durand")
    form.contacts.item(0, 2).setText("0467000001")
    ctrl(qtbot, form.fields["siret"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert form.fields["siret"].error.text() == (
        "SIRET invalide : la clé de contrôle ne correspond pas. Vérifiez les 14 chiffres.")
    assert form.fields["siret"].value() == "73282932000075"
    assert app.partners.search(actor, PartnerFilter(text="lodevois")) == []
    form.fields["siret"].set_value("73282932000074")
    ctrl(qtbot, form.fields["siret"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert closed(form)
    [row] = app.partners.search(actor, PartnerFilter(text="lodevois"))
    detail = app.partners.get(actor, row.id)
    assert detail.siret_display == "732 829 320 00074" and detail.data.roles == ["prestataire"]
    assert [(c.nom, c.telephone) for c in detail.contacts] == [("Marie Durand", "+33467000001")]
    wait_idle(qtbot, window)
    names = [page.directory.table.item(r, 0).text() for r in range(page.directory.table.rowCount())]
    assert names == ["ADMR du Lodevois"]
    page.directory.type_filter.set_value("financeur")
    page.directory.type_filter.changed.emit()
    wait_idle(qtbot, window)
    assert page.directory.table.rowCount() == 0


def test_deleting_a_referenced_partner_is_refused_and_archiving_offered(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    carsat = app.partners.create(actor, PartnerInput(nom="Carsat", type="caisse_retraite", roles=["financeur"]))
    app.funding.create(actor, FundingInput(financeur_id=carsat.id, annee=2026, montant="5000", action="Ateliers"))
    page = partners_page(qtbot, window)
    page.directory.table.selectRow(0)
    qtbot.mouseClick(page.directory.delete_button, Qt.MouseButton.LeftButton)
    question = top(qtbot, MessageDialog)
    qtbot.mouseClick(question.buttons[0], Qt.MouseButton.LeftButton)  # « Supprimer »
    wait_idle(qtbot, window)
    refusal = top(qtbot, MessageDialog)
    assert refusal.text.text() == (
        "« Carsat » ne peut pas être supprimé : il est cité dans 1 ligne de financement. "
        "Archivez-le plutôt : il disparaîtra des listes et l'historique restera intact.")
    qtbot.mouseClick(refusal.buttons[0], Qt.MouseButton.LeftButton)  # « Archiver »
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert app.partners.get(actor, carsat.id).archived
    assert page.directory.table.rowCount() == 0  # archived ones are hidden by default


def test_funding_amount_in_french_accepted_and_letters_refused(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    cfppa = app.partners.create(actor, PartnerInput(nom="CFPPA de l'Hérault", type="financeur", roles=["financeur"]))
    page = partners_page(qtbot, window)
    page.tabs.setCurrentWidget(page.funding)
    qtbot.mouseClick(page.funding.new_button, Qt.MouseButton.LeftButton)
    form = top(qtbot, FundingForm)
    form.fields["financeur_id"].set_value(cfppa.id)
    form.fields["annee"].set_value("2026")
    type_into(qtbot, form.fields["montant"].editor, "abc")
    form.fields["action"].set_value("Ateliers équilibre")
    ctrl(qtbot, form.fields["montant"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert form.fields["montant"].error.text() == "Montant invalide : saisissez un nombre, par exemple 1 234,50."
    assert form.fields["montant"].value() == "abc"
    form.fields["montant"].set_value("1 234,50")
    form.fields["statut"].set_value("accorde")
    ctrl(qtbot, form.fields["montant"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert closed(form)
    [line] = app.funding.lines(actor, 2026)
    assert line.montant == Decimal("1234.50") and line.statut == "accorde"
    wait_idle(qtbot, window)
    assert page.funding.table.item(0, 1).text() == "1\u202f234,50 €"
    summary = page.funding.summary
    assert [summary.item(0, c).text() for c in range(summary.columnCount())] == [
        "CFPPA de l'Hérault", "—", "1\u202f234,50 €", "—", "—", "1\u202f234,50 €"]
