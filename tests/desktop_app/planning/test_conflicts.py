"""Conflict detection, kind by kind, on hand-made items, then through the service."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.planning import conflicts
from desktop_app.planning.records import AbsenceInput, ConflictKind, Kind, PlanningItem, Source
from desktop_app.planning.service import ConflictsFound

DAY = dt.date(2027, 3, 9)


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(h, m))


def item(source: Source, sid: int, start: dt.datetime, end: dt.datetime, **kw: object) -> PlanningItem:
    kind = {Source.SEANCE: Kind.SEANCE, Source.PASSAGE: Kind.PASSAGE, Source.ABSENCE: Kind.ABSENCE}.get(
        source, Kind.CONTACT)
    return PlanningItem(kind, source, sid, start, end, kw.pop("title", f"{source} {sid}"), **kw)  # type: ignore[arg-type]


def kinds(found: list) -> list[ConflictKind]:  # type: ignore[type-arg]
    return [c.kind for c in found]


def test_same_agent_in_two_places() -> None:
    a = item(Source.VISIT, 1, at(10), at(11), who=("Claire",), who_keys=("u:1",))
    b = item(Source.SEANCE, 2, at(10, 30), at(12), who=("Claire",), who_keys=("u:1",))
    c = item(Source.VISIT, 3, at(11), at(12), who=("Paul",), who_keys=("u:2",))
    found = conflicts.find([a, b, c])
    assert kinds(found) == [ConflictKind.PERSON]
    assert found[0].keys == (a.key, b.key)
    assert "Claire est attendu·e à deux endroits le 09/03/2027 à 10:30" in found[0].message


def test_touching_items_do_not_conflict_and_all_day_contacts_take_no_slot() -> None:
    a = item(Source.VISIT, 1, at(10), at(11), who_keys=("u:1",))
    b = item(Source.VISIT, 2, at(11), at(12), who_keys=("u:1",))
    c = item(Source.PLANNED, 3, at(0), at(0, day=DAY + dt.timedelta(days=1)), who_keys=("u:1",), all_day=True)
    assert conflicts.find([a, b, c]) == []
    logged = item(Source.VISIT, 4, at(10, 30), at(11, 30), who_keys=("u:1",))
    assert conflicts.find([a, logged]) == []  # two visits already made: history, not a plan


def test_absent_agent_and_unavailable_vehicle() -> None:
    off = item(Source.ABSENCE, 1, at(8), at(18), who=("Claire",), who_keys=("u:1",))
    seance = item(Source.SEANCE, 2, at(14), at(16), who_keys=("u:1",))
    garage = item(Source.ABSENCE, 3, at(8), at(12), vehicle_id=7, vehicle="Minibus 1")
    passage = item(Source.PASSAGE, 4, at(9), at(11), vehicle_id=7, vehicle="Minibus 1")
    found = conflicts.find([off, seance, garage, passage])
    assert sorted(kinds(found)) == [ConflictKind.PERSON, ConflictKind.VEHICLE]
    assert any("Minibus 1 est indisponible" in c.message for c in found)


def test_vehicle_on_two_passages() -> None:
    a = item(Source.PASSAGE, 1, at(9), at(11), vehicle_id=7, vehicle="Minibus 1")
    b = item(Source.PASSAGE, 2, at(10), at(12), vehicle_id=7, vehicle="Minibus 1")
    other = item(Source.PASSAGE, 3, at(10), at(12), vehicle_id=8, vehicle="Minibus 2")
    found = conflicts.find([a, b, other])
    assert kinds(found) == [ConflictKind.VEHICLE]
    assert "Minibus 1 est sur deux passages" in found[0].message


def test_room_double_booked() -> None:
    a = item(Source.SEANCE, 1, at(14), at(16), place="Salle des fêtes")
    b = item(Source.SEANCE, 2, at(15), at(17), place="salle des fêtes ")
    found = conflicts.find([a, b])
    assert kinds(found) == [ConflictKind.ROOM]
    assert "Salle des fêtes" in found[0].message or "salle des fêtes" in found[0].message


def test_pickup_route_starts_before_vehicle_is_back() -> None:
    a = item(Source.PASSAGE, 1, at(9, 30), at(11, 30), vehicle_id=7, vehicle="Minibus 1",
             pickup_start=at(8, 50), back_at=at(12, 10), title="Gignac")
    b = item(Source.PASSAGE, 2, at(12, 30), at(14), vehicle_id=7, vehicle="Minibus 1",
             pickup_start=at(11, 50), back_at=at(14, 30), title="Aniane")
    found = conflicts.find([a, b])
    assert kinds(found) == [ConflictKind.ROUTE]
    assert "le ramassage de « Aniane » commence à 11:50, avant le retour du véhicule de « Gignac » (12:10)" in found[0].message


def test_public_holiday() -> None:
    xmas = dt.date(2027, 12, 25)
    found = conflicts.find([item(Source.SEANCE, 1, at(14, day=xmas), at(16, day=xmas), title="Chorale")])
    assert kinds(found) == [ConflictKind.HOLIDAY]
    assert found[0].message == "25/12/2027 est férié (Noël) : Chorale"


def test_sweep_scales_linearly_enough() -> None:
    """10,000 back-to-back items of one agent: no conflict, found quickly (no pairwise scan)."""
    many = [item(Source.RECURRING, i, at(8) + dt.timedelta(minutes=30 * i), at(8) + dt.timedelta(minutes=30 * i + 30),
                 who_keys=("u:1",)) for i in range(10_000)]
    assert [c for c in conflicts.find(many, holidays=False)] == []


def test_absence_conflicting_with_a_seance_is_refused_until_confirmed(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    data = AbsenceInput(user_id=world.animatrice, debut="09/03/2027 13:00", fin="09/03/2027 18:00", motif="Formation")
    with pytest.raises(ConflictsFound) as exc:
        app.planning.save_absence(actor, data)
    assert "Claire Lemoine est attendu·e à deux endroits" in exc.value.conflicts[0].message
    assert app.planning.items(actor, DAY, DAY) and all(i.kind != Kind.ABSENCE for i in app.planning.items(actor, DAY, DAY))
    saved = app.planning.save_absence(actor, data, confirm=True)
    view = app.planning.view(actor, DAY, DAY)
    assert any(i.key == f"absence-{saved.id}" for i in view.items)
    assert any(c.kind == ConflictKind.PERSON for c in view.conflicts)


def test_month_summary_counts_contacts_per_day(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    first, last = DAY - dt.timedelta(days=10), DAY + dt.timedelta(days=10)
    items = app.planning.items(actor, first, last, summary=True)
    counted = sorted((i.source, i.title, i.start.date()) for i in items if i.source in (Source.VISIT_DAY, Source.PLANNED_DAY))
    assert counted == [(Source.PLANNED_DAY, "1 contact prévu", DAY + dt.timedelta(days=2)),
                       (Source.VISIT_DAY, "1 contact", DAY - dt.timedelta(days=7))]
    assert {i.source for i in items} >= {Source.SEANCE, Source.PASSAGE}
    assert not any(i.source in (Source.VISIT, Source.PLANNED) for i in items)
