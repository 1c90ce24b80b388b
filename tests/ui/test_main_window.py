"""The main window: navigation, status bar, shortcuts, and the Accueil figures."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit
from ui_helpers import column, ctrl, wait_idle

from ui.pages.keys import ACCUEIL, PERSONNES


def nav_titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.nav.item(r).text() for r in range(window.nav.count())]


def test_navigation_lists_exactly_the_pages_that_exist(window) -> None:  # type: ignore[no-untyped-def]
    assert nav_titles(window) == ["Accueil", "Personnes", "Veille", "Ateliers", "Tournées", "Planning", "Partenaires", "Bilans", "Comptes", "Conservation", "Journal", "Sauvegardes", "Paramètres", "Mon compte"]
    assert window.current_page() is window.pages[ACCUEIL]


def test_clicking_the_navigation_shows_the_page(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.nav.setCurrentRow(1)
    wait_idle(qtbot, window)
    assert window.current_page() is window.pages[PERSONNES]
    assert window.pages[PERSONNES].list.count_label.text() == "5 personnes"


def test_status_bar_shows_database_and_user(window, app) -> None:  # type: ignore[no-untyped-def]
    assert window.db_label.text() == f"Base : {app.db.display_name}"
    assert window.user_label.text() == "Utilisateur : Coordinateur"


def test_ctrl_f_goes_to_the_search_field(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    ctrl(qtbot, window.pages[ACCUEIL], Qt.Key.Key_F)
    wait_idle(qtbot, window)
    search = window.pages[PERSONNES].list.filters.search
    assert window.current_page() is window.pages[PERSONNES]
    assert QApplication.focusWidget() is search


def test_accueil_shows_the_figures_of_the_file(window) -> None:  # type: ignore[no-untyped-def]
    cards = window.pages[ACCUEIL].cards
    shown = {attr: card.value.text() for attr, card in cards.items()}
    assert shown == {
        "actifs": "5", "beneficiaires": "3", "aidants": "1", "benevoles": "1",
        "nouveaux": "5", "gir_1_4": "2", "vit_seul": "2",
    }


def test_a_figure_opens_the_matching_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.pages[ACCUEIL].cards["vit_seul"], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    page = window.pages[PERSONNES]
    assert window.current_page() is page
    assert sorted(column(page, "Prénom")) == ["Hélène", "Yvette"]
    assert page.list.filters.chip.isVisible() and page.list.filters.chip.text() == "Vivent seules"
    qtbot.mouseClick(page.list.filters.chip, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.list.count_label.text() == "5 personnes"


def test_gir_figure_filters_the_list_in_sql(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.pages[ACCUEIL].cards["gir_1_4"].setFocus()
    qtbot.keyClick(window.pages[ACCUEIL].cards["gir_1_4"], Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    page = window.pages[PERSONNES]
    assert sorted(column(page, "GIR")) == ["2", "3"]
    assert page.list.filters.gir.currentText() == "GIR 1 à 4"


def test_empty_file_says_so_and_offers_to_add(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    home = empty_window.pages[ACCUEIL]
    assert home.stack.currentWidget() is home.empty
    assert home.empty.title.text() == "Aucune personne dans le fichier"
    assert home.empty.action.text() == "Ajouter une personne"
    qtbot.mouseClick(home.empty.action, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, empty_window)
    people = empty_window.pages[PERSONNES]
    assert people.form_open and people.form.title.text() == "Nouvelle personne"


def test_empty_list_says_so(qtbot, empty_window) -> None:  # type: ignore[no-untyped-def]
    empty_window.navigate(PERSONNES)
    wait_idle(qtbot, empty_window)
    people = empty_window.pages[PERSONNES].list
    assert people.stack.currentWidget() is people.empty
    assert people.empty.title.text() == "Aucune personne dans le fichier"
    assert people.count_label.text() == "Aucune personne"


def test_qt_standard_buttons_are_in_french(qt_app) -> None:  # type: ignore[no-untyped-def]
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert texts == {"Annuler", "Enregistrer"}
    line = QLineEdit()
    assert line.locale().name() == "fr_FR"
