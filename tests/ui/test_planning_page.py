"""The Planning page: the week grid shows the items, a drag with the mouse moves a séance
(stored time changes), the keyboard moves and resizes, a conflict is listed, a time range
opens the new-absence form whose French messages show under the fields."""

from __future__ import annotations

import datetime as dt

import pytest
import shiboken6
from planning_world import DAY, build_world
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from ui_helpers import wait_idle

from db.models import AtelierSeance, Unavailability
from desktop_app.planning.records import Source


@pytest.fixture
def page(qtbot: QtBot, empty_window, app, actor):  # type: ignore[no-untyped-def]
    from ui.pages.keys import PLANNING

    world = build_world(app, actor)
    empty_window.navigate(PLANNING, date=DAY)
    page = empty_window.pages[PLANNING]
    wait_idle(qtbot, empty_window)
    page.world = world
    return page


def center(page, key: str) -> QPoint:  # type: ignore[no-untyped-def]
    rect = page.calendar.rect_of(key)
    assert rect is not None, key
    return rect.center().toPoint()


def _absence_dialog():  # type: ignore[no-untyped-def]
    from ui.pages.planning.dialogs import AbsenceDialog

    return AbsenceDialog


def visible_question(page):  # type: ignore[no-untyped-def]
    from ui.widgets.messages import MessageDialog

    return next(d for d in page.findChildren(MessageDialog) if d.isVisible())


def close_questions(page) -> None:  # type: ignore[no-untyped-def]
    from ui.widgets.messages import MessageDialog

    for d in page.findChildren(MessageDialog):
        d.reject()


def stored_seance(app, sid: int) -> tuple[dt.datetime, dt.datetime]:  # type: ignore[no-untyped-def]
    with app.db.read() as s:
        row = s.get(AtelierSeance, sid)
        return row.debut, row.fin


def test_week_shows_items_and_conflict_free_period(page) -> None:  # type: ignore[no-untyped-def]
    keys = {i.key for i in page.calendar.items}
    w = page.world
    assert {f"seance-{w.seance}", f"passage-{w.passages[0]}", f"passage-{w.passages[1]}",
            f"prevu-{w.people[1]}"} <= keys
    assert page.period_label.text() == "Semaine 10 — 08/03/2027 au 14/03/2027"
    assert page.conflicts_title.text() == "Aucun conflit"


def test_drag_moves_a_seance_with_the_mouse(qtbot: QtBot, page, app) -> None:  # type: ignore[no-untyped-def]
    key = f"seance-{page.world.seance}"
    start = center(page, key)
    hour = page.calendar._hour_height()
    end = QPoint(start.x() + int(page.calendar._col_width()), start.y() + int(hour))  # next day, one hour later
    cal = page.calendar
    qtbot.mousePress(cal, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(cal, QPoint(start.x() + 5, start.y() + 5))
    qtbot.mouseMove(cal, end)
    qtbot.mouseRelease(cal, Qt.MouseButton.LeftButton, pos=end)
    assert stored_seance(app, page.world.seance) == (dt.datetime(2027, 3, 10, 15), dt.datetime(2027, 3, 10, 17))
    question = visible_question(page)
    assert question.text.text() == "1 personne(s) inscrite(s) à prévenir : MARTIN Hélène."
    assert [b.text() for b in question.buttons] == ["Imprimer la liste à appeler", "Plus tard"]
    question.reject()


def test_drag_the_lower_edge_resizes(qtbot: QtBot, page, app) -> None:  # type: ignore[no-untyped-def]
    key = f"seance-{page.world.seance}"
    rect = page.calendar.rect_of(key)
    grip = QPoint(int(rect.center().x()), int(rect.bottom()) - 2)
    lower = QPoint(grip.x(), grip.y() + int(page.calendar._hour_height()))
    qtbot.mousePress(page.calendar, Qt.MouseButton.LeftButton, pos=grip)
    qtbot.mouseMove(page.calendar, QPoint(grip.x(), grip.y() + 6))
    qtbot.mouseMove(page.calendar, lower)
    qtbot.mouseRelease(page.calendar, Qt.MouseButton.LeftButton, pos=lower)
    assert stored_seance(app, page.world.seance) == (dt.datetime(2027, 3, 9, 14), dt.datetime(2027, 3, 9, 17))


def test_keyboard_moves_and_resizes(qtbot: QtBot, page, app) -> None:  # type: ignore[no-untyped-def]
    cal = page.calendar
    cal.select(f"seance-{page.world.seance}")
    cal.setFocus()
    qtbot.keyClick(cal, Qt.Key.Key_Down)
    assert stored_seance(app, page.world.seance) == (dt.datetime(2027, 3, 9, 14, 15), dt.datetime(2027, 3, 9, 16, 15))
    close_questions(page)
    qtbot.keyClick(cal, Qt.Key.Key_Right)
    assert stored_seance(app, page.world.seance)[0] == dt.datetime(2027, 3, 10, 14, 15)
    close_questions(page)
    qtbot.keyClick(cal, Qt.Key.Key_Up, Qt.KeyboardModifier.ShiftModifier)
    assert stored_seance(app, page.world.seance) == (dt.datetime(2027, 3, 10, 14, 15), dt.datetime(2027, 3, 10, 16))


def test_conflict_listed_after_a_confirmed_move(qtbot: QtBot, page, app, actor) -> None:  # type: ignore[no-untyped-def]
    passage = next(i for i in page.calendar.items if i.source == Source.PASSAGE and i.source_id == page.world.passages[1])
    page.move_item(passage, dt.datetime(2027, 3, 9, 10), dt.datetime(2027, 3, 9, 12))
    question = visible_question(page)
    assert "Minibus 1 est sur deux passages le 09/03/2027 à 10:00" in question.text.text()
    question.buttons[0].click()  # « Déplacer quand même »
    wait_idle(qtbot, page.window())
    assert page.conflict_list.count() >= 1
    assert "Minibus 1 est sur deux passages le 09/03/2027 à 10:00" in page.conflict_list.item(0).text()
    assert page.conflicts_title.text().endswith("conflit") or page.conflicts_title.text().endswith("conflits")


def test_range_selection_opens_the_absence_form_with_french_errors(qtbot: QtBot, page, app) -> None:  # type: ignore[no-untyped-def]
    cal = page.calendar
    top = cal._grid_top()
    x = int(60 + cal._col_width() * 3.5)  # Thursday
    a = QPoint(x, int(top + cal._hour_height() * 2))  # 09:00
    b = QPoint(x, int(top + cal._hour_height() * 4))  # 11:00
    got = []
    cal.rangeSelected.connect(lambda s, e: got.append((s, e)))
    qtbot.mousePress(cal, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(cal, QPoint(x, a.y() + 8))
    qtbot.mouseMove(cal, b)
    qtbot.mouseRelease(cal, Qt.MouseButton.LeftButton, pos=b)
    assert got == [(dt.datetime(2027, 3, 11, 9), dt.datetime(2027, 3, 11, 11, 15))]
    question = visible_question(page)
    assert question.text.text() == "Que placer le 11/03/2027 09:00–11:15 ?"
    question.buttons[0].click()  # « Absence »
    dialog = next(d for d in page.findChildren(_absence_dialog()) if d.isVisible())
    assert dialog.fields["debut"].value() == "11/03/2027 09:00"
    dialog.fields["fin"].set_value("11/03/2027 08:00")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.fields["fin"].error.text() == "La fin doit être après le début."
    dialog.fields["fin"].set_value("11/03/2027 12:00")
    dialog.fields["motif"].set_value("Formation")
    dialog.submit()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible())
    with app.db.read() as s:
        row = s.query(Unavailability).one()
        assert (row.debut, row.fin, row.motif) == (dt.datetime(2027, 3, 11, 9), dt.datetime(2027, 3, 11, 12), "Formation")
    wait_idle(qtbot, page.window())
    assert any(i.source == Source.ABSENCE for i in page.calendar.items)


def test_month_and_day_views(page) -> None:  # type: ignore[no-untyped-def]
    page.set_mode("mois")
    assert page.period_label.text() == "Mars 2027"
    assert page.calendar.rect_of(f"seance-{page.world.seance}") is not None
    page.open_day(DAY)
    assert page.mode == "jour" and page.period_label.text() == "Mardi 9 mars 2027"
