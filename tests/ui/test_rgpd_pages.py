"""Data protection in the window: the retention review (tick, confirm, archive or
anonymise), the backups page and its restore, the person file's export and notice, and
the passphrase asked for an encrypted file. Each screen is saved to artifacts/."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from ui_helpers import wait_idle

from db.engine import sqlite_url
from db.enums import Role
from db.models import AuditEntry, Person
from desktop_app.actor import Actor
from desktop_app.app import Escale
from desktop_app.people.records import PersonFilter, PersonInput
from ui.pages import registry
from ui.pages.keys import CONSERVATION, PERSONNES, SAUVEGARDES
from ui.widgets.messages import MessageDialog

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
LONG_AGO = dt.date.today() - dt.timedelta(days=900)


def shown(kind: type) -> list:  # type: ignore[type-arg]
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def save_png(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    QApplication.processEvents()  # pending layouts (button texts just changed)
    widget.grab().save(str(ARTIFACTS / name))


def _age(app: Escale, ids: list[int]) -> None:
    with app.db.uow() as s:
        s.execute(update(Person).where(Person.id.in_(ids)).values(last_contact_date=LONG_AGO))


def _rows(table) -> list[str]:  # type: ignore[no-untyped-def]
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_retention_review_archives_then_anonymises(qtbot: QtBot, window, app, seeded) -> None:  # type: ignore[no-untyped-def]
    _age(app, [seeded["Hélène"], seeded["Marcel"], seeded["Yvette"]])
    window.navigate(CONSERVATION)
    wait_idle(qtbot, window)
    page = window.pages[CONSERVATION]
    due = page.due
    assert _rows(due.table) == ["DUPONT Hélène", "MARTIN Marcel", "VIDAL Yvette"]
    assert page.tabs.tabText(0) == "À examiner (3)" and "24 mois" in page.intro.text()
    assert not due.archive_button.isEnabled()
    due.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    due.table.item(2, 0).setCheckState(Qt.CheckState.Checked)
    assert due.archive_button.text() == "Archiver (2)" and due.count.text() == "2 cochée(s) sur 3"
    save_png(window, "conservation_a_examiner.png")
    qtbot.mouseClick(due.archive_button, Qt.MouseButton.LeftButton)
    question = shown(MessageDialog)[0]
    save_png(question, "conservation_confirmation_archivage.png")
    qtbot.mouseClick(question.buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert _rows(due.table) == ["MARTIN Marcel"]
    assert _rows(page.archived.table) == ["DUPONT Hélène", "VIDAL Yvette"]
    assert window.toast.text() == "2 fiche(s) archivée(s)."
    assert seeded["Hélène"] not in app.people.list_ids(window.ctx.actor, PersonFilter())

    page.tabs.setCurrentWidget(page.archived)
    page.archived.toggle_all()
    qtbot.mouseClick(page.archived.anonymise_button, Qt.MouseButton.LeftButton)
    question = shown(MessageDialog)[0]
    assert "irréversible" in question.text.text()
    save_png(question, "conservation_confirmation_anonymisation.png")
    qtbot.mouseClick(question.buttons[0], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.archived.stack.currentWidget() is page.archived.empty
    save_png(window, "conservation_archivees_vide.png")
    with app.db.read() as s:
        helene = s.get(Person, seeded["Hélène"])
        assert (helene.nom, helene.date_naissance, helene.annee_naissance) == ("Anonyme", None, 1938)
        assert len(s.scalars(select(AuditEntry).where(AuditEntry.action == "anonymisation")).all()) == 2


def test_pages_follow_the_roles() -> None:
    def keys(role: Role) -> set[str]:
        return {p.key for p in registry(Actor(1, "x", "X", role))}

    assert {CONSERVATION, SAUVEGARDES} <= keys(Role.COORDINATEUR)
    assert SAUVEGARDES in keys(Role.ADMINISTRATEUR) and CONSERVATION not in keys(Role.ADMINISTRATEUR)
    for role in (Role.INTERVENANT, Role.BENEVOLE, Role.ANIMATEUR, Role.CHAUFFEUR):
        assert not {CONSERVATION, SAUVEGARDES} & keys(role)


def test_backup_then_restore_from_the_page(qtbot: QtBot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    window.navigate(SAUVEGARDES)
    wait_idle(qtbot, window)
    page = window.pages[SAUVEGARDES]
    assert page.stack.currentWidget() is page.empty
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.table.rowCount() == 1 and window.toast.text().startswith("Sauvegarde faite et vérifiée")
    save_png(window, "sauvegardes.png")
    app.people.create(actor, PersonInput(nom="Après", prenom="Sauvegarde"))
    dialog = page.confirm_restore(page.backups[0].path, "la sauvegarde de test")
    assert not dialog.restore_button.isEnabled()
    save_png(dialog, "restauration_confirmation.png")
    dialog.understood.setChecked(True)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    done = [d for d in shown(MessageDialog) if "restaurée" in d.text.text()]
    assert len(done) == 1 and "avant-restauration" in done[0].text.text()
    assert app.people.count(actor, PersonFilter(text="apres")) == 0  # the later person is gone
    assert len(list(app.db.path.parent.glob("*avant-restauration*"))) == 1
    with qtbot.waitSignal(window.session.logged_out, timeout=3000):
        done[0].accept()  # reading the message leads back to the login


def test_person_file_exports_and_prints_the_notice(qtbot: QtBot, people_page, window, app, seeded, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES, person_id=seeded["Hélène"])
    wait_idle(qtbot, window)
    form = people_page.form
    actions = form.rgpd
    assert actions.export_button.isVisible() and actions.notice_button.isVisible()
    save_png(window, "fiche_actions_rgpd.png")
    opened: list[Path] = []
    actions.open_file = opened.append
    actions.choose_path = lambda _title, name: tmp_path / name
    qtbot.mouseClick(actions.export_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert (tmp_path / "dossier-dupont-helene.pdf").exists() and (tmp_path / "dossier-dupont-helene.json").exists()
    assert window.toast.text().startswith("Dossier de DUPONT Hélène exporté")
    version = form.detail.version_id
    qtbot.mouseClick(actions.notice_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert (tmp_path / "notice-dupont-helene.pdf").exists() and len(opened) == 2
    assert form.detail.version_id == version + 1  # reloaded: the next save will not conflict
    assert form.fields["notice_date"].value() in (dt.date.today(), dt.date.today().strftime("%d/%m/%Y"))


def test_export_buttons_hidden_for_an_intervenant(qtbot: QtBot, qt_app, app, seeded) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    window = MainWindow(app, Actor(None, "i", "Intervenante", Role.INTERVENANT))
    qtbot.addWidget(window)
    window.navigate(PERSONNES, person_id=seeded["Hélène"])
    wait_idle(qtbot, window)
    actions = window.pages[PERSONNES].form.rgpd
    assert not actions.export_button.isVisibleTo(window) and actions.notice_button.isVisibleTo(window)


def test_passphrase_dialog_retries_after_a_wrong_phrase(qtbot: QtBot, qt_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui.dialogs.passphrase import PassphraseDialog

    url = sqlite_url(tmp_path / "chiffree.sqlite")
    Escale.open(url, passphrase="Garrigue-Lodève 2026 !").close()
    dialog = PassphraseDialog("chiffree.sqlite", lambda p: Escale.open(url, passphrase=p))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.field.line.setText("garrigue-lodève 2026 !")
    qtbot.keyClick(dialog.field.line, Qt.Key.Key_Return)
    assert dialog.escale is None and dialog.isVisible()
    assert dialog.field.error.text().startswith("Phrase de passe incorrecte")
    save_png(dialog, "phrase_de_passe_erreur.png")
    dialog.field.line.setText("Garrigue-Lodève 2026 !")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.escale is not None and not dialog.isVisible()
    dialog.escale.close()


def test_settings_page_saves_refuses_at_the_field_and_prints_the_notice(qtbot: QtBot, window, app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    from ui.pages.keys import PARAMETRES

    window.navigate(PARAMETRES)
    wait_idle(qtbot, window)
    page = window.pages[PARAMETRES]
    assert page.fields["veille.semaines"].text() == "6"
    assert page.fields["tournees.facteur_detour"].text() == "1,3"
    page.fields["veille.semaines"].setText("huit")
    page.fields["service.nom"].setText("CCAS de Clermont-l'Hérault")
    page.save()
    wait_idle(qtbot, window)
    assert page.errors["veille.semaines"].isVisibleTo(page)
    assert page.errors["veille.semaines"].text() == "Saisissez un nombre entier."
    assert page.fields["veille.semaines"].text() == "huit"  # what was typed stays
    assert app.settings.get("service.nom") == "CCAS de démonstration"  # nothing half-saved
    page.fields["veille.semaines"].setText("8")
    page.save()
    wait_idle(qtbot, window)
    assert app.settings.get("veille.semaines") == 8
    assert app.settings.get("service.nom") == "CCAS de Clermont-l'Hérault"
    assert not page.errors["veille.semaines"].isVisibleTo(page)
    save_png(window, "parametres.png")

    target = tmp_path / "notice.pdf"
    opened: list[Path] = []
    page.choose_path = lambda: target
    page.open_file = opened.append
    page.print_notice()
    wait_idle(qtbot, window)
    assert opened == [target]
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert "CCAS de Clermont-l'Hérault" in text or "CCAS de Clermont-l’Hérault" in text
    assert window.service_label.text() == "CCAS de Clermont-l'Hérault"
