"""The person form: create through the keyboard, messages under the fields, postal code
→ commune, duplicates, concurrent edits, aidant links, sensitive data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import column, ctrl, type_into, wait_idle

from db.enums import Role
from desktop_app.actor import Actor
from desktop_app.people.records import PersonFilter, PersonInput
from ui.pages.keys import PERSONNES
from ui.pages.people.dialogs import DuplicateDialog
from ui.pages.people.links import LinkDialog
from ui.widgets.messages import MessageDialog


def new_form(qtbot, window):  # type: ignore[no-untyped-def]
    ctrl(qtbot, window.centralWidget(), Qt.Key.Key_N)
    wait_idle(qtbot, window)
    page = window.pages[PERSONNES]
    assert page.form_open and page.form.title.text() == "Nouvelle personne"
    return page.form


def fill(qtbot, form, **values: str) -> None:  # type: ignore[no-untyped-def]
    for name, text in values.items():
        type_into(qtbot, form.fields[name].editor, text)


def top_dialog(kind):  # type: ignore[no-untyped-def]
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def test_create_a_person_with_the_keyboard(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    assert QApplication.focusWidget() is form.fields["nom"].editor
    fill(qtbot, form, nom="Bernard", prenom="Lucien", date_naissance="02/02/1940",
         code_postal="34150", telephone="0467000000", email="lucien.bernard@exemple.fr")
    commune = form.fields["commune_insee"].combo
    assert commune.isEnabled() and commune.count() == 10  # « Choisissez… » + 9 communes
    assert commune.currentData() is None
    commune.setFocus()
    qtbot.keyClicks(commune, "Aniane")
    assert commune.currentData() == "34010"
    ctrl(qtbot, form.fields["email"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)

    ids = app.people.list_ids(actor, PersonFilter(text="bernard"))
    assert len(ids) == 1
    stored = app.people.get(actor, ids[0])
    assert (stored.data.commune_insee, stored.commune_nom, stored.data.code_postal) == ("34010", "Aniane", "34150")
    assert stored.data.telephone == "+33467000000"
    assert window.toast.text() == "Fiche de BERNARD Lucien créée."
    assert form.title.text() == "BERNARD Lucien"
    assert "Dernier contact : " in form.meta.text() and "Fiche créée le " in form.meta.text()

    qtbot.keyClick(form.fields["nom"].editor, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    page = window.pages[PERSONNES]
    assert not page.form_open
    assert "BERNARD" in column(page, "Nom")
    assert page.list.count_label.text() == "6 personnes"


def test_postal_code_of_a_single_commune_selects_it(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    fill(qtbot, form, code_postal="34200")
    commune = form.fields["commune_insee"].combo
    assert (commune.currentText(), commune.currentData()) == ("Sète", "34301")
    form.fields["code_postal"].line.clear()
    type_into(qtbot, form.fields["code_postal"].editor, "99999")
    assert commune.currentText() == "Aucune commune pour ce code postal" and not commune.isEnabled()


def test_bad_phone_and_impossible_date_show_messages_under_the_fields(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    fill(qtbot, form, nom="Bertrand", prenom="Lucienne", date_naissance="31/02/1941", telephone="12 34")
    ctrl(qtbot, form.fields["nom"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)

    date, phone = form.fields["date_naissance"], form.fields["telephone"]
    assert date.error.isVisible() and date.error.text() == "Date invalide : le 31/02/1941 n'existe pas au calendrier."
    assert phone.error.isVisible() and "téléphone" in phone.error.text().lower()
    assert (date.value(), phone.value(), form.fields["nom"].value()) == ("31/02/1941", "12 34", "Bertrand")
    assert QApplication.focusWidget() is date.editor  # the first wrong field
    assert form.banner.isVisible() and form.banner.text().startswith("2 informations sont à corriger")
    assert not form.fields["prenom"].error.isVisible()
    assert app.people.count(actor, PersonFilter(statut=None)) == 5

    date.line.clear()
    type_into(qtbot, date.editor, "03/02/1941")
    phone.line.clear()
    type_into(qtbot, phone.editor, "06 11 22 33 44")
    ctrl(qtbot, phone.editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    assert not date.error.isVisible() and not phone.error.isVisible()
    assert app.people.count(actor, PersonFilter(statut=None)) == 6


def test_duplicate_is_shown_and_can_be_created_anyway(qtbot, window, app, actor) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    fill(qtbot, form, nom="Dupont", prenom="Hélène", date_naissance="12/03/1938")
    ctrl(qtbot, form.fields["nom"].editor, Qt.Key.Key_S)
    wait_idle(qtbot, window)
    dialog = top_dialog(DuplicateDialog)
    assert dialog is not None
    assert dialog.candidates.count() == 1
    assert dialog.candidates.item(0).text().startswith("DUPONT Hélène — né(e) le 12/03/1938 — Gignac")
    assert app.people.count(actor, PersonFilter(text="dupont")) == 1
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert app.people.count(actor, PersonFilter(text="dupont")) == 2


def test_duplicate_dialog_opens_the_existing_file(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    fill(qtbot, form, nom="DUPONT", prenom="helene", date_naissance="12/03/1938")
    form.save()
    wait_idle(qtbot, window)
    dialog = top_dialog(DuplicateDialog)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert form.detail is not None and form.detail.id == seeded["Hélène"]
    assert form.fields["prenom"].value() == "Hélène"


def test_edit_conflict_offers_to_reload(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=seeded["Marcel"])
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    elsewhere = app.people.get(actor, seeded["Marcel"]).to_input()
    elsewhere.adresse = "3 place de la Mairie"
    app.people.update(actor, seeded["Marcel"], form.detail.version_id, elsewhere)
    type_into(qtbot, form.fields["adresse"].editor, "8 rue Basse")
    form.save()
    wait_idle(qtbot, window)
    box = top_dialog(MessageDialog)
    assert box is not None and "modifiée par ailleurs" in box.text.text()
    reload_button = next(b for b in box.buttons if b.text() == "Recharger la fiche")
    qtbot.mouseClick(reload_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert form.fields["adresse"].value() == "3 place de la Mairie"
    assert not form.dirty


def test_aidant_links_from_the_file(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=seeded["Yvette"])
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    assert form.links.aidants.item(0).text() == "ROUX Josette — Enfant"
    form.links.add_aidant.click()
    dialog = top_dialog(LinkDialog)
    assert dialog is not None and dialog.windowTitle() == "Ajouter un aidant"
    type_into(qtbot, dialog.search, "fabre")
    wait_idle(qtbot, window, settle_ms=250)
    assert dialog.results.count() == 1 and dialog.results.item(0).text().startswith("FABRE André")
    dialog.relation.setCurrentIndex(dialog.relation.findText("Voisin(e)"))
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    texts = [form.links.aidants.item(i).text() for i in range(form.links.aidants.count())]
    assert sorted(texts) == ["FABRE André — Voisin(e)", "ROUX Josette — Enfant"]
    stored = app.people.get(actor, seeded["André"])
    assert [(a.display_name, a.relation) for a in stored.aides] == [("VIDAL Yvette", "voisin")]


def test_link_without_relation_is_refused_with_its_message(qtbot, window, seeded) -> None:  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=seeded["Hélène"])
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    form.links.add_aide.click()
    dialog = top_dialog(LinkDialog)
    type_into(qtbot, dialog.search, "martin")
    wait_idle(qtbot, window, settle_ms=250)
    qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert dialog.isVisible() and dialog.error.text() == "Choisissez le lien (conjoint, enfant, voisin…)."
    dialog.reject()


def test_sensitive_fields_hidden_from_a_role_without_access(qtbot, qt_app, app, seeded) -> None:  # type: ignore[no-untyped-def]
    from db.models import BenevoleAssignment, User
    from ui.main_window import MainWindow

    with app.db.uow() as s:  # a bénévole account to whom Hélène is assigned
        user = User(username="benevole", display_name="Bénévole", role="benevole")
        s.add(user)
        s.flush()
        s.add(BenevoleAssignment(user_id=user.id, person_id=seeded["Hélène"]))
    benevole = Actor(user_id=user.id, username="benevole", display_name="Bénévole", role=Role.BENEVOLE)
    window = MainWindow(app, benevole)
    qtbot.addWidget(window)
    window.show()
    window.navigate(PERSONNES, person_id=seeded["Hélène"])
    wait_idle(qtbot, window)
    form = window.pages[PERSONNES].form
    assert form.title.text() == "DUPONT Hélène"
    assert form.fields["gir"].isHidden() and form.fields["medecin_traitant"].isHidden()
    assert not form.fields["vit_seul"].isHidden()
    assert form.sensitive_notice.isVisibleTo(window)
    assert not form.save_button.isEnabled()
    window.close()


def test_every_person_input_field_is_on_the_form(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    form = new_form(qtbot, window)
    assert set(form.fields) == set(PersonInput.__dataclass_fields__)
