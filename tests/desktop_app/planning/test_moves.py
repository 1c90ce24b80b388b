"""Moving items: stored times change, conflicts are re-checked, the people to call come back."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AtelierSeance, Passage, PassageStop, Person, Unavailability, Visit
from desktop_app.errors import ValidationError
from desktop_app.planning.records import AbsenceInput, Source
from desktop_app.planning.service import ConflictsFound

DAY = dt.date(2027, 3, 9)


def at(h: int, m: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(h, m))


def find(app, actor, source: Source, sid: int, day: dt.date = DAY):  # type: ignore[no-untyped-def]
    return next(i for i in app.planning.items(actor, day, day) if i.source == source and i.source_id == sid)


def test_moving_a_seance_returns_the_registered_people_to_call(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    seance = find(app, actor, Source.SEANCE, world.seance)
    result = app.moves.move(actor, seance, at(9, day=DAY + dt.timedelta(days=1)), at(11, day=DAY + dt.timedelta(days=1)))
    with app.db.read() as s:
        row = s.get(AtelierSeance, world.seance)
        assert (row.debut, row.fin) == (at(9, day=DAY + dt.timedelta(days=1)), at(11, day=DAY + dt.timedelta(days=1)))
    assert [(c.name, c.telephone) for c in result.to_call] == [("MARTIN Hélène", "0467570102")]  # not the withdrawn


def test_moving_a_passage_moves_its_pickup_plan(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    passage = find(app, actor, Source.PASSAGE, world.passages[1])
    assert passage.pickup_start == at(13, 20) and passage.back_at == at(16, 40)
    result = app.moves.move(actor, passage, at(14, 30), at(16, 30))
    with app.db.read() as s:
        row = s.get(Passage, world.passages[1])
        assert (row.heure_debut, row.heure_fin) == (dt.time(14, 30), dt.time(16, 30))
        stops = s.execute(select(PassageStop.sens, PassageStop.heure_prevue)
                          .where(PassageStop.passage_id == row.id).order_by(PassageStop.ordre)).all()
        assert [tuple(r) for r in stops] == [("aller", dt.time(13, 50)), ("retour", dt.time(17, 10))]
    assert [c.name for c in result.to_call] == ["VIDAL Yvette"]


def test_moving_a_passage_into_the_previous_route_is_a_conflict(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    passage = find(app, actor, Source.PASSAGE, world.passages[1])
    with pytest.raises(ConflictsFound) as exc:
        app.moves.move(actor, passage, at(12, 30), at(14, 30))  # pick-up at 11:50, back from Gignac at 12:10
    assert "avant le retour du véhicule" in exc.value.conflicts[0].message
    with app.db.read() as s:
        assert s.get(Passage, world.passages[1]).heure_debut == dt.time(14)  # nothing saved
    app.moves.move(actor, passage, at(12, 30), at(14, 30), confirm=True)
    with app.db.read() as s:
        assert s.get(Passage, world.passages[1]).heure_debut == dt.time(12, 30)


def test_moving_a_visit_and_a_planned_contact(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    planned = find(app, actor, Source.PLANNED, world.people[1], DAY + dt.timedelta(days=2))
    app.moves.move(actor, planned, at(0, day=DAY + dt.timedelta(days=5)), at(0, day=DAY + dt.timedelta(days=6)))
    with app.db.read() as s:
        assert s.get(Person, world.people[1]).next_contact_due == DAY + dt.timedelta(days=5)
    visit = find(app, actor, Source.VISIT, world.visit, DAY - dt.timedelta(days=7))
    app.moves.move(actor, visit, at(15, day=DAY - dt.timedelta(days=6)), at(16, day=DAY - dt.timedelta(days=6)))
    with app.db.read() as s:
        row = s.get(Visit, world.visit)
        assert (row.date, row.heure, row.duree_minutes) == (DAY - dt.timedelta(days=6), dt.time(15), 60)
        assert s.get(Person, world.people[1]).last_contact_date == DAY - dt.timedelta(days=6)


def test_resizing_an_absence_and_end_before_start(app, actor, world) -> None:  # type: ignore[no-untyped-def]
    saved = app.planning.save_absence(actor, AbsenceInput(vehicle_id=world.vehicle, debut="10/03/2027 08:00",
                                                          fin="10/03/2027 12:00", motif="Contrôle technique"))
    absence = find(app, actor, Source.ABSENCE, saved.id, DAY + dt.timedelta(days=1))
    app.moves.move(actor, absence, absence.start, at(17, day=DAY + dt.timedelta(days=1)))
    with app.db.read() as s:
        assert s.get(Unavailability, saved.id).fin == at(17, day=DAY + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as exc:
        app.moves.move(actor, find(app, actor, Source.ABSENCE, saved.id, DAY + dt.timedelta(days=1)),
                       at(12, day=DAY + dt.timedelta(days=1)), at(11, day=DAY + dt.timedelta(days=1)))
    assert exc.value.errors == {"fin": "La fin doit être après le début."}
    with pytest.raises(ValidationError) as exc2:
        app.planning.save_absence(actor, AbsenceInput(user_id=world.animatrice, debut="10/03/2027 12:00",
                                                      fin="10/03/2027 08:00"))
    assert exc2.value.errors == {"fin": "La fin doit être après le début."}


def test_roles_see_their_share(app, actor, world, role_actor) -> None:  # type: ignore[no-untyped-def]
    from db.enums import Role

    benevole = role_actor(Role.BENEVOLE, assigned=[world.people[1]])
    kinds = {(i.source, i.source_id) for i in app.planning.items(benevole, DAY - dt.timedelta(days=7), DAY + dt.timedelta(days=3))}
    assert kinds == {(Source.PLANNED, world.people[1])}  # their person's contact; no séance, passage or others' visits
    animateur = role_actor(Role.ANIMATEUR)
    assert {i.source for i in app.planning.items(animateur, DAY, DAY)} == {Source.SEANCE, Source.PASSAGE}
