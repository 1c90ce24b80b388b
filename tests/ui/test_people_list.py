"""The Personnes list: search as you type, filters, SQL sorting, the lazy model, archive."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import column, table_rows, type_into, wait_idle

from desktop_app.people.records import PersonFilter
from ui.pages.keys import PERSONNES
from ui.pages.people.model import PAGE_SIZE, PeopleModel


def show_list(qtbot, window):  # type: ignore[no-untyped-def]
    window.navigate(PERSONNES)
    wait_idle(qtbot, window)
    return window.pages[PERSONNES]


def search(qtbot, window, page, text: str) -> None:  # type: ignore[no-untyped-def]
    page.list.filters.search.clear()
    type_into(qtbot, page.list.filters.search, text)
    wait_idle(qtbot, window, settle_ms=250)


def test_list_shows_every_active_person_with_french_columns(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    assert page.list.count_label.text() == "5 personnes"
    helene = next(row for row in table_rows(page) if row[1] == "Hélène")
    assert helene[0] == "DUPONT"
    assert helene[3] == "Gignac"
    assert helene[4] == "04 67 57 01 02"
    assert helene[5] == "3"
    assert helene[6] == "Bénéficiaire"
    assert len(helene[7]) == 10 and helene[7][2] == "/"  # dd/mm/yyyy
    assert column(page, "Nom") == ["DUPONT", "FABRE", "MARTIN", "ROUX", "VIDAL"]


def test_search_ignores_accents_and_case(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    search(qtbot, window, page, "helene")
    assert column(page, "Prénom") == ["Hélène"]
    assert page.list.count_label.text() == "1 personne"


def test_search_st_jean_finds_saint_jean_de_fos(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    search(qtbot, window, page, "ST JEAN")
    assert table_rows(page)[0][:2] == ["MARTIN", "Marcel"]
    assert column(page, "Commune") == ["Saint-Jean-de-Fos"]


def test_search_without_result_offers_to_clear(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    search(qtbot, window, page, "zzz")
    assert page.list.stack.currentWidget() is page.list.empty
    assert page.list.empty.title.text() == "Aucune personne ne correspond à cette recherche."
    qtbot.mouseClick(page.list.empty.action, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert page.list.filters.search.text() == ""
    assert page.list.count_label.text() == "5 personnes"


def test_role_and_commune_filters(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    filters = page.list.filters
    filters.role.setCurrentIndex(filters.role.findText("Bénévoles"))
    filters.role.activated.emit(filters.role.currentIndex())
    wait_idle(qtbot, window)
    assert column(page, "Prénom") == ["André"]
    filters.role.setCurrentIndex(0)
    filters.commune.setCurrentIndex(filters.commune.findText("Aniane"))
    filters.commune.activated.emit(filters.commune.currentIndex())
    wait_idle(qtbot, window)
    assert column(page, "Prénom") == ["Yvette"]
    assert [filters.commune.itemText(i) for i in range(filters.commune.count())] == [
        "Toutes les communes", "Aniane", "Canet", "Clermont-l'Hérault", "Gignac", "Saint-Jean-de-Fos"]


def test_clicking_a_header_sorts_in_sql(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    header = page.list.table.horizontalHeader()
    age_column = 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, age_column))
    wait_idle(qtbot, window)
    ages = [int(a) for a in column(page, "Âge")]
    assert ages == sorted(ages) or ages == sorted(ages, reverse=True)
    first_order = ages
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + _section_center(header, age_column))
    wait_idle(qtbot, window)
    assert [int(a) for a in column(page, "Âge")] == list(reversed(first_order))


def _section_center(header, index: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(index) + header.sectionSize(index) // 2, header.height() // 2)


def test_enter_opens_the_selected_file(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    search(qtbot, window, page, "vidal")
    qtbot.keyClick(page.list.filters.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.list.table, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert page.form_open
    assert page.form.title.text() == "VIDAL Yvette"


def test_archive_removes_from_the_default_list(qtbot, window, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    page = show_list(qtbot, window)
    window.navigate(PERSONNES, person_id=seeded["Marcel"])
    wait_idle(qtbot, window)
    assert page.form.archive_button.text() == "Archiver"
    qtbot.mouseClick(page.form.archive_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert app.people.get(actor, seeded["Marcel"]).data.statut == "archive"
    assert window.toast.isVisible() and "archivée" in window.toast.text()
    assert page.form.archive_button.text() == "Réactiver"
    qtbot.keyClick(page.form.fields["nom"].editor, Qt.Key.Key_Escape)
    wait_idle(qtbot, window)
    assert not page.form_open
    assert "Marcel" not in column(page, "Prénom")
    filters = page.list.filters
    filters.statut.setCurrentIndex(filters.statut.findText("Archivés"))
    filters.statut.activated.emit(filters.statut.currentIndex())
    wait_idle(qtbot, window)
    assert column(page, "Prénom") == ["Marcel"]


def test_people_model_passes_qtmodeltester(qtmodeltester, app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    model = PeopleModel(lambda ids: app.people.rows(actor, ids))
    model.set_ids(app.people.list_ids(actor, PersonFilter(statut=None)))
    assert model.rowCount() == 5
    qtmodeltester.check(model)


def test_people_model_fetches_rows_by_page(app, actor, seeded) -> None:  # type: ignore[no-untyped-def]
    asked: list[list[int]] = []

    def fetch(ids: list[int]):  # type: ignore[no-untyped-def]
        asked.append(ids)
        return app.people.rows(actor, ids)

    model = PeopleModel(fetch)
    fake_ids = list(app.people.list_ids(actor, PersonFilter())) * 100  # 500 rows
    model.set_ids(fake_ids)
    assert asked == []
    model.index(0, 0).data()
    model.index(3, 1).data()
    assert len(asked) == 1 and len(asked[0]) == PAGE_SIZE
    model.index(PAGE_SIZE + 1, 0).data()
    assert len(asked) == 2


def test_a_long_list_shows_a_first_batch_then_every_person(qtbot, qt_app, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from ui_helpers import open_window

    from desktop_app.app import Escale
    from desktop_app.demo import write_demo_database
    from ui.pages.people.list_view import FIRST_BATCH

    path = tmp_path / "long.sqlite"
    write_demo_database(path, people=FIRST_BATCH + 300, seed=4)
    escale = Escale.open(f"sqlite:///{path}")
    actor = escale.local_actor()
    expected = escale.people.count(actor, PersonFilter())
    assert expected > FIRST_BATCH
    for window in open_window(qtbot, escale, actor):
        page = show_list(qtbot, window)
        assert page.list.model.rowCount() == expected
        assert page.list.count_label.text() == f"{expected} personnes"
        assert page.list.model.ids == escale.people.list_ids(actor, PersonFilter())
    escale.close()
