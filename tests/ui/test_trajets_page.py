"""The chauffeur's window: only « Trajets » and « Mon compte »; the passages they drive,
the route read-only, the feuille de route printed. The coordinator names the driver in the
passage form."""

from __future__ import annotations

from pypdf import PdfReader
from PySide6.QtCore import Qt
from test_tournees_page import ARTIFACTS, _passage
from ui_helpers import wait_idle

from db.enums import Role
from ui.pages.keys import TOURNEES, TRAJETS


def test_the_coordinator_names_the_driver_and_the_driver_prints(qtbot, empty_window, app, actor, role_actor,  # type: ignore[no-untyped-def]
                                                              tmp_path) -> None:
    passage_id = _passage(app, actor)
    driver = role_actor(Role.CHAUFFEUR)
    people = {p.person_id for p in app.tournees.passages.participants(actor, passage_id)}
    app.tournees.passages.set_pickups(actor, passage_id, set(list(people)[:3]))
    app.tournees.pickups.compute(actor, passage_id)
    window = empty_window
    window.navigate(TOURNEES, passage_id=passage_id)
    wait_idle(qtbot, window)
    form = window.pages[TOURNEES].detail.form
    choice = form.fields["chauffeur_id"]
    assert [choice.combo.itemText(i) for i in range(choice.combo.count())] == ["Aucun", "Compte chauffeur1"]
    choice.set_value(driver.user_id)
    qtbot.mouseClick(form.save, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    wait_idle(qtbot, window)
    assert app.tournees.passages.get(actor, passage_id).chauffeur_nom == "Compte chauffeur1"
    assert "chauffeur : Compte chauffeur1" in window.pages[TOURNEES].detail.subtitle.text()

    from ui.main_window import MainWindow

    mine = MainWindow(app, driver)
    qtbot.addWidget(mine)
    mine.show()
    qtbot.waitExposed(mine)
    wait_idle(qtbot, mine)
    try:
        assert [mine.nav.item(r).text() for r in range(mine.nav.count())] == ["Trajets", "Mon compte"]
        mine.navigate(TRAJETS)
        wait_idle(qtbot, mine)
        page = mine.pages[TRAJETS]
        page.all_dates.setChecked(True)  # the demo passage is in the past
        wait_idle(qtbot, mine)
        assert page.table.rowCount() == 1 and page.table.item(0, 1).text() == "Octon"
        page.open_selected()
        wait_idle(qtbot, mine)
        assert page.card.isVisibleTo(page) and page.route.tree.topLevelItemCount() >= 2
        assert not page.route.keep.isVisibleTo(page)
        ARTIFACTS.mkdir(exist_ok=True)
        mine.grab().save(str(ARTIFACTS / "trajets_chauffeur.png"))
        page.print_to(str(tmp_path / "fdr.pdf"))
        wait_idle(qtbot, mine)
        text = PdfReader(tmp_path / "fdr.pdf").pages[0].extract_text()
        assert "Octon" in text
    finally:
        mine.close()
    assert mine.ops.unexpected_errors == []
